package org.parley.core.analysis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.parley.core.model.Outcome;
import org.parley.core.model.OutcomeSpace;

/**
 * Enumerates every outcome: O(N · (n + k)) for N outcomes, n issues and k parties, plus O(d · f · k)
 * to filter the d distinct acceptable vectors against the frontier's f. The reference the fast path
 * is tested against, and the fallback for utilities that are not linear additive. It computes the
 * same registered solution concepts; those that maximise an objective per vector ({@link
 * MaximisingSolutionConcept}) are evaluated over every acceptable vector, dominated ones included,
 * as their definitions read, where the fast path looks at the frontier only.
 */
public final class BruteForceParetoFrontier implements ParetoFrontierAlgorithm {

    /** The most outcomes it enumerates. */
    public static final long LIMIT = 5_000_000L;

    @Override
    public boolean supports(AnalysisProblem problem) {
        return problem.space().count().compareTo(BigInteger.valueOf(LIMIT)) <= 0;
    }

    @Override
    public ParetoFrontier frontier(AnalysisProblem problem) {
        return enumerate(problem).frontier(problem);
    }

    /** The whole analysis by enumeration, with every registered solution concept. */
    public Analysis analyze(AnalysisProblem problem, int listLimit) {
        return analyze(problem, listLimit, SolutionConcepts.registered());
    }

    /** The whole analysis by enumeration, with the points of {@code concepts}. */
    public Analysis analyze(AnalysisProblem problem, int listLimit, SolutionConcepts concepts) {
        Enumeration e = enumerate(problem);
        ParetoFrontier frontier = e.frontier(problem);
        int k = problem.partyCount();
        List<PartyRange> ranges = new ArrayList<>();
        for (int p = 0; p < k; p++) {
            boolean any = e.acceptable > 0;
            ranges.add(new PartyRange(problem.parties().get(p), problem.preferences(p).reservation(),
                    any ? OptionalDouble.of(FixedPoint.toUtility(e.best[p])) : OptionalDouble.empty(),
                    any ? OptionalDouble.of(FixedPoint.toUtility(e.worst[p])) : OptionalDouble.empty()));
        }
        Map<String, BargainingPoint> points = new LinkedHashMap<>();
        if (e.acceptable > 0) {
            BargainingProblem everyAcceptable = e.everyVector(problem);
            BargainingProblem efficient = BargainingProblem.of(frontier);
            for (SolutionConcept concept : concepts) {
                int[] tied = concept instanceof MaximisingSolutionConcept<?> maximising
                        ? efficientMaximisers(maximising, everyAcceptable, frontier)
                        : concept.select(efficient);
                points.put(concept.key(), SolutionConcepts.point(concept, frontier, tied, listLimit));
            }
        }
        return new Analysis(problem, "brute-force", problem.space().count(),
                Optional.of(BigInteger.valueOf(e.acceptable)), "", frontier, concepts, points, ranges);
    }

