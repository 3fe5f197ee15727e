package org.parley.core.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parley.core.model.OutcomeSpace;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.Result;

/**
 * Debriefs the negotiations of one scenario under its own agreement rule: analyses the scenario
 * once ({@link RuleAnalyzer}: every winning signer set's frontier and solution-concept points, the
 * rule's frontier) and judges each result against it.
 *
 * <ul>
 *   <li>A deal is judged against the coalition that signed it ({@link DealAssessment}): the distance
 *       from everyone's payoff to the signers' own frontier and concept points, to the rule's
 *       frontier, and the other winning sets whose members could all have done strictly better.
 *   <li>Without a deal everyone gets its reservation value. The coalition measured against is the
 *       winning set whose own frontier lies nearest to that point (under unanimity, all parties, as
 *       before the rule was taken into account); the better coalitions are the winning sets with an
 *       outcome every member strictly prefers to its reservation value; {@link WhyNoDeal} says what
 *       blocks each minimal winning set (computed once, on the first failed negotiation) and
 *       {@link LastOffers} how far apart the last offers were.
 * </ul>
 *
 * <p>Cost: the rule analysis once (see {@link RuleAnalyzer}); then per negotiation
 * O(Σ_W |F_W| · n) for the frontiers F_W of the winning sets W. Thread-safe: negotiations of a
 * tournament may be debriefed from several threads.
 */
public final class Debriefer {

    private final Scenario scenario;
    private final RuleAnalysis analysis;
    /** The problem of all parties, for the payoffs of a deal in the analysis's units; null with no analysis. */
    private final AnalysisProblem allParties;
    private final String unavailable;
    /** What blocks each minimal winning set, or why that is unknown; null until a negotiation fails. */
    private Blockers whyNoDeal;

    private record Blockers(List<WhyNoDeal.CoalitionBlockers> list, String note) {}

    /** Analyses {@code scenario} with real ranges in {@link OutcomeSpace#DEFAULT_REAL_STEPS} values. */
    public Debriefer(Scenario scenario) {
        this(scenario, OutcomeSpace.DEFAULT_REAL_STEPS);
    }

    public Debriefer(Scenario scenario, int realSteps) {
        this(scenario, realSteps, AnalysisProgress.NONE);
    }

    /**
     * Analyses {@code scenario}, telling {@code progress} of the analysis's merges (a scenario of
     * thousands of issues takes minutes; one the memory cannot hold is debriefed without analysis).
     */
    public Debriefer(Scenario scenario, int realSteps, AnalysisProgress progress) {
        this.scenario = scenario;
        RuleAnalysis found = null;
        String note = "";
        try {
            // One outcome per list: a debrief names one outcome per point.
            found = RuleAnalyzer.analyze(scenario, scenario.agreement(), realSteps, 1, progress);
        } catch (IllegalArgumentException beyondLimits) {
            note = "no exact analysis: " + beyondLimits.getMessage();
        }
        this.analysis = found;
        this.allParties = found == null ? null : AnalysisProblem.of(scenario, null, realSteps);
        this.unavailable = note;
    }

    /** The analysis under the scenario's rule; empty when it is beyond the analysis's limits. */
    public Optional<RuleAnalysis> analysis() {
        return Optional.ofNullable(analysis);
    }

    /**
     * The debrief of a negotiation of this scenario that ended with {@code result}; {@code events}
     * is its log (for the last offers of a failed one).
     */
    public NegotiationDebrief debrief(Result result, List<Event> events) {
        if (result == null) {
            throw new IllegalArgumentException("A negotiation is debriefed once it has ended; this one has no result.");
        }
        String rule = RuleAnalyzer.describe(scenario.agreement(), scenario.partyNames());
        List<String> signers = result.agreement()
                ? scenario.partyNames().stream().filter(result.signers()::contains).toList() : List.of();
        if (result.agreement()) {
            return deal(rule, result, signers);
        }
        String note = unavailable;
        LastOffers lastOffers = null;
        try {
            lastOffers = LastOffers.of(scenario, LastOffers.lastOffers(events));
        } catch (IllegalArgumentException e) {
            note = join(note, "no last offers: " + e.getMessage());
        }
        if (analysis == null) {
            return new NegotiationDebrief(rule, signers, List.of(), Double.NaN, List.of(), Double.NaN, List.of(),
                    List.of(), lastOffers, note);
        }
        double[] reservations = reservations();
        CoalitionAnalysis nearest = nearest(reservations);
        double pareto = nearest == null ? Double.NaN
                : nearest.analysis().pareto().distance(members(nearest, reservations));
        List<NegotiationDebrief.Concept> concepts = nearest == null ? List.of()
                : concepts(nearest, nearest.analysis().points().values(), members(nearest, reservations));
        List<DealAssessment.BetterCoalition> better = DealAssessment.betterCoalitions(analysis, null,
                CoalitionAnalysis.reservations(scenario), 0, reservations);
        Blockers blockers = whyNoDeal();
        return new NegotiationDebrief(rule, signers, nearest == null ? List.of() : nearest.members(), pareto, concepts,
                analysis.frontier().distance(reservations), better, blockers.list(), lastOffers,
                blockers.note().isEmpty() ? note : join(note, blockers.note()));
    }

