package org.parley.core.strategy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.core.analysis.RuleAnalyzer;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.Outcome;
import org.parley.core.model.Persona;
import org.parley.core.model.Tolerances;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Move;
import org.parley.core.negotiation.Rationale;
import org.parley.core.negotiation.Request;
import org.parley.core.preference.Constraint;

/**
 * Parley's default AI diplomat: it answers the other side, weighs the clock and its walk-away
 * value, aims at the coalition the agreement rule needs, and says why it moves.
 *
 * <p><b>Target.</b> Its aim at normalised time t is u_max − plan(t) − max(0, ρ · R − plan(t) / 2),
 * never below its floor (the reservation value; a hardliner's is higher) and, facing one partner,
 * never below the best offer that partner has made it. plan(t) = (u_max − floor) · τ^(1/e) is its
 * deadline plan, a time-dependent curve (Faratin, Sierra and Jennings 1998) read at the plan time
 * τ of {@link TimePressure}, which runs ahead of t under a discount. R is reciprocity (Axelrod;
 * the "relative tit-for-tat" family of Faratin et al.): how far its partners have come towards it
 * in its own utility, counted from each partner's first offer that keeps its hard constraints; ρ
 * scales its answer. It answers only the part of ρ · R beyond half its planned concession: its
 * plan already moves it towards them, and adding their whole concession on top of it would give
 * twice for one step of theirs (measured: the sum let time-dependent opponents, which concede on
 * the clock whatever it does, take the difference). Against a party that never concedes R stays 0
 * and it concedes no more than its deadline plan.
 *
 * <p>With one opponent every offer is addressed to it, so R is the rise of that opponent's best
 * offer. With several, each partner's offers court the whole table and their worth to it varies
 * with whom they court; the best so far of such a series only ratchets up with that noise. So a
 * partner's level is the mean of its last {@value #WINDOW} offers, its concession the rise of
 * that level above the level of its first {@value #WINDOW} offers, and R the least of the partners' concessions: a deal needs
 * every member of the coalition, and the coalition has come as far as its most distant member.
 *
 * <p><b>Coalition.</b> Of the smallest winning signer sets that include it
 * ({@link RuleAnalyzer#winningWith}), it courts the one with the best expected value for itself:
 * its own utility at the point that maximises (u − r) · Π û_j over sampled outcomes, û_j the
 * frequency model's estimate of partner j (van Krimpen, Looije and Hajizadeh 2013). Its offers
 * please those partners, not everyone; the choice is refreshed as the model learns and when a
 * party leaves.
 *
 * <p><b>Bids.</b> Among its outcomes in [target, target + band] (sampled) and the partners' own
 * offers that reach the target, it offers the one whose least-pleased partner is pleased most (by
 * the frequency model's estimates): every partner must sign, so the partner it pleases least is
 * the bottleneck. A hardliner keeps its most important discrete issue (one no hard constraint
 * of its own names, so that saying so reveals no constraint) at its best option.
 *
 * <p><b>Acceptance and walking away.</b> It accepts an acceptable offer worth at least its next
 * target a round from now (discounted), or anything acceptable at its last chance or, with several
 * opponents, once its plan is spent. When its signature would close the deal (the standing offer's
 * proposer and those who accepted it since, with it, satisfy the rule) it also accepts an offer
 * worth at least what a counter-offer is worth: its aim {@value #COUNTER_TIME} of the time later,
 * discounted, the time it reckons a counter needs to collect the signatures again (with
 * several opponents always; facing one, under a discount). Under a discount it also weighs the
 * prospect of going on: it extrapolates the partners' best offers, finds where they would meet its
 * own plan, and discounts that deal to now. (It no longer accepts on the prospect: the partners'
 * offers, chosen on their own utility, rise in its utility by luck as much as by trend, and the
 * prospect made it sign early against opponents that would have conceded.) When, facing one
 * opponent, the prospect is worse than walking away now, it first
 * makes a final offer near its floor with a warning, then leaves. (The reservation value is
 * discounted like a deal, so without a discount walking away never beats waiting.) With several
 * opponents it does not leave on the prospect: the partners' trend is no forecast of where they
 * would meet it (their offers court the whole table), and under unanimity its leaving ends the
 * talks for everyone; it still leaves a table where nothing is acceptable to it.
 *
 * <p><b>Reasons.</b> Every move carries a {@link Rationale}: the kind (opening, hold,
 * non-negotiable, concession, concession-answered, deadline, coalition-offer, walk-away-threat,
 * accept-above-target, accept-before-deadline, reject-below-target, reject-unacceptable,
 * walk-away), public terms a line may quote (the party answered, the coalition, the issue and
 * option kept, the rounds left) and private figures for the record. The engine voices it with the
 * faction's phrasebook. O(samples · issues · partners) per move; the coalition refresh costs
 * O(coalitions · samples · partners) every {@value #REFRESH} offers.
 */
