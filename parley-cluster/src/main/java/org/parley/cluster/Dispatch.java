package org.parley.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.map.IMap;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import com.hazelcast.spi.exception.TargetNotMemberException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The coordinator's side of a job on the cluster, whatever its items (negotiations, world runs):
 * puts the job in the distributed map, sends batches of consecutive items, as their indices, to
 * the members through Hazelcast's executor service, and hands the results over in the order of
 * the items given.
 *
 * <p>Each member holds at most twice as many batches as it has threads (one it plays, one
 * waiting, so it never idles on a round trip), so a member that is lost takes little work with
 * it and a fast member is never idle. The coordinator keeps each batch it sent until its results
 * are back; when a member leaves or dies, Hazelcast fails the calls it had under way ({@link
 * MemberLeftException}) and the batch goes back to the head of the queue for the members still
 * there. An item is a pure function of the job and its index, so running it again elsewhere gives
 * the same result, and a result that comes back twice (a member suspected dead that was only slow)
 * is kept once.
 *
 * <p>Results wait in order: one that comes back before an earlier one is held until the earlier
 * arrives (at most the work in flight). When {@code stopped} turns true, no more batches go out,
 * the ones under way are awaited, and what came back is handed over in order, gaps and all.
 */
final class Dispatch {

    /** Receives the result of the item at {@code position} of the work, in position order. */
    interface Delivery {
        void accept(int position, Serializable result);
    }

    /** How long to wait between looks at the cluster when no result comes. */
    private static final long POLL_MILLIS = 200;

    private final ClusterMember member;
    private final String what;
    private final Map<String, AtomicInteger> doneByMember;
    private final AtomicInteger resent;

    /**
     * @param what the items, plural, for messages ("negotiations", "world runs")
     * @param doneByMember items played per member address, counted up as they come back
     * @param resent batches sent again because their member left, counted up
     */
    Dispatch(ClusterMember member, String what, Map<String, AtomicInteger> doneByMember, AtomicInteger resent) {
        this.member = member;
        this.what = what;
        this.doneByMember = doneByMember;
        this.resent = resent;
    }

    /**
     * Runs the items {@code indices} of the job {@code job} makes for a fresh id (their indices in the job, one per position)
     * in batches of {@code batchSize} ({@code 0}: chosen by {@link #autoBatch} up to {@code
     * maxBatch}), hands each result to {@code delivery} in position order and returns how many it
     * handed over. {@code stop} is called when a member fails on the work (not when it leaves):
     * that failure is then thrown as a ClusterException.
     */
    int run(Function<String, ClusterJob> job, int[] indices, int batchSize, int maxBatch, BooleanSupplier stopped, Runnable stop,
            Delivery delivery) throws InterruptedException {
        if (indices.length == 0) {
            return 0;
        }
        // A fresh id per run: a member caches the job by id, and a resumed run is a new job.
        String jobId = UUID.randomUUID().toString();
        IMap<String, ClusterJob> jobs = member.instance().getMap(ClusterMember.JOBS);
        jobs.set(jobId, job.apply(jobId));
        try {
            return new Run(jobId, indices, batchSize, maxBatch, stopped, stop, delivery).go();
        } finally {
            try {
                jobs.delete(jobId);
            } catch (RuntimeException e) {
                // The member is going down: the job goes with it.
            }
        }
    }

    /** A batch: consecutive positions {@code from .. to - 1} of the work. */
    private record Batch(int from, int to) {}

    private sealed interface Event permits Done, Failed {}

    private record Done(Batch batch, Member member, PlayBatch.Answer answer) implements Event {}

    private record Failed(Batch batch, Member member, Throwable failure) implements Event {}

    private final class Run {
        final String jobId;
        final int[] indices;
        final BooleanSupplier stopped;
        final Runnable stop;
        final Delivery delivery;
        final IExecutorService executor = member.instance().getExecutorService(ClusterMember.EXECUTOR);
        final PriorityQueue<Batch> pending = new PriorityQueue<>((a, b) -> Integer.compare(a.from(), b.from()));
        final Map<UUID, Integer> inFlight = new HashMap<>();
        final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        final Serializable[] results;
        int next;
        int ran;
        int sent;

        Run(String jobId, int[] indices, int batchSize, int maxBatch, BooleanSupplier stopped, Runnable stop,
                Delivery delivery) {
            this.jobId = jobId;
            this.indices = indices;
            this.stopped = stopped;
            this.stop = stop;
            this.delivery = delivery;
            this.results = new Serializable[indices.length];
            int size = batchSize > 0 ? batchSize : autoBatch(indices.length, threads(), maxBatch);
            for (int from = 0; from < indices.length; from += size) {
                pending.add(new Batch(from, Math.min(indices.length, from + size)));
            }
        }

