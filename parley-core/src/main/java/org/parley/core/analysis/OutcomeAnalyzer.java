package org.parley.core.analysis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.parley.core.model.Scenario;

/**
 * The entry point of exact analysis. Uses the issue-wise frontier when every named party's utility
 * is linear additive (at any size) and enumeration otherwise (up to {@link
 * BruteForceParetoFrontier#LIMIT} outcomes). Thread-safe: it holds no state.
 */
public final class OutcomeAnalyzer {

    private static final IssueWiseParetoFrontier ISSUE_WISE = new IssueWiseParetoFrontier();
    private static final BruteForceParetoFrontier BRUTE_FORCE = new BruteForceParetoFrontier();

    private OutcomeAnalyzer() {}

    /**
     * The full analysis, listing at most {@code listLimit} outcomes per list (frontier outcomes are
     * listed on demand through {@link ParetoFrontier#outcomes}), with the point of every {@linkplain
     * SolutionConcepts#registered() registered} solution concept.
     *
     * @throws IllegalArgumentException when the problem is beyond every method's limits
     */
    public static Analysis analyze(AnalysisProblem problem, int listLimit) {
        return analyze(problem, listLimit, SolutionConcepts.registered());
    }

    /** {@link #analyze(AnalysisProblem, int)} with the points of {@code concepts}. */
    public static Analysis analyze(AnalysisProblem problem, int listLimit, SolutionConcepts concepts) {
        return analyze(problem, listLimit, concepts, AnalysisProgress.NONE);
    }

    /**
     * {@link #analyze(AnalysisProblem, int, SolutionConcepts)}, telling {@code progress} of each
     * merge of the issue-wise frontier, and refusing frontiers that would not fit in memory.
     */
    public static Analysis analyze(AnalysisProblem problem, int listLimit, SolutionConcepts concepts,
            AnalysisProgress progress) {
        if (listLimit < 0) {
            throw new IllegalArgumentException("The list limit (" + listLimit + ") must not be negative.");
        }
        if (!ISSUE_WISE.supports(problem)) {
            return BRUTE_FORCE.analyze(problem, listLimit, concepts);
        }
        ParetoFrontier frontier = ISSUE_WISE.frontier(problem, progress, IssueWiseParetoFrontier.unusedMemory());
        var points = concepts.points(frontier, listLimit);
        int k = problem.partyCount();
        Optional<BigInteger> acceptable;
        String note = "";
        long[] worst = null;
        if (frontier.isEmpty()) {
            acceptable = Optional.of(BigInteger.ZERO);
        } else {
            var count = MeetInTheMiddleAcceptableCount.count(problem, ISSUE_WISE.blocks(problem));
            acceptable = count.acceptable();
            note = count.note();
            worst = count.worst();
        }
        List<PartyRange> ranges = new ArrayList<>();
        for (int p = 0; p < k; p++) {
            OptionalDouble best = OptionalDouble.empty();
            for (FrontierPoint point : frontier.points()) {
                if (best.isEmpty() || point.utility(p) > best.getAsDouble()) {
                    best = OptionalDouble.of(point.utility(p));
                }
            }
            OptionalDouble low = worst == null ? OptionalDouble.empty()
                    : OptionalDouble.of(FixedPoint.toUtility(worst[p]));
            ranges.add(new PartyRange(problem.parties().get(p), problem.preferences(p).reservation(), best, low));
        }
        return new Analysis(problem, "issue-wise", problem.space().count(), acceptable, note, frontier, concepts, points,
                ranges);
    }

    /** The Pareto frontier by the fastest method that applies. */
    public static ParetoFrontier frontier(AnalysisProblem problem) {
        return ISSUE_WISE.supports(problem) ? ISSUE_WISE.frontier(problem) : BRUTE_FORCE.frontier(problem);
    }

    /**
     * For coalition games: the largest joint surplus Σ_{i∈S} max(0, u_i − r_i) over the outcomes
     * acceptable to every party of {@code coalition} (its members' constraints and reservation
     * values; other parties play no part), or empty when no outcome is acceptable to all of them.
     * Linear additive utilities: branch and bound over the issue-wise blocks ({@link
     * BranchAndBoundJointSurplus}); otherwise, or when that search runs past its node budget, the
     * maximum over the coalition's frontier (where the maximum lies).
     */
    public static OptionalDouble jointSurplus(Scenario scenario, Collection<String> coalition, int realSteps) {
        if (coalition.isEmpty()) {
            throw new IllegalArgumentException("A coalition needs at least one party.");
        }
        AnalysisProblem problem = AnalysisProblem.of(scenario, List.copyOf(coalition), realSteps);
        if (ISSUE_WISE.supports(problem)) {
            OptionalLong units = BranchAndBoundJointSurplus.solve(problem, ISSUE_WISE.blocks(problem));
            if (units != null) {
                return units.isPresent() ? OptionalDouble.of(FixedPoint.toUtility(units.getAsLong())) : OptionalDouble.empty();
            }
        }
        return jointSurplusOnFrontier(problem);
    }

    /** The largest joint surplus as the maximum over the frontier: the reference for the branch and bound. */
    static OptionalDouble jointSurplusOnFrontier(AnalysisProblem problem) {
        ParetoFrontier frontier = frontier(problem);
        if (frontier.isEmpty()) {
            return OptionalDouble.empty();
        }
        long best = Long.MIN_VALUE;
        for (FrontierPoint point : frontier.points()) {
            long sum = 0;
            for (int p = 0; p < problem.partyCount(); p++) {
                sum += Math.max(0, point.fixed(p) - problem.reservation(p));
            }
            best = Math.max(best, sum);
        }
        return OptionalDouble.of(FixedPoint.toUtility(best));
    }
}