public final class DiplomatStrategy implements Strategy {

    static final int REFRESH = 6;
    private static final int CANDIDATES = 16;
    private static final int LEVELS = 16;
    private static final int PER_LEVEL = 4;
    private static final int MAX_COALITIONS = 32;
    private static final double EPS = 1e-6;
    /** Offers from each partner before it judges their trend. */
    private static final int EVIDENCE = 3;
    /** Normalised time it watches each partner before it judges their trend: opening offers hold still. */
    private static final double WATCH = 0.15;
    /** The offers of a partner in multi-party talks whose mean is its level (see the class comment). */
    static final int WINDOW = 4;
    /** The share of its range above its floor left to concede when its plan counts as spent. */
    private static final double SPENT = 0.05;
    /**
     * The share of the talks' time it reckons a counter-offer needs before it could close a deal:
     * an offer whose acceptance closes the deal is weighed against its aim that much later,
     * discounted (see {@link #closingValue}). On the diplomat benchmark (100 rounds) 0.10, 0.15 and
     * 0.20 give the same ranking; without the rule it ranked behind linear on a second set of
     * scenarios. A share of the time, not a number of rounds, so that in short talks it does not
     * sign the first acceptable offer because a counter could not close before the deadline.
     */
    static final double COUNTER_TIME = 0.15;

    private final Persona persona;
    private final boolean discountAware;
    /** The trust view it was given, or null: then it reads its setup's trust (a world tells it). */
    private final TrustView given;
    private final double wary;
    private TrustView trust = TrustView.FULL;

    private double e;
    private double answer;
    private double bandShare;

    private Setup setup;
    private BidSpace bids;
    private FrequencyOpponentModel model;
    private TimePressure pressure;
    private boolean hopeless;
    private double max;
    private double floor;
    private final Set<String> present = new HashSet<>();
    private List<List<String>> coalitions = List.of();
    private List<String> partners = List.of();
    private final Map<String, Track> tracks = new HashMap<>();
    private int offersSeen;
    private int nonNegotiable = -1;
    private double nonNegotiableValue;

    private double answered;
    private int ownOffers;
    private double lastOwnUtility = Double.NaN;
    private boolean threatened;
    private boolean coalitionChanged = true;
    /** The standing offer as the public moves show it, and who has signed it (its proposer and those who accepted it since). */
    private Outcome standing;
    private final Set<String> signers = new HashSet<>();

    /**
     * What one opponent has offered, counted from its first offer that keeps the own hard
     * constraints: its first and best offers in own utility, with times, and its concession (the
     * rise of its level; see the class comment).
     */
    private static final class Track {
        int offers;
        double firstTime;
        double first = Double.NaN;
        double best = Double.NEGATIVE_INFINITY;
        double bestTime;
        Outcome bestOutcome;
        double atAnswer;
        /** Its latest offers' own utilities, at most the window's length. */
        final ArrayDeque<Double> recent = new ArrayDeque<>();
        double sum;
        /** Its level once its first window filled: where it opened. */
        double opening = Double.NaN;
        double conceded;

