package org.parley.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VectorsTest {

    @Test
    void countsNeverWrapAround() {
        assertThat(Vectors.multiplyCounts(3_000_000_000L, 3_000_000_000L)).isEqualTo(9_000_000_000_000_000_000L);
        assertThatThrownBy(() -> Vectors.multiplyCounts(4_000_000_000L, 3_000_000_000L))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("2^63");
        assertThatThrownBy(() -> Vectors.addCounts(Long.MAX_VALUE, 1)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void sortAndMergeAddsTheCountsOfEqualVectors() {
        long[] pts = {1, 2, 3, 1, 1, 2, 3, 9};
        long[] counts = {5, 7, 2, 1};
        int n = Vectors.sortAndMerge(pts, counts, 4, 2);
        assertThat(n).isEqualTo(3);
        assertThat(java.util.Arrays.copyOf(pts, 6)).containsExactly(3, 9, 3, 1, 1, 2);
        assertThat(java.util.Arrays.copyOf(counts, 3)).containsExactly(1, 7, 7);
    }

    @Test
    void filterKeepsTheFrontierWithMultiplicities() {
        // (3,1) ×2, (1,3), (2,2), (1,1) dominated, (2,2) again ×4.
        long[] pts = {3, 1, 1, 3, 2, 2, 1, 1, 2, 2};
        long[] counts = {2, 1, 1, 9, 4};
        int n = ParetoFilter.filter(pts, counts, 5, 2);
        assertThat(n).isEqualTo(3);
        assertThat(java.util.Arrays.copyOf(pts, 6)).containsExactly(3, 1, 2, 2, 1, 3);
        assertThat(java.util.Arrays.copyOf(counts, 3)).containsExactly(2, 5, 1);
    }
}
