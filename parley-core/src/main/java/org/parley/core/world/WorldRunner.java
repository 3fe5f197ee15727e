package org.parley.core.world;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.parley.core.engine.BidSpaceCache;
import org.parley.core.engine.Negotiation;
import org.parley.core.model.OutcomeSpace;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.NegotiationRecord;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Result;
import org.parley.core.preference.LinearAdditiveUtility;
import org.parley.core.preference.Preferences;
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
        WorldPlay play = new WorldPlay(world, seed);
        StrategyRegistry registry = new StrategyRegistry();
        while (!play.finished()) {
            WorldPlay.Prepared next = play.prepare();
            Optional<Result> earlier = recorded.result(next.index(), next.played(), next.settings());
            Negotiation negotiation = null;
            Result result;
            if (earlier.isPresent()) {
                result = earlier.get();
            } else {
                negotiation = Negotiation.start(next.played(), next.settings(), registry, new BidSpaceCache());
                result = negotiation.run();
            }
            WorldResult.MeetingResult mr = play.close(result, Map.of());
            if (negotiation != null) {
                listener.negotiated(next.index(), next.played(), negotiation.session().record(), mr);
            }
        }
        return play.result();
    }

    /** 0 for trust of ½ (a stranger's) or more, rising to 1 at trust 0. */
    static double distrust(double trust) {
        return Math.max(0, 1 - trust / 0.5);
    }

    /**
     * How many negotiations each pair of powers has still to hold together, counted down as the
     * world goes on: a breach is priced in O(powers), not by walking the rest of the schedule.
     */
    static final class Schedule {
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

    static String partyOf(World.Meeting meeting, String power) {
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