        /** Takes an offer of own utility u, the level being the mean of the last {@code window} offers. */
        void add(double u, int window) {
            recent.addLast(u);
            sum += u;
            if (recent.size() > window) {
                sum -= recent.removeFirst();
            }
            if (recent.size() < window) {
                return;
            }
            double level = sum / window;
            if (Double.isNaN(opening)) {
                opening = level;
            }
            conceded = Math.max(conceded, level - opening);
        }
    }

    public DiplomatStrategy(Persona persona, boolean discountAware) {
        this(persona, discountAware, TrustView.FULL);
    }

    /**
     * A diplomat that credits each partner's concessions, and weighs each coalition, by its trust
     * in them (a world of repeated talks passes its reputations; trust outside [0, 1] is clamped).
     */
    public DiplomatStrategy(Persona persona, boolean discountAware, TrustView trust) {
        this(persona, discountAware, trust == null ? TrustView.FULL : trust, 0);
    }

    /**
     * A diplomat that reads trust from its setup (a world of repeated negotiations tells it): it
     * credits a partner's concessions and weighs a coalition by 1 − distrust (a stranger or a
     * trusted partner counts fully, a power that broke its word less, one with trust 0 not at all,
     * so it courts other coalitions), and raises its floor by {@code wary × distrust}
     * ({@link Setup#guardedReservation}).
     */
    public DiplomatStrategy(Persona persona, boolean discountAware, double wary) {
        this(persona, discountAware, null, wary);
    }

    private DiplomatStrategy(Persona persona, boolean discountAware, TrustView given, double wary) {
        if (!(wary >= 0 && wary <= 1)) {
            throw new IllegalArgumentException("The wariness (" + wary + ") must lie in [0, 1].");
        }
        this.persona = persona == null ? Persona.DEFAULT : persona;
        this.discountAware = discountAware;
        this.given = given;
        this.wary = wary;
        // patience 0 → e = 3 (concedes early), 0.5 → 1 (steady), 1 → 1/3 (holds out)
        e = Math.pow(3, 1 - 2 * this.persona.patience());
        answer = 2 * this.persona.reciprocity();
        bandShare = 0.04;
        switch (this.persona.style()) {
            case HARDLINER -> {
                e *= 0.6;
                answer *= 0.6;
                bandShare = 0.02;
            }
            case COOPERATIVE -> {
                e *= 1.5;
                answer *= 1.2;
                bandShare = 0.075;
            }
            case PRAGMATIC -> { }
        }
    }

    public Persona persona() {
        return persona;
    }

    @Override
    public void start(Setup setup) {
        this.setup = setup;
        trust = given != null ? given : setup.trust().isEmpty() ? TrustView.FULL : party -> 1 - setup.distrust(party);
        bids = setup.bids();
        model = new FrequencyOpponentModel();
        model.start(setup);
        pressure = discountAware ? TimePressure.of(setup) : null;
        hopeless = bids.isEmpty() || bids.max() < setup.reservation() - Tolerances.ACCEPTANCE;
        if (hopeless) {
            return;
        }
        max = bids.max();
        double base = Math.min(max, Math.max(setup.guardedReservation(wary), bids.min()));
        floor = persona.style() == Persona.Style.HARDLINER ? base + 0.15 * (max - base) : base;
        present.addAll(setup.opponents());
        for (String opponent : setup.opponents()) {
            tracks.put(opponent, new Track());
        }
        coalitions = RuleAnalyzer.winningWith(setup.rule(), setup.parties(), setup.self()).stream()
                .limit(MAX_COALITIONS)
                .map(c -> c.stream().filter(p -> !p.equals(setup.self())).toList())
                .toList();
        chooseCoalition();
        if (persona.style() == Persona.Style.HARDLINER) {
            pickNonNegotiable();
        }
    }

