package org.parley.cluster;

import java.io.Serializable;
import java.util.List;
import org.parley.core.strategy.StrategyRegistry;

/**
 * A piece of work that travels to the members once, in a distributed map, and is then played in
 * batches of its items by index ({@link PlayBatch}): a tournament's negotiations ({@link
 * TournamentJob}) or a batch's world runs ({@link WorldJob}). Only data travels (file texts,
 * strategy names, seeds), never code: every member plays with its own classes and registry.
 */
interface ClusterJob extends Serializable {

    /** What a member builds from the job once (scenarios parsed and analysed), then plays batches with. */
    interface Work {
        /** Plays the items {@code indices} here, one after the other, and returns their results in that order. */
        List<Serializable> play(int[] indices) throws InterruptedException;

        /** Whether the items are world runs (else negotiations), for the members' counts. */
        boolean worldRuns();
    }

    /**
     * Builds the work on member {@code member} (its address, for messages) with its strategies;
     * an IllegalStateException says what this member cannot play.
     */
    Work prepare(StrategyRegistry registry, String member);
}
