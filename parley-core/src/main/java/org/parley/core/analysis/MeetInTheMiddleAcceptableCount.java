package org.parley.core.analysis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.parley.core.analysis.IssueWiseParetoFrontier.Block;

/**
 * Counts the acceptable outcomes exactly, and finds each party's worst acceptable utility, without
 * enumerating the product of blocks. Counting vectors with u ≥ r is not a frontier question (it is
 * #knapsack), so this splits the blocks into two halves of balanced size, enumerates each half's
 * sums (about √N each, pruned and with equal vectors merged), and answers, for every sum a of one
 * half, "how many sums b of the other have a + b ≥ r, and what is their least b_i" — Horowitz and
 * Sahni's meet in the middle (1974). With one or two parties whose reservation can bind, that is an
 * offline dominance query: sort by the first, sweep, and keep Fenwick trees (Fenwick 1994) over the
 * second, O(√N · log N · k). With three, the same query in three dimensions by divide and conquer
 * on the first (Bentley 1980; the offline "CDQ" form), O(√N · log² N · k). With four or more it
 * checks every pair of half sums, O(N) in the worst case, up to {@link #PAIR_LIMIT} pairs.
 *
 * <p>Limits, beyond which the count is reported as not available rather than estimated: each half
 * at most {@link #HALF_LIMIT} block combinations (so about 7·10^13 outcomes when halves balance),
 * and the pair limit above for four or more binding parties.
 */
final class MeetInTheMiddleAcceptableCount {

    static final long HALF_LIMIT = 1L << 23;
    static final long PAIR_LIMIT = 1L << 30;

    /** The count (empty when beyond the limits, with a note saying why) and per party the worst acceptable utility. */
    record Result(Optional<BigInteger> acceptable, String note, long[] worst) {}

    private MeetInTheMiddleAcceptableCount() {}

    static Result count(AnalysisProblem problem, List<Block> blocks) {
        int k = problem.partyCount();
        long[] threshold = new long[k];
        long[] sumMin = new long[k];
        long[] sumMax = new long[k];
        for (int p = 0; p < k; p++) {
            threshold[p] = problem.threshold(p);
        }
        BigInteger product = BigInteger.ONE;
        for (Block block : blocks) {
            if (block.size() == 0) {
                return new Result(Optional.of(BigInteger.ZERO), "", null);
            }
            product = product.multiply(BigInteger.valueOf(block.size()));
            for (int p = 0; p < k; p++) {
                sumMin[p] += block.min()[p];
                sumMax[p] += block.max()[p];
            }
        }
        List<Integer> binding = new ArrayList<>();
        for (int p = 0; p < k; p++) {
            if (threshold[p] > sumMax[p]) {
                return new Result(Optional.of(BigInteger.ZERO), "", null);
            }
            if (threshold[p] > sumMin[p]) {
                binding.add(p);
            }
        }
        if (binding.isEmpty()) {
            return new Result(Optional.of(product), "", sumMin);
        }
        List<Block> first = new ArrayList<>();
        List<Block> second = new ArrayList<>();
        split(blocks, first, second);
        double firstSize = combinations(first);
        double secondSize = combinations(second);
        if (Math.max(firstSize, secondSize) > HALF_LIMIT) {
            return unavailable(String.format("the exact count would enumerate %.3g sums per half of the space; Parley"
                    + " stops at %d", Math.max(firstSize, secondSize), HALF_LIMIT));
        }
        if (binding.size() >= 4 && firstSize * secondSize > PAIR_LIMIT) {
            return unavailable(String.format("with %d parties whose reservation binds, the exact count checks every"
                    + " pair of half sums (%.3g); Parley stops at %d", binding.size(), firstSize * secondSize,
                    PAIR_LIMIT));
        }
        // Dimensions reordered so that lexicographic order sorts by the binding parties first.
        int[] perm = new int[k];
        int t = 0;
        for (int p : binding) {
            perm[t++] = p;
        }
        for (int p = 0; p < k; p++) {
            if (!binding.contains(p)) {
                perm[t++] = p;
            }
        }
        long[] permThreshold = new long[k];
        long[] maxFirst = new long[k];
        long[] maxSecond = new long[k];
        for (int d = 0; d < k; d++) {
            permThreshold[d] = binding.contains(perm[d]) ? threshold[perm[d]] : Long.MIN_VALUE / 4;
            for (Block block : first) {
                maxFirst[d] += block.max()[perm[d]];
            }
            for (Block block : second) {
                maxSecond[d] += block.max()[perm[d]];
            }
        }
        Half a = Half.enumerate(first, perm, permThreshold, maxSecond);
        Half b = Half.enumerate(second, perm, permThreshold, maxFirst);
        long[] worst = new long[k];
        Arrays.fill(worst, Long.MAX_VALUE);
        Accumulator total = new Accumulator();
        if (binding.size() <= 2) {
            sweep(a, b, binding.size(), permThreshold, k, total, worst);
        } else if (binding.size() == 3) {
            new Dominance3(a, b, permThreshold, k).run(total, worst);
        } else {
            pairs(a, b, binding.size(), permThreshold, k, total, worst);
        }
        long[] result = new long[k];
        for (int d = 0; d < k; d++) {
            result[perm[d]] = worst[d];
        }
        return new Result(Optional.of(total.value()), "", total.value().signum() == 0 ? null : result);
    }

