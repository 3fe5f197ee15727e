package org.parley.core.world;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.core.model.Outcome;
import org.parley.core.model.Party;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Result;
import org.parley.core.negotiation.StrategySpec;
import org.parley.core.preference.Preferences;
import org.parley.core.protocol.Protocols;
import org.parley.core.strategy.StrategyRegistry;

/**
 * A world played one negotiation at a time: {@link #prepare()} gives the next negotiation as it is to
 * be played (the scenario with any raised walk-away values, the settings with the trust each
 * strategy is told), whoever plays it hands its result to {@link #close}, which works out the
 * execution phase and the powers' trust, and the world moves on. {@link WorldRunner} plays every
 * negotiation itself; a server lets a person play one power's seats and decide its honour.
 *
 * <p>Powers in {@code people} are played by people: their seats are {@linkplain StrategySpec#human()
 * human}, they are told no trust and their walk-away values are never raised (a person reads the
 * reputation panel and judges for themselves), and {@link #close} needs their honour decision for
 * every agreement they sign. Their {@link World.Power} entry still gives the world their name.
 *
 * <p>Not thread-safe: one caller at a time.
 */
public final class WorldPlay {

    /**
     * The negotiation to hold next: its index in the schedule, the world's meeting, the scenario as
     * played, the settings (strategies per party, trust told), and the walk-away values the
     * trust-aware powers negotiate with (per party, those raised against distrusted counterparts).
     */
    public record Prepared(int index, World.Meeting meeting, Scenario played, NegotiationSettings settings,
            Map<String, Double> demanded) {}

    /** What one power saw of another's execution phases: agreements honoured and breached. */
    public record Seen(int honoured, int breached) {}

    private final World world;
    private final long seed;
    private final Set<String> people;
    private final Reputation reputation;
    private final WorldRunner.Schedule schedule;
    /** Per power: welfare, negotiations, agreements, honoured, breached, surplus. */
    private final Map<String, double[]> totals = new LinkedHashMap<>();
    private final Map<String, List<Double>> standing = new LinkedHashMap<>();
    private final Map<String, List<Double>> welfare = new LinkedHashMap<>();
    private final Map<String, StrategySpec> specs = new LinkedHashMap<>();
    private final Map<String, Double> readers = new LinkedHashMap<>();
    private final Map<String, Integer> index = new LinkedHashMap<>();
    /** seen[observer][target] = {honoured, breached}, as the observer saw them. */
    private final int[][][] seen;
    private final List<WorldResult.MeetingResult> results = new ArrayList<>();
    private Prepared prepared;

    public WorldPlay(World world, long seed) {
        this(world, seed, Set.of(), new StrategyRegistry());
    }

