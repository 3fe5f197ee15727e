package org.parley.core.world;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parley.core.engine.BidSpaceCache;
import org.parley.core.engine.Negotiation;
import org.parley.core.model.Outcome;
import org.parley.core.model.OutcomeSpace;
import org.parley.core.model.Party;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.NegotiationRecord;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Result;
import org.parley.core.negotiation.StrategySpec;
import org.parley.core.preference.LinearAdditiveUtility;
import org.parley.core.preference.Preferences;
import org.parley.core.protocol.Protocols;
import org.parley.core.strategy.StrategyRegistry;

/**
 * Runs a world: its negotiations in order, each followed by an execution phase in which every
 * signer honours or breaches the agreement, and the powers who see it update their trust. Same
 * world and seed, same result.
 *
 * <p>Trust enters negotiations in one of two ways. A trust-aware power whose strategy reads trust
 * (one that takes the {@code wary} parameter: the time-dependent strategies) is told, in its
 * setup, its own trust in each counterpart, with the world's weight as its wariness unless its spec
 * sets one; against a counterpart it distrusts (trust below ½, a stranger's) the strategy itself
 * demands more and concedes less ({@link org.parley.core.strategy.Setup#guardedReservation}). Any
 * other trust-aware power has the walk-away value it negotiates with raised towards its best
 * outcome, by {@code weight × distrust}, where distrust = 1 − trust / ½ of its least-trusted
 * counterpart. Either way it demands more, concedes less and refuses deals it would have taken
 * from a power in good standing. Payoffs are always scored with the scenario's own walk-away
 * values: the raised one is a bargaining stance, not a change of interests.
 *
 * <p>A power that honours "when it pays" breaches when the gain exceeds the reputation cost it
 * expects: for each of its remaining negotiations with a trust-aware counterpart, the fall in that
 * counterpart's trust a breach would cause (against honouring), priced at the rate distrust grows
 * (twice the fall), times the counterpart's trust weight, times the surplus it has earned per
 * agreement so far (¼ before its first). The longer the world's horizon, the dearer a breach.
 */
public final class WorldRunner {

    /**
     * Receives each negotiation played in this run as it ends, with its full record (the CLI stores
     * it). Negotiations taken from {@link Recorded} on a resume are not played again, so not passed on.
     */
    public interface Listener {
        void negotiated(int index, Scenario played, NegotiationRecord record, WorldResult.MeetingResult result);
    }

    /**
     * The negotiations an earlier, interrupted run of the same world and seed finished (the CLI
     * reads them from the database). A world's state after a negotiation is a function of the
     * results so far (the execution phase and trust are worked out from them), so a resumed run
     * replays those results instead of the negotiations and ends exactly as an uninterrupted one.
     */
    public interface Recorded {
        /** Nothing recorded: every negotiation is played. */
        Recorded NONE = (index, played, settings) -> Optional.empty();

        /**
         * The result of negotiation {@code index} if it was recorded. {@code played} and
         * {@code settings} are what this run would play it with; an implementation should refuse a
         * record made with others (the world file changed since).
         */
        Optional<Result> result(int index, Scenario played, NegotiationSettings settings);
    }

    /** Surplus a "when it pays" power assumes per agreement before it has made one. */
    static final double PRIOR_SURPLUS = 0.25;

    private WorldRunner() {}

    public static WorldResult run(World world, long seed) {
        return run(world, seed, (i, s, r, m) -> { });
    }

    public static WorldResult run(World world, long seed, Listener listener) {
        return run(world, seed, Recorded.NONE, listener);
    }