    private NegotiationDebrief deal(String rule, Result result, List<String> signers) {
        if (analysis == null) {
            return new NegotiationDebrief(rule, signers, signers, Double.NaN, List.of(), Double.NaN, List.of(),
                    List.of(), null, unavailable);
        }
        DealAssessment deal;
        try {
            deal = DealAssessment.assess(analysis, allParties, result.outcome(), signers);
        } catch (IllegalArgumentException e) {
            return new NegotiationDebrief(rule, signers, signers, Double.NaN, List.of(), Double.NaN, List.of(),
                    List.of(), null, e.getMessage());
        }
        CoalitionAnalysis coalition = deal.coalition();
        double[] payoff = new double[coalition.members().size()];
        for (int p = 0; p < payoff.length; p++) {
            payoff[p] = deal.utilities().get(coalition.members().get(p));
        }
        List<BargainingPoint> points = deal.concepts().stream().map(DealAssessment.ConceptDistance::point).toList();
        return new NegotiationDebrief(rule, signers, coalition.members(), deal.pareto(),
                concepts(coalition, points, payoff), deal.ruleFrontier(), deal.betterCoalitions(), List.of(), null, "");
    }

    /**
     * Only the distances of {@link #debrief}: to the frontier and to every registered concept's
     * point (by key, in the registry's order; NaN where there is none) of the coalition the result
     * is measured against. For tournaments, which need nothing else: it lists no outcomes.
     */
    public Analysis.Distances distances(Result result) {
        CoalitionAnalysis coalition = coalition(result).orElse(null);
        double[] utilities = null;
        if (coalition != null) {
            utilities = result.agreement() ? coalition.analysis().problem().utilities(result.outcome())
                    : members(coalition, reservations());
        }
        Map<String, Double> concepts = new LinkedHashMap<>();
        for (String key : SolutionConcepts.registered().keys()) {
            BargainingPoint point = coalition == null ? null : coalition.analysis().points().get(key);
            concepts.put(key, point == null ? Double.NaN : point.distance(utilities));
        }
        return new Analysis.Distances(coalition == null ? Double.NaN : coalition.analysis().pareto().distance(utilities),
                concepts);
    }

    /**
     * The coalition {@code result} is measured against: the signers of its deal, or without one the
     * winning set whose own frontier lies nearest to no deal; empty when there is no analysis, the
     * signers do not satisfy the rule, or no winning set accepts anything.
     */
    public Optional<CoalitionAnalysis> coalition(Result result) {
        if (analysis == null) {
            return Optional.empty();
        }
        return result.agreement() ? analysis.coalition(result.signers())
                : Optional.ofNullable(nearest(reservations()));
    }

    private double[] reservations() {
        double[] reservations = new double[scenario.parties().size()];
        for (int i = 0; i < reservations.length; i++) {
            reservations[i] = scenario.parties().get(i).preferences().reservation();
        }
        return reservations;
    }

    /**
     * The winning set whose own frontier lies nearest to {@code point} (over all parties), the first
     * on ties; null when no winning set accepts anything.
     */
    private CoalitionAnalysis nearest(double[] point) {
        CoalitionAnalysis nearest = null;
        double best = Double.NaN;
        for (CoalitionAnalysis coalition : analysis.winning()) {
            double d = coalition.analysis().pareto().distance(members(coalition, point));
            if (d < best || (Double.isNaN(best) && !Double.isNaN(d))) {
                nearest = coalition;
                best = d;
            }
        }
        return nearest;
    }

    /** Each point with its vector over the members and the distance from {@code utilities} (over the members). */
    private static List<NegotiationDebrief.Concept> concepts(CoalitionAnalysis coalition,
            Iterable<BargainingPoint> points, double[] utilities) {
        List<NegotiationDebrief.Concept> concepts = new ArrayList<>();
        for (BargainingPoint point : points) {
            Map<String, Double> vector = new LinkedHashMap<>();
            for (int p = 0; p < coalition.members().size(); p++) {
                vector.put(coalition.members().get(p), point.point().utility(p));
            }
            concepts.add(new NegotiationDebrief.Concept(point.concept(), point.distance(utilities), vector,
                    point.outcome(), point.ties()));
        }
        return concepts;
    }

    private static double[] members(CoalitionAnalysis coalition, double[] all) {
        double[] members = new double[coalition.members().size()];
        for (int p = 0; p < members.length; p++) {
            members[p] = all[coalition.position(p)];
        }
        return members;
    }

    /** What blocks each minimal winning set: computed once, when a negotiation first fails. */
    private synchronized Blockers whyNoDeal() {
        if (whyNoDeal == null) {
            try {
                whyNoDeal = new Blockers(WhyNoDeal.explain(analysis, WhyNoDeal.DEFAULT_CHECKS), "");
            } catch (IllegalArgumentException tooMany) {
                whyNoDeal = new Blockers(List.of(), "no blocker sets: " + tooMany.getMessage());
            }
        }
        return whyNoDeal;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "; " + b;
    }
}