    @Override
    public void observe(Move move) {
        if (hopeless) {
            return;
        }
        if (pressure != null) {
            pressure.observe(move);
        }
        model.update(move);
        String party = move.party();
        if (move.action() instanceof Action.Offer offer) {
            standing = offer.outcome();
            signers.clear();
            signers.add(party);
        } else if (move.action() instanceof Action.Accept accept && accept.outcome().equals(standing)) {
            signers.add(party);
        }
        if (party.equals(setup.self()) || !present.contains(party)) {
            return;
        }
        if (move.action().leavesTable()) {
            present.remove(party);
            chooseCoalition();
            return;
        }
        if (move.action() instanceof Action.Offer offer) {
            if (++offersSeen % REFRESH == 0) {
                chooseCoalition();
            }
            // Counted from the partner's first offer that keeps the own constraints: an opening
            // that breaks them would make its first acceptable offer read as a large concession.
            if (!setup.preferences().satisfiesConstraints(offer.outcome())) {
                return;
            }
            Track track = tracks.get(party);
            double u = setup.utility(offer.outcome());
            track.add(u, setup.opponents().size() > 1 ? WINDOW : 1);
            if (track.offers++ == 0) {
                track.first = u;
                track.firstTime = move.time();
                track.atAnswer = u;
            }
            if (u > track.best) {
                track.best = u;
                track.bestTime = move.time();
                track.bestOutcome = offer.outcome();
            }
        }
    }

    @Override
    public Action act(Request request) {
        if (hopeless) {
            return new Action.WalkAway(Rationale.of(Rationale.WALK_AWAY).figure("best", bids.isEmpty() ? 0 : bids.max())
                    .figure("reservation", setup.reservation()), null);
        }
        double t = request.time();
        if (pressure != null) {
            pressure.observe(request.round(), t);
        }
        return switch (request.kind()) {
            case PROPOSE -> propose(request, t, null);
            case RESPOND -> {
                Action accept = acceptance(request, t);
                yield accept != null ? accept : propose(request, t, request.outcome());
            }
            case VOTE -> vote(request, t);
            case RATIFY -> setup.acceptable(request.outcome())
                    ? new Action.Accept(request.outcome()).explained(Rationale.of(Rationale.ACCEPT_BEFORE_DEADLINE)
                            .figure("offer", setup.utility(request.outcome())).figure("reservation", setup.reservation()), null)
                    : new Action.Reject(request.outcome()).explained(rejection(request.outcome(), target(t)), null);
        };
    }

    // ---- the aim ----------------------------------------------------------------------------------

    /** The deadline plan's concession at t: (u_max − floor) · τ^(1/e). */
    double planned(double t) {
        double tau = pressure == null ? clamp(t) : pressure.planTime(t);
        return (max - floor) * Math.pow(tau, 1 / e);
    }

    /**
     * R: the least, over the partners, of each partner's concession in own utility (0 for one
     * that has made no offer keeping the own constraints), each weighted by the trust in that
     * partner.
     */
    double reciprocity() {
        if (partners.isEmpty()) {
            return 0;
        }
        double least = Double.POSITIVE_INFINITY;
        for (String partner : partners) {
            Track track = tracks.get(partner);
            least = Math.min(least, track.offers > 0 ? trustIn(partner) * track.conceded : 0);
        }
        return least;
    }

    /** The own utility it aims at now, before the partners' best offers are counted. */
    double target(double t) {
        return Math.max(floor, max - concession(planned(t), answer * reciprocity()));
    }

    /** Its concession from u_max: the plan, and the answer beyond half of it (see the class comment). */
    private static double concession(double plan, double answered) {
        return plan + Math.max(0, answered - plan / 2);
    }

    /**
     * The best offer its one partner has made it (in own utility), or −∞ with several partners or
     * none: the partner has shown it would go that far, so asking for less would give away what is
     * already on the table. With several partners their best offers are different outcomes that no
     * one offer need match, so the least of them is no floor (it held the diplomat far above any
     * deal to the deadline in 4-party talks).
     */
    private double bestFromPartners() {
        if (partners.size() != 1) {
            return Double.NEGATIVE_INFINITY;
        }
        return tracks.get(partners.get(0)).best;
    }