    /**
     * Runs the world, taking the results {@code recorded} holds instead of playing those
     * negotiations again (a resume), and passing each negotiation it plays to {@code listener}.
     */
    public static WorldResult run(World world, long seed, Recorded recorded, Listener listener) {
        Reputation reputation = new Reputation(world.trust(), world.powerNames());
        StrategyRegistry registry = new StrategyRegistry();
        Map<String, double[]> totals = new LinkedHashMap<>(); // welfare, negotiations, agreements, honoured, breached, surplus
        Map<String, List<Double>> standing = new LinkedHashMap<>();
        Map<String, List<Double>> welfare = new LinkedHashMap<>();
        for (String p : world.powerNames()) {
            totals.put(p, new double[6]);
            standing.put(p, new ArrayList<>());
            welfare.put(p, new ArrayList<>());
        }
        // A power whose strategy reads trust is told it through its setup, with the world's weight as
        // its wariness unless its spec sets one; any other trust-aware power's walk-away value is raised.
        Map<String, StrategySpec> specs = new LinkedHashMap<>();
        Map<String, Double> readers = new LinkedHashMap<>();
        for (World.Power power : world.powers()) {
            StrategySpec spec = power.strategy();
            if (registry.entry(spec).parameterNames().contains(StrategyRegistry.WARY)) {
                if (!spec.parameters().containsKey(StrategyRegistry.WARY)) {
                    Map<String, String> parameters = new LinkedHashMap<>(spec.parameters());
                    parameters.put(StrategyRegistry.WARY, Double.toString(world.trust().weight()));
                    spec = new StrategySpec(spec.name(), parameters);
                }
                if (power.trustAware()) {
                    readers.put(power.name(), Double.parseDouble(spec.parameters().get(StrategyRegistry.WARY)));
                }
            }
            specs.put(power.name(), spec);
        }
        List<WorldResult.MeetingResult> results = new ArrayList<>();
        Schedule schedule = new Schedule(world);
        for (int k = 0; k < world.meetings().size(); k++) {
            World.Meeting meeting = world.meetings().get(k);
            schedule.pass(meeting);
            Scenario scenario = meeting.scenario();
            Map<String, Double> demanded = new LinkedHashMap<>();
            Scenario played = withDemands(world, meeting, reputation, readers, demanded);
            Map<String, StrategySpec> strategies = new LinkedHashMap<>();
            for (Party party : scenario.parties()) {
                strategies.put(party.name(), specs.get(meeting.roles().get(party.name())));
            }
            NegotiationSettings settings = new NegotiationSettings(Protocols.DEFAULT, Deadline.rounds(world.rounds()),
                    strategies, seed * 1_000_003L + k, null, told(world, meeting, reputation, readers, demanded));
            Optional<Result> earlier = recorded.result(k, played, settings);
            Negotiation negotiation = null;
            Result result;
            if (earlier.isPresent()) {
                result = earlier.get();
            } else {
                negotiation = Negotiation.start(played, settings, registry, new BidSpaceCache());
                result = negotiation.run();
            }

            Map<String, Double> payoffs = new LinkedHashMap<>();
            List<String> breachers = new ArrayList<>();
            for (Party party : scenario.parties()) {
                String power = meeting.roles().get(party.name());
                totals.get(power)[1]++;
                boolean signed = result.agreement() && result.signers().contains(party.name());
                payoffs.put(power, signed ? result.payoff(party.name()).discounted() : party.preferences().reservation());
            }
            if (result.agreement()) {
                execute(world, schedule, k, result, reputation, totals, payoffs, breachers);
            }
            for (var entry : payoffs.entrySet()) {
                totals.get(entry.getKey())[0] += entry.getValue();
            }
            for (String p : world.powerNames()) {
                standing.get(p).add(reputation.standing(p));
                welfare.get(p).add(totals.get(p)[0]);
            }
            WorldResult.MeetingResult mr = new WorldResult.MeetingResult(k, scenario.name(), meeting.roles(), result,
                    demanded, breachers, payoffs);
            results.add(mr);
            if (negotiation != null) {
                listener.negotiated(k, played, negotiation.session().record(), mr);
            }
        }
        Map<String, WorldResult.PowerTotals> summary = new LinkedHashMap<>();
        totals.forEach((p, t) -> summary.put(p, new WorldResult.PowerTotals(t[0], (int) t[1], (int) t[2], (int) t[3],
                (int) t[4], reputation.standing(p))));
        return new WorldResult(world.name(), seed, results, summary, standing, welfare);
    }

