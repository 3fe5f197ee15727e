package org.parley.core.tournament;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Runs a tournament's negotiations on a pool of threads and hands each finished one to a sink as
 * soon as it completes (in completion order; the index says where it belongs). Each scenario is
 * analysed once under its agreement rule ({@link Debriefer}: each winning coalition's frontier and
 * solution-concept points) and its bid spaces built once,
 * before any negotiation runs; negotiations share nothing else. {@link #stop} lets the
 * negotiations under way finish and starts no more.
 */
@Stable
public final class TournamentRunner {

    /** Receives each finished negotiation; called from the pool's threads, one call at a time. */
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
     * Runs every negotiation whose index is not in {@code done}, on {@code threads} threads, and
     * returns how many it ran. A failure of the engine or the sink stops the run and is rethrown.
     */
    public int run(Set<Integer> done, int threads, Sink sink) throws InterruptedException {
        if (threads < 1) {
            throw new IllegalArgumentException("The thread count (" + threads + ") must be at least 1.");
        }
        List<Match> todo = new ArrayList<>();
        for (Match match : plan.matches()) {
            if (!done.contains(match.index())) {
                todo.add(match);
            }
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ran = new AtomicInteger();
        Object sinkLock = new Object();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "parley-tournament");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    // Workers take matches in index order, so an interrupted run has done mostly a prefix.
                    for (int i = next.getAndIncrement(); i < todo.size() && !stopped.get(); i = next.getAndIncrement()) {
                        Match match = todo.get(i);
                        long start = System.nanoTime();
                        NegotiationRecord record = play(match);
                        MatchResult result = measure(match, record, (System.nanoTime() - start) / 1_000_000);
                        // A negotiation under way when stop() came still finishes and is kept.
                        synchronized (sinkLock) {
                            sink.accept(result, record);
                        }
                        ran.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                try {
                    worker.get();
                } catch (ExecutionException e) {
                    stopped.set(true);
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return ran.get();
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
