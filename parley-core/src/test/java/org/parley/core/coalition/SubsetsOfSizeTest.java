package org.parley.core.coalition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SubsetsOfSizeTest {

    /* Every k-subset of the set exactly once, in increasing order of the counter (colex). */
    @Property(tries = 200)
    void givesEveryKSubsetOnce(@ForAll @IntRange(min = 0, max = 11) int lowest, @ForAll int bits,
            @ForAll @IntRange(min = 1, max = 16) int k) {
        int set = (bits & 0xFFFF) << lowest;
        int m = Integer.bitCount(set);
        Assume.that(k <= m);
        SubsetsOfSize subsets = new SubsetsOfSize();
        assertThat(subsets.of(set)).isEqualTo(m);
        Set<Integer> seen = new HashSet<>();
        long limit = 1L << m;
        int previous = 0;
        for (int c = SubsetsOfSize.first(k); c < limit && c > 0; c = SubsetsOfSize.next(c)) {
            assertThat(c).isGreaterThan(previous);
            previous = c;
            int subset = subsets.spread(c);
            assertThat(subset & ~set).isZero();
            assertThat(Integer.bitCount(subset)).isEqualTo(k);
            assertThat(seen.add(subset)).isTrue();
        }
        assertThat((double) seen.size()).isEqualTo(SizeLimitedDynamicProgramme.binomial(m, k));
    }

    /* The tables of one set do not leak into the next, smaller one. */
    @Property(tries = 20)
    void reusedForASmallerSet(@ForAll @IntRange(min = 1, max = 8) int m) {
        SubsetsOfSize subsets = new SubsetsOfSize();
        subsets.of((1 << 27) - 1);
        int set = ((1 << m) - 1) << 3;
        subsets.of(set);
        assertThat(subsets.spread((1 << m) - 1)).isEqualTo(set);
        assertThat(subsets.spread(1 << m)).isZero();
        assertThat(subsets.spread(1 << 20)).isZero();
    }
}
