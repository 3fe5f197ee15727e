package org.parley.core.tournament;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.parley.api.Stable;
import org.parley.core.analysis.Analysis;
import org.parley.core.analysis.Debriefer;
import org.parley.core.engine.BidSpaceCache;
import org.parley.core.engine.Negotiation;
import org.parley.core.model.Outcome;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.NegotiationRecord;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Result;
import org.parley.core.strategy.StrategyRegistry;

/**
 * Runs a tournament's negotiations on a set of threads and hands each finished one to a sink as
 * soon as it completes (in completion order; the index says where it belongs). Each scenario is
 * analysed once under its agreement rule ({@link Debriefer}: each winning coalition's frontier and
 * solution-concept points) and its bid spaces built once,
 * before any negotiation runs; negotiations share nothing else. {@link #stop} lets the
 * negotiations under way finish and starts no more.
 */
@Stable
public final class TournamentRunner {

    /**
     * Receives each finished negotiation, one call at a time (from the pool's threads, or the thread
     * that gathers a cluster's results). {@code record} is the negotiation's full log; an executor
     * that runs the negotiation elsewhere may leave it null when it was told not to bring it back.
     */
    @FunctionalInterface
    public interface Sink {
        void accept(MatchResult result, NegotiationRecord record);
    }

    private final TournamentPlan plan;
    private final StrategyRegistry registry;
    private final BidSpaceCache cache = new BidSpaceCache();
    private final List<Debriefer> debriefers = new ArrayList<>();
    private final AtomicBoolean stopped = new AtomicBoolean();

    public TournamentRunner(TournamentPlan plan, StrategyRegistry registry) {
        this.plan = plan;
        this.registry = registry;
        for (Scenario scenario : plan.scenarios()) {
            debriefers.add(new Debriefer(scenario));
        }
    }

    public TournamentPlan plan() {
        return plan;
    }

    /** What judges the negotiations of scenario {@code s}: its analysis under its agreement rule. */
    public Debriefer debriefer(int s) {
        return debriefers.get(s);
    }

    public void stop() {
        stopped.set(true);
    }

    public boolean stopped() {
        return stopped.get();
    }

    /**
     * Runs every negotiation whose index is not in {@code done}, on {@code threads} threads of this
     * machine, and returns how many it ran. A failure of the engine or the sink stops the run and is
     * rethrown.
     */
    public int run(Set<Integer> done, int threads, Sink sink) throws InterruptedException {
        return run(done, onThreads(threads), sink);
    }

    /**
     * Runs every negotiation whose index is not in {@code done} with {@code executor} (this
     * machine's threads, or the members of a cluster), in index order as far as the executor keeps
     * it, and returns how many it ran.
     */
    public int run(Set<Integer> done, MatchExecutor executor, Sink sink) throws InterruptedException {
        List<Match> todo = new ArrayList<>();
        for (Match match : plan.matches()) {
            if (!done.contains(match.index())) {
                todo.add(match);
            }
        }
        return executor.run(this, todo, sink);
    }

