package org.parley.core.coalition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.parley.core.analysis.OutcomeAnalyzer;
import org.parley.core.model.Scenario;
import org.parley.core.model.WeightedVoting;

/**
 * The transferable-utility game a negotiation scenario implies. A coalition S is worth the best joint
 * surplus of a deal it can pass by itself:
 *
 * <pre>v(S) = max over signer sets W ⊆ S that may pass a deal, over outcomes o every member of W
 *        accepts, of Σ_{i ∈ W} (u_i(o) − r_i);   0 when there is no such W and o</pre>
 *
 * A signer accepts o when none of its hard constraints is broken and u_i(o) reaches its reservation
 * r_i; a member of S who does not sign is at its reservation (it adds 0), and the parties outside S
 * play no part. Zero-normalised: a party alone is worth 0, its walk-away value, unless the passing
 * rule lets it pass a deal alone. Who may pass a deal is {@link PassBy}: the scenario's agreement rule,
 * or its {@code coalition:} weights and quota (a set passes when its weights reach the quota).
 *
 * <p>Rules are monotone (a superset of a passing set passes), so v is the monotonic cover of the
 * winning sets' surpluses ({@link MonotonicCoverGame}): one exact subset analysis per winning signer
 * set ({@link OutcomeAnalyzer#jointSurplus}, issue-wise, never enumerating outcomes when utilities
 * are linear additive), at most {@link #MAX_ANALYSES} of them, and no analysis of a losing set.
 *
 * <p>{@link PassBy#EVERYONE} is the older view in which every coalition passes deals that all its
 * members sign: v(S) = the best joint surplus over outcomes acceptable to every member of S, so a
 * single party is worth its favourite outcome's surplus although no rule lets it impose terms; one
 * analysis per coalition, n ≤ {@link #MAX_EVERYONE_PLAYERS}.
 */
public final class ScenarioGame {

    /** The most winning signer sets analysed (one subset analysis each). */
    public static final int MAX_ANALYSES = 4096;

    /** {@link PassBy#EVERYONE} analyses all 2^n − 1 coalitions. */
    public static final int MAX_EVERYONE_PLAYERS = 12;

    /** Which signer sets may pass a deal. */
    public enum PassBy {
        /** Every coalition, all its members signing (the view before agreement rules counted). */
        EVERYONE,
        /** The sets the scenario's agreement rule lets sign: a quorum, including the required parties. */
        RULE,
        /** The sets whose {@code coalition:} weights reach its quota. */
        WEIGHTS;

        /** "everyone", "rule" or "weights". */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @throws IllegalArgumentException naming the choices */
        public static PassBy parse(String text) {
            for (PassBy passBy : values()) {
                if (passBy.label().equals(text)) {
                    return passBy;
                }
            }
            throw new IllegalArgumentException("Unknown passing rule (" + text + "); expected everyone, rule or weights.");
        }
    }

    private final Scenario scenario;
    private final PassBy passBy;
    private final CoalitionalGame game;
    private final Map<Long, OptionalDouble> analysed;
    private final long[] weights;

    private ScenarioGame(Scenario scenario, PassBy passBy, CoalitionalGame game, Map<Long, OptionalDouble> analysed,
            long[] weights) {
        this.scenario = scenario;
        this.passBy = passBy;
        this.game = game;
        this.analysed = Collections.unmodifiableMap(analysed);
        this.weights = weights;
    }

    /** The scenario's weights and quota when it has a {@code coalition:} section, else its agreement rule. */
    public static PassBy defaultPassBy(Scenario scenario) {
        return scenario.coalition() != null ? PassBy.WEIGHTS : PassBy.RULE;
    }

    /** The game under {@link #defaultPassBy}. */
    public static ScenarioGame of(Scenario scenario, int realSteps) {
        return of(scenario, realSteps, defaultPassBy(scenario));
    }

    /**
     * The game with real ranges discretised into {@code realSteps} values.
     *
     * @throws IllegalArgumentException when {@code passBy} is WEIGHTS and the scenario has no
     *     {@code coalition:} section, when more than {@link #MAX_ANALYSES} signer sets may pass a deal
     *     (or, for EVERYONE, more than {@link #MAX_EVERYONE_PLAYERS} parties), or a subset analysis is
     *     beyond its limits
     */
    public static ScenarioGame of(Scenario scenario, int realSteps, PassBy passBy) {
        int n = scenario.parties().size();
        List<String> names = scenario.partyNames();
        if (n > CoalitionalGame.MAX_BITMASK_PLAYERS) {
            throw new IllegalArgumentException("The derived coalition game of scenario (" + scenario.name() + ") has "
                    + n + " parties; coalitions are bit sets of at most " + CoalitionalGame.MAX_BITMASK_PLAYERS + ".");
        }
        long[] weights = null;
        if (passBy == PassBy.WEIGHTS) {
            WeightedVoting voting = scenario.coalition();
            if (voting == null) {
                throw new IllegalArgumentException("The scenario (" + scenario.name() + ") has no coalition: section, so no"
                        + " weights and quota to pass deals by; use its agreement rule (rule) instead.");
            }
            weights = new long[n];
            for (int i = 0; i < n; i++) {
                weights[i] = voting.weights().getOrDefault(names.get(i), 0L);
            }
        }
        Map<Long, OptionalDouble> analysed = new LinkedHashMap<>();
        if (passBy == PassBy.EVERYONE) {
            if (n > MAX_EVERYONE_PLAYERS) {
                throw new IllegalArgumentException("With every coalition passing deals (everyone), the derived game"
                        + " analyses all 2^n − 1 coalitions: " + n + " parties is more than " + MAX_EVERYONE_PLAYERS
                        + ". Let the agreement rule (rule) or the coalition: weights (weights) say who passes a deal.");
            }
            double[] values = new double[1 << n];
            for (int s = 1; s < values.length; s++) {
                OptionalDouble surplus = surplus(scenario, s, realSteps);
                analysed.put((long) s, surplus);
                values[s] = surplus.orElse(0);
            }
            return new ScenarioGame(scenario, passBy, new TableGame(values, names), analysed, null);
        }
        ScenarioGame shape = new ScenarioGame(scenario, passBy, null, Map.of(), weights);
        List<Long> winning = shape.winningSets(n);
        List<MonotonicCoverGame.Basis> basis = new ArrayList<>();
        for (long w : winning) {
            OptionalDouble surplus = surplus(scenario, w, realSteps);
            analysed.put(w, surplus);
            if (surplus.isPresent()) {
                basis.add(new MonotonicCoverGame.Basis(w, surplus.getAsDouble()));
            }
        }
        return new ScenarioGame(scenario, passBy, new MonotonicCoverGame(n, names, basis), analysed, weights);
    }