        int go() throws InterruptedException {
            while (next < indices.length) {
                if (!stopped.getAsBoolean()) {
                    dispatch();
                }
                if (sent == 0 && (stopped.getAsBoolean() || pending.isEmpty())) {
                    break;
                }
                Event event = events.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (event != null) {
                    handle(event);
                    Event more;
                    while ((more = events.poll()) != null) {
                        handle(more);
                    }
                }
                deliver(false);
            }
            // Stopped: what came back is kept, in order, with the gaps a resume fills.
            deliver(true);
            return ran;
        }

        /** Fills every member's free slots, earliest work first. */
        void dispatch() {
            if (pending.isEmpty()) {
                return;
            }
            for (Member m : member.instance().getCluster().getMembers()) {
                int free = capacity(m) - inFlight.getOrDefault(m.getUuid(), 0);
                while (free > 0 && !pending.isEmpty()) {
                    Batch batch = pending.poll();
                    if (alreadyBack(batch)) {
                        continue;
                    }
                    submit(batch, m);
                    free--;
                }
            }
        }

        boolean alreadyBack(Batch batch) {
            for (int p = batch.from(); p < batch.to(); p++) {
                if (p >= next && results[p] == null) {
                    return false;
                }
            }
            return true;
        }

        void submit(Batch batch, Member target) {
            int[] sub = new int[batch.to() - batch.from()];
            System.arraycopy(indices, batch.from(), sub, 0, sub.length);
            inFlight.merge(target.getUuid(), 1, Integer::sum);
            sent++;
            try {
                executor.submitToMember(new PlayBatch(jobId, sub), target, new ExecutionCallback<PlayBatch.Answer>() {
                    @Override
                    public void onResponse(PlayBatch.Answer answer) {
                        events.add(new Done(batch, target, answer));
                    }

                    @Override
                    public void onFailure(Throwable t) {
                        events.add(new Failed(batch, target, t));
                    }
                });
            } catch (RuntimeException e) {
                events.add(new Failed(batch, target, e));
            }
        }

        void handle(Event event) {
            sent--;
            if (event instanceof Done done) {
                inFlight.merge(done.member().getUuid(), -1, Integer::sum);
                List<Serializable> back = done.answer().results();
                for (int k = 0; k < back.size(); k++) {
                    int p = done.batch().from() + k;
                    if (p < next || results[p] != null) {
                        continue; // run twice after a false alarm: kept once
                    }
                    results[p] = back.get(k);
                    doneByMember.computeIfAbsent(done.answer().member(), x -> new AtomicInteger()).incrementAndGet();
                }
            } else if (event instanceof Failed failed) {
                inFlight.merge(failed.member().getUuid(), -1, Integer::sum);
                if (memberGone(failed.failure())) {
                    resent.incrementAndGet();
                    pending.add(failed.batch());
                } else {
                    stop.run();
                    Throwable cause = failed.failure();
                    throw new ClusterException("Member " + ClusterMember.describe(failed.member()) + " failed on " + what
                            + " #" + indices[failed.batch().from()] + " to #" + indices[failed.batch().to() - 1] + ": "
                            + cause.getMessage(), cause);
                }
            }
        }

        /** Hands over the results that are next in order (all that came back, when {@code all}). */
        void deliver(boolean all) {
            while (next < indices.length && (results[next] != null || all)) {
                if (results[next] != null) {
                    delivery.accept(next, results[next]);
                    ran++;
                    results[next] = null;
                }
                next++;
            }
        }

        int threads() {
            int total = 0;
            for (Member m : member.instance().getCluster().getMembers()) {
                total += capacity(m) / 2;
            }
            return Math.max(1, total);
        }
    }

    /** Batches a member may hold: two per thread, one it plays and one waiting, so it never idles on a round trip. */
    private static int capacity(Member m) {
        String threads = m.getAttribute(ClusterMember.THREADS);
        try {
            return 2 * Math.max(1, threads == null ? 1 : Integer.parseInt(threads));
        } catch (NumberFormatException e) {
            return 2;
        }
    }

    /**
     * About 8 batches per thread of the cluster, so that the work spreads evenly and a lost member
     * costs little, and at most {@code max} items each (for negotiations of the built-in strategies
     * 64, a few tens of milliseconds of work: the round trip, about a millisecond, is then a small
     * share).
     */
    static int autoBatch(int work, int threads, int max) {
        return Math.max(1, Math.min(max, work / (threads * 8)));
    }

    /** Whether a call failed because its member left (its work to run again elsewhere), not because the work failed. */
    static boolean memberGone(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MemberLeftException || t instanceof TargetNotMemberException
                    || t instanceof TargetDisconnectedException || t instanceof HazelcastInstanceNotActiveException
                    || t instanceof RejectedExecutionException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