    // ---- moves ------------------------------------------------------------------------------------

    private Action propose(Request request, double t, Outcome standing) {
        double target = target(t);
        double prospect = prospect(t, target);
        boolean discounted = pressure != null && pressure.discounted();
        // It leaves only once its own plan is spent: a partner that holds still may be a Boulware
        // that concedes late, and an extrapolation of its trend cannot tell.
        boolean spent = spent(target);
        if (discounted && spent && setup.opponents().size() == 1 && prospect < setup.reservation() - EPS) {
            if (threatened) {
                return new Action.WalkAway(Rationale.of(Rationale.WALK_AWAY).figure("prospect", prospect)
                        .figure("reservation", setup.reservation()), null);
            }
            // A warning with its regular offer: one more turn for the others to move.
            threatened = true;
            Outcome bid = bid(Math.max(target, Math.min(max, bestFromPartners())));
            return offer(bid, Rationale.of(Rationale.WALK_AWAY_THREAT).figure("target", target)
                    .figure("offer", setup.utility(bid)).figure("prospect", prospect)
                    .figure("reservation", setup.reservation()));
        }
        threatened = false;
        double aim = Math.max(target, Math.min(max, bestFromPartners()));
        Outcome bid = bid(aim);
        double u = setup.utility(bid);
        Rationale why = reason(request, t, u, target);
        why = why.figure("target", target).figure("offer", u).figure("plan", max - planned(t))
                .figure("reciprocity", reciprocity()).figure("reservation", setup.reservation());
        if (!Double.isNaN(prospect) && Double.isFinite(prospect)) {
            why = why.figure("prospect", prospect);
        }
        return offer(bid, why);
    }

    private Action offer(Outcome bid, Rationale why) {
        ownOffers++;
        lastOwnUtility = setup.utility(bid);
        coalitionChanged = false;
        return new Action.Offer(bid, why, null);
    }

    /** The most salient reason for an offer of own utility {@code u}. */
    private Rationale reason(Request request, double t, double u, double target) {
        if (ownOffers == 0) {
            return nonNegotiable >= 0 ? nonNegotiableReason() : Rationale.of(Rationale.OPENING);
        }
        boolean conceded = u < lastOwnUtility - 0.005;
        double r = reciprocity();
        boolean answering = conceded && answer > 0 && r > answered + 0.005;
        String answeredParty = null;
        if (answering) {
            double most = 0;
            for (String partner : partners) {
                Track track = tracks.get(partner);
                double step = track.best - track.atAnswer;
                if (track.offers > 0 && step > most) {
                    most = step;
                    answeredParty = partner;
                }
            }
            answered = r;
            for (String partner : partners) {
                tracks.get(partner).atAnswer = tracks.get(partner).best;
            }
        }
        if (answering && answeredParty != null) {
            return Rationale.of(Rationale.CONCESSION_ANSWERED).term("party", answeredParty);
        }
        int roundsLeft = setup.deadline().hasRounds() ? setup.deadline().rounds() - request.round() - 1 : -1;
        boolean late = roundsLeft >= 0 ? roundsLeft <= Math.max(3, setup.deadline().rounds() / 10) : t >= 0.9;
        if (conceded && late) {
            Rationale why = Rationale.of(Rationale.DEADLINE);
            return roundsLeft >= 0 ? why.term("rounds-left", Integer.toString(roundsLeft)) : why;
        }
        boolean courting = partners.size() + 1 < setup.parties().size();
        if (courting && (coalitionChanged || ownOffers % 4 == 1)) {
            return Rationale.of(Rationale.COALITION_OFFER).term("coalition", String.join(", ", partners));
        }
        if (nonNegotiable >= 0 && ownOffers % 5 == 0) {
            return nonNegotiableReason();
        }
        return Rationale.of(conceded ? Rationale.CONCESSION : Rationale.HOLD);
    }

