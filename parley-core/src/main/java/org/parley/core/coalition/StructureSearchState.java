package org.parley.core.coalition;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the parts of one {@link DpBranchAndBoundCoalitionStructure} solve share: the game's table v,
 * the table f (the best partition value of each coalition, exact up to the layers finished), the
 * sizes that decide which layers phase 1 finishes, the threads and deadline, the count of splits
 * evaluated, and the best structure found so far (its blocks, each to be expanded through f).
 */
final class StructureSearchState {

    /** Chunks of work are 2^CHUNK_BITS coalitions (or blocks) long. */
    static final int CHUNK_BITS = 14;

    final TableGame game;
    final double[] v;
    final int n;
    /** The grand coalition. */
    final int all;
    /** ⌊n/2⌋. */
    final int h;
    /**
     * The largest coalitions phase 1 finishes: h, or h − 1 when n is even, where phase 2 then covers
     * the h-coalitions too (see {@link DpBranchAndBoundCoalitionStructure}).
     */
    final int top;
    final int threads;
    final SearchControl.Deadline deadline;
    final AtomicLong evaluations = new AtomicLong();
    /** f, a copy of v at first; phase 1 finishes its coalitions of at most {@link #top} players. */
    final double[] f;

    private volatile double best = Double.NEGATIVE_INFINITY;
    private int[] bestBlocks = new int[0];

    StructureSearchState(TableGame game, int threads, SearchControl.Deadline deadline) {
        this.game = game;
        this.v = game.values;
        this.n = game.players();
        this.all = (1 << n) - 1;
        this.h = n / 2;
        this.top = n % 2 == 0 ? Math.max(1, h - 1) : h;
        this.threads = threads;
        this.deadline = deadline;
        this.f = v.clone();
    }

    /** The value of the best structure so far (−∞ before the first). */
    double best() {
        return best;
    }

    /** Keeps the structure made of {@code blocks} (each expanded through f) when it beats the best. */
    synchronized void offer(double value, int... blocks) {
        if (value > best) {
            best = value;
            bestBlocks = blocks.clone();
        }
    }

    synchronized int[] bestBlocks() {
        return bestBlocks.clone();
    }
}
