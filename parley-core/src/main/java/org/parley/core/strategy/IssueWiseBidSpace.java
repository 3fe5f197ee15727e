package org.parley.core.strategy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.parley.core.model.Outcome;
import org.parley.core.model.OutcomeSpace;
import org.parley.core.model.Tolerances;
import org.parley.core.preference.Constraint;
import org.parley.core.preference.LinearAdditiveUtility;
import org.parley.core.preference.Preferences;

/**
 * A search over issues for outcomes of a target utility, for spaces too large to list (10^10
 * outcomes and more). Issues coupled by a hard constraint form a block whose joint values are
 * listed and filtered; each block's contribution w_i · v_i is quantised to {@value #BUCKETS}
 * steps of the utility range, and a subset-sum dynamic programme records, for every suffix of
 * blocks, which quantised sums it can reach (as bitsets). A query finds the nearest reachable sum
 * and walks the blocks back choosing a value that keeps the rest reachable. Building costs
 * O(Σ_b |values_b| · B / 64) word operations, a query O(Σ_b |values_b|) (B buckets), with no
 * enumeration of the space. Utilities are exact; only the choice among outcomes is made at the
 * resolution of one bucket per block. The pseudo-polynomial subset-sum DP is Bellman's (1957).
 */
public final class IssueWiseBidSpace implements BidSpace {

    /** Quantisation steps over the utility range. */
    public static final int BUCKETS = 1 << 17;

    private static final int MAX_BLOCK_VALUES = 1 << 20;

    private final Preferences preferences;
    private final int issueCount;
    /** blockIssues[b]: the issues of block b. */
    private final int[][] blockIssues;
    /** options[b][k]: the k-th allowed joint value of block b, as coordinates of its issues. */
    private final double[][][] options;
    /** quantised[b][k]: the quantised contribution of option k of block b. */
    private final int[][] quantised;
    /** reach[b]: the quantised sums reachable by blocks b.. (reach[blocks] = {0}). */
    private final long[][] reach;
    /** contributions[b][k]: the exact contribution of option k of block b. */
    private final double[][] contributions;
    private final double step;
    private final boolean empty;
    private final Outcome best;
    private final double max;
    private final double min;

    public IssueWiseBidSpace(OutcomeSpace space, Preferences preferences) {
        if (!(preferences.utility() instanceof LinearAdditiveUtility utility)) {
            throw new IllegalArgumentException("An issue-wise search needs a linear additive utility.");
        }
        this.preferences = preferences;
        this.issueCount = space.issueCount();
        int[][] blocks = blocks(issueCount, preferences.constraints());
        refuseBeyondMemory(blocks.length, Runtime.getRuntime().maxMemory());
        blockIssues = blocks;
        options = new double[blocks.length][][];
        contributions = new double[blocks.length][];
        double total = 0;
        for (int b = 0; b < blocks.length; b++) {
            enumerate(space, utility, preferences.constraints(), b);
            contributions[b] = new double[options[b].length];
            double blockMax = 0;
            for (int k = 0; k < options[b].length; k++) {
                double c = 0;
                for (int j = 0; j < blocks[b].length; j++) {
                    c += utility.term(blocks[b][j], options[b][k][j]);
                }
                contributions[b][k] = c;
                blockMax = Math.max(blockMax, c);
            }
            total += blockMax;
        }
        step = total > 0 ? total / (BUCKETS - 1 - blocks.length) : 1;
        quantised = new int[blocks.length][];
        for (int b = 0; b < blocks.length; b++) {
            quantised[b] = new int[options[b].length];
            for (int k = 0; k < options[b].length; k++) {
                quantised[b][k] = (int) Math.round(contributions[b][k] / step);
            }
        }
        int words = (BUCKETS + 63) / 64;
        reach = new long[blocks.length + 1][];
        reach[blocks.length] = new long[words];
        reach[blocks.length][0] = 1L;
        for (int b = blocks.length - 1; b >= 0; b--) {
            reach[b] = new long[words];
            int[] distinct = Arrays.stream(quantised[b]).distinct().toArray();
            for (int q : distinct) {
                shiftOr(reach[b], reach[b + 1], q);
            }
        }
        empty = previousSet(reach[0], BUCKETS - 1) < 0;
        if (empty) {
            best = null;
            max = Double.NaN;
            min = Double.NaN;
        } else {
            best = extreme(true);
            max = utility(best);
            min = utility(extreme(false));
        }
    }

    @Override
    public boolean isEmpty() {
        return empty;
    }

    @Override
    public double utility(Outcome outcome) {
        return preferences.utility(outcome);
    }

    @Override
    public Outcome best() {
        return best;
    }

    @Override
    public double max() {
        return max;
    }

    @Override
    public double min() {
        return min;
    }

