package org.parley.core.coalition;

/**
 * Split enumeration for the dynamic programme f(C) = max(v(C), max over splits {A, C∖A} of f(A) +
 * f(C∖A)) (Rahwan and Jennings 2008, "An improved dynamic programming algorithm for coalition
 * structure generation", AAMAS), for blocks of eight coalitions that differ only in players 0, 1 and
 * 2: lo + i for i in 0..7, lo a multiple of 8 (the block's outer part).
 *
 * <p>A split of the outer part, {a, lo∖a} with a holding lo's lowest outer player, gives at once the
 * splits of all eight coalitions whose outer parts are a and lo∖a: coalition lo + i takes a + j
 * against lo∖a + (i∖j) for every j ⊆ i, 27 candidates in all, read from two runs of eight adjacent
 * entries at constant offsets. So the 16 values and the eight running maxima stay in local variables
 * (registers), and array bounds are checked once per run. A plain loop over the subsets of each
 * coalition, with two scattered reads and a subset step per candidate, is about three times slower
 * (measured at n = 20 to 24). Cost: 2^(c−1) outer splits for c outer players, each 1, 7, 19 or 27
 * candidates by budget (below), about 0.6 ns per candidate and core.
 *
 * <p>Only the coalitions whose number of players 0..2 stays within the budget are evaluated and
 * written, so coalitions above it keep their values. The layers of the budget nest: budget 1 adds
 * the coalitions lo + 1, lo + 2, lo + 4 to lo, budget 2 adds lo + 3, lo + 5, lo + 6, and budget 3
 * lo + 7, and each layer reads only the entries it needs. The tests of the budget do not depend on
 * the split: the JIT hoists them out of the loop or predicts them perfectly (the straight-line code
 * once written out per budget was no faster, see the commit that replaced it). Maxima are taken with
 * a comparison, not {@code Math.max}, which on doubles costs five instructions in HotSpot 17 (it
 * orders −0.0 and NaN); a running maximum over many candidates rarely changes, so the branch is well
 * predicted.
 */
final class SplitBlocks {

    private SplitBlocks() {}

    /** Candidates evaluated per outer split, by budget of low players (0 to 3). */
    static final int[] CANDIDATES = {1, 7, 19, 27};

    /**
     * Finishes f for the coalitions lo + i (i in 0..7) of at most {@code budget} players from
     * players 0..2, given final f for every block below lo (outer parts that are proper subsets of
     * lo's) and for block 0. Returns the number of outer splits evaluated.
     */
    static long evaluate(double[] f, int lo, int budget) {
        double m0 = f[lo];
        double m1 = f[lo + 1];
        double m2 = f[lo + 2];
        double m3 = f[lo + 3];
        double m4 = f[lo + 4];
        double m5 = f[lo + 5];
        double m6 = f[lo + 6];
        double m7 = f[lo + 7];
        int low = lo & -lo;
        int rest = lo ^ low;
        long pairs = 0;
        if (rest != 0) {
            for (int s = (rest - 8) & rest; ; s = (s - 8) & rest) {
                int a = low | s;
                int b = lo ^ a;
                double a0 = f[a];
                double b0 = f[b];
                m0 = max(m0, a0 + b0);
                if (budget >= 1) {
                    double a1 = f[a + 1];
                    double a2 = f[a + 2];
                    double a4 = f[a + 4];
                    double b1 = f[b + 1];
                    double b2 = f[b + 2];
                    double b4 = f[b + 4];
                    m1 = max(m1, a0 + b1, a1 + b0);
                    m2 = max(m2, a0 + b2, a2 + b0);
                    m4 = max(m4, a0 + b4, a4 + b0);
                    if (budget >= 2) {
                        double a3 = f[a + 3];
                        double a5 = f[a + 5];
                        double a6 = f[a + 6];
                        double b3 = f[b + 3];
                        double b5 = f[b + 5];
                        double b6 = f[b + 6];
                        m3 = max(m3, a0 + b3, a1 + b2, a2 + b1, a3 + b0);
                        m5 = max(m5, a0 + b5, a1 + b4, a4 + b1, a5 + b0);
                        m6 = max(m6, a0 + b6, a2 + b4, a4 + b2, a6 + b0);
                        if (budget >= 3) {
                            double a7 = f[a + 7];
                            double b7 = f[b + 7];
                            m7 = max(max(m7, a0 + b7, a1 + b6, a2 + b5, a3 + b4), a4 + b3, a5 + b2, a6 + b1, a7 + b0);
                        }
                    }
                }
                pairs++;
                if (s == 0) {
                    break;
                }
            }
        }
        f[lo] = m0;
        if (budget >= 1) {
            f[lo + 1] = m1;
            f[lo + 2] = m2;
            f[lo + 4] = m4;
        }
        if (budget >= 2) {
            f[lo + 3] = m3;
            f[lo + 5] = m5;
            f[lo + 6] = m6;
        }
        if (budget >= 3) {
            f[lo + 7] = m7;
        }
        withinBlock(f, lo, budget);
        return pairs;
    }

    /**
     * The splits inside the block: lo + j against the low players i∖j alone (j ⊂ i), with f of lo + j
     * final because the coalitions are taken in increasing i. Once per block, against 2^(c−1) outer
     * splits, so a plain loop.
     */
    private static void withinBlock(double[] f, int lo, int budget) {
        for (int i = 1; i < 8; i++) {
            if (Integer.bitCount(i) > budget) {
                continue;
            }
            double m = f[lo + i];
            for (int j = 0; j < i; j++) {
                if ((j & ~i) == 0) {
                    m = max(m, f[lo + j] + f[i ^ j]);
                }
            }
            f[lo + i] = m;
        }
    }

    /** The larger of m and x; m when they tie (see the class comment for why not Math.max). */
    private static double max(double m, double x) {
        return x > m ? x : m;
    }

    /** The running maximum m taken over x then y, in that order. */
    private static double max(double m, double x, double y) {
        return max(max(m, x), y);
    }

    /** The running maximum m taken over w, x, y, z, in that order. */
    private static double max(double m, double w, double x, double y, double z) {
        return max(max(max(max(m, w), x), y), z);
    }
}
