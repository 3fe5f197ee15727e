package org.parley.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.util.RawValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.parley.core.analysis.Debriefer;
import org.parley.core.analysis.NegotiationDebrief;
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
 * move durable, and the clients waiting for news.
 *
 * <p>The table's lock guards the engine, and nothing slow happens under it: a move is applied to
 * the engine and its events are queued for the record store's writer, and the lock is let go; the
 * mover waits for the commit without it. AI diplomats think on the server's {@link AiPool}, also
 * without the lock (a strategy touches only itself), one call at a time per table, under the
 * negotiation's move time limit. Clients never read the engine: they read the table's {@link State},
 * a snapshot taken with each change and shown once the database has it, so that what anyone sees
 * has been stored, and no view waits for a move.
 *
 * <p>A table whose write failed is {@link #broken()}: its memory may be ahead of the database, so
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

    /**
     * The table as clients see it, as of the last change the database has: immutable, read
     * without the table's lock. The scenario and settings are the table's own.
     */
    static final class State {
        private final Table table;
        private final long version;
        private final List<Event> events;
        private final int published;
        private final List<Request> pending;
        private final Result result;

        private State(Table table, List<Event> events, int published, List<Request> pending, Result result) {
            this.table = table;
            this.events = events;
            this.published = published;
            this.pending = pending;
            this.result = result;
            this.version = events.size() + (result != null ? 1 : 0);
        }

        Table table() {
            return table;
        }

        String id() {
            return table.id;
        }

        Scenario scenario() {
            return table.scenario;
        }

        NegotiationSettings settings() {
            return table.settings;
        }

        /**
         * Grows with every change a client can see: the number of logged events, plus one once ended.
         * Derived from the log, it survives a restart, so a browser reconnecting after one is not
         * handed a view it would take for an old one.
         */
        long version() {
            return version;
        }

        boolean finished() {
            return result != null;
        }

        Result result() {
            return result;
        }

        List<Event> events() {
            return events;
        }

        /** How many events, from the first, every party may see. */
        int published() {
            return published;
        }

        List<Request> pending() {
            return pending;
        }

        Request pending(String party) {
            for (Request request : pending) {
                if (request.party().equals(party)) {
                    return request;
                }
            }
            return null;
        }

        /** Milliseconds left on the time limit, or -1 when there is none. */
        long timeLeftMillis() {
            if (!table.settings.deadline().hasTime()) {
                return -1;
            }
            if (finished()) {
                return 0;
            }
            long left = table.settings.deadline().time().toNanos() - (System.nanoTime() - table.clockStart);
            return Math.max(0, left / 1_000_000);
        }

        /** The debriefing, computed once after the end (the analysis is not free), outside any lock. */
        Debriefs.Debrief debrief() {
            if (!finished()) {
                throw new IllegalStateException("The debriefing exists only after the end.");
            }
            Debriefs.Debrief debrief = table.debrief;
            if (debrief == null) {
                debrief = Debriefs.compute(this);
                table.debrief = debrief;
            }
            return debrief;
        }
    }

    /**
     * What every table of a server shares: the AI workers, the threads that deliver news, the
     * meters, the debriefers of the scenarios.
     */
    record Services(AiPool ai, java.util.concurrent.Executor news, ServerMetrics metrics, Debriefers debriefers,
            WorldGate worlds) {}

    /** Whether a world played in the browser is over: the debriefing of its tables waits for that. */
    interface WorldGate {
        boolean over(String worldId);
    }

    private final String id;
    private final Scenario scenario;
    private final String scenarioText;
    private final NegotiationSettings settings;
    private final TableOptions options;
    private final Negotiation engine;
    private final Journal journal;
    private final Services services;
    /** System.nanoTime() at which the wall clock of a time limit started, as the engine counts it. */
    private final long clockStart;
    private final AtomicReference<State> state = new AtomicReference<>();
    private volatile Debriefs.Debrief debrief;
    private volatile long lastActivity = System.nanoTime();
    private final Map<String, JsonNode> parts = new ConcurrentHashMap<>();

    // Guarded by the table's lock.
    private boolean broken;
    private boolean aiScheduled;
    private CompletableFuture<State> lastWrite;
    private final List<Watcher> watchers = new ArrayList<>();
    private final List<CompletableFuture<Void>> waiters = new ArrayList<>();
    private long idleSince;

    // News: one delivery at a time per table, coalescing changes that come meanwhile.
    private final AtomicBoolean newsScheduled = new AtomicBoolean();
    private long notified;

    private Table(String id, Scenario scenario, String scenarioText, NegotiationSettings settings, TableOptions options,
            Negotiation engine, Journal journal, Services services, double elapsed) {
        this.id = id;
        this.scenario = scenario;
        this.scenarioText = scenarioText;
        this.settings = settings;
        this.options = options;
        this.engine = engine;
        this.journal = journal;
        this.services = services;
        long limit = settings.deadline().hasTime() ? settings.deadline().time().toNanos() : 0;
        this.clockStart = System.nanoTime() - (long) (elapsed * limit);
    }

    /**
     * A new negotiation whose start (with its join links) the caller has queued in the journal:
     * the AI parties begin to play on the pool at once, their moves queued after the start.
     */
    static Table open(String id, Scenario scenario, String scenarioText, NegotiationSettings settings,
            TableOptions options, Negotiation engine, Journal journal, Services services) {
        Table table = new Table(id, scenario, scenarioText, settings, options, engine, journal, services, 0);
        synchronized (table) {
            table.state.set(table.snapshot());
            table.scheduleAi();
        }
        return table;
    }

    /** A running negotiation rebuilt from its stored log; the AI parties then play any moves they still owe. */
    static Table resume(String id, Scenario scenario, String scenarioText, NegotiationSettings settings,
            TableOptions options, List<Event> log, Engines engines, Journal journal, Services services, double elapsed) {
        Negotiation engine = engines.resume(scenario, settings, log, elapsed);
        Table table = new Table(id, scenario, scenarioText, settings, options, engine, journal, services, elapsed);
        synchronized (table) {
            table.state.set(table.snapshot());
            table.engine.session().checkDeadline();
            table.persist();
            table.scheduleAi();
        }
        return table;
    }

    /** A negotiation that had ended when it was loaded: read-only. */
    static Table ended(String id, Scenario scenario, String scenarioText, NegotiationSettings settings,
            TableOptions options, List<Event> log, Result result, Services services) {
        Table table = new Table(id, scenario, scenarioText, settings, options, null, null, services, 1);
        table.state.set(new State(table, List.copyOf(log), log.size(), List.of(), result));
        return table;
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

    /**
     * A piece of the views that never changes once made (the issues, a party's preferences, an
     * offer of the log and its score for a party), made once and shared by every view of the
     * table: views are read-only trees, only ever written out. Without it, each view rebuilt and
     * rescored the whole history for its reader.
     *
     * <p>The piece is kept as its JSON, in UTF-8 ({@link WrittenJson}), written into a view as it
     * is: kept as a tree, the pieces of 2,000 tables held half a million small objects that every
     * young collection copied (pauses of 100–300 ms under load), and each view walked
     * them all again to write them.
     */
    JsonNode part(String key, Supplier<? extends JsonNode> make) {
        JsonNode known = parts.get(key);
        return known != null ? known : parts.computeIfAbsent(key, k -> written(make.get()));
    }

    /** A node that writes itself as the given node's JSON, written once (to UTF-8). */
    static JsonNode written(JsonNode node) {
        return JsonNodeFactory.instance.rawValueNode(new RawValue(new WrittenJson(Views.jsonBytes(node))));
    }

    /** The debriefer of this table's scenario, shared with the other tables of the same scenario. */
    Debriefer debriefer() {
        return services.debriefers().of(scenario, scenarioText);
    }

    NegotiationSettings settings() {
        return settings;
    }

    TableOptions options() {
        return options;
    }

    /**
     * Whether this table's debriefing (everyone's preferences, the chart, the record with the
     * scenario) is held back after its end: it is a negotiation of a world still in play, whose later
     * tables may give the same powers the same seats and preferences.
     */
    boolean debriefWithheld() {
        return options.world() != null && !services.worlds().over(options.world());
    }

    /** What clients see now. */
    State state() {
        return state.get();
    }

    synchronized boolean broken() {
        return broken;
    }

    /** System.nanoTime() of the last move, view or watch: what tells an idle table. */
    long lastActivity() {
        return lastActivity;
    }

    void touch() {
        lastActivity = System.nanoTime();
    }

    /**
     * A person's (or bot's) move, applied at once; the future completes with the state that
     * includes it once it is stored (a {@link StorageException} if the database refused it). A
     * refused move throws at once and leaves the negotiation as it was, except that a deadline
     * found passed ends it. The AI diplomats answer on the pool, and their moves reach the
     * clients by the event stream and long polls.
     */
    CompletableFuture<State> submit(String party, Action action) {
        touch();
        RuntimeException refused = null;
        CompletableFuture<State> stored;
        synchronized (this) {
            requireLive();
            try {
                engine.session().submit(party, action);
            } catch (RuntimeException e) {
                refused = e;
            }
            stored = persist();
            scheduleAi();
        }
        if (refused != null) {
            throw refused;
        }
        return stored;
    }

    /** System.nanoTime() at which the time limit's clock started. */
    long clockStart() {
        return clockStart;
    }

    /**
     * Ends a running negotiation now, without agreement (an organizer calling time); the future
     * completes once that is stored. 409 if it has ended already.
     */
    CompletableFuture<State> stop(String reason) {
        touch();
        synchronized (this) {
            requireLive();
            engine.session().stop(reason);
            return persist();
        }
    }

    /** Ends the negotiation if its time limit has passed. */
    void tick() {
        // Most tables have no time limit: they are passed by without their lock, so that the ticker
        // never waits behind a move (and the moves of the tables after it behind the ticker).
        if (engine == null || !settings.deadline().hasTime()) {
            return;
        }
        synchronized (this) {
            if (broken || engine.finished()) {
                return;
            }
            if (engine.session().checkDeadline()) {
                persist();
            }
        }
    }

    synchronized void watch(Watcher watcher) {
        touch();
        watchers.add(watcher);
    }

    synchronized void unwatch(Watcher watcher) {
        touch();
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

    /** Whether anyone follows the table (an event stream or a long poll) or an AI diplomat is thinking. */
    synchronized boolean busy() {
        return !watchers.isEmpty() || !waiters.isEmpty() || aiScheduled;
    }

    /**
     * Nanoseconds since the ticker first found the negotiation ended with nobody watching it (the
     * clock restarts whenever someone watches), or 0 while it runs or is watched.
     */
    synchronized long idleSinceEnd(long now) {
        if (!state().finished() || !watchers.isEmpty() || !waiters.isEmpty()) {
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
        touch();
        CompletableFuture<Void> future = new CompletableFuture<>();
        if (state().version() > after || broken) {
            future.complete(null);
        } else {
            waiters.add(future);
        }
        return future;
    }

    synchronized void forget(CompletableFuture<Void> waiter) {
        waiters.remove(waiter);
    }

    /** A future that completes once everything queued so far is stored (at once when nothing is). */
    synchronized CompletableFuture<State> stored() {
        return lastWrite == null ? CompletableFuture.completedFuture(state()) : lastWrite;
    }

    // --- the AI diplomats, on the pool ----------------------------------------------------------------

    /** Queues the table on the pool if an AI diplomat may owe a move and none is queued or thinking. */
    private void scheduleAi() {
        if (!aiScheduled && !broken && engine != null && !engine.finished()) {
            aiScheduled = true;
            services.ai().submit(this::aiStep);
        }
    }

    /**
     * A worker's turn at the table: strategy calls one after the other (each taken under the lock,
     * run without it, applied under it again) until no AI diplomat owes a move, or the turn has
     * lasted {@link #AI_TURN_NANOS}, when the table goes to the back of the queue so that one busy
     * table cannot keep a worker from the others. The moves of quick calls are stored together, in
     * one unit at the end of the turn (one commit, one snapshot and one delivery for the AI
     * diplomats' replies to a move, not one per reply); after a call that took a while, its move
     * is stored and shown at once rather than held back behind the next one.
     */
    private void aiStep() {
        long turnStart = System.nanoTime();
        while (true) {
            Negotiation.Call call;
            synchronized (this) {
                aiScheduled = false;
                if (broken || engine.finished()) {
                    persist();
                    return;
                }
                call = engine.nextCall();
                if (call == null) {
                    persist(); // the replies of this turn, or the end a deadline found passed
                    return;
                }
                aiScheduled = true;
            }
            Duration limit = engine.moveTimeLimit();
            AiPool.Watch watch = limit == null ? null : services.ai().watch(limit.toNanos(), () -> abandon(call));
            call.run();
            if (watch != null && !services.ai().unwatch(watch)) {
                return; // the watchdog gave the call up and carried the table on
            }
            if (!call.isStart()) {
                services.metrics().aiMove(call.elapsedNanos());
            }
            synchronized (this) {
                engine.complete(call);
                if (System.nanoTime() - turnStart > AI_TURN_NANOS) {
                    persist();
                    aiScheduled = false;
                    scheduleAi();
                    return;
                }
                if (call.elapsedNanos() > AI_SLOW_CALL_NANOS) {
                    persist();
                }
            }
        }
    }

    /** A strategy call longer than this has its move stored at once, not with the rest of the turn. */
    private static final long AI_SLOW_CALL_NANOS = 2_000_000L;

    /** How long a worker stays at one table before it lets the others' AI diplomats in. */
    private static final long AI_TURN_NANOS = 20_000_000L;

    /** The watchdog's: the call overran the move time limit; its party leaves the table and the others go on. */
    private void abandon(Negotiation.Call call) {
        LOG.info("negotiation {}: the AI diplomat of {} overran its move time limit and leaves the table", id,
                call.party());
        services.metrics().aiMove(engine.moveTimeLimit().toNanos());
        synchronized (this) {
            engine.abandon(call);
            persist();
            aiScheduled = false;
            scheduleAi();
        }
    }

    // --- storing and telling -------------------------------------------------------------------------------

    /**
     * Queues whatever is new in the engine for the database, and returns the future of the state
     * that holds it, shown to clients once stored. Call under the lock.
     */
    private CompletableFuture<State> persist() {
        if (engine == null || broken) {
            return stored();
        }
        List<Event> events = engine.session().events();
        Result result = engine.result();
        if (!journal.hasNews(events, result)) {
            return stored();
        }
        State next = snapshot();
        int ai = 0;
        for (int i = journal.queued(); i < events.size(); i++) {
            if (byMachine(events.get(i))) {
                ai++;
            }
        }
        int human = events.size() - journal.queued() - ai;
        int byAi = ai;
        // The debrief is worked out as the negotiation ends (once), so that the stored record keeps it.
        NegotiationDebrief judged = result == null ? null : next.debrief().judged();
        CompletableFuture<State> installed = journal.write(events, result, judged).handle((ignored, failure) -> {
            if (failure != null) {
                fail(failure);
                throw new CompletionException(new StorageException("The move could not be saved ("
                        + rootMessage(failure) + "); reload the page and try again.", failure));
            }
            services.metrics().moves(true, byAi);
            services.metrics().moves(false, human);
            install(next);
            return next;
        });
        lastWrite = installed;
        return installed;
    }

    /** The engine's state now, for clients once it is stored. Call under the lock. */
    private State snapshot() {
        return new State(this, List.copyOf(engine.session().events()), engine.session().published(),
                List.copyOf(engine.session().pending()), engine.result());
    }

    private void install(State next) {
        State now = state.getAndUpdate(current -> next.version() > current.version() ? next : current);
        if (next.version() > now.version()) {
            news();
        }
    }

    private void fail(Throwable failure) {
        List<CompletableFuture<Void>> wake;
        synchronized (this) {
            if (broken) {
                return;
            }
            broken = true;
            wake = List.copyOf(waiters);
            waiters.clear();
        }
        services.metrics().storeError();
        LOG.error("negotiation {}: the record store refused a write: {}", id, rootMessage(failure));
        services.news().execute(() -> wake.forEach(w -> w.complete(null)));
    }

    /** Hands the newest state to every watcher and long poll, on the news thread, one delivery at a time. */
    private void news() {
        if (newsScheduled.compareAndSet(false, true)) {
            services.news().execute(this::deliver);
        }
    }

    private void deliver() {
        while (true) {
            State now = state();
            if (now.version() > notified) {
                List<Watcher> following;
                List<CompletableFuture<Void>> wake;
                synchronized (this) {
                    following = List.copyOf(watchers);
                    wake = List.copyOf(waiters);
                    waiters.clear();
                }
                for (Watcher watcher : following) {
                    try {
                        watcher.send(Views.json(Views.view(now, watcher.access())));
                    } catch (RuntimeException e) {
                        LOG.info("negotiation {}: a client's event stream failed: {}", id, e.toString());
                    }
                }
                wake.forEach(w -> w.complete(null));
                notified = now.version();
            }
            newsScheduled.set(false);
            if (state().version() <= notified || !newsScheduled.compareAndSet(false, true)) {
                return;
            }
        }
    }

    /** Whether an AI diplomat (or single-text mediation's mediator) made the move. */
    private boolean byMachine(Event event) {
        return Event.MEDIATOR.equals(event.party()) || !settings.strategy(event.party()).isHuman();
    }

    private void requireLive() {
        if (broken) {
            throw new ApiException(503, null, "This negotiation is being reloaded after a storage error; try again.");
        }
        if (engine == null || engine.finished()) {
            Result result = engine == null ? state().result() : engine.result();
            throw ApiException.conflict("The negotiation has ended (" + result.reason() + "); no more moves.");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root instanceof CompletionException && root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** The record store refused a write: the move is not acknowledged. */
    static final class StorageException extends RuntimeException {
        StorageException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