    @Override
    public Outcome atLeast(double target) {
        if (empty) {
            return null;
        }
        if (target > max) {
            return best;
        }
        int q = Math.max(0, (int) Math.floor(target / step) - blockIssues.length);
        // Rounding makes a quantised sum differ from the utility by up to half a step per block, so
        // candidates start a little below the target and the first truly at or above it wins.
        for (q = nextSet(reach[0], q); q >= 0; q = nextSet(reach[0], q + 1)) {
            Outcome outcome = build(q, null);
            if (utility(outcome) >= target - Tolerances.ACCEPTANCE) {
                return outcome;
            }
        }
        return best;
    }

    @Override
    public Outcome below(double utility) {
        if (empty) {
            return null;
        }
        int q = Math.min(BUCKETS - 1, (int) Math.ceil(utility / step) + blockIssues.length);
        for (q = previousSet(reach[0], q); q >= 0; q = previousSet(reach[0], q - 1)) {
            Outcome outcome = build(q, null);
            if (utility(outcome) < utility) {
                return outcome;
            }
        }
        return null;
    }

    @Override
    public Outcome random(double lo, double hi, RandomGenerator random) {
        if (empty || lo > hi) {
            return null;
        }
        int qlo = Math.max(0, (int) Math.floor(lo / step) - blockIssues.length);
        int qhi = Math.min(BUCKETS - 1, (int) Math.ceil(hi / step) + blockIssues.length);
        if (qlo > qhi) {
            return null;
        }
        for (int attempt = 0; attempt < 8; attempt++) {
            int q = nextSet(reach[0], qlo + random.nextInt(qhi - qlo + 1));
            if (q < 0 || q > qhi) {
                q = previousSet(reach[0], qhi);
            }
            if (q < qlo || q < 0) {
                return null;
            }
            Outcome outcome = build(q, random);
            double u = utility(outcome);
            if (u >= lo - Tolerances.ACCEPTANCE && u <= hi + Tolerances.ACCEPTANCE) {
                return outcome;
            }
        }
        return null;
    }

    /** The best (or worst) outcome: the best (worst) option of every block, the blocks being independent. */
    private Outcome extreme(boolean best) {
        double[] values = new double[issueCount];
        for (int b = 0; b < blockIssues.length; b++) {
            int chosen = 0;
            for (int k = 1; k < options[b].length; k++) {
                if (best ? contributions[b][k] > contributions[b][chosen] : contributions[b][k] < contributions[b][chosen]) {
                    chosen = k;
                }
            }
            for (int j = 0; j < blockIssues[b].length; j++) {
                values[blockIssues[b][j]] = options[b][chosen][j];
            }
        }
        return new Outcome(values);
    }

    /** An outcome whose quantised sum is exactly {@code q} (which must be reachable). */
    private Outcome build(int q, RandomGenerator random) {
        double[] values = new double[issueCount];
        int remaining = q;
        for (int b = 0; b < blockIssues.length; b++) {
            int chosen = -1;
            int count = options[b].length;
            int start = random == null ? 0 : random.nextInt(count);
            for (int i = 0; i < count; i++) {
                int k = (start + i) % count;
                int rest = remaining - quantised[b][k];
                if (rest >= 0 && get(reach[b + 1], rest)) {
                    chosen = k;
                    break;
                }
            }
            if (chosen < 0) {
                throw new IllegalStateException("The quantised sum " + q + " is not reachable.");
            }
            remaining -= quantised[b][chosen];
            for (int j = 0; j < blockIssues[b].length; j++) {
                values[blockIssues[b][j]] = options[b][chosen][j];
            }
        }
        return new Outcome(values);
    }

    /**
     * Refuses up front what the search cannot hold: a table of reachable sums per block ({@value
     * #BUCKETS} bits, 16 KiB: 160 MB for 10,000 independent issues, per party) within a quarter of
     * the memory the JVM may use, and fewer blocks than half the buckets (each block may round its
     * contribution by half a bucket).
     */
    static void refuseBeyondMemory(int blocks, long maxMemory) {
        if (blocks > BUCKETS / 2) {
            throw new IllegalArgumentException("The outcome space has " + blocks + " independent issues (or groups of"
                    + " issues coupled by constraints), more than the " + BUCKETS / 2 + " an issue-wise search resolves.");
        }
        long bytes = (blocks + 1L) * ((BUCKETS + 63) / 64) * Long.BYTES;
        if (bytes > maxMemory / 4) {
            throw new IllegalArgumentException("Searching the outcome space issue by issue needs " + bytes / 1_000_000
                    + " MB per party for its " + blocks + " independent issues (16 KB each), more than a quarter of the "
                    + maxMemory / 1_000_000 + " MB this Java may use; give it more (PARLEY_JAVA_OPTS=-Xmx...) or use"
                    + " fewer issues.");
        }
    }

