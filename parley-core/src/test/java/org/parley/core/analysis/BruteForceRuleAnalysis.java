package org.parley.core.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.core.model.AgreementRule;
import org.parley.core.model.Outcome;
import org.parley.core.model.OutcomeSpace;
import org.parley.core.model.Scenario;

/**
 * The oracle of the analysis under a rule: every outcome × every signer set, O(N · 2^n · n). An
 * outcome passes when the parties accepting it (each by its constraints and its reservation, with
 * the fixed-point tolerance) make a winning set; every pair (outcome, winning signer set that
 * accepts it) gives a vector over all parties with non-signers at their reservation. Shares nothing
 * with {@link RuleAnalyzer} but the fixed-point utilities of {@link AnalysisProblem}.
 */
final class BruteForceRuleAnalysis {

    /** A winning signer set: how many outcomes all its members accept, and its frontier over all parties. */
    record Coalition(List<String> members, long acceptable, List<FrontierPoint> frontier) {}

    /** A rule-frontier vector (count = pairs) and, per signer set, the pairs it contributes. */
    record Vector(FrontierPoint vector, Map<List<String>, Long> reach) {}

    record Result(long passing, List<Coalition> winning, List<List<String>> minimal, List<Vector> frontier) {}

    private BruteForceRuleAnalysis() {}

    static Result analyze(Scenario scenario, AgreementRule rule, int realSteps) {
        AnalysisProblem all = AnalysisProblem.of(scenario, null, realSteps);
        List<String> names = scenario.partyNames();
        int n = names.size();
        long[] reservation = new long[n];
        for (int i = 0; i < n; i++) {
            reservation[i] = FixedPoint.of(scenario.parties().get(i).preferences().reservation());
        }
        List<Integer> winningMasks = new ArrayList<>();
        for (int mask = 1; mask < 1 << n; mask++) {
            if (rule.stands(members(names, mask))) {
                winningMasks.add(mask);
            }
        }
        Map<Integer, Long> acceptable = new HashMap<>();
        Map<Integer, Map<Key, Long>> vectors = new HashMap<>();
        Map<Key, Map<Integer, Long>> pairs = new HashMap<>();
        for (int mask : winningMasks) {
            acceptable.put(mask, 0L);
            vectors.put(mask, new HashMap<>());
        }
        long passing = 0;
        OutcomeSpace space = all.space();
        int[] indices = new int[space.issueCount()];
        while (true) {
            Outcome outcome = space.outcome(indices);
            long[] u = all.fixedUtilities(indices);
            int accepting = 0;
            for (int i = 0; i < n; i++) {
                if (u[i] >= all.threshold(i) && scenario.parties().get(i).preferences().satisfiesConstraints(outcome)) {
                    accepting |= 1 << i;
                }
            }
            if (rule.stands(members(names, accepting))) {
                passing++;
            }
            for (int mask : winningMasks) {
                if ((mask & accepting) != mask) {
                    continue;
                }
                acceptable.merge(mask, 1L, Long::sum);
                long[] v = reservation.clone();
                for (int i = 0; i < n; i++) {
                    if ((mask >> i & 1) == 1) {
                        v[i] = u[i];
                    }
                }
                Key key = new Key(v);
                vectors.get(mask).merge(key, 1L, Long::sum);
                pairs.computeIfAbsent(key, x -> new HashMap<>()).merge(mask, 1L, Long::sum);
            }
            int i = indices.length - 1;
            while (i >= 0 && ++indices[i] == space.size(i)) {
                indices[i] = 0;
                i--;
            }
            if (i < 0) {
                break;
            }
        }
        winningMasks.sort(Comparator.comparingInt(Integer::bitCount));
        List<Coalition> winning = new ArrayList<>();
        List<List<String>> minimal = new ArrayList<>();
        for (int mask : winningMasks) {
            Map<Key, Long> counts = vectors.get(mask);
            List<FrontierPoint> frontier = new ArrayList<>();
            for (Key key : pareto(counts.keySet())) {
                frontier.add(new FrontierPoint(key.values, counts.get(key)));
            }
            winning.add(new Coalition(members(names, mask), acceptable.get(mask), frontier));
            boolean isMinimal = true;
            for (int i = 0; i < n; i++) {
                if ((mask >> i & 1) == 1 && rule.stands(members(names, mask & ~(1 << i)))) {
                    isMinimal = false;
                }
            }
            if (isMinimal) {
                minimal.add(members(names, mask));
            }
        }
        List<Vector> frontier = new ArrayList<>();
        for (Key key : pareto(pairs.keySet())) {
            Map<List<String>, Long> reach = new LinkedHashMap<>();
            long count = 0;
            for (Map.Entry<Integer, Long> e : pairs.get(key).entrySet()) {
                reach.put(members(names, e.getKey()), e.getValue());
                count += e.getValue();
            }
            frontier.add(new Vector(new FrontierPoint(key.values, count), reach));
        }
        return new Result(passing, winning, minimal, frontier);
    }

    /** The undominated keys, lexicographically descending; O(d²). */
    private static List<Key> pareto(java.util.Collection<Key> keys) {
        List<Key> result = new ArrayList<>();
        for (Key key : keys) {
            boolean dominated = false;
            for (Key other : keys) {
                if (Vectors.dominates(other.values, 0, key.values, 0, key.values.length)) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                result.add(key);
            }
        }
        result.sort((a, b) -> Vectors.compareDescending(a.values, 0, b.values, 0, a.values.length));
        return result;
    }

    static List<String> members(List<String> names, int mask) {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if ((mask >> i & 1) == 1) {
                members.add(names.get(i));
            }
        }
        return members;
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
