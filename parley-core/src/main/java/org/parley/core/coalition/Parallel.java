package org.parley.core.coalition;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/** Runs independent chunks of work on a small pool of daemon threads (one per core by default). */
final class Parallel {

    private Parallel() {}

    static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** Runs {@code task} for every chunk in [0, chunks), on {@code threads} threads, and waits. */
    static void forEach(int chunks, int threads, IntConsumer task) {
        if (threads <= 1 || chunks <= 1) {
            for (int c = 0; c < chunks; c++) {
                task.accept(c);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, chunks), runnable -> {
            Thread thread = new Thread(runnable, "parley-coalitions");
            thread.setDaemon(true);
            return thread;
        });
        try {
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < Math.min(threads, chunks); t++) {
                futures.add(pool.submit(() -> {
                    for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                        task.accept(c);
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted.", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