    /** The default executor: {@code threads} threads of this machine ({@link #runOnThreads}). */
    public static MatchExecutor onThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("The thread count (" + threads + ") must be at least 1.");
        }
        return (runner, todo, sink) -> runner.runOnThreads(todo, threads, sink);
    }

    /**
     * Runs the negotiations {@code todo} of this tournament on {@code threads} threads and returns
     * how many it ran. A failure of the engine or the sink stops the run and is rethrown.
     *
     * <p>Each thread plays its negotiations itself ({@link Negotiation#advanceHere}); with a move
     * time limit one watchdog thread checks them all every quarter of the limit, and when a strategy
     * overruns it takes that negotiation over ({@link Negotiation#seizeIfOverrun}) and hands it, with
     * the rest of the stuck thread's share of the work, to a new thread. So the limit costs no
     * thread hand-over per negotiation, and a strategy that never returns loses one thread, not the
     * run.
     */
    public int runOnThreads(List<Match> todo, int threads, Sink sink) throws InterruptedException {
        if (threads < 1) {
            throw new IllegalArgumentException("The thread count (" + threads + ") must be at least 1.");
        }
        Lanes lanes = new Lanes(todo, threads, sink);
        for (int i = 0; i < threads; i++) {
            lanes.start(i, null);
        }
        Thread watchdog = null;
        if (plan.moveTimeLimit() != null) {
            long poll = Math.max(1, plan.moveTimeLimit().toMillis() / 4);
            watchdog = new Thread(() -> lanes.watch(poll), "parley-tournament-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }
        try {
            lanes.finished.await();
        } catch (InterruptedException e) {
            // The lanes stop after the negotiations under way, as with stop().
            stopped.set(true);
            throw e;
        } finally {
            if (watchdog != null) {
                watchdog.interrupt();
            }
        }
        Throwable failure = lanes.failure.get();
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        return lanes.ran.get();
    }

    /** A negotiation under way in a lane, with the time it began. */
    private record Running(Match match, Negotiation negotiation, long start) {}

    /**
     * The tournament's threads: lane i plays negotiations one after the other, taking the next in
     * index order, so that an interrupted run has done mostly a prefix. {@code running[i]} is the
     * negotiation lane i is playing, for the watchdog; when the watchdog seizes it, a new thread
     * takes over lane i and the stuck one leaves as soon as its strategy call returns, if ever.
     */
    private final class Lanes {
        final List<Match> todo;
        final Sink sink;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger ran = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final AtomicReferenceArray<Running> running;
        final CountDownLatch finished;
        final Object sinkLock = new Object();

        Lanes(List<Match> todo, int threads, Sink sink) {
            this.todo = todo;
            this.sink = sink;
            this.running = new AtomicReferenceArray<>(threads);
            this.finished = new CountDownLatch(threads);
        }

        void start(int lane, Running resume) {
            Thread thread = new Thread(() -> play(lane, resume), "parley-tournament");
            thread.setDaemon(true);
            thread.start();
        }

        private void play(int lane, Running resume) {
            try {
                Running current = resume;
                while (true) {
                    if (current == null) {
                        int i = next.getAndIncrement();
                        if (i >= todo.size() || stopped.get()) {
                            break;
                        }
                        Match match = todo.get(i);
                        // Timed from before the start, as the negotiation's clock is: building its
                        // bid spaces counts, else a time deadline could end it in fewer millis than it has.
                        long start = System.nanoTime();
                        current = new Running(match, Negotiation.start(plan.scenarios().get(match.scenario()),
                                plan.settings(match), registry, cache), start);
                        running.set(lane, current);
                    }
                    try {
                        current.negotiation().advanceHere();
                    } catch (Negotiation.Abandoned taken) {
                        return; // the watchdog gave this lane to another thread
                    }
                    running.set(lane, null);
                    if (!current.negotiation().finished()) {
                        throw new IllegalStateException("Negotiation #" + current.match().index() + " waits on "
                                + current.negotiation().session().pending() + "; a tournament has no human parties.");
                    }
                    NegotiationRecord record = current.negotiation().session().record();
                    MatchResult result = measure(current.match(), record, (System.nanoTime() - current.start()) / 1_000_000);
                    // A negotiation under way when stop() came still finishes and is kept.
                    synchronized (sinkLock) {
                        sink.accept(result, record);
                    }
                    ran.incrementAndGet();
                    current = null;
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
                stopped.set(true);
            }
            finished.countDown();
        }

        void watch(long pollMillis) {
            while (finished.getCount() > 0) {
                try {
                    Thread.sleep(pollMillis);
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    for (int lane = 0; lane < running.length(); lane++) {
                        Running r = running.get(lane);
                        if (r != null && r.negotiation().seizeIfOverrun()) {
                            start(lane, r);
                        }
                    }
                } catch (Throwable t) {
                    // Without a watchdog a stuck strategy would hang the run: stop it instead.
                    failure.compareAndSet(null, t);
                    stopped.set(true);
                    return;
                }
            }
        }
    }

    /** Plays one negotiation to its end. */
    public NegotiationRecord play(Match match) {
        Scenario scenario = plan.scenarios().get(match.scenario());
        NegotiationSettings settings = plan.settings(match);
        Negotiation negotiation = Negotiation.start(scenario, settings, registry, cache);
        negotiation.run();
        return negotiation.session().record();
    }

    /** The figures of a finished negotiation that took {@code millis} of wall-clock time. */
    public MatchResult measure(Match match, NegotiationRecord record, long millis) {
        Scenario scenario = plan.scenarios().get(match.scenario());
        Result result = record.result();
        List<String> parties = scenario.partyNames();
        List<String> strategies = new ArrayList<>();
        List<Double> utilities = new ArrayList<>();
        List<Double> discounted = new ArrayList<>();
        List<Double> reservations = new ArrayList<>();
        double welfare = 0;
        for (int role = 0; role < parties.size(); role++) {
            strategies.add(plan.strategies().get(match.assignment().get(role)).toString());
            Result.Payoff payoff = result.payoff(parties.get(role));
            utilities.add(payoff.utility());
            discounted.add(payoff.discounted());
            reservations.add(scenario.parties().get(role).preferences().reservation());
            welfare += payoff.utility();
        }
        // Measured against the coalition that signed (without a deal, the nearest that could have).
        Analysis.Distances distances = debriefers.get(match.scenario()).distances(result);
        return new MatchResult(match, scenario.name(), parties, strategies, result.agreement(), result.ending(),
                result.rounds(), result.time(), millis, utilities, discounted, reservations, welfare,
                distances.pareto(), distances.concepts(), finalOffer(record), misbehaviours(parties, record));
    }

    /** Per role, why the engine put the party out ("exception: its move threw ..."), or "". */
    static List<String> misbehaviours(List<String> parties, NegotiationRecord record) {
        List<String> why = new ArrayList<>(java.util.Collections.nCopies(parties.size(), ""));
        for (Event event : record.events()) {
            if (event.action() instanceof Action.Misbehaviour m) {
                int role = parties.indexOf(event.party());
                if (role >= 0) {
                    why.set(role, m.describe());
                }
            }
        }
        return why;
    }

    /** The agreement, else the last outcome offered in the log, else null. */
    static Outcome finalOffer(NegotiationRecord record) {
        if (record.result() != null && record.result().agreement()) {
            return record.result().outcome();
        }
        List<Event> events = record.events();
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).action() instanceof Action.Offer offer) {
                return offer.outcome();
            }
        }
        return null;
    }
}
