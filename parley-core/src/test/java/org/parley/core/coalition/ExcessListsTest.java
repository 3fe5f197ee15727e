package org.parley.core.coalition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class ExcessListsTest {

    /*
     * Per size, the list holds exactly the coalitions whose excess beats the cutoff (from the pool or
     * from a pass over the table), in order of decreasing key, each key at least its excess.
     */
    @Property(tries = 20)
    void holdsEveryCoalitionAboveTheCutoffInOrder(@ForAll @IntRange(min = 6, max = 15) int n, @ForAll long seed,
            @ForAll ValueDistribution distribution) {
        StructureSearchState state = LagrangianExcessBoundTest.afterPhaseOne(GameGenerator.generate(distribution, n, seed));
        SizePatterns patterns = new SizePatterns(n, state.top);
        LagrangianExcessBound bound = new LagrangianExcessBound(state, patterns);
        bound.run((pool, weights) -> { });
        double wAll = bound.weight(state.all);
        ExcessLists lists = new ExcessLists(state, bound, patterns, wAll, 1e-9 * (Math.abs(state.best()) + 1));
        for (int t = 1; t <= state.h; t++) {
            Set<Integer> expected = new HashSet<>();
            for (int c = 1; c <= state.all; c++) {
                if (Integer.bitCount(c) == t && state.f[c] - bound.weight(c) > lists.cutoff[t]) {
                    expected.add(c);
                }
            }
            long[] list = lists.sorted[t];
            Set<Integer> found = new HashSet<>();
            for (int i = 0; i < list.length; i++) {
                int mask = (int) list[i];
                found.add(mask);
                assertThat(ExcessLists.keyValue(list[i])).isGreaterThanOrEqualTo(state.f[mask] - bound.weight(mask));
                if (i > 0) {
                    assertThat(list[i]).isLessThanOrEqualTo(list[i - 1]);
                }
            }
            assertThat(found).as("size %d", t).hasSize(list.length).isEqualTo(expected);
        }
    }

    /* A key never understates its excess, by less than a float's step, and keeps its mask. */
    @Property(tries = 500)
    void keyRoundsUpAndKeepsTheMask(@ForAll @DoubleRange(min = -1e9, max = 1e9) double excess,
            @ForAll @IntRange(min = 0, max = (1 << 27) - 1) int mask) {
        long key = ExcessLists.key(excess, mask);
        double value = ExcessLists.keyValue(key);
        assertThat(value).isGreaterThanOrEqualTo(excess);
        assertThat((float) value).isLessThanOrEqualTo(Math.nextUp((float) excess));
        assertThat((int) key).isEqualTo(mask);
    }

    /* Keys sort like their excesses; countAbove counts the entries whose key exceeds a threshold. */
    @Property(tries = 200)
    void keysSortLikeExcessesAndCountAbove(@ForAll("excesses") double[] excesses, @ForAll double threshold) {
        long[] keys = new long[excesses.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = ExcessLists.key(excesses[i], i);
        }
        java.util.Arrays.sort(keys);
        for (int i = 1; i < keys.length; i++) {
            assertThat(ExcessLists.keyValue(keys[i])).isGreaterThanOrEqualTo(ExcessLists.keyValue(keys[i - 1]));
            // An excess sorted before another never exceeds the later one's key.
            assertThat(excesses[(int) keys[i - 1]]).isLessThanOrEqualTo(ExcessLists.keyValue(keys[i]));
        }
        long[] decreasing = new long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            decreasing[i] = keys[keys.length - 1 - i];
        }
        long above = java.util.Arrays.stream(decreasing).filter(k -> ExcessLists.keyValue(k) > threshold).count();
        assertThat(ExcessLists.countAbove(decreasing, threshold)).isEqualTo((int) above);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<double[]> excesses() {
        return net.jqwik.api.Arbitraries.doubles().between(-1000, 1000).array(double[].class).ofMaxSize(60);
    }
}
