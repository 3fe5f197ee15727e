package org.parley.core.coalition;

import java.util.List;
import java.util.OptionalDouble;
import org.parley.core.analysis.OutcomeAnalyzer;
import org.parley.core.model.Scenario;

/**
 * The game a negotiation scenario implies: for every coalition S of its parties, whether S's members
 * can agree on some outcome acceptable to each of them (their own hard constraints and reservation
 * values; the others play no part), and v(S) = the largest joint surplus Σ_{i ∈ S} (u_i − r_i) over
 * such outcomes, or 0 when there is none (everyone keeps its reservation value). Uses the core's
 * exact analysis ({@link OutcomeAnalyzer#jointSurplus}); one analysis per coalition, so n ≤
 * {@link #MAX_PLAYERS}. The scenario's agreement rule is not part of v: it says whether a deal
 * signed by S would stand for the whole table, which {@link #stands(long)} reports; with
 * {@code respectRule} a coalition whose deal would not stand is worth 0 instead.
 */
public final class ScenarioGame {

    public static final int MAX_PLAYERS = 12;

    private final Scenario scenario;
    private final TableGame game;
    private final boolean[] canAgree;

    private ScenarioGame(Scenario scenario, TableGame game, boolean[] canAgree) {
        this.scenario = scenario;
        this.game = game;
        this.canAgree = canAgree;
    }

    public static ScenarioGame of(Scenario scenario, int realSteps) {
        return of(scenario, realSteps, false);
    }

    public static ScenarioGame of(Scenario scenario, int realSteps, boolean respectRule) {
        int n = scenario.parties().size();
        if (n > MAX_PLAYERS) {
            throw new IllegalArgumentException("The derived coalition game analyses every coalition: " + n
                    + " parties is more than " + MAX_PLAYERS + ".");
        }
        List<String> names = scenario.partyNames();
        double[] values = new double[1 << n];
        boolean[] agree = new boolean[1 << n];
        for (int s = 1; s < values.length; s++) {
            OptionalDouble surplus = OutcomeAnalyzer.jointSurplus(scenario, Coalitions.names(s, names), realSteps);
            agree[s] = surplus.isPresent();
            // Surpluses are sums of fixed-point terms; rounding to 12 decimals keeps equal sums equal.
            boolean counts = !respectRule || scenario.agreement().stands(Coalitions.names(s, names));
            values[s] = surplus.isPresent() && counts ? Math.round(surplus.getAsDouble() * 1e12) / 1e12 : 0;
        }
        return new ScenarioGame(scenario, new TableGame(values, names), agree);
    }

    public Scenario scenario() {
        return scenario;
    }

    public TableGame game() {
        return game;
    }

    /** Whether the members of {@code coalition} have an outcome acceptable to all of them. */
    public boolean canAgree(long coalition) {
        return canAgree[(int) coalition];
    }

    /** Whether a deal signed by exactly the members of {@code coalition} stands under the agreement rule. */
    public boolean stands(long coalition) {
        return scenario.agreement().stands(Coalitions.names(coalition, game.names()));
    }
}
