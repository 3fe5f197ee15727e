package org.parley.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The Pareto filter agrees with comparing every pair, for 2 to 7 parties (the k ≥ 4 path goes
 * through {@link DominanceTree}): small integer coordinates, so equal vectors and ties on single
 * coordinates abound; sometimes anti-correlated vectors, where most survive.
 */
class ParetoFilterProperties {

    record Input(int k, long[] pts, long[] counts) {
        @Override
        public String toString() {
            return "k=" + k + " n=" + counts.length;
        }
    }

    @Provide
    Arbitrary<Input> inputs() {
        return Arbitraries.randomValue(random -> {
            int k = 2 + random.nextInt(6);
            int n = random.nextInt(random.nextBoolean() ? 20 : 3000);
            int range = 1 + random.nextInt(random.nextBoolean() ? 4 : 1000);
            boolean opposed = random.nextInt(3) == 0;
            long[] pts = new long[n * k];
            long[] counts = new long[n];
            for (int i = 0; i < n; i++) {
                long sum = 0;
                for (int d = 0; d < k; d++) {
                    long x = random.nextInt(range);
                    if (opposed && d == k - 1) {
                        x = Math.max(0, (long) range * (k - 1) / 2 - sum + random.nextInt(2));
                    }
                    pts[i * k + d] = x;
                    sum += x;
                }
                counts[i] = 1 + random.nextInt(3);
            }
            return new Input(k, pts, counts);
        });
    }

    @Property(tries = 400)
    void agreesWithEveryPair(@ForAll("inputs") Input input) {
        int k = input.k();
        int n = input.counts().length;
        // Oracle: distinct vectors with summed counts, kept when nothing dominates them.
        List<long[]> distinct = new ArrayList<>();
        List<Long> sums = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long[] v = Arrays.copyOfRange(input.pts(), i * k, i * k + k);
            int at = -1;
            for (int j = 0; j < distinct.size(); j++) {
                if (Arrays.equals(distinct.get(j), v)) {
                    at = j;
                }
            }
            if (at < 0) {
                distinct.add(v);
                sums.add(input.counts()[i]);
            } else {
                sums.set(at, sums.get(at) + input.counts()[i]);
            }
        }
        List<FrontierPoint> expected = new ArrayList<>();
        for (int j = 0; j < distinct.size(); j++) {
            boolean dominated = false;
            for (long[] other : distinct) {
                dominated |= Vectors.dominates(other, 0, distinct.get(j), 0, k);
            }
            if (!dominated) {
                expected.add(new FrontierPoint(distinct.get(j), sums.get(j)));
            }
        }
        expected.sort((a, b) -> Vectors.compareDescending(a.fixed(), 0, b.fixed(), 0, k));

        long[] pts = input.pts().clone();
        long[] counts = input.counts().clone();
        int m = ParetoFilter.filter(pts, counts, n, k);
        List<FrontierPoint> actual = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            actual.add(new FrontierPoint(Arrays.copyOfRange(pts, j * k, j * k + k), counts[j]));
        }
        assertThat(actual).isEqualTo(expected);
    }
}
