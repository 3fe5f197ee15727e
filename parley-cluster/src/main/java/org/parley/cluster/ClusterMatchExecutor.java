package org.parley.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.map.IMap;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import com.hazelcast.spi.exception.TargetNotMemberException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.NegotiationRecord;
import org.parley.core.tournament.Match;
import org.parley.core.tournament.MatchExecutor;
import org.parley.core.tournament.MatchResult;
import org.parley.core.tournament.TournamentRunner;
import org.parley.io.json.NegotiationJson;

/**
 * Runs a tournament's negotiations on the members of a cluster, this one included, and hands
 * the results to the sink in the order of the negotiations given (index order), so that a
 * tournament's files are the same bytes as a local run's with the same seed.
 *
 * <p>The tournament travels once ({@link TournamentJob}, in a distributed map); then batches of
 * consecutive negotiations, as their indices, go to the members through Hazelcast's executor
 * service, each member holding at most twice as many batches as it has threads, so that a
 * member that is lost takes little work with it and a fast member is never idle.
 *
 * <p>Fault tolerance, by design the simplest that loses nothing: the coordinator keeps each
 * batch it sent until its results are back. When a member leaves or dies, Hazelcast fails the
 * calls it had under way ({@link MemberLeftException}) and the batch goes back to the head of
 * the queue for the members still there. A negotiation is a pure function of the plan and its
 * index, so running it again elsewhere gives the same result, and a result that comes back
 * twice (a member suspected dead that was only slow) is kept once. A durable executor or a
 * distributed map of pending work would also survive the coordinator, but the coordinator is
 * where the results are written: when it dies, the tournament's folder holds every result it
 * wrote, and {@code --resume} runs the rest again, on the cluster or not.
 *
 * <p>The results wait in order: one that comes back before an earlier one is held until the
 * earlier arrives (at most the work in flight). When the runner is stopped, no more batches go
 * out, the ones under way are awaited, and what came back is handed over in order, gaps and all.
 */
public final class ClusterMatchExecutor implements MatchExecutor {

    /** How long to wait between looks at the cluster when no result comes. */
    private static final long POLL_MILLIS = 200;

    private final ClusterMember member;
    private final boolean records;
    private final int batchSize;
    private final Map<String, AtomicInteger> doneByMember = new ConcurrentHashMap<>();
    private final AtomicInteger resent = new AtomicInteger();

    /**
     * @param records whether the members send each negotiation's log back (else the sink gets null)
     * @param batchSize negotiations per batch; 0 to choose from the work and the cluster's threads
     */
    public ClusterMatchExecutor(ClusterMember member, boolean records, int batchSize) {
        if (batchSize < 0) {
            throw new IllegalArgumentException("The batch size (" + batchSize + ") must not be negative.");
        }
        this.member = member;
        this.records = records;
        this.batchSize = batchSize;
    }

    /** Negotiations played per member in this run so far, by address, in address order. */
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
    public int run(TournamentRunner runner, List<Match> todo, TournamentRunner.Sink sink) throws InterruptedException {
        if (todo.isEmpty()) {
            return 0;
        }
        // A fresh id per run: a member caches the tournament by id, and a resumed run is a new job.
        String jobId = UUID.randomUUID().toString();
        IMap<String, TournamentJob> jobs = member.instance().getMap(ClusterMember.JOBS);
        jobs.set(jobId, TournamentJob.of(jobId, runner.plan(), records));
        try {
            return new Run(runner, todo, sink, jobId).go();
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
        final TournamentRunner runner;
        final List<Match> todo;
        final TournamentRunner.Sink sink;
        final String jobId;
        final IExecutorService executor = member.instance().getExecutorService(ClusterMember.EXECUTOR);
        final PriorityQueue<Batch> pending = new PriorityQueue<>((a, b) -> Integer.compare(a.from(), b.from()));
        final Map<UUID, Integer> inFlight = new HashMap<>();
        final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        final MatchResult[] results;
        final NegotiationRecord[] logs;
        int next;
        int ran;
        int sent;

        Run(TournamentRunner runner, List<Match> todo, TournamentRunner.Sink sink, String jobId) {
            this.runner = runner;
            this.todo = todo;
            this.sink = sink;
            this.jobId = jobId;
            this.results = new MatchResult[todo.size()];
            this.logs = new NegotiationRecord[todo.size()];
            int size = batchSize > 0 ? batchSize : autoBatch(todo.size(), threads());
            for (int from = 0; from < todo.size(); from += size) {
                pending.add(new Batch(from, Math.min(todo.size(), from + size)));
            }
        }

        int go() throws InterruptedException {
            while (next < todo.size()) {
                if (!runner.stopped()) {
                    dispatch();
                }
                if (sent == 0 && (runner.stopped() || pending.isEmpty())) {
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
            // Stopped: what came back is kept, in order, with the gaps --resume fills.
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
            int[] indices = new int[batch.to() - batch.from()];
            for (int p = batch.from(); p < batch.to(); p++) {
                indices[p - batch.from()] = todo.get(p).index();
            }
            inFlight.merge(target.getUuid(), 1, Integer::sum);
            sent++;
            try {
                executor.submitToMember(new PlayBatch(jobId, indices), target, new ExecutionCallback<PlayBatch.Answer>() {
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
                List<WireResult> back = done.answer().results();
                for (int k = 0; k < back.size(); k++) {
                    int p = done.batch().from() + k;
                    if (p < next || results[p] != null) {
                        continue; // run twice after a false alarm: kept once
                    }
                    results[p] = back.get(k).toResult(todo.get(p));
                    logs[p] = log(back.get(k), todo.get(p));
                    doneByMember.computeIfAbsent(done.answer().member(), x -> new AtomicInteger()).incrementAndGet();
                }
            } else if (event instanceof Failed failed) {
                inFlight.merge(failed.member().getUuid(), -1, Integer::sum);
                if (memberGone(failed.failure())) {
                    resent.incrementAndGet();
                    pending.add(failed.batch());
                } else {
                    runner.stop();
                    Throwable cause = failed.failure();
                    throw new ClusterException("Member " + ClusterMember.describe(failed.member()) + " failed on negotiations #"
                            + todo.get(failed.batch().from()).index() + " to #" + todo.get(failed.batch().to() - 1).index()
                            + ": " + cause.getMessage(), cause);
                }
            }
        }

        NegotiationRecord log(WireResult result, Match match) {
            if (result.recordJson() == null) {
                return null;
            }
            Scenario scenario = runner.plan().scenarios().get(match.scenario());
            return NegotiationJson.of(scenario.domain()).readRecord(result.recordJson(), "negotiation #" + match.index());
        }

        /** Hands over the results that are next in order (all that came back, when {@code all}). */
        void deliver(boolean all) {
            while (next < todo.size() && (results[next] != null || all)) {
                if (results[next] != null) {
                    sink.accept(results[next], logs[next]);
                    ran++;
                    results[next] = null;
                    logs[next] = null;
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
     * costs little, and at most 64 negotiations each (a few tens of milliseconds of work for the
     * built-in strategies: the round trip, about a millisecond, is then a small share).
     */
    static int autoBatch(int work, int threads) {
        return Math.max(1, Math.min(64, work / (threads * 8)));
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
