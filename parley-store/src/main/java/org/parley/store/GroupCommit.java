package org.parley.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Every write of a store goes through one thread, which commits in one transaction whatever units
 * queued up while the previous transaction ran (group commit). A unit waits for at most one commit
 * before its own, and the cost of a commit (on SQLite, the write lock and the WAL append) is shared
 * by every unit in it, so that throughput grows with load instead of collapsing into a queue of
 * writers each holding the database's only write lock for a whole transaction.
 *
 * <p>A unit is all or nothing: if one unit of a batch fails (an event out of order, say), the
 * batch is rolled back and its units are committed again one by one, in their order, so that only
 * the faulty one fails. Units are committed in the order they were submitted.
 */
final class GroupCommit implements AutoCloseable {

    /** The most units in one transaction: a bound on how long any one of them waits behind the others. */
    static final int MAX_BATCH = 256;

    private record Unit(Consumer<Handle> work, CompletableFuture<Void> done) {}

    private final Jdbi jdbi;
    private final BlockingQueue<Unit> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    GroupCommit(Jdbi jdbi, String name) {
        this.jdbi = jdbi;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a unit of work; the future completes on the writer thread once it is committed. */
    CompletableFuture<Void> submit(Consumer<Handle> work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (closed) {
            done.completeExceptionally(new IllegalStateException("The record store is closed."));
            return done;
        }
        queue.add(new Unit(work, done));
        return done;
    }

    /** Runs a unit and waits for its commit, throwing what made it fail as it was thrown. */
    void await(Consumer<Handle> work) {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("The store's writer cannot wait for itself.");
        }
        try {
            submit(work).join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private void run() {
        List<Unit> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            Unit first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                first = null;
            }
            if (first == null) {
                if (closed && queue.isEmpty()) {
                    return;
                }
                continue;
            }
            batch.clear();
            batch.add(first);
            queue.drainTo(batch, MAX_BATCH - 1);
            commit(batch);
        }
    }

    private void commit(List<Unit> batch) {
        try {
            jdbi.useTransaction(handle -> {
                for (Unit unit : batch) {
                    unit.work().accept(handle);
                }
            });
        } catch (RuntimeException | Error e) {
            if (batch.size() == 1) {
                batch.get(0).done().completeExceptionally(e);
                return;
            }
            for (Unit unit : List.copyOf(batch)) {
                commit(List.of(unit));
            }
            return;
        }
        for (Unit unit : batch) {
            unit.done().complete(null);
        }
    }

    /** Commits what is queued, then stops; later units fail. */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Unit unit; (unit = queue.poll()) != null; ) {
            unit.done().completeExceptionally(new IllegalStateException("The record store is closed."));
        }
    }
}