    private Rationale nonNegotiableReason() {
        DiscreteIssue issue = (DiscreteIssue) setup.domain().issue(nonNegotiable);
        return Rationale.of(Rationale.NON_NEGOTIABLE).term("issue", issue.name())
                .term("option", issue.option((int) nonNegotiableValue));
    }

    /** An acceptance of the standing offer, or null to counter. */
    private Action acceptance(Request request, double t) {
        Outcome offered = request.outcome();
        if (!setup.acceptable(offered)) {
            return null;
        }
        double u = setup.utility(offered);
        double target = target(t);
        double next = Math.max(target, Math.min(max, bestFromPartners()));
        double step = pressure == null ? 1 : pressure.step();
        Rationale why = null;
        if (u >= next * step - Tolerances.ROUNDING) {
            why = Rationale.of(Rationale.ACCEPT_ABOVE_TARGET);
        } else if (lastChance(request) || (setup.opponents().size() > 1 && spent(target))) {
            // Its plan spent, it has nothing left to concede; with several opponents a counter
            // must collect every signature again in turn, so an acceptable offer that is already
            // gathering them is worth more than any counter it could make.
            why = Rationale.of(Rationale.ACCEPT_BEFORE_DEADLINE);
        } else if (closes(offered) && (setup.opponents().size() > 1 || step < 1)) {
            // Its signature would close the deal now; a counter would first have to be signed by
            // every partner it needs, in turn, and is worth its aim that much later, discounted.
            double later = closingValue(t);
            if (u >= later - Tolerances.ROUNDING) {
                why = Rationale.of(Rationale.ACCEPT_BEFORE_DEADLINE).figure("counter", later);
            }
        }
        if (why == null) {
            return null;
        }
        return new Action.Accept(offered).explained(why.figure("offer", u).figure("target", target)
                .figure("reservation", setup.reservation()), null);
    }

    /** Whether its signature on {@code offered}, the standing offer, would make the deal stand. */
    private boolean closes(Outcome offered) {
        if (standing == null || !offered.equals(standing)) {
            return false;
        }
        Set<String> all = new HashSet<>(signers);
        all.add(setup.self());
        return setup.rule().stands(all);
    }

    /**
     * What a counter-offer is worth now: its aim {@value #COUNTER_TIME} of the time later (what it
     * reckons a counter needs to gather the signatures again), discounted from then to now.
     */
    double closingValue(double t) {
        double later = Math.min(1, t + COUNTER_TIME);
        double worth = pressure == null ? 1 : pressure.factor(later) / pressure.factor(t);
        return target(later) * worth;
    }

    /** Whether its plan is spent: a target within {@value #SPENT} of its range above its floor. */
    private boolean spent(double target) {
        return target <= floor + SPENT * (max - floor);
    }

    /** Whether the talks are in their last round (or last 2 % of the time). */
    private boolean lastChance(Request request) {
        if (setup.deadline().hasRounds() && request.round() >= setup.deadline().rounds() - 1) {
            return true;
        }
        return request.time() >= 0.98;
    }

    private Action vote(Request request, double t) {
        Outcome outcome = request.outcome();
        double target = target(t);
        boolean yes;
        if (!setup.acceptable(outcome)) {
            yes = request.reference() != null && setup.preferences().satisfiesConstraints(outcome)
                    && setup.utility(outcome) >= value(request.reference());
        } else {
            double u = setup.utility(outcome);
            yes = u >= target - Tolerances.ROUNDING || lastChance(request)
                    || (request.reference() != null && u >= value(request.reference()));
        }
        if (yes) {
            double u = setup.utility(outcome);
            String kind = u >= target - Tolerances.ROUNDING ? Rationale.ACCEPT_ABOVE_TARGET : Rationale.ACCEPT_BEFORE_DEADLINE;
            return new Action.Accept(outcome).explained(Rationale.of(kind).figure("offer", u).figure("target", target), null);
        }
        return new Action.Reject(outcome).explained(rejection(outcome, target), null);
    }

