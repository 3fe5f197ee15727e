package org.parley.cluster;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.parley.core.world.WorldBatch;
import org.parley.core.world.WorldExecutor;

/**
 * Runs a batch's world runs on the members of a cluster, this one included, by the path a
 * tournament's negotiations take ({@link Dispatch}): the world files travel once ({@link
 * WorldJob}), then batches of runs as their indices; a member that leaves has its runs played
 * again elsewhere; the summaries are handed over in plan order, so that the output is the same
 * bytes as a local run's. A world's own negotiations stay together on one member: each depends on
 * the trust the earlier ones left.
 */
public final class ClusterWorldExecutor implements WorldExecutor {

    /**
     * At most this many runs per batch when the executor chooses: a run of a small world is tens of
     * negotiations, so a few runs outweigh the round trip, and a lost member costs little.
     */
    static final int MAX_BATCH = 4;

    private final ClusterMember member;
    private final List<WorldFile> files;
    private final int batchSize;
    private final Map<String, AtomicInteger> doneByMember = new ConcurrentHashMap<>();
    private final AtomicInteger resent = new AtomicInteger();

    /**
     * @param files the batch's worlds as files, in the batch's order (what travels)
     * @param batchSize runs per batch; 0 to choose from the work and the cluster's threads
     */
    public ClusterWorldExecutor(ClusterMember member, List<WorldFile> files, int batchSize) {
        if (batchSize < 0) {
            throw new IllegalArgumentException("The batch size (" + batchSize + ") must not be negative.");
        }
        this.member = member;
        this.files = List.copyOf(files);
        this.batchSize = batchSize;
    }

    /** World runs played per member in this run so far, by address, in address order. */
    public Map<String, Integer> doneByMember() {
        Map<String, Integer> copy = new TreeMap<>();
        doneByMember.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /** Batches sent again because the member running them left. */
    public int resent() {
        return resent.get();
    }

    @Override
    public int run(WorldBatch batch, List<Integer> todo, WorldBatch.Sink sink) throws InterruptedException {
        if (batch.worlds().size() != files.size()) {
            throw new IllegalArgumentException("A batch of " + batch.worlds().size() + " worlds, but " + files.size()
                    + " world files to send.");
        }
        int[] indices = todo.stream().mapToInt(Integer::intValue).toArray();
        return new Dispatch(member, "world runs", doneByMember, resent).run(id -> new WorldJob(id, files, batch.seeds()),
                indices, batchSize, MAX_BATCH, () -> false, () -> { }, (p, wire) ->
                        sink.accept(((WireWorld) wire).toSummary(indices[p])));
    }
}
