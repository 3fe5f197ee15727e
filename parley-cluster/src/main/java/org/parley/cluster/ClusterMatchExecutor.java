package org.parley.cluster;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.NegotiationRecord;
import org.parley.core.tournament.Match;
import org.parley.core.tournament.MatchExecutor;
import org.parley.core.tournament.TournamentRunner;
import org.parley.io.json.NegotiationJson;

/**
 * Runs a tournament's negotiations on the members of a cluster, this one included, and hands
 * the results to the sink in the order of the negotiations given (index order), so that a
 * tournament's files are the same bytes as a local run's with the same seed.
 *
 * <p>The tournament travels once ({@link TournamentJob}, in a distributed map); then batches of
 * consecutive negotiations, as their indices, go to the members ({@link Dispatch}, which also
 * says how a lost member's work is run again elsewhere).
 *
 * <p>Fault tolerance of the coordinator, by design the simplest that loses nothing: a durable
 * executor or a distributed map of pending work would also survive the coordinator, but the
 * coordinator is where the results are written: when it dies, the tournament's folder holds
 * every result it wrote, and {@code --resume} runs the rest again, on the cluster or not. When the
 * runner is stopped, no more batches go out, the ones under way are awaited, and what came back
 * is handed over in order, gaps and all.
 */
public final class ClusterMatchExecutor implements MatchExecutor {

    /** At most this many negotiations per batch when the executor chooses. */
    static final int MAX_BATCH = 64;

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
        int[] indices = new int[todo.size()];
        for (int p = 0; p < indices.length; p++) {
            indices[p] = todo.get(p).index();
        }
        return new Dispatch(member, "negotiations", doneByMember, resent).run(id -> TournamentJob.of(id, runner.plan(), records),
                indices, batchSize, MAX_BATCH, runner::stopped, runner::stop, (p, wire) -> {
                    Match match = todo.get(p);
                    WireResult result = (WireResult) wire;
                    sink.accept(result.toResult(match), log(runner, result, match));
                });
    }

    private static NegotiationRecord log(TournamentRunner runner, WireResult result, Match match) {
        if (result.recordJson() == null) {
            return null;
        }
        Scenario scenario = runner.plan().scenarios().get(match.scenario());
        return NegotiationJson.of(scenario.domain()).readRecord(result.recordJson(), "negotiation #" + match.index());
    }
}
