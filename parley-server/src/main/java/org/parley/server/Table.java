package org.parley.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.parley.core.engine.Negotiation;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Request;
import org.parley.core.negotiation.Result;
import org.parley.store.AccessGrant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One negotiation the server holds: the engine with its AI diplomats, the journal that makes every
 * move durable, and the clients waiting for news. Every method is synchronized: one move at a time
 * per table, while different tables run in parallel.
 *
 * <p>A table whose journal failed is {@link #broken()}: its memory may be ahead of the database, so
 * the registry drops it and the next request reloads it from the record store, which holds exactly
 * what was acknowledged.
 */
final class Table {

    private static final Logger LOG = LoggerFactory.getLogger(Table.class);

    /** A client following the table: whom it sees as, and how to hand it a new view. */
    interface Watcher {
        AccessGrant access();

        void send(String view);

        /** A comment on the stream, so that proxies and browsers see it alive while nothing happens. */
        void ping();
    }

    private final String id;
    private final Scenario scenario;
    private final String scenarioText;
    private final NegotiationSettings settings;
    private final Negotiation engine;
    private final Journal journal;
    private final ServerMetrics metrics;
    /** For a negotiation loaded after its end: the stored log and result; the engine is null. */
    private final List<Event> endedEvents;
    private final Result endedResult;
    /** System.nanoTime() at which the wall clock of a time limit started, as the engine counts it. */
    private final long clockStart;

    private long idleSince;
    private boolean broken;
    private final List<Watcher> watchers = new ArrayList<>();
    private final List<CompletableFuture<Void>> waiters = new ArrayList<>();
    private Debriefs.Debrief debrief;

    private Table(String id, Scenario scenario, String scenarioText, NegotiationSettings settings, Negotiation engine,
            Journal journal, ServerMetrics metrics, List<Event> endedEvents, Result endedResult, double elapsed) {
        this.metrics = metrics;
        this.id = id;
        this.scenario = scenario;
        this.scenarioText = scenarioText;
        this.settings = settings;
        this.engine = engine;
        this.journal = journal;
        this.endedEvents = endedEvents;
        this.endedResult = endedResult;
        long limit = settings.deadline().hasTime() ? settings.deadline().time().toNanos() : 0;
        this.clockStart = System.nanoTime() - (long) (elapsed * limit);
    }

    /** A new negotiation: stored with its join links, then the AI parties play until a person must move. */
    static Table open(String id, Scenario scenario, String scenarioText, NegotiationSettings settings,
            Negotiation engine, Journal journal, ServerMetrics metrics) {
        Table table = new Table(id, scenario, scenarioText, settings, engine, journal, metrics, null, null, 0);
        synchronized (table) {
            table.advance();
            table.sync();
        }
        return table;
    }

    /** A running negotiation rebuilt from its stored log; the AI parties then play any moves they still owe. */
    static Table resume(String id, Scenario scenario, String scenarioText, NegotiationSettings settings,
            List<Event> log, Engines engines, Journal journal, ServerMetrics metrics) {
        Negotiation engine = engines.resume(scenario, settings, log);
        double elapsed = log.isEmpty() ? 0 : log.get(log.size() - 1).time();
        Table table = new Table(id, scenario, scenarioText, settings, engine, journal, metrics, null, null, elapsed);
        synchronized (table) {
            table.engine.session().checkDeadline();
            table.advance();
            table.sync();
        }
        return table;
    }

    /** A negotiation that had ended when it was loaded: read-only. */
    static Table ended(String id, Scenario scenario, String scenarioText, NegotiationSettings settings, List<Event> log,
            Result result) {
        return new Table(id, scenario, scenarioText, settings, null, null, null, List.copyOf(log), result, 1);
    }

    String id() {
        return id;
    }

    Scenario scenario() {
        return scenario;
    }

    String scenarioText() {
        return scenarioText;
    }

    NegotiationSettings settings() {
        return settings;
    }

    /**
     * Grows with every change a client can see: the number of logged events, plus one once ended.
     * Derived from the log, it survives a restart, so a browser reconnecting after one is not
     * handed a view it would take for an old one.
     */
    synchronized long version() {
        return (engine == null ? endedEvents.size() : engine.session().events().size()) + (finished() ? 1 : 0);
    }

    synchronized boolean broken() {
        return broken;
    }

    synchronized boolean finished() {
        return engine == null || engine.finished();
    }

    synchronized Result result() {
        return engine == null ? endedResult : engine.result();
    }

    synchronized List<Event> events() {
        return engine == null ? endedEvents : List.copyOf(engine.session().events());
    }

    /** How many events, from the first, every party may see. */
    synchronized int published() {
        return engine == null ? endedEvents.size() : engine.session().published();
    }

    synchronized Request pending(String party) {
        return engine == null ? null : engine.session().pending(party);
    }

    synchronized List<Request> pending() {
        return engine == null ? List.of() : engine.session().pending();
    }

    /** Milliseconds left on the time limit, or -1 when there is none. */
    synchronized long timeLeftMillis() {
        if (!settings.deadline().hasTime()) {
            return -1;
        }
        if (finished()) {
            return 0;
        }
        long left = settings.deadline().time().toNanos() - (System.nanoTime() - clockStart);
        return Math.max(0, left / 1_000_000);
    }

    /**
     * A person's (or bot's) move. Refused moves leave the negotiation as it was, except that a
     * deadline found passed ends it. Returns once every resulting event is stored.
     */
    void submit(String party, Action action) {
        List<Runnable> news = List.of();
        RuntimeException refused = null;
        synchronized (this) {
            requireLive();
            int before = engine.session().events().size();
            try {
                engine.session().submit(party, action);
            } catch (RuntimeException e) {
                refused = e;
            }
            if (refused == null) {
                advance();
            }
            sync();
            if (engine.session().events().size() != before || engine.finished()) {
                news = changed();
            }
        }
        news.forEach(Runnable::run);
        if (refused != null) {
            throw refused;
        }
    }

    /** Ends the negotiation if its time limit has passed. */
    void tick() {
        List<Runnable> news = List.of();
        synchronized (this) {
            if (engine == null || broken || engine.finished() || !settings.deadline().hasTime()) {
                return;
            }
            if (engine.session().checkDeadline()) {
                sync();
                news = changed();
            }
        }
        news.forEach(Runnable::run);
    }

    synchronized void watch(Watcher watcher) {
        watchers.add(watcher);
    }

    synchronized void unwatch(Watcher watcher) {
        watchers.remove(watcher);
    }

    /** Pings every watcher (outside the lock: a slow client must not hold the table). */
    void ping() {
        List<Watcher> all;
        synchronized (this) {
            all = List.copyOf(watchers);
        }
        all.forEach(Watcher::ping);
    }

    synchronized int watcherCount() {
        return watchers.size();
    }

    /**
     * Nanoseconds since the ticker first found the negotiation ended with nobody watching it (the
     * clock restarts whenever someone watches), or 0 while it runs or is watched.
     */
    synchronized long idleSinceEnd(long now) {
        if (!finished() || !watchers.isEmpty() || !waiters.isEmpty()) {
            idleSince = 0;
            return 0;
        }
        if (idleSince == 0) {
            idleSince = now;
        }
        return now - idleSince;
    }

    /** Completes when the version passes {@code after} (at once if it already has). */
    synchronized CompletableFuture<Void> changeAfter(long after) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        if (version() > after || broken) {
            future.complete(null);
        } else {
            waiters.add(future);
        }
        return future;
    }

    synchronized void forget(CompletableFuture<Void> waiter) {
        waiters.remove(waiter);
    }

    /** The debriefing, computed once after the end (the analysis is not free). */
    synchronized Debriefs.Debrief debrief() {
        if (!finished()) {
            throw new IllegalStateException("The debriefing exists only after the end.");
        }
        if (debrief == null) {
            debrief = Debriefs.compute(this);
        }
        return debrief;
    }

    /** Builds each watcher's view under the lock; the returned tasks send them and wake long polls, outside it. */
    private List<Runnable> changed() {
        List<Runnable> news = new ArrayList<>();
        for (Watcher watcher : List.copyOf(watchers)) {
            String view = Views.json(Views.view(this, watcher.access()));
            news.add(() -> watcher.send(view));
        }
        for (CompletableFuture<Void> waiter : waiters) {
            news.add(() -> waiter.complete(null));
        }
        waiters.clear();
        return news;
    }

    private void requireLive() {
        if (broken) {
            throw new ApiException(503, null, "This negotiation is being reloaded after a storage error; try again.");
        }
        if (engine == null || engine.finished()) {
            throw ApiException.conflict("The negotiation has ended (" + result().reason() + "); no more moves.");
        }
    }

    /** The AI parties play until a person must move; their time is measured per move. */
    private void advance() {
        int before = engine.session().events().size();
        long start = System.nanoTime();
        engine.advance();
        long elapsed = System.nanoTime() - start;
        List<Event> events = engine.session().events();
        int ai = 0;
        for (int i = before; i < events.size(); i++) {
            if (byMachine(events.get(i))) {
                ai++;
            }
        }
        for (int i = 0; i < ai; i++) {
            metrics.aiMove(elapsed / ai);
        }
    }

    /** Whether an AI diplomat (or single-text mediation's mediator) made the move. */
    private boolean byMachine(Event event) {
        return Event.MEDIATOR.equals(event.party()) || !settings.strategy(event.party()).isHuman();
    }

    private void sync() {
        int before = journal.stored();
        try {
            // Worked out as the negotiation ends, so that the stored record keeps its debrief.
            journal.sync(engine.session().events(), engine.result(),
                    engine.result() == null ? null : debrief().judged());
            List<Event> events = engine.session().events();
            int ai = 0;
            for (int i = before; i < events.size(); i++) {
                if (byMachine(events.get(i))) {
                    ai++;
                }
            }
            metrics.moves(true, ai);
            metrics.moves(false, events.size() - before - ai);
        } catch (RuntimeException e) {
            metrics.storeError();
            LOG.error("negotiation {}: the record store refused a write: {}", id, e.toString());
            broken = true;
            for (CompletableFuture<Void> waiter : waiters) {
                waiter.complete(null);
            }
            waiters.clear();
            throw new StorageException("The move could not be saved (" + e.getMessage() + "); reload the page and"
                    + " try again.", e);
        }
    }

    /** The record store refused a write: the move is not acknowledged. */
    static final class StorageException extends RuntimeException {
        StorageException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
