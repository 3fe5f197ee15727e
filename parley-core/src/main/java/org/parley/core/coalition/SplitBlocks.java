package org.parley.core.coalition;

/**
 * The inner loop of the dynamic programme f(C) = max(v(C), max over splits {A, C∖A} of f(A) + f(C∖A)),
 * for blocks of eight coalitions that differ only in players 0, 1 and 2: lo + i for i in 0..7, lo a
 * multiple of 8 (the block's outer part). A split of the outer part, {a, lo∖a} with a holding lo's
 * lowest outer player, gives at once the splits of all eight coalitions whose outer parts are a and
 * lo∖a: 27 candidates read from two runs of eight adjacent entries at constant offsets, so the JIT
 * keeps the 16 values and the eight running maxima in registers and checks array bounds once per run.
 * A plain loop over the subsets of each coalition, with two scattered reads and a subset step per
 * candidate, is about three times slower (measured at n = 20 to 24).
 *
 * <p>The maxima are updated by branches, not {@code Math.max}: on doubles the latter costs five
 * instructions in HotSpot 17, and the branches are well predicted because a running maximum over
 * many candidates rarely changes. Only outputs whose size stays within the budget are evaluated
 * and written, so coalitions above it keep their values.
 *
 * <p>Written out by hand (generated once): each body is straight-line code.
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
        switch (Math.min(budget, 3)) {
            case 0:
                return block0(f, lo);
            case 1:
                return block1(f, lo);
            case 2:
                return block2(f, lo);
            default:
                return block3(f, lo);
        }
    }

    /** The 1 coalition lo + i with at most 0 of players 0..2 (bitCount(i) ≤ 0). */
    private static long block0(double[] f, int lo) {
        double m0 = f[lo];
        int low = lo & -lo;
        int rest = lo ^ low;
        long pairs = 0;
        if (rest != 0) {
            for (int s = (rest - 8) & rest; ; s = (s - 8) & rest) {
                int a = low | s;
                int b = lo ^ a;
                double a0 = f[a];
                double b0 = f[b];
                if (a0 + b0 > m0) {
                    m0 = a0 + b0;
                }
                pairs++;
                if (s == 0) {
                    break;
                }
            }
        }
        f[lo] = m0;
        return pairs;
    }

    /** The 4 coalitions lo + i with at most 1 of players 0..2 (bitCount(i) ≤ 1). */
    private static long block1(double[] f, int lo) {
        double m0 = f[lo];
        double m1 = f[lo + 1];
        double m2 = f[lo + 2];
        double m4 = f[lo + 4];
        int low = lo & -lo;
        int rest = lo ^ low;
        long pairs = 0;
        if (rest != 0) {
            for (int s = (rest - 8) & rest; ; s = (s - 8) & rest) {
                int a = low | s;
                int b = lo ^ a;
                double a0 = f[a];
                double a1 = f[a + 1];
                double a2 = f[a + 2];
                double a4 = f[a + 4];
                double b0 = f[b];
                double b1 = f[b + 1];
                double b2 = f[b + 2];
                double b4 = f[b + 4];
                if (a0 + b0 > m0) {
                    m0 = a0 + b0;
                }
                if (a0 + b1 > m1) {
                    m1 = a0 + b1;
                }
                if (a1 + b0 > m1) {
                    m1 = a1 + b0;
                }
                if (a0 + b2 > m2) {
                    m2 = a0 + b2;
                }
                if (a2 + b0 > m2) {
                    m2 = a2 + b0;
                }
                if (a0 + b4 > m4) {
                    m4 = a0 + b4;
                }
                if (a4 + b0 > m4) {
                    m4 = a4 + b0;
                }
                pairs++;
                if (s == 0) {
                    break;
                }
            }
        }
        // Splits inside the block: lo with some of players 0..2 against the others, in increasing i.
        if (m0 + f[1] > m1) {
            m1 = m0 + f[1];
        }
        if (m0 + f[2] > m2) {
            m2 = m0 + f[2];
        }
        if (m0 + f[4] > m4) {
            m4 = m0 + f[4];
        }
        f[lo] = m0;
        f[lo + 1] = m1;
        f[lo + 2] = m2;
        f[lo + 4] = m4;
        return pairs;
    }

    /** The 7 coalitions lo + i with at most 2 of players 0..2 (bitCount(i) ≤ 2). */
    private static long block2(double[] f, int lo) {
        double m0 = f[lo];
        double m1 = f[lo + 1];
        double m2 = f[lo + 2];
        double m3 = f[lo + 3];
        double m4 = f[lo + 4];
        double m5 = f[lo + 5];
        double m6 = f[lo + 6];
        int low = lo & -lo;
        int rest = lo ^ low;
        long pairs = 0;
        if (rest != 0) {
            for (int s = (rest - 8) & rest; ; s = (s - 8) & rest) {
                int a = low | s;
                int b = lo ^ a;
                double a0 = f[a];
                double a1 = f[a + 1];
                double a2 = f[a + 2];
                double a3 = f[a + 3];
                double a4 = f[a + 4];
                double a5 = f[a + 5];
                double a6 = f[a + 6];
                double b0 = f[b];
                double b1 = f[b + 1];
                double b2 = f[b + 2];
                double b3 = f[b + 3];
                double b4 = f[b + 4];
                double b5 = f[b + 5];
                double b6 = f[b + 6];
                if (a0 + b0 > m0) {
                    m0 = a0 + b0;
                }
                if (a0 + b1 > m1) {
                    m1 = a0 + b1;
                }
                if (a1 + b0 > m1) {
                    m1 = a1 + b0;
                }
                if (a0 + b2 > m2) {
                    m2 = a0 + b2;
                }
                if (a2 + b0 > m2) {
                    m2 = a2 + b0;
                }
                if (a0 + b3 > m3) {
                    m3 = a0 + b3;
                }
                if (a1 + b2 > m3) {
                    m3 = a1 + b2;
                }
                if (a2 + b1 > m3) {
                    m3 = a2 + b1;
                }
                if (a3 + b0 > m3) {
                    m3 = a3 + b0;
                }
                if (a0 + b4 > m4) {
                    m4 = a0 + b4;
                }
                if (a4 + b0 > m4) {
                    m4 = a4 + b0;
                }
                if (a0 + b5 > m5) {
                    m5 = a0 + b5;
                }
                if (a1 + b4 > m5) {
                    m5 = a1 + b4;
                }
                if (a4 + b1 > m5) {
                    m5 = a4 + b1;
                }
                if (a5 + b0 > m5) {
                    m5 = a5 + b0;
                }
                if (a0 + b6 > m6) {
                    m6 = a0 + b6;
                }
                if (a2 + b4 > m6) {
                    m6 = a2 + b4;
                }
                if (a4 + b2 > m6) {
                    m6 = a4 + b2;
                }
                if (a6 + b0 > m6) {
                    m6 = a6 + b0;
                }
                pairs++;
                if (s == 0) {
                    break;
                }
            }
        }
        // Splits inside the block: lo with some of players 0..2 against the others, in increasing i.
        if (m0 + f[1] > m1) {
            m1 = m0 + f[1];
        }
        if (m0 + f[2] > m2) {
            m2 = m0 + f[2];
        }
        if (m0 + f[3] > m3) {
            m3 = m0 + f[3];
        }
        if (m1 + f[2] > m3) {
            m3 = m1 + f[2];
        }
        if (m2 + f[1] > m3) {
            m3 = m2 + f[1];
        }
        if (m0 + f[4] > m4) {
            m4 = m0 + f[4];
        }
        if (m0 + f[5] > m5) {
            m5 = m0 + f[5];
        }
        if (m1 + f[4] > m5) {
            m5 = m1 + f[4];
        }
        if (m4 + f[1] > m5) {
            m5 = m4 + f[1];
        }
        if (m0 + f[6] > m6) {
            m6 = m0 + f[6];
        }
        if (m2 + f[4] > m6) {
            m6 = m2 + f[4];
        }
        if (m4 + f[2] > m6) {
            m6 = m4 + f[2];
        }
        f[lo] = m0;
        f[lo + 1] = m1;
        f[lo + 2] = m2;
        f[lo + 3] = m3;
        f[lo + 4] = m4;
        f[lo + 5] = m5;
        f[lo + 6] = m6;
        return pairs;
    }

    /** The 8 coalitions lo + i with at most 3 of players 0..2 (bitCount(i) ≤ 3). */
    private static long block3(double[] f, int lo) {
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
                double a1 = f[a + 1];
                double a2 = f[a + 2];
                double a3 = f[a + 3];
                double a4 = f[a + 4];
                double a5 = f[a + 5];
                double a6 = f[a + 6];
                double a7 = f[a + 7];
                double b0 = f[b];
                double b1 = f[b + 1];
                double b2 = f[b + 2];
                double b3 = f[b + 3];
                double b4 = f[b + 4];
                double b5 = f[b + 5];
                double b6 = f[b + 6];
                double b7 = f[b + 7];
                if (a0 + b0 > m0) {
                    m0 = a0 + b0;
                }
                if (a0 + b1 > m1) {
                    m1 = a0 + b1;
                }
                if (a1 + b0 > m1) {
                    m1 = a1 + b0;
                }
                if (a0 + b2 > m2) {
                    m2 = a0 + b2;
                }
                if (a2 + b0 > m2) {
                    m2 = a2 + b0;
                }
                if (a0 + b3 > m3) {
                    m3 = a0 + b3;
                }
                if (a1 + b2 > m3) {
                    m3 = a1 + b2;
                }
                if (a2 + b1 > m3) {
                    m3 = a2 + b1;
                }
                if (a3 + b0 > m3) {
                    m3 = a3 + b0;
                }
                if (a0 + b4 > m4) {
                    m4 = a0 + b4;
                }
                if (a4 + b0 > m4) {
                    m4 = a4 + b0;
                }
                if (a0 + b5 > m5) {
                    m5 = a0 + b5;
                }
                if (a1 + b4 > m5) {
                    m5 = a1 + b4;
                }
                if (a4 + b1 > m5) {
                    m5 = a4 + b1;
                }
                if (a5 + b0 > m5) {
                    m5 = a5 + b0;
                }
                if (a0 + b6 > m6) {
                    m6 = a0 + b6;
                }
                if (a2 + b4 > m6) {
                    m6 = a2 + b4;
                }
                if (a4 + b2 > m6) {
                    m6 = a4 + b2;
                }
                if (a6 + b0 > m6) {
                    m6 = a6 + b0;
                }
                if (a0 + b7 > m7) {
                    m7 = a0 + b7;
                }
                if (a1 + b6 > m7) {
                    m7 = a1 + b6;
                }
                if (a2 + b5 > m7) {
                    m7 = a2 + b5;
                }
                if (a3 + b4 > m7) {
                    m7 = a3 + b4;
                }
                if (a4 + b3 > m7) {
                    m7 = a4 + b3;
                }
                if (a5 + b2 > m7) {
                    m7 = a5 + b2;
                }
                if (a6 + b1 > m7) {
                    m7 = a6 + b1;
                }
                if (a7 + b0 > m7) {
                    m7 = a7 + b0;
                }
                pairs++;
                if (s == 0) {
                    break;
                }
            }
        }
        // Splits inside the block: lo with some of players 0..2 against the others, in increasing i.
        if (m0 + f[1] > m1) {
            m1 = m0 + f[1];
        }
        if (m0 + f[2] > m2) {
            m2 = m0 + f[2];
        }
        if (m0 + f[3] > m3) {
            m3 = m0 + f[3];
        }
        if (m1 + f[2] > m3) {
            m3 = m1 + f[2];
        }
        if (m2 + f[1] > m3) {
            m3 = m2 + f[1];
        }
        if (m0 + f[4] > m4) {
            m4 = m0 + f[4];
        }
        if (m0 + f[5] > m5) {
            m5 = m0 + f[5];
        }
        if (m1 + f[4] > m5) {
            m5 = m1 + f[4];
        }
        if (m4 + f[1] > m5) {
            m5 = m4 + f[1];
        }
        if (m0 + f[6] > m6) {
            m6 = m0 + f[6];
        }
        if (m2 + f[4] > m6) {
            m6 = m2 + f[4];
        }
        if (m4 + f[2] > m6) {
            m6 = m4 + f[2];
        }
        if (m0 + f[7] > m7) {
            m7 = m0 + f[7];
        }
        if (m1 + f[6] > m7) {
            m7 = m1 + f[6];
        }
        if (m2 + f[5] > m7) {
            m7 = m2 + f[5];
        }
        if (m3 + f[4] > m7) {
            m7 = m3 + f[4];
        }
        if (m4 + f[3] > m7) {
            m7 = m4 + f[3];
        }
        if (m5 + f[2] > m7) {
            m7 = m5 + f[2];
        }
        if (m6 + f[1] > m7) {
            m7 = m6 + f[1];
        }
        f[lo] = m0;
        f[lo + 1] = m1;
        f[lo + 2] = m2;
        f[lo + 3] = m3;
        f[lo + 4] = m4;
        f[lo + 5] = m5;
        f[lo + 6] = m6;
        f[lo + 7] = m7;
        return pairs;
    }
}