    /**
     * What each power whose strategy reads trust is told: its trust in each other party's power
     * (nothing when trust is off, and nothing to the others). {@code demanded} gets the walk-away
     * value such a strategy works out from it against a distrusted table.
     */
    private static Map<String, Map<String, Double>> told(World world, World.Meeting meeting, Reputation reputation,
            Map<String, Double> readers, Map<String, Double> demanded) {
        if (world.trust().model() == World.Trust.Model.NONE) {
            return Map.of();
        }
        Scenario scenario = meeting.scenario();
        Map<String, Map<String, Double>> trust = new LinkedHashMap<>();
        for (Party party : scenario.parties()) {
            String power = meeting.roles().get(party.name());
            Double wary = readers.get(power);
            if (wary == null) {
                continue;
            }
            Map<String, Double> row = new LinkedHashMap<>();
            double distrust = 0;
            for (var other : meeting.roles().entrySet()) {
                if (!other.getValue().equals(power)) {
                    double t = reputation.trust(power, other.getValue());
                    row.put(other.getKey(), t);
                    distrust = Math.max(distrust, distrust(t));
                }
            }
            trust.put(party.name(), row);
            Preferences p = party.preferences();
            if (distrust > 0 && wary > 0) {
                demanded.put(party.name(), p.reservation() + wary * distrust * Math.max(0, best(scenario, p) - p.reservation()));
            }
        }
        return trust;
    }

    /**
     * The scenario as played: the walk-away values of trust-aware powers whose strategies do not
     * read trust, raised against distrusted counterparts.
     */
    private static Scenario withDemands(World world, World.Meeting meeting, Reputation reputation,
            Map<String, Double> readers, Map<String, Double> demanded) {
        Scenario scenario = meeting.scenario();
        if (world.trust().model() == World.Trust.Model.NONE) {
            return scenario;
        }
        List<Party> parties = new ArrayList<>();
        boolean changed = false;
        for (Party party : scenario.parties()) {
            String power = meeting.roles().get(party.name());
            Preferences p = party.preferences();
            if (world.power(power).trustAware() && !readers.containsKey(power)) {
                double distrust = 0;
                for (String other : meeting.roles().values()) {
                    if (!other.equals(power)) {
                        distrust = Math.max(distrust, distrust(reputation.trust(power, other)));
                    }
                }
                if (distrust > 0) {
                    double best = best(scenario, p);
                    double raised = p.reservation() + world.trust().weight() * distrust * Math.max(0, best - p.reservation());
                    p = new Preferences(p.utility(), p.constraints(), raised, p.discount());
                    demanded.put(party.name(), raised);
                    changed = true;
                }
            }
            parties.add(new Party(party.name(), party.role(), p, party.strategy(), party.persona(), party.phrases()));
        }
        return changed ? new Scenario(scenario.name(), scenario.description(), scenario.domain(), parties,
                scenario.agreement(), scenario.coalition(), scenario.narrative()) : scenario;
    }

    /** 0 for trust of ½ (a stranger's) or more, rising to 1 at trust 0. */
    static double distrust(double trust) {
        return Math.max(0, 1 - trust / 0.5);
    }

    private static void execute(World world, Schedule schedule, int index, Result result, Reputation reputation,
            Map<String, double[]> totals, Map<String, Double> payoffs, List<String> breachers) {
        World.Meeting meeting = world.meetings().get(index);
        Scenario scenario = meeting.scenario();
        Outcome agreed = result.outcome();
        for (String signer : result.signers()) {
            String power = meeting.roles().get(signer);
            totals.get(power)[2]++;
            Preferences p = scenario.party(signer).preferences();
            double u = p.utility(agreed);
            totals.get(power)[5] += Math.max(0, u - p.reservation());
            double gain = Double.isNaN(world.breach().gain()) ? Math.max(0, best(scenario, p) - u) : world.breach().gain();
            boolean breach = switch (world.power(power).honour()) {
                case ALWAYS -> false;
                case NEVER -> gain > 0;
                case WHEN_IT_PAYS -> gain > reputationCost(world, schedule, index, power, reputation, totals);
            };
            if (breach) {
                breachers.add(power);
            }
        }
        for (String breacher : breachers) {
            String party = partyOf(meeting, breacher);
            Preferences p = scenario.party(party).preferences();
            double gain = Double.isNaN(world.breach().gain())
                    ? Math.max(0, best(scenario, p) - p.utility(agreed)) : world.breach().gain();
            payoffs.merge(breacher, gain, Double::sum);
            for (String signer : result.signers()) {
                String victim = meeting.roles().get(signer);
                if (!victim.equals(breacher)) {
                    Preferences v = scenario.party(signer).preferences();
                    double loss = world.breach().loss() * Math.max(0, v.utility(agreed) - v.reservation());
                    payoffs.merge(victim, -loss, Double::sum);
                }
            }
        }
        // The execution phase is seen: by every power, or by the signers only.
        List<String> observers = world.breach().visibility() == World.Visibility.PUBLIC
                ? world.powerNames()
                : result.signers().stream().map(s -> meeting.roles().get(s)).toList();
        for (String signer : result.signers()) {
            String power = meeting.roles().get(signer);
            boolean honoured = !breachers.contains(power);
            totals.get(power)[honoured ? 3 : 4]++;
            for (String observer : observers) {
                if (!observer.equals(power)) {
                    reputation.observe(observer, power, honoured);
                }
            }
        }
    }

