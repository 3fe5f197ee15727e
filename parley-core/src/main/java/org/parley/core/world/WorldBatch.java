package org.parley.core.world;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many runs of worlds, as a study of them is made: every world with every seed. Run {@code i}
 * (plan order) is world {@code i / seeds} with seed {@code seeds[i % seeds]}, so the runs of one
 * world come together, seeds in the order given. A world's negotiations depend on each other and
 * run one after another; the runs are independent, so they are what a batch spreads over threads
 * or a cluster ({@link WorldExecutor}). A run is a function of its world and seed: wherever it
 * runs, its summary is the same.
 */
public record WorldBatch(List<World> worlds, List<Long> seeds) {

    /** Receives the summaries of a batch's runs in plan order, one call at a time. */
    @FunctionalInterface
    public interface Sink {
        void accept(WorldSummary summary);
    }

    public WorldBatch {
        worlds = List.copyOf(worlds);
        seeds = List.copyOf(seeds);
        if (worlds.isEmpty()) {
            throw new IllegalArgumentException("A batch needs at least one world.");
        }
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("A batch needs at least one seed.");
        }
        if ((long) worlds.size() * seeds.size() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("A batch of " + worlds.size() + " worlds × " + seeds.size()
                    + " seeds has more runs than can be counted.");
        }
    }

    /** The number of runs: worlds × seeds. */
    public int size() {
        return worlds.size() * seeds.size();
    }

    /** The world of run {@code index}, as its position in {@link #worlds()}. */
    public int worldOf(int index) {
        return index / seeds.size();
    }

    public long seedOf(int index) {
        return seeds.get(index % seeds.size());
    }

    /** Plays run {@code index} (here, on the calling thread). */
    public WorldSummary run(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("Run " + index + " of a batch of " + size() + ".");
        }
        World world = worlds.get(worldOf(index));
        return WorldSummary.of(index, worldOf(index), WorldRunner.run(world, seedOf(index)));
    }

    /** Every run, in plan order. */
    public List<Integer> runs() {
        List<Integer> all = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            all.add(i);
        }
        return all;
    }

    /**
     * The local executor: {@code threads} threads of this machine, each taking the next run in
     * plan order; the summaries are handed over in plan order (one that ends early waits for the
     * earlier ones, so at most about {@code threads} wait), which makes a batch's output the same
     * on any number of threads.
     */
    public static WorldExecutor onThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("The thread count (" + threads + ") must be at least 1.");
        }
        return (batch, todo, sink) -> batch.runOnThreads(todo, threads, sink);
    }

    private int runOnThreads(List<Integer> todo, int threads, Sink sink) throws InterruptedException {
        if (todo.isEmpty()) {
            return 0;
        }
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, todo.size()), r -> {
            Thread t = new Thread(r, "parley-world-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            // A window of futures, not one per run: a batch of a million runs holds a few hundred at once.
            int window = Math.max(4 * threads, 16);
            List<Future<WorldSummary>> running = new ArrayList<>();
            int submitted = 0;
            int ran = 0;
            while (ran < todo.size()) {
                while (submitted < todo.size() && submitted - ran < window) {
                    int index = todo.get(submitted++);
                    running.add(pool.submit(() -> run(index)));
                }
                Future<WorldSummary> next = running.remove(0);
                try {
                    sink.accept(next.get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(cause);
                }
                ran++;
            }
            return ran;
        } finally {
            pool.shutdownNow();
        }
    }
}
