package org.parley.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.parley.core.strategy.StrategyRegistry;

/**
 * What a member keeps between the batches it plays: its strategy registry and, per job, the work
 * built from it (a tournament's scenarios parsed, analysed and their bid spaces built, a batch's
 * worlds read, once per member, not per batch).
 */
final class WorkerContext {

    /** The key of this object in the Hazelcast member's user context. */
    static final String KEY = "parley.worker";

    /** Jobs kept prepared at once; an older one is rebuilt if it ever comes back. */
    private static final int KEPT = 4;

    private final StrategyRegistry registry;
    private final AtomicLong negotiations = new AtomicLong();
    private final AtomicLong worldRuns = new AtomicLong();
    private final Map<String, ClusterJob.Work> prepared = new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ClusterJob.Work> eldest) {
            return size() > KEPT;
        }
    };

    WorkerContext(StrategyRegistry registry) {
        this.registry = registry;
    }

    /** Tournament negotiations played here. */
    long played() {
        return negotiations.get();
    }

    /** World runs played here. */
    long worldRuns() {
        return worldRuns.get();
    }

    void count(ClusterJob.Work work, int n) {
        (work.worldRuns() ? worldRuns : negotiations).addAndGet(n);
    }

    /**
     * The job {@code jobId}, prepared on first use. Every strategy must be known here: a plugin's
     * jar must be on every member (only the strategy's name travels).
     */
    synchronized ClusterJob.Work prepare(String jobId, HazelcastInstance instance) {
        ClusterJob.Work ready = prepared.get(jobId);
        if (ready != null) {
            return ready;
        }
        IMap<String, ClusterJob> jobs = instance.getMap(ClusterMember.JOBS);
        ClusterJob job = jobs.get(jobId);
        String here = ClusterMember.describe(instance.getCluster().getLocalMember());
        if (job == null) {
            throw new IllegalStateException("Member " + here + " was sent work of job " + jobId
                    + ", which the cluster no longer holds.");
        }
        ready = job.prepare(registry, here);
        prepared.put(jobId, ready);
        return ready;
    }
}
