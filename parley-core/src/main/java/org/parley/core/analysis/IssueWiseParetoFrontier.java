package org.parley.core.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import org.parley.core.model.Outcome;
import org.parley.core.model.OutcomeSpace;
import org.parley.core.preference.Constraint;

/**
 * The frontier of linear additive utilities built issue by issue, never enumerating the cross
 * product. Utility vectors of an outcome are sums of its issues' term vectors, and a frontier
 * vector of a Minkowski sum A + B is a sum of frontier vectors of A and of B (if a were dominated
 * by a', a' + b would dominate a + b). So:
 * <ol>
 *   <li>Issues named together by a hard constraint are grouped (union-find) into a block whose
 *       options are the joint assignments that break no constraint; every other issue is a block
 *       of its own. Every constraint then lies inside one block, so every combination of block
 *       options is constraint-feasible.
 *   <li>Each block is reduced to its frontier with multiplicities; blocks are merged pairwise,
 *       smallest frontiers first (a Huffman order), as Minkowski sums followed by a Pareto filter
 *       ({@link ParetoFilter}) that adds the multiplicities of equal vectors. Count(v) of a sum is
 *       Σ count(a) · count(b) over a + b = v, exact because every decomposition of a frontier
 *       vector uses frontier vectors of the parts.
 *   <li>Reservation values: a partial sum that cannot reach a threshold even with the best
 *       contributions of all blocks outside its subtree is dropped (if it dominated a vector, that
 *       one is dropped too). At the root this is the exact acceptability test. Within the
 *       constraint-feasible product, meeting the reservations is upward closed, so an outcome
 *       dominating an acceptable one is acceptable: the frontier of the acceptable set is the
 *       frontier of the feasible set restricted to the acceptable vectors, which is what this
 *       computes.
 * </ol>
 * Cost: O(Σ merges |F_L| · |F_R| · (k + log)) for the merges plus the block enumeration, with F the
 * intermediate frontiers (pruned), and O(|F_L| · |F_R|) memory bounded by chunked filtering. This
 * is the Minkowski-sum construction of multi-objective knapsack and GENIUS's experimental
 * two-party routine (Jonker et al.), extended to k parties, constraints, reservations and exact
 * multiplicities. Outcomes of a frontier vector are listed by walking the merge tree back.
 */
public final class IssueWiseParetoFrontier implements ParetoFrontierAlgorithm {

    /** The most joint options a block of constraint-coupled issues may have. */
    public static final long BLOCK_LIMIT = 1L << 22;

    private static final int CHUNK = 1 << 21;

    /** A group of issues with its feasible joint options: option j assigns combos[j·m + t] to issues[t]. */
    record Block(int[] issues, int size, int[] combos, long[] vectors, long[] min, long[] max) {}

    @Override
    public boolean supports(AnalysisProblem problem) {
        if (!problem.linearAdditive()) {
            return false;
        }
        for (int[] group : groups(problem)) {
            if (jointSize(problem.space(), group) > BLOCK_LIMIT) {
                return false;
            }
        }
        return true;
    }

    @Override
    public ParetoFrontier frontier(AnalysisProblem problem) {
        return frontier(problem, AnalysisProgress.NONE, unusedMemory());
    }

