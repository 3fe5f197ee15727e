package org.parley.core.analysis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parley.core.model.AgreementRule;
import org.parley.core.model.Scenario;

/**
 * The analysis under an agreement rule, built from the exact analyses of the winning signer sets
 * (party subsets, {@link OutcomeAnalyzer}), never enumerating the outcome space.
 *
 * <p><b>Passing count.</b> Acceptance is per party, so an outcome o passes iff the set A(o) of the
 * parties that accept it is winning (the rule is monotone: a superset of a winning set wins). With
 * N(T) = #{o : T ⊆ A(o)} the subset analysis's exact acceptable count, Möbius inversion on the
 * subset lattice (Rota 1964; inclusion–exclusion) gives #{o : A(o) = W} = Σ_{T ⊇ W} (−1)^{|T∖W|}
 * N(T), hence passing = Σ_T c(T) · N(T) with c(T) = Σ_{winning W ⊆ T} (−1)^{|T∖W|}, which is 0
 * unless T wins. For "at least q signers including R" a winning T is R plus m = |T| − |R| others,
 * and its winning subsets are R plus x ≥ j = q − |R| of them: c(T) = Σ_{x=j..m} C(m, x)(−1)^{m−x}
 * (= 1 for a minimal T; 0 for every T ⊋ R when j = 0, since then R alone decides).
 *
 * <p><b>Frontier.</b> A pair (o, W) is Pareto-optimal over all pairs only if o's vector over W is
 * on W's own frontier (an outcome W prefers, lifted with the same non-signers, would dominate), so
 * the rule's frontier is the Pareto filter ({@link ParetoFilter}) of the union of the lifted
 * frontiers of every winning W, not only the minimal ones: a larger signer set can give its extra
 * members more than their reservation. Pair counts add over the W that reach a vector.
 *
 * <p>Cost: one subset analysis per winning signer set, Σ_{x=j..n−|R|} C(n − |R|, x) of them (at
 * most {@link #MAX_WINNING}), plus the filter of the union of their frontiers. Each analysis has
 * the limits of {@link OutcomeAnalyzer}: in particular the exact count with four or more binding
 * reservations checks pairs of half sums (O(N)) and stops at 2^30 pairs, so with large coalitions
 * over very large spaces {@code passing} may be unavailable (never estimated).
 */
public final class RuleAnalyzer {

    /** The most parties a rule is analysed for (signer sets are bit sets). */
    public static final int MAX_PARTIES = 30;

    /** The most winning signer sets analysed, each a subset analysis. */
    public static final int MAX_WINNING = 1024;

    private RuleAnalyzer() {}

    /** The analysis under the scenario's own agreement rule. */
    public static RuleAnalysis analyze(Scenario scenario, int realSteps, int listLimit) {
        return analyze(scenario, scenario.agreement(), realSteps, listLimit);
    }

    /**
     * The analysis under {@code rule}, real ranges discretised into {@code realSteps} values, at most
     * {@code listLimit} outcomes per list in each coalition's analysis.
     *
     * @throws IllegalArgumentException when the rule names an unknown party or has more winning
     *     signer sets than {@link #MAX_WINNING}, or a subset analysis is beyond its limits
     */
    public static RuleAnalysis analyze(Scenario scenario, AgreementRule rule, int realSteps, int listLimit) {
        return analyze(scenario, rule, realSteps, listLimit, AnalysisProgress.NONE);
    }

