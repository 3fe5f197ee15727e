package org.parley.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.parley.core.model.OutcomeSpace;
import org.parley.core.model.Scenario;

/**
 * The four built-in concepts against their textbook definitions, computed here from scratch: every
 * outcome enumerated, objectives in BigInteger fractions over every acceptable vector (dominated
 * ones included), then the efficient maximisers. Shares no code with the concepts but the problem's
 * utilities.
 */
class BuiltInSolutionConceptsProperties {

    record Case(Scenario scenario, List<String> parties) {}

    /** An exact objective value num/den, den > 0. */
    record Value(BigInteger num, BigInteger den) {
        int compareTo(Value other) {
            return num.multiply(other.den).compareTo(other.num.multiply(den));
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.randomValue(random -> {
            Scenario scenario = RandomScenarios.scenario(random, 2 + random.nextInt(3));
            List<String> parties = new ArrayList<>(scenario.partyNames());
            if (random.nextInt(4) == 0) {
                parties.remove(random.nextInt(parties.size()));
            }
            return new Case(scenario, parties);
        });
    }

    @Property(tries = 1500)
    void builtInsMatchTheirDefinitions(@ForAll("cases") Case c) {
        AnalysisProblem problem = AnalysisProblem.of(c.scenario(), c.parties(), OutcomeSpace.DEFAULT_REAL_STEPS);
        List<long[]> acceptable = acceptableVectors(problem);
        Analysis analysis = OutcomeAnalyzer.analyze(problem, 0);
        if (acceptable.isEmpty()) {
            assertThat(analysis.points()).isEmpty();
            return;
        }
        int k = problem.partyCount();
        long[] r = new long[k];
        long[] best = new long[k];
        Arrays.fill(best, Long.MIN_VALUE);
        for (int p = 0; p < k; p++) {
            r[p] = problem.reservation(p);
            for (long[] u : acceptable) {
                best[p] = Math.max(best[p], u[p]);
            }
        }
        List<Integer> active = new ArrayList<>();
        for (int p = 0; p < k; p++) {
            if (best[p] > r[p]) {
                active.add(p);
            }
        }
        BiFunction<long[], Integer, BigInteger> gain = (u, p) -> BigInteger.valueOf(Math.max(0, u[p] - r[p]));
        Map<String, java.util.function.Function<long[], Value>> definitions = Map.of(
                "nash", u -> {
                    BigInteger product = BigInteger.ONE;
                    for (int p : active) {
                        product = product.multiply(gain.apply(u, p));
                    }
                    return new Value(product, BigInteger.ONE);
                },
                "kalaiSmorodinsky", u -> {
                    Value min = new Value(BigInteger.ZERO, BigInteger.ONE);
                    boolean first = true;
                    for (int p : active) {
                        Value v = new Value(gain.apply(u, p), BigInteger.valueOf(best[p] - r[p]));
                        if (first || v.compareTo(min) < 0) {
                            min = v;
                        }
                        first = false;
                    }
                    return min;
                },
                "utilitarian", u -> {
                    BigInteger sum = BigInteger.ZERO;
                    for (long x : u) {
                        sum = sum.add(BigInteger.valueOf(x));
                    }
                    return new Value(sum, BigInteger.ONE);
                },
                "egalitarian", u -> {
                    BigInteger min = null;
                    for (int p : active) {
                        min = min == null ? gain.apply(u, p) : min.min(gain.apply(u, p));
                    }
                    return new Value(min == null ? BigInteger.ZERO : min, BigInteger.ONE);
                });
        for (var definition : definitions.entrySet()) {
            Value max = null;
            for (long[] u : acceptable) {
                Value v = definition.getValue().apply(u);
                if (max == null || v.compareTo(max) > 0) {
                    max = v;
                }
            }
            List<long[]> expected = new ArrayList<>();
            for (long[] u : acceptable) {
                if (definition.getValue().apply(u).compareTo(max) == 0 && !dominated(u, acceptable)) {
                    expected.add(u);
                }
            }
            // Lexicographically descending: the first is the reported point.
            expected.sort(Comparator.comparing((long[] u) -> u, Arrays::compare).reversed());
            BargainingPoint point = analysis.point(definition.getKey()).orElseThrow();
            assertThat(point.tiedPoints().stream().map(FrontierPoint::fixed).toList())
                    .as(definition.getKey()).containsExactlyElementsOf(expected);
            assertThat(point.point().fixed()).isEqualTo(expected.get(0));
        }
    }

    /** The distinct acceptable utility vectors, by enumerating every outcome. */
    static List<long[]> acceptableVectors(AnalysisProblem problem) {
        OutcomeSpace space = problem.space();
        Map<String, long[]> distinct = new TreeMap<>();
        int n = space.issueCount();
        int[] indices = new int[n];
        while (true) {
            long[] u = problem.fixedUtilities(indices);
            if (problem.meetsReservations(u) && problem.satisfiesConstraints(space.outcome(indices))) {
                distinct.put(Arrays.toString(u), u);
            }
            int i = n - 1;
            while (i >= 0 && ++indices[i] == space.size(i)) {
                indices[i] = 0;
                i--;
            }
            if (i < 0) {
                return new ArrayList<>(distinct.values());
            }
        }
    }

    static boolean dominated(long[] u, List<long[]> vectors) {
        for (long[] v : vectors) {
            boolean geq = true;
            boolean better = false;
            for (int p = 0; p < u.length; p++) {
                geq &= v[p] >= u[p];
                better |= v[p] > u[p];
            }
            if (geq && better) {
                return true;
            }
        }
        return false;
    }
}
