package org.parley.core.analysis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
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
 * is tested against, and the fallback for utilities that are not linear additive. Its bargaining
 * points follow {@link BargainingSolutions}' definitions but are evaluated over every acceptable
 * vector, not only the frontier, with BigInteger arithmetic: an independent computation.
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

    /** The whole analysis by enumeration. */
    public Analysis analyze(AnalysisProblem problem, int listLimit) {
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
        Map<Solution, BargainingPoint> points = new EnumMap<>(Solution.class);
        if (e.acceptable > 0) {
            for (Solution solution : Solution.values()) {
                points.put(solution, point(solution, problem, e, frontier, listLimit));
            }
        }
        return new Analysis(problem, "brute-force", problem.space().count(),
                Optional.of(BigInteger.valueOf(e.acceptable)), "", frontier, points, ranges);
    }

    private static BargainingPoint point(
            Solution solution, AnalysisProblem problem, Enumeration e, ParetoFrontier frontier, int listLimit) {
        int k = problem.partyCount();
        List<Integer> active = new ArrayList<>();
        for (int p = 0; p < k; p++) {
            if (e.best[p] > problem.reservation(p)) {
                active.add(p);
            }
        }
        Set<Key> efficient = new HashSet<>();
        for (FrontierPoint point : frontier.points()) {
            efficient.add(new Key(point.fixed()));
        }
        // Objective values as exact fractions num/den, compared by cross-multiplying.
        BigInteger bestNum = null;
        BigInteger bestDen = BigInteger.ONE;
        Set<Key> maximisers = new HashSet<>();
        for (Key key : e.vectors.keySet()) {
            BigInteger num;
            BigInteger den = BigInteger.ONE;
            long[] u = key.values;
            switch (solution) {
                case NASH -> {
                    num = BigInteger.ONE;
                    for (int p : active) {
                        num = num.multiply(BigInteger.valueOf(Math.max(0, u[p] - problem.reservation(p))));
                    }
                }
                case UTILITARIAN -> {
                    num = BigInteger.ZERO;
                    for (int p = 0; p < k; p++) {
                        num = num.add(BigInteger.valueOf(u[p]));
                    }
                }
                case EGALITARIAN -> {
                    num = active.isEmpty() ? BigInteger.ZERO : null;
                    for (int p : active) {
                        BigInteger gain = BigInteger.valueOf(Math.max(0, u[p] - problem.reservation(p)));
                        num = num == null ? gain : num.min(gain);
                    }
                }
                default -> {
                    num = active.isEmpty() ? BigInteger.ZERO : null;
                    for (int p : active) {
                        BigInteger gain = BigInteger.valueOf(Math.max(0, u[p] - problem.reservation(p)));
                        BigInteger span = BigInteger.valueOf(e.best[p] - problem.reservation(p));
                        if (num == null || gain.multiply(den).compareTo(num.multiply(span)) < 0) {
                            num = gain;
                            den = span;
                        }
                    }
                }
            }
            int c = bestNum == null ? 1 : num.multiply(bestDen).compareTo(bestNum.multiply(den));
            if (c > 0) {
                maximisers.clear();
                bestNum = num;
                bestDen = den;
            }
            if (c >= 0) {
                maximisers.add(key);
            }
        }
        List<Integer> tied = new ArrayList<>();
        for (int j = 0; j < frontier.points().size(); j++) {
            if (maximisers.contains(new Key(frontier.points().get(j).fixed()))) {
                tied.add(j);
            }
        }
        if (tied.isEmpty()) {
            throw new IllegalStateException("No efficient maximiser of " + solution + ": a dominated outcome cannot"
                    + " beat every efficient one on a monotone objective.");
        }
        return BargainingSolutions.point(solution, frontier, tied, listLimit);
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
