package org.parley.core.coalition;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SplitBlocksTest {

    /*
     * One block at a time against the textbook recursion: with f final everywhere else, evaluating
     * the block lo finishes exactly the coalitions lo + i with at most `budget` of players 0..2,
     * leaves the others at v, and counts the 2^(c−1) − 1 splits of its c outer players.
     */
    @Property(tries = 200)
    void finishesTheBlockWithinItsBudget(@ForAll @IntRange(min = 4, max = 11) int n, @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 30) int range, @ForAll @IntRange(min = 0, max = 3) int budget,
            @ForAll @IntRange(min = 1, max = 255) int blockChoice) {
        TableGame game = Games.randomIntegers(n, seed, range);
        double[] plain = CoalitionStructureProperties.plainTable(game);
        int blocks = 1 << (n - 3);
        int lo = (1 + blockChoice % (blocks - 1)) << 3;
        double[] f = plain.clone();
        for (int i = 0; i < 8; i++) {
            f[lo + i] = game.value(lo + i);
        }
        long splits = SplitBlocks.evaluate(f, lo, budget);
        assertThat(splits).isEqualTo((1L << (Integer.bitCount(lo) - 1)) - 1);
        for (int i = 0; i < 8; i++) {
            double expected = Integer.bitCount(i) <= budget ? plain[lo + i] : game.value(lo + i);
            assertThat(f[lo + i]).as("coalition lo + %d, budget %d", i, budget).isEqualTo(expected);
        }
    }

    @Property(tries = 20)
    void candidatesPerSplitCountTheSubsetPairs(@ForAll @IntRange(min = 0, max = 3) int budget) {
        int pairs = 0;
        for (int i = 0; i < 8; i++) {
            if (Integer.bitCount(i) <= budget) {
                pairs += 1 << Integer.bitCount(i);
            }
        }
        assertThat(SplitBlocks.CANDIDATES[budget]).isEqualTo(pairs);
    }
}
