package org.parley.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the AI diplomats think: at most {@code workers} strategy calls at once, whatever the
 * number of tables, each table's calls queued in turn (one call, then the table goes to the back).
 * A watchdog gives up on a call that overruns its move time limit: the table is told (its party
 * leaves with a timeout), the call's thread is interrupted, and its place in the pool is handed on
 * at once, so a strategy that never returns costs a thread but never a worker's slot.
 */
final class AiPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AiPool.class);

    /** A strategy call the watchdog keeps an eye on. */
    static final class Watch {
        private final long deadline;
        private final Runnable onOverrun;
        private final Thread thread;
        private final Slot slot;
        private final AtomicBoolean settled = new AtomicBoolean();
        /** Whether the call has returned; guarded by the watch, so an interrupt never outlives the call. */
        private boolean returned;

        private Watch(long deadline, Runnable onOverrun, Thread thread, Slot slot) {
            this.deadline = deadline;
            this.onOverrun = onOverrun;
            this.thread = thread;
            this.slot = slot;
        }
    }

    /** One worker's slot: released once, when its task ends or the watchdog hands it on. */
    private final class Slot {
        private final AtomicBoolean released = new AtomicBoolean();

        void release() {
            if (released.compareAndSet(false, true)) {
                slots.release();
            }
        }
    }

    private final Semaphore slots;
    private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final ExecutorService threads;
    private final Thread dispatcher;
    private final ScheduledExecutorService watchdog;
    private final Set<Watch> watched = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<Slot> current = new ThreadLocal<>();
    private final AtomicInteger abandoned = new AtomicInteger();
    private volatile boolean closed;

    AiPool(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("The AI pool needs at least one worker, not (" + workers + ").");
        }
        slots = new Semaphore(workers);
        AtomicInteger n = new AtomicInteger();
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "parley-ai-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        dispatcher = new Thread(this::dispatch, "parley-ai-dispatcher");
        dispatcher.setDaemon(true);
        dispatcher.start();
        watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parley-ai-watchdog");
            t.setDaemon(true);
            return t;
        });
        watchdog.scheduleWithFixedDelay(this::check, 20, 20, TimeUnit.MILLISECONDS);
    }

    void submit(Runnable task) {
        if (!closed) {
            queue.add(task);
        }
    }

    /** Watches the calling task's strategy call: {@code onOverrun} runs if it is not {@link #unwatch}ed in time. */
    Watch watch(long limitNanos, Runnable onOverrun) {
        Watch watch = new Watch(System.nanoTime() + limitNanos, onOverrun, Thread.currentThread(), current.get());
        watched.add(watch);
        return watch;
    }

    /** Ends a watch; false when the watchdog has already given the call up (the caller then lets go of the table). */
    boolean unwatch(Watch watch) {
        synchronized (watch) {
            watch.returned = true;
            Thread.interrupted(); // an interrupt meant for the call that just returned
        }
        watched.remove(watch);
        return watch.settled.compareAndSet(false, true);
    }

    /** Calls given up so far (each cost a thread until its strategy returned). */
    int abandoned() {
        return abandoned.get();
    }

    private void dispatch() {
        while (!closed) {
            Runnable task;
            try {
                task = queue.take();
                slots.acquire();
            } catch (InterruptedException e) {
                return;
            }
            Slot slot = new Slot();
            try {
                threads.execute(() -> {
                    current.set(slot);
                    try {
                        task.run();
                    } catch (RuntimeException | Error e) {
                        LOG.error("an AI diplomat's task failed", e);
                    } finally {
                        current.remove();
                        slot.release();
                    }
                });
            } catch (RuntimeException e) {
                slot.release(); // the pool is shutting down
            }
        }
    }

    private void check() {
        long now = System.nanoTime();
        for (Watch watch : watched) {
            if (now - watch.deadline > 0 && watch.settled.compareAndSet(false, true)) {
                watched.remove(watch);
                abandoned.incrementAndGet();
                try {
                    watch.onOverrun.run();
                } catch (RuntimeException e) {
                    LOG.error("giving up an AI diplomat's call failed", e);
                }
                synchronized (watch) {
                    if (!watch.returned) {
                        watch.thread.interrupt();
                    }
                }
                if (watch.slot != null) {
                    watch.slot.release();
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        dispatcher.interrupt();
        watchdog.shutdownNow();
        threads.shutdownNow();
    }
}
