package org.parley.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.parley.core.negotiation.StrategySpec;
import org.parley.core.strategy.StrategyRegistry;
import org.parley.core.tournament.Match;
import org.parley.core.tournament.TournamentPlan;
import org.parley.core.tournament.TournamentRunner;

/**
 * What a member keeps between the batches it plays: its strategy registry and, per tournament,
 * the runner rebuilt from the job (scenarios parsed, analysed and their bid spaces built once per
 * member, not per batch).
 */
final class WorkerContext {

    /** The key of this object in the Hazelcast member's user context. */
    static final String KEY = "parley.worker";

    /** Tournaments kept prepared at once; an older one is rebuilt if it ever comes back. */
    private static final int KEPT = 4;

    /** A tournament ready to play here. */
    record Prepared(TournamentRunner runner, List<Match> matches, boolean records) {}

    private final StrategyRegistry registry;
    private final AtomicLong played = new AtomicLong();
    private final Map<String, Prepared> prepared = new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Prepared> eldest) {
            return size() > KEPT;
        }
    };

    WorkerContext(StrategyRegistry registry) {
        this.registry = registry;
    }

    long played() {
        return played.get();
    }

    void count(int n) {
        played.addAndGet(n);
    }

    /**
     * The tournament {@code jobId}, prepared on first use. Every strategy must be known here: a
     * plugin's jar must be on every member (only the strategy's name travels).
     */
    synchronized Prepared prepare(String jobId, HazelcastInstance instance) {
        Prepared ready = prepared.get(jobId);
        if (ready != null) {
            return ready;
        }
        IMap<String, TournamentJob> jobs = instance.getMap(ClusterMember.JOBS);
        TournamentJob job = jobs.get(jobId);
        String here = ClusterMember.describe(instance.getCluster().getLocalMember());
        if (job == null) {
            throw new IllegalStateException("Member " + here + " was sent negotiations of tournament " + jobId
                    + ", which the cluster no longer holds.");
        }
        TournamentPlan plan = job.plan();
        for (StrategySpec spec : plan.strategies()) {
            try {
                registry.validate(spec);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Member " + here + " cannot play the strategy (" + spec + "): "
                        + e.getMessage() + " Every member needs the same plugin jars (--agents).");
            }
        }
        ready = new Prepared(new TournamentRunner(plan, registry), plan.matches(), job.records());
        prepared.put(jobId, ready);
        return ready;
    }
}
