package org.parley.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.io.Serializable;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A batch of a job's items, sent to one member: the job's id and the items' indices. The member
 * plays them one after the other on one of its executor's threads and answers with their results
 * in the batch's order.
 */
final class PlayBatch implements Callable<PlayBatch.Answer>, Serializable, HazelcastInstanceAware {

    private static final long serialVersionUID = 1L;

    /** The results of a batch and the member that played it. */
    record Answer(String member, List<Serializable> results) implements Serializable {
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
        ClusterJob.Work work = context.prepare(jobId, instance);
        List<Serializable> results = work.play(indices);
        context.count(work, results.size());
        return new Answer(ClusterMember.describe(instance.getCluster().getLocalMember()), results);
    }
}