    private Rationale rejection(Outcome outcome, double target) {
        double u = setup.utility(outcome);
        String kind = setup.acceptable(outcome) ? Rationale.REJECT_BELOW_TARGET : Rationale.REJECT_UNACCEPTABLE;
        return Rationale.of(kind).figure("offer", u).figure("target", target).figure("reservation", setup.reservation());
    }

    /** Own utility, or −1 for an outcome that breaks an own constraint. */
    private double value(Outcome outcome) {
        return setup.preferences().satisfiesConstraints(outcome) ? setup.utility(outcome) : -1;
    }

    // ---- the prospect of going on -----------------------------------------------------------------

    /**
     * The worth now of going on: the partners' best offers extrapolated from their trend, met with
     * its own plan from now on (reciprocity as it stands), that deal discounted to now; the walk-away
     * value at the end when they would not meet. NaN without a discount or before each partner has
     * made {@value #EVIDENCE} offers.
     */
    double prospect(double t, double target) {
        if (pressure == null || !pressure.discounted() || partners.isEmpty()) {
            return Double.NaN;
        }
        double best = Double.POSITIVE_INFINITY;
        double slope = Double.POSITIVE_INFINITY;
        for (String partner : partners) {
            Track track = tracks.get(partner);
            if (track.offers < EVIDENCE || t - track.firstTime < WATCH) {
                return Double.NaN;
            }
            // The trend from the partner's first offer to its best so far, to now: holding still
            // since its best flattens it.
            double s = Math.max(0, track.best - track.first) / Math.max(1e-9, t - track.firstTime);
            best = Math.min(best, track.best);
            slope = Math.min(slope, s);
        }
        double now = pressure.factor(t);
        double reciprocal = answer * reciprocity();
        for (int k = 1; k <= 100; k++) {
            double later = t + (1 - t) * k / 100.0;
            double aim = Math.max(floor, Math.min(target, max - concession(planned(later), reciprocal)));
            if (best + slope * (later - t) >= aim - Tolerances.ROUNDING) {
                return aim * pressure.factor(later) / now;
            }
        }
        return setup.reservation() * pressure.factor(1) / now;
    }

    // ---- bids -------------------------------------------------------------------------------------

    /** An outcome of own utility at least {@code target} that the partners should like best. */
    private Outcome bid(double target) {
        target = Math.min(max, target);
        double band = Math.max(0.01, bandShare * (max - floor));
        Outcome best = keepTerm(bids.atLeast(target), target);
        double bestScore = score(best);
        for (int k = 0; k < CANDIDATES; k++) {
            Outcome candidate = bids.random(target, Math.min(max, target + band), setup.random());
            if (candidate != null && keeps(candidate)) {
                double s = score(candidate);
                if (s > bestScore + EPS || (s > bestScore - EPS && setup.utility(candidate) > setup.utility(best))) {
                    best = candidate;
                    bestScore = s;
                }
            }
        }
        for (String partner : partners) {
            Outcome theirs = tracks.get(partner).bestOutcome;
            if (theirs != null && setup.acceptable(theirs) && setup.utility(theirs) >= target - Tolerances.ROUNDING
                    && keeps(theirs)) {
                double s = score(theirs);
                if (s > bestScore + EPS) {
                    best = theirs;
                    bestScore = s;
                }
            }
        }
        return best;
    }

    /**
     * The least of the partners' estimated utilities (1 without partners): a deal needs every
     * partner's signature, so the partner it pleases least is the one whose acceptance is the
     * bottleneck. (The product, tried before, let one partner's delight cover another's refusal:
     * on the benchmark it agreed less often in unanimous 4-party talks.)
     */
    private double score(Outcome outcome) {
        double least = 1;
        for (String partner : partners) {
            least = Math.min(least, model.utility(partner, outcome));
        }
        return least;
    }

    private boolean keeps(Outcome outcome) {
        return nonNegotiable < 0 || outcome.value(nonNegotiable) == nonNegotiableValue;
    }

