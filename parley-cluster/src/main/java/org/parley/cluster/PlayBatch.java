package org.parley.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.parley.core.model.Scenario;
import org.parley.core.tournament.Match;
import org.parley.core.tournament.TournamentRunner;
import org.parley.io.json.NegotiationJson;

/**
 * A batch of a tournament's negotiations, sent to one member: the tournament's job id and the
 * negotiations' indices. The member plays them one after the other on one of its executor's
 * threads, with the runner's watchdog for the move time limit, and answers with their results
 * in the batch's order.
 */
final class PlayBatch implements Callable<PlayBatch.Answer>, Serializable, HazelcastInstanceAware {

    private static final long serialVersionUID = 1L;

    /** The results of a batch and the member that played it. */
    record Answer(String member, List<WireResult> results) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final String jobId;
    private final int[] indices;
    private transient HazelcastInstance instance;

    PlayBatch(String jobId, int[] indices) {
        this.jobId = jobId;
        this.indices = indices.clone();
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        this.instance = instance;
    }

    @Override
    public Answer call() throws InterruptedException {
        WorkerContext context = (WorkerContext) instance.getUserContext().get(WorkerContext.KEY);
        if (context == null) {
            throw new IllegalStateException("Member " + ClusterMember.describe(instance.getCluster().getLocalMember())
                    + " is not a Parley member.");
        }
        WorkerContext.Prepared prepared = context.prepare(jobId, instance);
        TournamentRunner runner = prepared.runner();
        boolean records = prepared.records();
        List<Match> batch = new ArrayList<>(indices.length);
        for (int index : indices) {
            batch.add(prepared.matches().get(index));
        }
        List<WireResult> results = new ArrayList<>(indices.length);
        runner.runOnThreads(batch, 1, (result, record) -> {
            String json = null;
            if (records) {
                Scenario scenario = runner.plan().scenarios().get(result.match().scenario());
                json = NegotiationJson.of(scenario.domain()).write(record);
            }
            results.add(WireResult.of(result, json));
        });
        context.count(results.size());
        return new Answer(ClusterMember.describe(instance.getCluster().getLocalMember()), results);
    }
}