    /** What a breach now would cost {@code power} over its remaining negotiations, by its own estimate. */
    private static double reputationCost(World world, Schedule schedule, int index, String power,
            Reputation reputation, Map<String, double[]> totals) {
        World.Meeting now = world.meetings().get(index);
        if (world.trust().model() == World.Trust.Model.NONE) {
            return 0;
        }
        List<String> observers = world.breach().visibility() == World.Visibility.PUBLIC
                ? world.powerNames() : List.copyOf(now.roles().values());
        // The fall in each counterpart's trust does not depend on the negotiation: work it out once.
        Map<String, Double> fall = reputation.fallIfBreached(power, observers);
        double[] t = totals.get(power);
        double surplus = t[2] > 0 ? t[5] / t[2] : PRIOR_SURPLUS;
        // Trust is capital: a breach that leaves trust above ½ costs nothing at once but spends what
        // later breaches would have drawn on, so the fall is priced at the rate distrust grows below
        // ½ (2 per unit of trust), whatever the level now, once for each later negotiation with a
        // trust-aware counterpart.
        double cost = 0;
        for (var f : fall.entrySet()) {
            int later = schedule.remaining(power, f.getKey());
            if (later > 0 && world.power(f.getKey()).trustAware()) {
                cost += world.trust().weight() * 2 * f.getValue() * surplus * later;
            }
        }
        return cost;
    }

    /**
     * How many negotiations each pair of powers has still to hold together, counted down as the
     * world goes on: a breach is priced in O(powers), not by walking the rest of the schedule.
     */
    private static final class Schedule {
        private final Map<String, Integer> index = new HashMap<>();
        private final int[][] remaining;

        Schedule(World world) {
            for (String p : world.powerNames()) {
                index.put(p, index.size());
            }
            remaining = new int[index.size()][index.size()];
            for (World.Meeting m : world.meetings()) {
                count(m, 1);
            }
        }

        /** Negotiation {@code m} is being held: it no longer lies ahead. */
        void pass(World.Meeting m) {
            count(m, -1);
        }

        private void count(World.Meeting m, int by) {
            for (String p : m.roles().values()) {
                for (String q : m.roles().values()) {
                    if (!p.equals(q)) {
                        remaining[index.get(p)][index.get(q)] += by;
                    }
                }
            }
        }

        /** The negotiations after the current one in which {@code p} meets {@code q}. */
        int remaining(String p, String q) {
            return remaining[index.get(p)][index.get(q)];
        }
    }

    private static String partyOf(World.Meeting meeting, String power) {
        for (var e : meeting.roles().entrySet()) {
            if (e.getValue().equals(power)) {
                return e.getKey();
            }
        }
        throw new IllegalStateException(power + " plays no party of " + meeting.scenario().name());
    }

    /**
     * A party's utility of its best outcome: the issue-wise maximum for additive utilities (exact
     * when its hard constraints allow that outcome), otherwise the maximum over the space when it
     * has at most 10^5 outcomes, otherwise 1.
     */
    static double best(Scenario scenario, Preferences p) {
        if (p.utility() instanceof LinearAdditiveUtility u) {
            OutcomeSpace space = new OutcomeSpace(scenario.domain());
            double sum = 0;
            for (int i = 0; i < space.issueCount(); i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (double x : space.values(i)) {
                    max = Math.max(max, u.term(i, x));
                }
                sum += max;
            }
            return sum;
        }
        OutcomeSpace space = new OutcomeSpace(scenario.domain());
        if (space.count().compareTo(BigInteger.valueOf(100_000)) > 0) {
            return 1;
        }
        double max = 0;
        for (long r = 0; r < space.count().longValueExact(); r++) {
            max = Math.max(max, p.utility(space.outcome(r)));
        }
        return max;
    }
}