    /** The best joint surplus of the members of {@code coalition}, rounded to the analysis's 10^−12 units. */
    private static OptionalDouble surplus(Scenario scenario, long coalition, int realSteps) {
        OptionalDouble surplus = OutcomeAnalyzer.jointSurplus(scenario, Coalitions.names(coalition,
                scenario.partyNames()), realSteps);
        // Surpluses are sums of fixed-point terms; rounding to 12 decimals keeps equal sums equal.
        return surplus.isPresent() ? OptionalDouble.of(Math.round(surplus.getAsDouble() * 1e12) / 1e12) : surplus;
    }

    /**
     * Every winning signer set, smallest first. Depth-first over the players, in or out, cutting a
     * branch as soon as taking every undecided player would not win (the rules are monotone), so
     * each node leads to a winning set: O(n) nodes per winning set.
     */
    private List<Long> winningSets(int n) {
        List<Long> result = new ArrayList<>();
        long all = (1L << n) - 1;
        if (!winning(all)) {
            return result;
        }
        collect(0, 0L, all, n, result);
        result.sort((a, b) -> Long.bitCount(a) != Long.bitCount(b) ? Integer.compare(Long.bitCount(a), Long.bitCount(b))
                : Long.compare(Long.reverse(b), Long.reverse(a)));
        return result;
    }

    private void collect(int player, long in, long all, int n, List<Long> result) {
        if (player == n) {
            if (result.size() >= MAX_ANALYSES) {
                throw new IllegalArgumentException("The passing rule (" + describePassing() + ") lets more than "
                        + MAX_ANALYSES + " signer sets of scenario (" + scenario.name() + ") pass a deal; the"
                        + " derived game analyses each one. Choose a stricter rule or fewer parties.");
            }
            result.add(in);
            return;
        }
        long undecidedAfter = all & ~((2L << player) - 1);
        collect(player + 1, in | 1L << player, all, n, result);
        if (winning(in | undecidedAfter)) {
            collect(player + 1, in, all, n, result);
        }
    }

    public Scenario scenario() {
        return scenario;
    }

    public PassBy passBy() {
        return passBy;
    }

    /**
     * The game: a {@link MonotonicCoverGame} over the winning signer sets that can agree (RULE,
     * WEIGHTS), or the table of every coalition's own surplus (EVERYONE).
     */
    public CoalitionalGame game() {
        return game;
    }

    /** Whether the members of {@code coalition} may pass a deal by themselves (every one of them signing). */
    public boolean winning(long coalition) {
        return switch (passBy) {
            case EVERYONE -> coalition != 0;
            case RULE -> stands(coalition);
            case WEIGHTS -> {
                long sum = 0;
                for (long rest = coalition; rest != 0; rest &= rest - 1) {
                    sum += weights[Long.numberOfTrailingZeros(rest)];
                }
                yield sum >= scenario.coalition().quota();
            }
        };
    }

    /**
     * The coalitions analysed (every winning signer set; every coalition under EVERYONE), smallest
     * first, each with its members' best joint surplus, empty when they have no outcome in common.
     */
    public Map<Long, OptionalDouble> analysed() {
        return analysed;
    }

    /** Whether the members of an analysed {@code coalition} have an outcome acceptable to all of them. */
    public boolean canAgree(long coalition) {
        OptionalDouble surplus = analysed.get(coalition);
        if (surplus == null) {
            throw new IllegalArgumentException("The coalition " + Coalitions.format(coalition, scenario.partyNames())
                    + " cannot pass a deal alone, so it was not analysed.");
        }
        return surplus.isPresent();
    }

    /** The signer sets inside {@code coalition} whose deal reaches v(S) (none when v(S) = 0). */
    public List<Long> signers(long coalition) {
        if (game instanceof MonotonicCoverGame cover) {
            return cover.attainedBy(coalition);
        }
        return game.value(coalition) > 0 ? List.of(coalition) : List.of();
    }

    /** Whether a deal signed by exactly the members of {@code coalition} stands under the agreement rule. */
    public boolean stands(long coalition) {
        return scenario.agreement().stands(Coalitions.names(coalition, scenario.partyNames()));
    }

    /** "its coalition: weights reach the quota 60", "its agreement rule (2 of 3 must sign, ...)", "every member signs". */
    public String describePassing() {
        return switch (passBy) {
            case EVERYONE -> "every coalition, all its members signing";
            case RULE -> "its agreement rule: " + scenario.agreement().describe(scenario.partyNames());
            case WEIGHTS -> "its coalition: weights reach the quota " + scenario.coalition().quota();
        };
    }
}
