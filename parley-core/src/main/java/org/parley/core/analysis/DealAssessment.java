package org.parley.core.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.core.model.Outcome;
import org.parley.core.model.Scenario;

/**
 * A deal judged against the coalition that signed it, under the scenario's agreement rule.
 *
 * <p>Distances are Euclidean in utility space over the signers' utilities, to the signers' own
 * frontier and to each concept point of their own analysis (nearest tied vector). Measured over
 * all parties with every non-signer at its reservation value they are the same numbers: outside
 * the deal a party gets its reservation value, which is also its coordinate in every lifted vector
 * of the signers' analysis. {@code ruleFrontier} is the distance over all parties to the rule's
 * frontier (every winning signer set). All distances are NaN where there is nothing to measure to
 * (no outcome acceptable to the signers, or nothing passes).
 *
 * <p>{@code betterCoalitions} lists every other winning signer set that has an outcome all of its
 * members accept and strictly prefer to what the deal gave them (their utility of the agreement if
 * they signed it, their reservation value if they stood outside), with one such outcome: among
 * its frontier vectors that improve on the deal for every member, the one whose smallest
 * improvement is largest (first in frontier order on ties).
 *
 * @param utilities every party's payoff from the deal, in scenario order: signers their utility
 *     of the agreement, others their reservation value
 */