    /**
     * The frontier indices of the maximisers of {@code concept}'s objective over every acceptable
     * vector, dominated ones included, that lie on the frontier: the definition, where the fast
     * path maximises over the frontier alone.
     */
    private static int[] efficientMaximisers(
            MaximisingSolutionConcept<?> concept, BargainingProblem everyAcceptable, ParetoFrontier frontier) {
        Set<Key> maximisers = new HashSet<>();
        for (int j : concept.maximisers(everyAcceptable)) {
            maximisers.add(new Key(everyAcceptable.vector(j).fixed()));
        }
        List<Integer> tied = new ArrayList<>();
        for (int j = 0; j < frontier.points().size(); j++) {
            if (maximisers.contains(new Key(frontier.points().get(j).fixed()))) {
                tied.add(j);
            }
        }
        if (tied.isEmpty()) {
            throw new IllegalStateException("No efficient maximiser of the solution concept " + concept.key() + " ("
                    + concept.getClass().getName() + "): only dominated outcomes reach its maximum, so its objective"
                    + " is not weakly increasing in every utility, as MaximisingSolutionConcept requires.");
        }
        return tied.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Enumeration enumerate(AnalysisProblem problem) {
        if (!new BruteForceParetoFrontier().supports(problem)) {
            throw new IllegalArgumentException("The outcome space has " + problem.space().count()
                    + " outcomes; enumeration stops at " + LIMIT + ". Discretise real issues more coarsely (--steps)"
                    + " or use linear additive utilities, which the issue-wise analysis handles at any size.");
        }
        Enumeration e = new Enumeration(problem.partyCount());
        forEachOutcome(problem, (indices, u) -> {
            if (!problem.meetsReservations(u) || !problem.satisfiesConstraints(problem.space().outcome(indices))) {
                return true;
            }
            e.acceptable++;
            for (int p = 0; p < u.length; p++) {
                e.best[p] = Math.max(e.best[p], u[p]);
                e.worst[p] = Math.min(e.worst[p], u[p]);
            }
            e.vectors.computeIfAbsent(new Key(u), key -> new long[1])[0]++;
            return true;
        });
        return e;
    }

    private interface Visitor {
        /** Returns false to stop. */
        boolean visit(int[] indices, long[] utilities);
    }

    /** Visits outcomes in rank order (last issue fastest). */
    private static void forEachOutcome(AnalysisProblem problem, Visitor visitor) {
        OutcomeSpace space = problem.space();
        int n = space.issueCount();
        int[] indices = new int[n];
        while (true) {
            if (!visitor.visit(indices, problem.fixedUtilities(indices))) {
                return;
            }
            int i = n - 1;
            while (i >= 0 && ++indices[i] == space.size(i)) {
                indices[i] = 0;
                i--;
            }
            if (i < 0) {
                return;
            }
        }
    }

    private static final class Enumeration {
        final Map<Key, long[]> vectors = new HashMap<>();
        final long[] best;
        final long[] worst;
        long acceptable;

        Enumeration(int k) {
            best = new long[k];
            worst = new long[k];
            Arrays.fill(best, Long.MIN_VALUE);
            Arrays.fill(worst, Long.MAX_VALUE);
        }

        /** Every distinct acceptable vector, lexicographically descending, with the problem's reservations. */
        BargainingProblem everyVector(AnalysisProblem problem) {
            List<FrontierPoint> all = new ArrayList<>();
            for (Map.Entry<Key, long[]> entry : vectors.entrySet()) {
                all.add(new FrontierPoint(entry.getKey().values, entry.getValue()[0]));
            }
            all.sort((a, b) -> Vectors.compareDescending(a.fixed(), 0, b.fixed(), 0, problem.partyCount()));
            long[] reservations = new long[problem.partyCount()];
            for (int p = 0; p < reservations.length; p++) {
                reservations[p] = problem.reservation(p);
            }
            return new BargainingProblem(all, reservations);
        }

        ParetoFrontier frontier(AnalysisProblem problem) {
            int k = problem.partyCount();
            int d = vectors.size();
            long[] pts = new long[d * k];
            long[] counts = new long[d];
            int j = 0;
            for (Map.Entry<Key, long[]> entry : vectors.entrySet()) {
                System.arraycopy(entry.getKey().values, 0, pts, j * k, k);
                counts[j++] = entry.getValue()[0];
            }
            Vectors.sortDescending(pts, counts, d, k);
            // A vector's dominators come before it in this order; check it against the frontier so far.
            List<FrontierPoint> frontier = new ArrayList<>();
            for (j = 0; j < d; j++) {
                FrontierPoint candidate = new FrontierPoint(Arrays.copyOfRange(pts, j * k, j * k + k), counts[j]);
                boolean dominated = false;
                for (FrontierPoint point : frontier) {
                    if (point.dominates(candidate)) {
                        dominated = true;
                        break;
                    }
                }
                if (!dominated) {
                    frontier.add(candidate);
                }
            }
            return new ParetoFrontier(problem, frontier, (vector, limit) -> {
                List<Outcome> found = new ArrayList<>();
                forEachOutcome(problem, (indices, u) -> {
                    if (Arrays.equals(u, vector)) {
                        Outcome outcome = problem.space().outcome(indices);
                        if (problem.satisfiesConstraints(outcome)) {
                            found.add(outcome);
                        }
                    }
                    return found.size() < limit;
                });
                return found;
            });
        }
    }

    private record Key(long[] values) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && Arrays.equals(values, that.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }
}