    /** {@code fallback} when it keeps the non-negotiable term; else a sampled outcome that does, if any. */
    private Outcome keepTerm(Outcome fallback, double target) {
        if (keeps(fallback)) {
            return fallback;
        }
        for (int k = 0; k < 4 * CANDIDATES; k++) {
            Outcome candidate = bids.random(target, max, setup.random());
            if (candidate != null && keeps(candidate)) {
                return candidate;
            }
        }
        return fallback;
    }

    /**
     * The hardliner's term: the discrete issue, named by none of its own hard constraints, whose
     * change from its best outcome costs it most; kept at the best outcome's option.
     */
    private void pickNonNegotiable() {
        Set<Integer> constrained = new HashSet<>();
        for (Constraint constraint : setup.preferences().constraints()) {
            constrained.addAll(constraint.issues());
        }
        Outcome best = bids.best();
        double top = setup.utility(best);
        double worstDrop = 0;
        for (int i = 0; i < setup.domain().size(); i++) {
            if (constrained.contains(i) || !(setup.domain().issue(i) instanceof DiscreteIssue issue)) {
                continue;
            }
            double drop = 0;
            for (int o = 0; o < issue.options().size(); o++) {
                drop = Math.max(drop, top - setup.utility(best.with(i, o)));
            }
            if (drop > worstDrop + EPS) {
                worstDrop = drop;
                nonNegotiable = i;
                nonNegotiableValue = best.value(i);
            }
        }
    }

    // ---- the coalition ----------------------------------------------------------------------------

    /** Courts the winning set, among those whose members are all present, with the best expected value. */
    private void chooseCoalition() {
        List<List<String>> open = new ArrayList<>();
        for (List<String> c : coalitions) {
            if (present.containsAll(c)) {
                open.add(c);
            }
        }
        List<String> chosen;
        if (open.isEmpty()) {
            chosen = List.copyOf(present);
        } else if (open.size() == 1) {
            chosen = open.get(0);
        } else {
            chosen = open.get(0);
            double bestValue = Double.NEGATIVE_INFINITY;
            for (List<String> c : open) {
                double v = expectedValue(c);
                if (v > bestValue + EPS) {
                    bestValue = v;
                    chosen = c;
                }
            }
        }
        if (!chosen.equals(partners)) {
            coalitionChanged = true;
            partners = chosen;
        }
    }

    /**
     * Own utility where (u − r) · Π û_j peaks over sampled outcomes above the floor, scaled by the
     * product of the trust in the coalition's members (1 in a single negotiation).
     */
    private double expectedValue(List<String> coalition) {
        double bestProduct = Double.NEGATIVE_INFINITY;
        double bestOwn = floor;
        for (int level = 0; level < LEVELS; level++) {
            double lo = floor + (max - floor) * level / LEVELS;
            double hi = floor + (max - floor) * (level + 1) / LEVELS;
            for (int k = 0; k < PER_LEVEL; k++) {
                Outcome candidate = bids.random(lo, hi, setup.random());
                if (candidate == null) {
                    break;
                }
                double own = setup.utility(candidate);
                double product = own - setup.reservation() + EPS;
                for (String partner : coalition) {
                    product *= model.utility(partner, candidate);
                }
                if (product > bestProduct) {
                    bestProduct = product;
                    bestOwn = own;
                }
            }
        }
        double trusted = 1;
        for (String partner : coalition) {
            trusted *= trustIn(partner);
        }
        return bestOwn * trusted;
    }

    /** The partners it courts now, for tests and display. */
    public List<String> partners() {
        return partners;
    }

    /** The strategy's parameters as a spec would give them. */
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>(persona.parameters());
        parameters.put(StrategyRegistry.DISCOUNT_AWARE, Boolean.toString(discountAware));
        return parameters;
    }

    private double trustIn(String party) {
        double x = trust.trust(party);
        return Double.isNaN(x) ? 1 : clamp(x);
    }

    private static double clamp(double t) {
        return Math.max(0, Math.min(1, t));
    }
}