    /** {@link #analyze(Scenario, AgreementRule, int, int)}, telling {@code progress} of each subset analysis's merges. */
    public static RuleAnalysis analyze(Scenario scenario, AgreementRule rule, int realSteps, int listLimit,
            AnalysisProgress progress) {
        List<String> names = scenario.partyNames();
        int n = names.size();
        for (String name : rule.required()) {
            if (scenario.indexOf(name) < 0) {
                throw new IllegalArgumentException("The agreement rule requires an unknown party (" + name
                        + "); the parties are " + names + ".");
            }
        }
        if (rule.quorum() > n) {
            throw new IllegalArgumentException("The quorum (" + rule.quorum() + ") exceeds the number of parties ("
                    + n + ") of scenario (" + scenario.name() + ").");
        }
        if (n > MAX_PARTIES) {
            throw new IllegalArgumentException("The scenario (" + scenario.name() + ") has " + n + " parties; the"
                    + " analysis under an agreement rule handles at most " + MAX_PARTIES + ". Analyse a subset of the"
                    + " parties (--parties) or the unanimous view (--rule unanimous).");
        }
        int requiredCount = rule.required().size();
        int free = n - requiredCount;
        int least = rule.quorum() - requiredCount;
        BigInteger winningCount = BigInteger.ZERO;
        for (int x = least; x <= free; x++) {
            winningCount = winningCount.add(binomial(free, x));
        }
        if (winningCount.compareTo(BigInteger.valueOf(MAX_WINNING)) > 0) {
            throw new IllegalArgumentException("The agreement rule (" + describe(rule, names) + ") lets " + winningCount
                    + " signer sets of scenario (" + scenario.name() + ") make a deal; the exact analysis under a rule"
                    + " analyses each one and stops at " + MAX_WINNING + ". Analyse the unanimous view (--rule"
                    + " unanimous) or fewer parties.");
        }
        List<Integer> required = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (rule.required().contains(names.get(i)) ? required : others).add(i);
        }
        List<CoalitionAnalysis> winning = new ArrayList<>();
        List<CoalitionAnalysis> minimal = new ArrayList<>();
        BigInteger passing = BigInteger.ZERO;
        String passingNote = "";
        for (int x = least; x <= free; x++) {
            long coefficient = mobius(x, least);
            for (int[] chosen : combinations(free, x)) {
                List<String> members = members(names, required, others, chosen);
                Analysis analysis = OutcomeAnalyzer.analyze(AnalysisProblem.of(scenario, members, realSteps), listLimit,
                        SolutionConcepts.registered(), progress);
                CoalitionAnalysis coalition = new CoalitionAnalysis(scenario, analysis);
                winning.add(coalition);
                if (x == least) {
                    minimal.add(coalition);
                }
                if (coefficient != 0 && passing != null) {
                    if (analysis.acceptable().isPresent()) {
                        passing = passing.add(analysis.acceptable().get().multiply(BigInteger.valueOf(coefficient)));
                    } else {
                        passing = null;
                        passingNote = "the exact count of the outcomes acceptable to " + members + " is not available: "
                                + analysis.acceptableNote();
                    }
                }
            }
        }
        RuleFrontier frontier = frontier(winning, n);
        BigInteger outcomes = winning.get(0).analysis().outcomes();
        return new RuleAnalysis(scenario, rule, realSteps, outcomes, Optional.ofNullable(passing), passingNote, winning,
                minimal, frontier);
    }

    /**
     * The smallest winning signer sets that include {@code member}: the required parties, the
     * member, and as many of the others as the quorum still needs, in every combination, in
     * scenario order (at most {@link #MAX_WINNING} of them). Only the public rule and names go in,
     * so a strategy may ask it which coalitions it could sign with. O(sets · parties).
     */
    public static List<List<String>> winningWith(AgreementRule rule, List<String> parties, String member) {
        if (!parties.contains(member)) {
            throw new IllegalArgumentException("The party (" + member + ") is not among " + parties + ".");
        }
        List<Integer> base = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < parties.size(); i++) {
            String name = parties.get(i);
            (rule.required().contains(name) || name.equals(member) ? base : others).add(i);
        }
        int more = Math.max(0, Math.min(others.size(), rule.quorum() - base.size()));
        List<List<String>> sets = new ArrayList<>();
        int m = others.size();
        int[] c = new int[more];
        for (int i = 0; i < more; i++) {
            c[i] = i;
        }
        // The combinations in lexicographic order, as combinations() lists them, but one at a
        // time: with many parties there are far more than are kept.
        while (sets.size() < MAX_WINNING) {
            sets.add(members(parties, base, others, c));
            int i = more - 1;
            while (i >= 0 && c[i] == m - more + i) {
                i--;
            }
            if (i < 0) {
                break;
            }
            c[i]++;
            for (int t = i + 1; t < more; t++) {
                c[t] = c[t - 1] + 1;
            }
        }
        return sets;
    }

    /** c(T) for a winning T with m = {@code others} non-required members, j = {@code least}. */
    static long mobius(int others, int least) {
        long sum = 0;
        for (int x = least; x <= others; x++) {
            long term = binomial(others, x).longValueExact();
            sum += (others - x) % 2 == 0 ? term : -term;
        }
        return sum;
    }

    private static RuleFrontier frontier(List<CoalitionAnalysis> winning, int n) {
        int total = 0;
        for (CoalitionAnalysis coalition : winning) {
            total = Math.addExact(total, coalition.analysis().pareto().points().size());
        }
        if ((long) total * n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("The winning signer sets' frontiers hold " + total + " vectors, more than"
                    + " Parley holds in memory; analyse fewer parties or the unanimous view (--rule unanimous).");
        }
        long[] pts = new long[total * n];
        long[] counts = new long[total];
        int m = 0;
        for (CoalitionAnalysis coalition : winning) {
            for (FrontierPoint point : coalition.analysis().pareto().points()) {
                System.arraycopy(coalition.lift(point.fixed()), 0, pts, m * n, n);
                counts[m++] = point.count();
            }
        }
        m = ParetoFilter.filter(pts, counts, m, n);
        List<List<RuleFrontier.Reach>> reach = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            reach.add(new ArrayList<>());
        }
        for (CoalitionAnalysis coalition : winning) {
            for (FrontierPoint point : coalition.analysis().pareto().points()) {
                int at = Vectors.find(pts, m, n, coalition.lift(point.fixed()));
                if (at >= 0) {
                    reach.get(at).add(new RuleFrontier.Reach(coalition, point));
                }
            }
        }
        List<RuleFrontier.Point> points = new ArrayList<>(m);
        long pairs = 0;
        for (int j = 0; j < m; j++) {
            long[] vector = new long[n];
            System.arraycopy(pts, j * n, vector, 0, n);
            points.add(new RuleFrontier.Point(new FrontierPoint(vector, counts[j]), reach.get(j)));
            pairs = Vectors.addCounts(pairs, counts[j]);
        }
        return new RuleFrontier(points, pairs);
    }

    private static List<String> members(List<String> names, List<Integer> required, List<Integer> others, int[] chosen) {
        boolean[] in = new boolean[names.size()];
        for (int i : required) {
            in[i] = true;
        }
        for (int c : chosen) {
            in[others.get(c)] = true;
        }
        List<String> members = new ArrayList<>();
        for (int i = 0; i < in.length; i++) {
            if (in[i]) {
                members.add(names.get(i));
            }
        }
        return members;
    }

    /** All x-subsets of {0, …, m − 1}, each ascending, in lexicographic order. */
    static List<int[]> combinations(int m, int x) {
        List<int[]> result = new ArrayList<>();
        int[] c = new int[x];
        for (int i = 0; i < x; i++) {
            c[i] = i;
        }
        while (true) {
            result.add(c.clone());
            int i = x - 1;
            while (i >= 0 && c[i] == m - x + i) {
                i--;
            }
            if (i < 0) {
                return result;
            }
            c[i]++;
            for (int t = i + 1; t < x; t++) {
                c[t] = c[t - 1] + 1;
            }
        }
    }

    static BigInteger binomial(int m, int x) {
        if (x < 0 || x > m) {
            return BigInteger.ZERO;
        }
        BigInteger result = BigInteger.ONE;
        for (int i = 0; i < x; i++) {
            result = result.multiply(BigInteger.valueOf(m - i)).divide(BigInteger.valueOf(i + 1));
        }
        return result;
    }

    /** "2 of 3, federation and kaldari required" or "unanimity (3 of 3)"; required parties in scenario order. */
    public static String describe(AgreementRule rule, List<String> parties) {
        if (rule.quorum() == parties.size()) {
            return "unanimity (" + parties.size() + " of " + parties.size() + ")";
        }
        String text = rule.quorum() + " of " + parties.size();
        List<String> required = parties.stream().filter(rule.required()::contains).toList();
        if (required.size() == 1) {
            text += ", " + required.get(0) + " required";
        } else if (!required.isEmpty()) {
            text += ", " + String.join(", ", required.subList(0, required.size() - 1)) + " and "
                    + required.get(required.size() - 1) + " required";
        }
        return text;
    }
}