public record DealAssessment(
        Outcome agreement, List<String> signers, Map<String, Double> utilities, CoalitionAnalysis coalition,
        double pareto, List<ConceptDistance> concepts, double ruleFrontier, List<BetterCoalition> betterCoalitions) {

    public DealAssessment {
        signers = List.copyOf(signers);
        utilities = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(utilities));
        concepts = List.copyOf(concepts);
        betterCoalitions = List.copyOf(betterCoalitions);
    }

    /** The distance to one concept point of the signers' analysis (its nearest tied vector). */
    public record ConceptDistance(BargainingPoint point, double distance) {}

    /**
     * A winning signer set other than the deal's whose members all do strictly better with
     * {@code outcome} than with the deal: {@code utilities} their utilities of it, {@code baseline}
     * what the deal gave each of them.
     */
    public record BetterCoalition(
            List<String> members, Outcome outcome, Map<String, Double> utilities, Map<String, Double> baseline) {

        public BetterCoalition {
            members = List.copyOf(members);
            utilities = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(utilities));
            baseline = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(baseline));
        }
    }

    /**
     * Judges {@code agreement}, signed by {@code signers}, against {@code analysis} (the analysis
     * under the rule the deal was made under).
     *
     * @throws IllegalArgumentException when the signers name an unknown party or do not satisfy
     *     the rule, or the outcome does not fit the scenario's domain
     */
    public static DealAssessment assess(RuleAnalysis analysis, Outcome agreement, Collection<String> signers) {
        return assess(analysis, AnalysisProblem.of(analysis.scenario(), null, analysis.realSteps()), agreement, signers);
    }

    /** {@link #assess(RuleAnalysis, Outcome, Collection)} with the all-party problem of the analysis built once. */
    static DealAssessment assess(RuleAnalysis analysis, AnalysisProblem allParties, Outcome agreement,
            Collection<String> signers) {
        Scenario scenario = analysis.scenario();
        for (String signer : signers) {
            if (scenario.indexOf(signer) < 0) {
                throw new IllegalArgumentException("Unknown signer (" + signer + ") in scenario (" + scenario.name()
                        + "); the parties are " + scenario.partyNames() + ".");
            }
        }
        scenario.domain().validate(agreement);
        CoalitionAnalysis coalition = analysis.coalition(signers).orElseThrow(() -> new IllegalArgumentException(
                "The signers " + inScenarioOrder(scenario, signers) + " do not satisfy the agreement rule ("
                        + RuleAnalyzer.describe(analysis.rule(), scenario.partyNames()) + "): a deal they sign does"
                        + " not stand. Pass the parties that signed, or analyse under the rule the deal was made under."));
        AnalysisProblem problem = coalition.analysis().problem();
        double[] memberUtilities = problem.utilities(agreement);
        double[] all = coalition.lift(memberUtilities);
        Map<String, Double> utilities = new LinkedHashMap<>();
        for (int i = 0; i < all.length; i++) {
            utilities.put(scenario.partyNames().get(i), all[i]);
        }
        Analysis own = coalition.analysis();
        List<ConceptDistance> concepts = new ArrayList<>();
        for (BargainingPoint point : own.points().values()) {
            concepts.add(new ConceptDistance(point, point.distance(memberUtilities)));
        }
        // Payoffs in units: exact (issue terms rounded as the analysis rounds them) when the outcome
        // is on the analysed grid, else rounded floating point and a tolerance of slack.
        long[] baseline = CoalitionAnalysis.reservations(scenario);
        long[] onGrid = onGridUtilities(allParties, agreement);
        long slack = onGrid == null ? FixedPoint.TOLERANCE : 0;
        for (int p = 0; p < problem.partyCount(); p++) {
            int i = coalition.position(p);
            baseline[i] = onGrid != null ? onGrid[i] : FixedPoint.of(memberUtilities[p]);
        }
        List<BetterCoalition> better = betterCoalitions(analysis, coalition, baseline, slack, all);
        return new DealAssessment(agreement, coalition.members(), utilities, coalition,
                own.pareto().distance(memberUtilities), concepts, analysis.frontier().distance(all), better);
    }

    /**
     * Every winning signer set of {@code analysis} but {@code excluded} (null: none) that has an
     * outcome all its members accept and strictly prefer to {@code baseline} (every party's payoff
     * in units, {@code baselineUtilities} the same as utilities), by more than {@code slack} units:
     * among its frontier vectors that improve on the baseline for every member, the one whose
     * smallest improvement is largest (first in frontier order on ties). O(Σ_W |F_W| · |W|).
     */
    static List<BetterCoalition> betterCoalitions(RuleAnalysis analysis, CoalitionAnalysis excluded, long[] baseline,
            long slack, double[] baselineUtilities) {
        List<BetterCoalition> better = new ArrayList<>();
        for (CoalitionAnalysis other : analysis.winning()) {
            if (other == excluded) {
                continue;
            }
            FrontierPoint best = null;
            long bestMargin = Long.MIN_VALUE;
            for (FrontierPoint point : other.analysis().pareto().points()) {
                long margin = Long.MAX_VALUE;
                for (int p = 0; p < other.members().size(); p++) {
                    margin = Math.min(margin, point.fixed(p) - baseline[other.position(p)] - slack);
                }
                if (margin > 0 && margin > bestMargin) {
                    best = point;
                    bestMargin = margin;
                }
            }
            if (best != null) {
                Outcome outcome = other.analysis().pareto().outcomes(best, 1).get(0);
                Map<String, Double> theirs = new LinkedHashMap<>();
                Map<String, Double> before = new LinkedHashMap<>();
                for (int p = 0; p < other.members().size(); p++) {
                    theirs.put(other.members().get(p), best.utility(p));
                    before.put(other.members().get(p), baselineUtilities[other.position(p)]);
                }
                better.add(new BetterCoalition(other.members(), outcome, theirs, before));
            }
        }
        return better;
    }

    /** Every party's utility in units when the outcome's values are all on the problem's grid, else null. */
    static long[] onGridUtilities(AnalysisProblem problem, Outcome outcome) {
        int[] indices = new int[problem.space().issueCount()];
        for (int i = 0; i < indices.length; i++) {
            double[] values = problem.space().values(i);
            indices[i] = -1;
            for (int v = 0; v < values.length; v++) {
                if (values[v] == outcome.value(i)) {
                    indices[i] = v;
                    break;
                }
            }
            if (indices[i] < 0) {
                return null;
            }
        }
        return problem.fixedUtilities(indices);
    }

    private static List<String> inScenarioOrder(Scenario scenario, Collection<String> parties) {
        return scenario.partyNames().stream().filter(parties::contains).toList();
    }
}