    private void enumerate(OutcomeSpace space, LinearAdditiveUtility utility, List<Constraint> constraints, int b) {
        int[] issues = blockIssues[b];
        long count = 1;
        for (int issue : issues) {
            count *= space.size(issue);
            if (count > MAX_BLOCK_VALUES) {
                throw new IllegalArgumentException("Hard constraints couple issues " + Arrays.toString(issues)
                        + " into a block of more than " + MAX_BLOCK_VALUES + " joint values; simplify the constraints.");
            }
        }
        List<Constraint> inside = new ArrayList<>();
        for (Constraint constraint : constraints) {
            if (contains(issues, constraint.issues().get(0))) {
                inside.add(constraint);
            }
        }
        // Every issue's values, to test a constraint: only for a block with constraints inside, or a
        // block per issue would cost issues² (10^8 values for 10,000 issues).
        double[] probe = new double[inside.isEmpty() ? 0 : issueCount];
        for (int i = 0; i < probe.length; i++) {
            probe[i] = space.value(i, 0);
        }
        List<double[]> allowed = new ArrayList<>();
        int[] index = new int[issues.length];
        for (long k = 0; k < count; k++) {
            long rest = k;
            for (int j = issues.length - 1; j >= 0; j--) {
                int size = space.size(issues[j]);
                index[j] = (int) (rest % size);
                rest /= size;
            }
            boolean ok = true;
            if (!inside.isEmpty()) {
                for (int j = 0; j < issues.length; j++) {
                    probe[issues[j]] = space.value(issues[j], index[j]);
                }
                Outcome outcome = new Outcome(probe);
                for (Constraint constraint : inside) {
                    ok &= constraint.satisfiedBy(outcome);
                }
            }
            if (ok) {
                double[] joint = new double[issues.length];
                for (int j = 0; j < issues.length; j++) {
                    joint[j] = space.value(issues[j], index[j]);
                }
                allowed.add(joint);
            }
        }
        options[b] = allowed.toArray(double[][]::new);
    }

    /** Groups the issues that constraints couple (union-find), each group sorted, groups by first issue. */
    static int[][] blocks(int issueCount, List<Constraint> constraints) {
        int[] parent = new int[issueCount];
        for (int i = 0; i < issueCount; i++) {
            parent[i] = i;
        }
        for (Constraint constraint : constraints) {
            List<Integer> issues = constraint.issues();
            for (int j = 1; j < issues.size(); j++) {
                int a = find(parent, issues.get(0));
                int c = find(parent, issues.get(j));
                parent[Math.max(a, c)] = Math.min(a, c);
            }
        }
        List<List<Integer>> groups = new ArrayList<>();
        int[] groupOf = new int[issueCount];
        Arrays.fill(groupOf, -1);
        for (int i = 0; i < issueCount; i++) {
            int root = find(parent, i);
            if (groupOf[root] < 0) {
                groupOf[root] = groups.size();
                groups.add(new ArrayList<>());
            }
            groups.get(groupOf[root]).add(i);
        }
        return groups.stream().map(g -> g.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static boolean contains(int[] array, int x) {
        for (int a : array) {
            if (a == x) {
                return true;
            }
        }
        return false;
    }

    private static void shiftOr(long[] target, long[] source, int shift) {
        int wordShift = shift >>> 6;
        int bitShift = shift & 63;
        for (int w = target.length - 1; w >= wordShift; w--) {
            int s = w - wordShift;
            long word = source[s] << bitShift;
            if (bitShift != 0 && s > 0) {
                word |= source[s - 1] >>> (64 - bitShift);
            }
            target[w] |= word;
        }
    }

    private static boolean get(long[] bits, int i) {
        return i < (bits.length << 6) && (bits[i >>> 6] & (1L << i)) != 0;
    }

    /** The first set bit at or after {@code from}, or -1. */
    private static int nextSet(long[] bits, int from) {
        if (from < 0) {
            from = 0;
        }
        int w = from >>> 6;
        if (w >= bits.length) {
            return -1;
        }
        long word = bits[w] & (-1L << from);
        while (true) {
            if (word != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(word);
            }
            if (++w == bits.length) {
                return -1;
            }
            word = bits[w];
        }
    }

    /** The last set bit at or before {@code from}, or -1. */
    private static int previousSet(long[] bits, int from) {
        if (from < 0) {
            return -1;
        }
        int w = from >>> 6;
        if (w >= bits.length) {
            w = bits.length - 1;
            from = (bits.length << 6) - 1;
        }
        long word = bits[w] & (-1L >>> (63 - (from & 63)));
        while (true) {
            if (word != 0) {
                return (w << 6) + 63 - Long.numberOfLeadingZeros(word);
            }
            if (w-- == 0) {
                return -1;
            }
            word = bits[w];
        }
    }
}
