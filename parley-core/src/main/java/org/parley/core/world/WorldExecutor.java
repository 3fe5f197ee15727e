package org.parley.core.world;

import java.util.List;

/**
 * Where a batch's world runs run: {@link WorldBatch#onThreads this machine's threads} (the
 * default), or the members of a cluster (the {@code parley-cluster} module). An executor runs
 * the runs it is given (indices into the batch, ascending) and hands each summary to the sink in
 * that order, one call at a time, and returns how many it ran. The summaries depend only on the
 * batch, never on the executor.
 */
@FunctionalInterface
public interface WorldExecutor {

    int run(WorldBatch batch, List<Integer> todo, WorldBatch.Sink sink) throws InterruptedException;
}