    /**
     * The memory this JVM may still take: its limit less what it holds now (garbage included, so
     * an underestimate; a run's search tables, for one, stay held while it is debriefed).
     */
    static long unusedMemory() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    }

    /**
     * The frontier, reporting each merge to {@code progress}, refusing (with the reason) to hold
     * frontiers of more than half of {@code maxMemory} bytes (the memory still unused): the merge tree keeps every frontier it
     * built, to list outcomes afterwards, and a frontier may outgrow memory long before the
     * arithmetic overflows (three parties and 10,000 issues can).
     *
     * @throws IllegalArgumentException when the frontiers would not fit, naming the sizes
     */
    public ParetoFrontier frontier(AnalysisProblem problem, AnalysisProgress progress, long maxMemory) {
        if (!problem.linearAdditive()) {
            throw new IllegalArgumentException("The issue-wise frontier needs linear additive utilities for every"
                    + " named party; use the brute-force method.");
        }
        List<Block> blocks = blocks(problem);
        int k = problem.partyCount();
        long[] totalMax = new long[k];
        for (Block block : blocks) {
            for (int p = 0; p < k; p++) {
                totalMax[p] += block.max()[p];
            }
        }
        long[] thresholds = new long[k];
        for (int p = 0; p < k; p++) {
            thresholds[p] = problem.threshold(p);
        }
        PriorityQueue<Node> queue = new PriorityQueue<>((a, b) -> a.n != b.n ? Integer.compare(a.n, b.n)
                : Integer.compare(a.order, b.order));
        int order = 0;
        for (Block block : blocks) {
            Node leaf = Node.leaf(block, bounds(thresholds, totalMax, block.max()), k, order++);
            queue.add(leaf);
        }
        Budget budget = new Budget(maxMemory / 2, k);
        for (Node leaf : queue) {
            budget.held += leaf.n;
        }
        int total = queue.size() - 1;
        int done = 0;
        while (queue.size() > 1) {
            Node left = queue.poll();
            Node right = queue.poll();
            long[] max = new long[k];
            for (int p = 0; p < k; p++) {
                max[p] = left.max[p] + right.max[p];
            }
            Node merged = Node.merge(left, right, max, bounds(thresholds, totalMax, max), k, order++, budget);
            budget.held += merged.n;
            queue.add(merged);
            progress.merged(++done, total, merged.n, budget.held);
        }
        Node root = queue.poll();
        List<FrontierPoint> points = new ArrayList<>(root.n);
        for (int j = 0; j < root.n; j++) {
            points.add(new FrontierPoint(Arrays.copyOfRange(root.pts, j * k, j * k + k), root.counts[j]));
        }
        return new ParetoFrontier(problem, points, (vector, limit) -> list(problem, root, vector, limit));
    }

    /** The lowest partial sum per party that can still reach the threshold, given the rest's best. */
    private static long[] bounds(long[] thresholds, long[] totalMax, long[] subtreeMax) {
        long[] lb = new long[thresholds.length];
        for (int p = 0; p < lb.length; p++) {
            lb[p] = thresholds[p] - (totalMax[p] - subtreeMax[p]);
        }
        return lb;
    }

    private static final class Node {
        final long[] pts;
        final long[] counts;
        final int n;
        final long[] max;
        final Block block;
        final Node left;
        final Node right;
        final int order;

        private Node(long[] pts, long[] counts, int n, long[] max, Block block, Node left, Node right, int order) {
            this.pts = pts;
            this.counts = counts;
            this.n = n;
            this.max = max;
            this.block = block;
            this.left = left;
            this.right = right;
            this.order = order;
        }

        static Node leaf(Block block, long[] lb, int k, int order) {
            long[] pts = new long[block.size() * k];
            long[] counts = new long[block.size()];
            int m = 0;
            for (int j = 0; j < block.size(); j++) {
                if (atLeast(block.vectors(), j * k, lb, k)) {
                    System.arraycopy(block.vectors(), j * k, pts, m * k, k);
                    counts[m++] = 1;
                }
            }
            m = ParetoFilter.filter(pts, counts, m, k);
            return new Node(pts, counts, m, block.max(), block, null, null, order);
        }

        static Node merge(Node left, Node right, long[] max, long[] lb, int k, int order, Budget budget) {
            long product = (long) left.n * right.n;
            int capacity = (int) Math.max(16, Math.min(product, CHUNK));
            budget.check(capacity);
            long[] pts = new long[capacity * k];
            long[] counts = new long[capacity];
            int m = 0;
            long[] s = new long[k];
            for (int a = 0; a < left.n; a++) {
                int ao = a * k;
                for (int b = 0; b < right.n; b++) {
                    int bo = b * k;
                    if (left.pts[ao] + right.pts[bo] < lb[0]) {
                        break; // right is sorted by the first party's utility, descending
                    }
                    boolean keep = true;
                    for (int p = 0; p < k; p++) {
                        s[p] = left.pts[ao + p] + right.pts[bo + p];
                        if (s[p] < lb[p]) {
                            keep = false;
                            break;
                        }
                    }
                    if (!keep) {
                        continue;
                    }
                    if (m == capacity) {
                        m = ParetoFilter.filter(pts, counts, m, k);
                        if (m > capacity / 2) {
                            if ((long) capacity * 2 * k > Integer.MAX_VALUE - 8) {
                                throw new IllegalArgumentException("An intermediate Pareto frontier passed "
                                        + m + " vectors, more than Parley holds in memory; analyse fewer parties"
                                        + " or issues (--parties).");
                            }
                            // The copy holds the old arrays and the new ones at once.
                            budget.check(capacity * 3L);
                            capacity *= 2;
                            pts = Arrays.copyOf(pts, capacity * k);
                            counts = Arrays.copyOf(counts, capacity);
                        }
                    }
                    System.arraycopy(s, 0, pts, m * k, k);
                    counts[m++] = Vectors.multiplyCounts(left.counts[a], right.counts[b]);
                }
            }
            m = ParetoFilter.filter(pts, counts, m, k);
            if (m < capacity / 4) {
                pts = Arrays.copyOf(pts, m * k);
                counts = Arrays.copyOf(counts, m);
            }
            return new Node(pts, counts, m, max, null, left, right, order);
        }
    }

    /** The frontier vectors the merge tree holds, against the bytes it may use. */
    private static final class Budget {
        final long bytes;
        final int k;
        long held;

        Budget(long bytes, int k) {
            this.bytes = bytes;
            this.k = k;
        }

        /** Refuses a merge that would need room for {@code more} vectors besides those held. */
        void check(long more) {
            long perVector = (k + 1L) * Long.BYTES;
            if ((held + more) * perVector > bytes) {
                throw new IllegalArgumentException("The Pareto frontiers of this analysis grow past " + (held + more)
                        + " vectors (" + (held + more) * perVector / 1_000_000 + " MB), more than half of the "
                        + bytes * 2 / 1_000_000 + " MB this Java may still use: too many parties and issues with values"
                        + " that rarely tie. Analyse fewer parties (--parties) or issues, or give Java more memory"
                        + " (PARLEY_JAVA_OPTS=-Xmx...).");
            }
        }
    }

    private static boolean atLeast(long[] pts, int offset, long[] lb, int k) {
        for (int p = 0; p < k; p++) {
            if (pts[offset + p] < lb[p]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Outcomes of a vector with at most this many are listed in rank order (issue by issue, option
     * order), like enumeration lists them; more are listed in the merge tree's fixed order.
     */
    static final int RANK_ORDER_LIMIT = 10_000;

    private static List<Outcome> list(AnalysisProblem problem, Node root, long[] vector, int limit) {
        int at = Vectors.find(root.pts, root.n, problem.partyCount(), vector);
        if (at < 0) {
            return List.of();
        }
        if (root.counts[at] <= RANK_ORDER_LIMIT) {
            List<Outcome> all = walk(problem, root, vector, (int) root.counts[at]);
            all.sort(IssueWiseParetoFrontier::compareRank);
            return all.subList(0, Math.min(limit, all.size()));
        }
        return walk(problem, root, vector, limit);
    }

    private static int compareRank(Outcome a, Outcome b) {
        for (int i = 0; i < a.size(); i++) {
            int c = Double.compare(a.value(i), b.value(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static List<Outcome> walk(AnalysisProblem problem, Node root, long[] vector, int limit) {
        List<Outcome> found = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        List<long[]> targets = new ArrayList<>();
        nodes.add(root);
        targets.add(vector);
        expand(problem, nodes, targets, new int[problem.space().issueCount()], found, limit);
        return found;
    }

    /** Depth-first over the pending (node, target) pairs; each leaf fixes its block's issues. */
    private static void expand(AnalysisProblem problem, List<Node> nodes, List<long[]> targets, int[] indices,
            List<Outcome> found, int limit) {
        if (found.size() >= limit) {
            return;
        }
        if (nodes.isEmpty()) {
            found.add(problem.space().outcome(indices));
            return;
        }
        int k = problem.partyCount();
        Node node = nodes.remove(nodes.size() - 1);
        long[] target = targets.remove(targets.size() - 1);
        if (node.block != null) {
            Block block = node.block;
            int m = block.issues().length;
            for (int j = 0; j < block.size() && found.size() < limit; j++) {
                if (Vectors.compareDescending(block.vectors(), j * k, target, 0, k) == 0) {
                    for (int t = 0; t < m; t++) {
                        indices[block.issues()[t]] = block.combos()[j * m + t];
                    }
                    expand(problem, nodes, targets, indices, found, limit);
                }
            }
        } else {
            long[] a = new long[k];
            long[] b = new long[k];
            for (int j = 0; j < node.left.n && found.size() < limit; j++) {
                for (int p = 0; p < k; p++) {
                    a[p] = node.left.pts[j * k + p];
                    b[p] = target[p] - a[p];
                }
                if (Vectors.find(node.right.pts, node.right.n, k, b) >= 0) {
                    nodes.add(node.left);
                    targets.add(a.clone());
                    nodes.add(node.right);
                    targets.add(b.clone());
                    expand(problem, nodes, targets, indices, found, limit);
                    nodes.remove(nodes.size() - 1);
                    targets.remove(targets.size() - 1);
                    nodes.remove(nodes.size() - 1);
                    targets.remove(targets.size() - 1);
                }
            }
        }
        nodes.add(node);
        targets.add(target);
    }

    /** The blocks of the problem: constraint-coupled issues grouped, forbidden joint options left out. */
    List<Block> blocks(AnalysisProblem problem) {
        OutcomeSpace space = problem.space();
        int k = problem.partyCount();
        List<Block> blocks = new ArrayList<>();
        double[] template = new double[space.issueCount()];
        for (int i = 0; i < template.length; i++) {
            template[i] = space.value(i, 0);
        }
        for (int[] group : groups(problem)) {
            long joint = jointSize(space, group);
            if (joint > BLOCK_LIMIT) {
                throw new IllegalArgumentException("Hard constraints couple issues " + names(space, group) + " into "
                        + joint + " joint options, more than the " + BLOCK_LIMIT + " the issue-wise analysis allows.");
            }
            List<Constraint> inside = new ArrayList<>();
            for (Constraint constraint : problem.constraints()) {
                if (constraint.issues().stream().anyMatch(i -> contains(group, i))) {
                    inside.add(constraint);
                }
            }
            int m = group.length;
            int[] combos = new int[(int) joint * m];
            long[] vectors = new long[(int) joint * k];
            long[] min = new long[k];
            long[] max = new long[k];
            Arrays.fill(min, Long.MAX_VALUE);
            Arrays.fill(max, Long.MIN_VALUE);
            int size = 0;
            int[] idx = new int[m];
            for (long c = 0; c < joint; c++) {
                boolean feasible = true;
                if (!inside.isEmpty()) {
                    double[] values = template.clone();
                    for (int t = 0; t < m; t++) {
                        values[group[t]] = space.value(group[t], idx[t]);
                    }
                    Outcome outcome = new Outcome(values);
                    for (Constraint constraint : inside) {
                        if (!constraint.satisfiedBy(outcome)) {
                            feasible = false;
                            break;
                        }
                    }
                }
                if (feasible) {
                    System.arraycopy(idx, 0, combos, size * m, m);
                    for (int p = 0; p < k; p++) {
                        long sum = 0;
                        for (int t = 0; t < m; t++) {
                            sum += problem.term(p, group[t], idx[t]);
                        }
                        vectors[size * k + p] = sum;
                        min[p] = Math.min(min[p], sum);
                        max[p] = Math.max(max[p], sum);
                    }
                    size++;
                }
                for (int t = m - 1; t >= 0; t--) {
                    if (++idx[t] < space.size(group[t])) {
                        break;
                    }
                    idx[t] = 0;
                }
            }
            if (size == 0) {
                // No feasible joint option: nothing is acceptable. Bounds that prune everything.
                Arrays.fill(min, 0);
                Arrays.fill(max, Long.MIN_VALUE / 4);
            }
            blocks.add(new Block(group, size, Arrays.copyOf(combos, size * m), Arrays.copyOf(vectors, size * k), min,
                    max));
        }
        return blocks;
    }

    private static List<int[]> groups(AnalysisProblem problem) {
        int n = problem.space().issueCount();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (Constraint constraint : problem.constraints()) {
            List<Integer> issues = constraint.issues();
            for (int t = 1; t < issues.size(); t++) {
                int a = root(parent, issues.get(0));
                int b = root(parent, issues.get(t));
                if (a != b) {
                    parent[Math.max(a, b)] = Math.min(a, b);
                }
            }
        }
        List<int[]> groups = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            if (root(parent, r) != r) {
                continue;
            }
            int size = 0;
            for (int i = 0; i < n; i++) {
                if (root(parent, i) == r) {
                    size++;
                }
            }
            int[] group = new int[size];
            int t = 0;
            for (int i = 0; i < n; i++) {
                if (root(parent, i) == r) {
                    group[t++] = i;
                }
            }
            groups.add(group);
        }
        return groups;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static long jointSize(OutcomeSpace space, int[] group) {
        long size = 1;
        for (int i : group) {
            size *= space.size(i);
            if (size > BLOCK_LIMIT) {
                return BLOCK_LIMIT + 1;
            }
        }
        return size;
    }

    private static boolean contains(int[] group, int issue) {
        for (int i : group) {
            if (i == issue) {
                return true;
            }
        }
        return false;
    }

    private static List<String> names(OutcomeSpace space, int[] group) {
        return Arrays.stream(group).mapToObj(i -> space.domain().issue(i).name()).toList();
    }
}
