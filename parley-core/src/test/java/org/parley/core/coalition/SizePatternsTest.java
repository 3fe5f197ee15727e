package org.parley.core.coalition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SizePatternsTest {

    /*
     * The argument phase 2 rests on: group the blocks of any partition of n players first-fit
     * decreasing into groups of at most top players (a block larger than top stays alone, worth v);
     * no two groups then fit together, and the groups are one or two (searched by the split of N in
     * two, f exact on a side of at most top players, or two h-blocks worth v), or three whose sizes
     * are a pattern, or four of n/4 players. Checked for every integer partition of n up to 27.
     */
    @Test
    void everyPartitionIsDominatedByAKindSearched() {
        for (int n = 1; n <= DpBranchAndBoundCoalitionStructure.MAX_PLAYERS; n++) {
            int h = n / 2;
            int top = n % 2 == 0 ? Math.max(1, h - 1) : h;
            SizePatterns patterns = new SizePatterns(n, top);
            List<List<Integer>> three = new ArrayList<>();
            for (int[] pattern : patterns.patterns) {
                if (pattern.length == 3) {
                    three.add(List.of(pattern[0], pattern[1], pattern[2]));
                }
            }
            for (int[] partition : partitions(n)) {
                List<Integer> groups = firstFitDecreasing(partition, top);
                String what = "n = " + n + ", partition " + Arrays.toString(partition) + ", groups " + groups;
                switch (groups.size()) {
                    // The grand coalition alone is one of the splits in two (with the empty set).
                    case 1 -> assertThat(partition.length == 1 || n <= top).as(what).isTrue();
                    case 2 -> assertThat(Math.min(groups.get(0), groups.get(1)) <= top || groups.get(0) == h
                            && groups.get(1) == h).as(what).isTrue();
                    case 3 -> assertThat(three).as(what).contains(groups.stream().sorted().toList());
                    case 4 -> {
                        assertThat(patterns.quarter).as(what).isEqualTo(n / 4).isPositive();
                        assertThat(groups).as(what).containsOnly(n / 4);
                    }
                    default -> throw new AssertionError(what + ": more than four groups");
                }
            }
        }
    }

    @Test
    void patternsFillTheGrandCoalition() {
        for (int n = 2; n <= DpBranchAndBoundCoalitionStructure.MAX_PLAYERS; n++) {
            int h = n / 2;
            int top = n % 2 == 0 ? Math.max(1, h - 1) : h;
            SizePatterns patterns = new SizePatterns(n, top);
            for (int[] pattern : patterns.patterns) {
                assertThat(Arrays.stream(pattern).sum()).isEqualTo(n);
                assertThat(pattern).isSorted();
                assertThat(Arrays.stream(pattern).min().getAsInt()).isPositive();
                assertThat(Arrays.stream(pattern).max().getAsInt()).isLessThanOrEqualTo(h);
            }
            assertThat(patterns.quarter > 0).isEqualTo(n % 4 == 0);
        }
    }

    @Test
    void boundIsTheBestPatternSum() {
        SizePatterns patterns = new SizePatterns(12, 5);
        double[] maxima = {0, 1, 2, 3, 4, 5, 100};
        int best = patterns.best(maxima);
        // (1, 5, 6), (2, 4, 6) and (3, 3, 6) all hold the 6-block worth 100 and sum to 106: the first wins.
        assertThat(patterns.patterns.get(best)).containsExactly(1, 5, 6);
        assertThat(patterns.bound(maxima)).isEqualTo(106);
        assertThat(patterns.sum(best, maxima)).isEqualTo(106);
    }

    private static List<Integer> firstFitDecreasing(int[] partition, int top) {
        List<Integer> groups = new ArrayList<>();
        for (int block : partition) {
            int at = -1;
            for (int g = 0; g < groups.size() && at < 0; g++) {
                if (groups.get(g) + block <= top) {
                    at = g;
                }
            }
            if (at < 0) {
                groups.add(block);
            } else {
                groups.set(at, groups.get(at) + block);
            }
        }
        return groups;
    }

    /** Every integer partition of n, parts in decreasing order. */
    private static List<int[]> partitions(int n) {
        List<int[]> result = new ArrayList<>();
        partitions(n, n, new int[n], 0, result);
        return result;
    }

    private static void partitions(int left, int largest, int[] parts, int count, List<int[]> result) {
        if (left == 0) {
            result.add(Arrays.copyOf(parts, count));
            return;
        }
        for (int part = Math.min(left, largest); part >= 1; part--) {
            parts[count] = part;
            partitions(left - part, part, parts, count + 1, result);
        }
    }
}