    public WorldPlay(World world, long seed, Set<String> people, StrategyRegistry registry) {
        this.world = world;
        this.seed = seed;
        this.people = Set.copyOf(people);
        for (String person : this.people) {
            world.power(person);
        }
        this.reputation = new Reputation(world.trust(), world.powerNames());
        this.schedule = new WorldRunner.Schedule(world);
        for (String p : world.powerNames()) {
            totals.put(p, new double[6]);
            standing.put(p, new ArrayList<>());
            welfare.put(p, new ArrayList<>());
            index.put(p, index.size());
        }
        seen = new int[index.size()][index.size()][2];
        // A power whose strategy reads trust is told it through its setup, with the world's weight as
        // its wariness unless its spec sets one; any other trust-aware power's walk-away value is raised.
        for (World.Power power : world.powers()) {
            StrategySpec spec = power.strategy();
            if (this.people.contains(power.name())) {
                specs.put(power.name(), StrategySpec.human());
                continue;
            }
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
    }

    public World world() {
        return world;
    }

    public long seed() {
        return seed;
    }

    public Set<String> people() {
        return people;
    }

    /** The index of the negotiation held next (the schedule's length once the world has ended). */
    public int position() {
        return results.size();
    }

    public boolean finished() {
        return results.size() == world.meetings().size();
    }

    /** The next negotiation as it is to be played; the same object until it is closed. */
    public Prepared prepare() {
        if (finished()) {
            throw new IllegalStateException("The world (" + world.name() + ") has ended: no negotiation is left.");
        }
        if (prepared == null) {
            int k = results.size();
            World.Meeting meeting = world.meetings().get(k);
            schedule.pass(meeting);
            Map<String, Double> demanded = new LinkedHashMap<>();
            Scenario played = withDemands(meeting, demanded);
            Map<String, StrategySpec> strategies = new LinkedHashMap<>();
            for (Party party : meeting.scenario().parties()) {
                strategies.put(party.name(), specs.get(meeting.roles().get(party.name())));
            }
            NegotiationSettings settings = new NegotiationSettings(Protocols.DEFAULT, Deadline.rounds(world.rounds()),
                    strategies, seed * 1_000_003L + k, null, told(meeting, demanded));
            prepared = new Prepared(k, meeting, played, settings, demanded);
        }
        return prepared;
    }

    /**
     * What breaching the agreement of the current negotiation ({@code result}) would gain {@code
     * power}: its utility of its best outcome minus that of the agreement, or the world's fixed gain.
     */
    public double breachGain(String power, Result result) {
        World.Meeting meeting = current();
        String party = WorldRunner.partyOf(meeting, power);
        Preferences p = meeting.scenario().party(party).preferences();
        return Double.isNaN(world.breach().gain())
                ? Math.max(0, WorldRunner.best(meeting.scenario(), p) - p.utility(result.outcome()))
                : world.breach().gain();
    }

    /**
     * What a breach now would cost {@code power} in trust over its remaining negotiations, by the
     * estimate a "when it pays" power makes (0 when trust plays no part).
     */
    public double breachCost(String power) {
        prepare();
        return reputationCost(results.size(), power);
    }

    /**
     * Ends the current negotiation with {@code result}: the execution phase (each signer honours or
     * breaches; {@code breaches} gives the decision, true for a breach, of every power played by a
     * person that signed, and may overrule any other power's policy), the payoffs, and what the
     * powers saw. Returns the negotiation's aftermath.
     */
    public WorldResult.MeetingResult close(Result result, Map<String, Boolean> breaches) {
        Prepared now = prepare();
        int k = now.index();
        World.Meeting meeting = now.meeting();
        Scenario scenario = meeting.scenario();
        if (result.agreement()) {
            for (String signer : result.signers()) {
                String power = meeting.roles().get(signer);
                if (people.contains(power) && !breaches.containsKey(power)) {
                    throw new IllegalArgumentException("The power (" + power + ") is played by a person: its decision to"
                            + " honour or breach the agreement of negotiation " + (k + 1) + " is needed.");
                }
            }
        }
        for (String power : breaches.keySet()) {
            if (!meeting.roles().containsValue(power) || !result.agreement()
                    || !result.signers().contains(WorldRunner.partyOf(meeting, power))) {
                throw new IllegalArgumentException("The power (" + power + ") signed no agreement in negotiation "
                        + (k + 1) + ": it has nothing to honour or breach.");
            }
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
            execute(k, result, payoffs, breachers, breaches);
        }
        for (var entry : payoffs.entrySet()) {
            totals.get(entry.getKey())[0] += entry.getValue();
        }
        for (String p : world.powerNames()) {
            standing.get(p).add(reputation.standing(p));
            welfare.get(p).add(totals.get(p)[0]);
        }
        WorldResult.MeetingResult mr = new WorldResult.MeetingResult(k, scenario.name(), meeting.roles(), result,
                now.demanded(), breachers, payoffs);
        results.add(mr);
        prepared = null;
        return mr;
    }

    /** The world so far: the negotiations closed, each power's totals and standing now. */
    public WorldResult result() {
        Map<String, WorldResult.PowerTotals> summary = new LinkedHashMap<>();
        totals.forEach((p, t) -> summary.put(p, new WorldResult.PowerTotals(t[0], (int) t[1], (int) t[2], (int) t[3],
                (int) t[4], reputation.standing(p))));
        return new WorldResult(world.name(), seed, results, summary, standing, welfare);
    }

    /** How far {@code observer} trusts {@code target} now, in [0, 1] (1 when trust plays no part). */
    public double trust(String observer, String target) {
        return reputation.trust(observer, target);
    }

    /**
     * The agreements honoured and breached by each other power that {@code observer} saw: all of
     * them in a public world, only those it signed itself when breaches are seen by the signers.
     */
    public Map<String, Seen> seenBy(String observer) {
        int o = at(observer);
        Map<String, Seen> record = new LinkedHashMap<>();
        for (var e : index.entrySet()) {
            if (e.getValue() != o) {
                int[] s = seen[o][e.getValue()];
                record.put(e.getKey(), new Seen(s[0], s[1]));
            }
        }
        return record;
    }

    private int at(String power) {
        Integer i = index.get(power);
        if (i == null) {
            throw new IllegalArgumentException("Unknown power (" + power + "); the powers are " + world.powerNames()
                    + ".");
        }
        return i;
    }

    private World.Meeting current() {
        if (finished()) {
            throw new IllegalStateException("The world (" + world.name() + ") has ended.");
        }
        return world.meetings().get(results.size());
    }

    /**
     * What each power whose strategy reads trust is told: its trust in each other party's power
     * (nothing when trust is off, and nothing to the others). {@code demanded} gets the walk-away
     * value such a strategy works out from it against a distrusted table.
     */
    private Map<String, Map<String, Double>> told(World.Meeting meeting, Map<String, Double> demanded) {
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
                    distrust = Math.max(distrust, WorldRunner.distrust(t));
                }
            }
            trust.put(party.name(), row);
            Preferences p = party.preferences();
            if (distrust > 0 && wary > 0) {
                demanded.put(party.name(), p.reservation()
                        + wary * distrust * Math.max(0, WorldRunner.best(scenario, p) - p.reservation()));
            }
        }
        return trust;
    }

    /**
     * The scenario as played: the walk-away values of trust-aware powers whose strategies do not
     * read trust (and who are not people), raised against distrusted counterparts.
     */
    private Scenario withDemands(World.Meeting meeting, Map<String, Double> demanded) {
        Scenario scenario = meeting.scenario();
        if (world.trust().model() == World.Trust.Model.NONE) {
            return scenario;
        }
        List<Party> parties = new ArrayList<>();
        boolean changed = false;
        for (Party party : scenario.parties()) {
            String power = meeting.roles().get(party.name());
            Preferences p = party.preferences();
            if (world.power(power).trustAware() && !readers.containsKey(power) && !people.contains(power)) {
                double distrust = 0;
                for (String other : meeting.roles().values()) {
                    if (!other.equals(power)) {
                        distrust = Math.max(distrust, WorldRunner.distrust(reputation.trust(power, other)));
                    }
                }
                if (distrust > 0) {
                    double best = WorldRunner.best(scenario, p);
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

    private void execute(int k, Result result, Map<String, Double> payoffs, List<String> breachers,
            Map<String, Boolean> decided) {
        World.Meeting meeting = world.meetings().get(k);
        Scenario scenario = meeting.scenario();
        Outcome agreed = result.outcome();
        for (String signer : result.signers()) {
            String power = meeting.roles().get(signer);
            totals.get(power)[2]++;
            Preferences p = scenario.party(signer).preferences();
            double u = p.utility(agreed);
            totals.get(power)[5] += Math.max(0, u - p.reservation());
            double gain = Double.isNaN(world.breach().gain())
                    ? Math.max(0, WorldRunner.best(scenario, p) - u) : world.breach().gain();
            Boolean given = decided.get(power);
            boolean breach = given != null ? given : switch (world.power(power).honour()) {
                case ALWAYS -> false;
                case NEVER -> gain > 0;
                case WHEN_IT_PAYS -> gain > reputationCost(k, power);
            };
            if (breach) {
                breachers.add(power);
            }
        }
        for (String breacher : breachers) {
            String party = WorldRunner.partyOf(meeting, breacher);
            Preferences p = scenario.party(party).preferences();
            double gain = Double.isNaN(world.breach().gain())
                    ? Math.max(0, WorldRunner.best(scenario, p) - p.utility(agreed)) : world.breach().gain();
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
                    seen[at(observer)][at(power)][honoured ? 0 : 1]++;
                }
            }
        }
    }

    /** What a breach now would cost {@code power} over its remaining negotiations, by its own estimate. */
    private double reputationCost(int k, String power) {
        World.Meeting now = world.meetings().get(k);
        if (world.trust().model() == World.Trust.Model.NONE) {
            return 0;
        }
        List<String> observers = world.breach().visibility() == World.Visibility.PUBLIC
                ? world.powerNames() : List.copyOf(now.roles().values());
        // The fall in each counterpart's trust does not depend on the negotiation: work it out once.
        Map<String, Double> fall = reputation.fallIfBreached(power, observers);
        double[] t = totals.get(power);
        double surplus = t[2] > 0 ? t[5] / t[2] : WorldRunner.PRIOR_SURPLUS;
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
}