    private static Result unavailable(String why) {
        return new Result(Optional.empty(), why, null);
    }

    /** Greedy balancing: largest blocks first, each to the half with fewer combinations. */
    private static void split(List<Block> blocks, List<Block> first, List<Block> second) {
        List<Block> sorted = new ArrayList<>(blocks);
        sorted.sort((x, y) -> Integer.compare(y.size(), x.size()));
        double logFirst = 0;
        double logSecond = 0;
        for (Block block : sorted) {
            if (logFirst <= logSecond) {
                first.add(block);
                logFirst += Math.log(block.size());
            } else {
                second.add(block);
                logSecond += Math.log(block.size());
            }
        }
    }

    private static double combinations(List<Block> blocks) {
        double size = 1;
        for (Block block : blocks) {
            size *= block.size();
        }
        return size;
    }

    /** The distinct sums of one half (dimensions permuted), lexicographically descending, with counts. */
    private record Half(long[] pts, long[] counts, int n) {

        static Half enumerate(List<Block> blocks, int[] perm, long[] threshold, long[] otherMax) {
            int k = perm.length;
            long[] pts = new long[k];
            long[] counts = {1};
            int n = 1;
            long[] remaining = new long[k];
            for (Block block : blocks) {
                for (int d = 0; d < k; d++) {
                    remaining[d] += block.max()[perm[d]];
                }
            }
            for (Block block : blocks) {
                for (int d = 0; d < k; d++) {
                    remaining[d] -= block.max()[perm[d]];
                }
                long[] next = new long[n * block.size() * k];
                long[] nextCounts = new long[n * block.size()];
                int m = 0;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < block.size(); j++) {
                        boolean keep = true;
                        for (int d = 0; d < k; d++) {
                            long s = pts[i * k + d] + block.vectors()[j * k + perm[d]];
                            if (s + remaining[d] + otherMax[d] < threshold[d]) {
                                keep = false;
                                break;
                            }
                            next[m * k + d] = s;
                        }
                        if (keep) {
                            nextCounts[m++] = counts[i];
                        }
                    }
                }
                n = Vectors.sortAndMerge(next, nextCounts, m, k);
                pts = next;
                counts = nextCounts;
            }
            return new Half(pts, counts, n);
        }
    }

    /**
     * One or two binding dimensions (0 and 1 after the permutation): sweep the queries of {@code a}
     * in order of falling threshold on dimension 0, inserting the sums of {@code b} that pass it;
     * Fenwick trees over dimension 1 answer count and per-party minimum for "dimension 1 ≥ x".
     */
    private static void sweep(Half a, Half b, int bindingCount, long[] threshold, int k, Accumulator total,
            long[] worst) {
        int size = bindingCount == 2 ? b.n : 1;
        long[] keys = new long[size];
        if (bindingCount == 2) {
            for (int j = 0; j < b.n; j++) {
                keys[j] = b.pts[j * k + 1];
            }
            Arrays.sort(keys);
        }
        // Fenwick trees indexed by reversed key rank: a prefix is a suffix of keys.
        long[] countTree = new long[size + 1];
        long[][] minTree = new long[k][size + 1];
        for (long[] tree : minTree) {
            Arrays.fill(tree, Long.MAX_VALUE);
        }
        int inserted = 0;
        // b is sorted by dimension 0 descending; a's queries by a_0 ascending, so thresholds fall.
        for (int i = a.n - 1; i >= 0; i--) {
            int ao = i * k;
            long x0 = threshold[0] - a.pts[ao];
            while (inserted < b.n && b.pts[inserted * k] >= x0) {
                int bo = inserted * k;
                int position = bindingCount == 2 ? size - Arrays.binarySearch(keys, b.pts[bo + 1]) : 1;
                // binarySearch may land on any duplicate: all have the same key, any rank among them works.
                for (int x = position; x <= size; x += x & -x) {
                    countTree[x] += b.counts[inserted];
                    for (int d = 0; d < k; d++) {
                        if (b.pts[bo + d] < minTree[d][x]) {
                            minTree[d][x] = b.pts[bo + d];
                        }
                    }
                }
                inserted++;
            }
            int limit;
            if (bindingCount == 2) {
                int lower = lowerBound(keys, threshold[1] - a.pts[ao + 1]);
                limit = size - lower; // reversed ranks 1..limit hold the keys ≥ x1
            } else {
                limit = 1;
            }
            long count = 0;
            long[] min = new long[k];
            Arrays.fill(min, Long.MAX_VALUE);
            for (int x = limit; x > 0; x -= x & -x) {
                count += countTree[x];
                for (int d = 0; d < k; d++) {
                    min[d] = Math.min(min[d], minTree[d][x]);
                }
            }
            if (count > 0) {
                total.add(a.counts[i], count);
                for (int d = 0; d < k; d++) {
                    worst[d] = Math.min(worst[d], a.pts[ao + d] + min[d]);
                }
            }
        }
    }

    private static int lowerBound(long[] sorted, long x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Three or more binding dimensions: every pair, cut short by the order on dimension 0. */
    private static void pairs(Half a, Half b, int bindingCount, long[] threshold, int k, Accumulator total,
            long[] worst) {
        for (int i = 0; i < a.n; i++) {
            int ao = i * k;
            long x0 = threshold[0] - a.pts[ao];
            long count = 0;
            for (int j = 0; j < b.n; j++) {
                int bo = j * k;
                if (b.pts[bo] < x0) {
                    break;
                }
                boolean ok = true;
                for (int d = 1; d < bindingCount; d++) {
                    if (a.pts[ao + d] + b.pts[bo + d] < threshold[d]) {
                        ok = false;
                        break;
                    }
                }
                if (ok) {
                    count += b.counts[j];
                    for (int d = 0; d < k; d++) {
                        worst[d] = Math.min(worst[d], a.pts[ao + d] + b.pts[bo + d]);
                    }
                }
            }
            if (count > 0) {
                total.add(a.counts[i], count);
            }
        }
    }

    /**
     * Three binding dimensions (0, 1, 2 after the permutation): for every query of {@code a}
     * (thresholds x = r − a) the count and per-party minimum of the sums of {@code b} with b ≥ x.
     * Items sorted by dimension 0 (points before queries on equal values); divide and conquer on
     * that order lets the points of each left half answer the queries of its right half, by a
     * sweep on dimension 1 with Fenwick trees over dimension 2.
     */
    private static final class Dominance3 {
        private final Half a;
        private final Half b;
        private final int k;
        private final long[] c1;
        private final long[] c2;
        private final int[] order;
        private final long[] keys;
        private final long[] countTree;
        private final long[][] minTree;
        private final long[] queryCount;
        private final long[][] queryMin;

        Dominance3(Half a, Half b, long[] threshold, int k) {
            this.a = a;
            this.b = b;
            this.k = k;
            int n = a.n + b.n;
            long[] c0 = new long[n];
            c1 = new long[n];
            c2 = new long[n];
            long[] ids = new long[n];
            // Items 0 .. b.n − 1 are points, the rest queries; listed first, points stay first on ties.
            for (int j = 0; j < b.n; j++) {
                c0[j] = b.pts[j * k];
                c1[j] = b.pts[j * k + 1];
                c2[j] = b.pts[j * k + 2];
                ids[j] = j;
            }
            for (int i = 0; i < a.n; i++) {
                int item = b.n + i;
                c0[item] = threshold[0] - a.pts[i * k];
                c1[item] = threshold[1] - a.pts[i * k + 1];
                c2[item] = threshold[2] - a.pts[i * k + 2];
                ids[item] = item;
            }
            long[] sortKeys = c0.clone();
            Vectors.sortDescending(sortKeys, ids, n, 1); // stable
            order = new int[n];
            for (int t = 0; t < n; t++) {
                order[t] = (int) ids[t];
            }
            keys = java.util.Arrays.copyOf(c2, b.n);
            java.util.Arrays.sort(keys);
            countTree = new long[b.n + 1];
            minTree = new long[k][b.n + 1];
            for (long[] tree : minTree) {
                java.util.Arrays.fill(tree, Long.MAX_VALUE);
            }
            queryCount = new long[a.n];
            queryMin = new long[k][a.n];
            for (long[] min : queryMin) {
                java.util.Arrays.fill(min, Long.MAX_VALUE);
            }
        }

        void run(Accumulator total, long[] worst) {
            solve(0, order.length);
            for (int i = 0; i < a.n; i++) {
                if (queryCount[i] > 0) {
                    total.add(a.counts[i], queryCount[i]);
                    for (int d = 0; d < k; d++) {
                        worst[d] = Math.min(worst[d], a.pts[i * k + d] + queryMin[d][i]);
                    }
                }
            }
        }

        private void solve(int lo, int hi) {
            if (hi - lo < 2) {
                return;
            }
            int mid = (lo + hi) >>> 1;
            solve(lo, mid);
            solve(mid, hi);
            long[] points = collect(lo, mid, true);
            long[] queries = collect(mid, hi, false);
            if (points.length == 0 || queries.length == 0) {
                return;
            }
            int p = 0;
            for (long q : queries) {
                int query = (int) q;
                while (p < points.length && c1[(int) points[p]] >= c1[query]) {
                    insert((int) points[p]);
                    p++;
                }
                ask(query);
            }
            for (int t = 0; t < p; t++) {
                clear((int) points[t]);
            }
        }

        /** The points (or queries) among order[from, to), sorted by dimension 1 descending. */
        private long[] collect(int from, int to, boolean points) {
            int m = 0;
            for (int t = from; t < to; t++) {
                if ((order[t] < b.n) == points) {
                    m++;
                }
            }
            long[] items = new long[m];
            long[] sortKeys = new long[m];
            m = 0;
            for (int t = from; t < to; t++) {
                if ((order[t] < b.n) == points) {
                    items[m] = order[t];
                    sortKeys[m++] = c1[order[t]];
                }
            }
            Vectors.sortDescending(sortKeys, items, m, 1);
            return items;
        }

        /** Reversed rank of a point's dimension-2 value: larger values get smaller positions. */
        private int position(int point) {
            return b.n - java.util.Arrays.binarySearch(keys, c2[point]);
        }

        private void insert(int point) {
            for (int x = position(point); x <= b.n; x += x & -x) {
                countTree[x] += b.counts[point];
                for (int d = 0; d < k; d++) {
                    minTree[d][x] = Math.min(minTree[d][x], b.pts[point * k + d]);
                }
            }
        }

        private void clear(int point) {
            for (int x = position(point); x <= b.n; x += x & -x) {
                countTree[x] = 0;
                for (int d = 0; d < k; d++) {
                    minTree[d][x] = Long.MAX_VALUE;
                }
            }
        }

        private void ask(int query) {
            int i = query - b.n;
            for (int x = b.n - lowerBound(keys, c2[query]); x > 0; x -= x & -x) {
                queryCount[i] += countTree[x];
                for (int d = 0; d < k; d++) {
                    queryMin[d][i] = Math.min(queryMin[d][i], minTree[d][x]);
                }
            }
        }
    }

    /** A sum of products that switches to BigInteger past 2^63 − 1. */
    private static final class Accumulator {
        private long low;
        private BigInteger high = BigInteger.ZERO;

        void add(long x, long y) {
            try {
                low = Vectors.addCounts(low, Vectors.multiplyCounts(x, y));
            } catch (ArithmeticException e) {
                high = high.add(BigInteger.valueOf(x).multiply(BigInteger.valueOf(y)));
            }
        }

        BigInteger value() {
            return high.add(BigInteger.valueOf(low));
        }
    }
}
