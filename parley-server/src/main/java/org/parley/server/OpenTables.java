package org.parley.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.parley.core.engine.Negotiation;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.io.ScenarioReader;
import org.parley.io.json.NegotiationJson;
import org.parley.store.AccessGrant;
import org.parley.store.StoredNegotiation;
import org.parley.store.RecordStatus;
import org.parley.store.RecordStore;

/**
 * The negotiations the server holds, by id, and the join links, by token hash. Both are caches of
 * the record store: a negotiation not in memory (after a restart, or after a storage error) is
 * loaded from its stored log on first use and resumed where it was, AI diplomats included.
 */
final class OpenTables implements AutoCloseable {

    /**
     * A new negotiation's join links: each human party's token, and the observer's; {@code stored}
     * completes once its start is in the database (the links work from then on).
     */
    record Created(Table table, Map<String, String> partyTokens, String observerToken, CompletableFuture<Void> stored) {}

    private final RecordStore store;
    private final ServerMetrics metrics;
    private final AiPool ai;
    private final ExecutorService news;
    private final Table.Services services;
    /** Threads that send new views to event streams and wake long polls: a slow client holds only one. */
    private static final int NEWS_THREADS = 4;
    private final Engines engines;
    private final BuiltInScenarios builtIns;
    private final Tokens tokens = new Tokens();
    private final Map<String, Table> tables = new ConcurrentHashMap<>();
    private final Map<String, AccessGrant> grants = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker;
    private static final long EVICT_AFTER_NANOS = TimeUnit.MINUTES.toNanos(10);
    /** How often event streams get a keep-alive comment: well inside a proxy's usual 60 s read timeout. */
    static final long PING_NANOS = TimeUnit.SECONDS.toNanos(15);
    private long lastPing = System.nanoTime();

    OpenTables(RecordStore store, Engines engines, BuiltInScenarios builtIns, ServerMetrics metrics, int aiWorkers) {
        this.store = store;
        this.engines = engines;
        this.builtIns = builtIns;
        this.metrics = metrics;
        this.ai = new AiPool(aiWorkers);
        this.news = Executors.newFixedThreadPool(NEWS_THREADS, r -> {
            Thread t = new Thread(r, "parley-news");
            t.setDaemon(true);
            return t;
        });
        this.services = new Table.Services(ai, news, metrics);
        metrics.negotiations(() -> tables.values().stream().filter(t -> !t.state().finished()).count(), tables::size);
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parley-deadlines");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, 250, 250, TimeUnit.MILLISECONDS);
    }

    Engines engines() {
        return engines;
    }

    BuiltInScenarios builtIns() {
        return builtIns;
    }

    Tokens tokens() {
        return tokens;
    }

    Created create(Scenario scenario, String scenarioText, NegotiationSettings settings) {
        // The engine checks the settings (strategies, protocol, agreement rule) before anything is stored.
        Negotiation engine = engines.start(scenario, settings);
        String id = tokens.id();
        Map<String, String> partyTokens = new LinkedHashMap<>();
        List<AccessGrant> newGrants = new ArrayList<>();
        for (String party : scenario.partyNames()) {
            if (settings.strategy(party).isHuman()) {
                String token = tokens.next();
                partyTokens.put(party, token);
                newGrants.add(new AccessGrant(Tokens.hash(token), id, AccessGrant.PARTY, party));
            }
        }
        String observerToken = tokens.next();
        newGrants.add(new AccessGrant(Tokens.hash(observerToken), id, AccessGrant.OBSERVER, null));
        CompletableFuture<Void> stored = Journal.start(store, id, scenario, scenarioText, settings, newGrants);
        Journal journal = new Journal(store, id, scenario, 0, false);
        Table table = Table.open(id, scenario, scenarioText, settings, engine, journal, services);
        tables.put(id, table);
        stored = stored.whenComplete((ok, failure) -> {
            if (failure == null) {
                for (AccessGrant grant : newGrants) {
                    grants.put(grant.tokenHash(), grant);
                }
            }
        });
        return new Created(table, partyTokens, observerToken, stored);
    }

    /** Whom a token lets in, or an {@link ApiException} 401. */
    AccessGrant authenticate(String token) {
        if (token == null || token.isBlank()) {
            throw new ApiException(401, null, "This needs a join link's token: send it as \"Authorization: Bearer"
                    + " TOKEN\" (or ?token=TOKEN for the event stream).");
        }
        if (!Tokens.wellFormed(token)) {
            throw new ApiException(401, null, "The token is not a Parley join token (43 characters of A-Z, a-z, 0-9,"
                    + " - and _); check the link.");
        }
        String hash = Tokens.hash(token);
        AccessGrant grant = grants.get(hash);
        if (grant == null) {
            grant = store.access(hash).orElseThrow(() -> new ApiException(401, null,
                    "Unknown token: this link does not open any negotiation here; check the link."));
            grants.put(hash, grant);
        }
        return grant;
    }

    /** The negotiation, loaded from the store if it is not in memory. */
    Table table(String id) {
        Table table = tables.get(id);
        if (table != null && table.broken()) {
            tables.remove(id, table);
            table = null;
        }
        if (table == null) {
            table = tables.computeIfAbsent(id, this::load);
        }
        return table;
    }

    int loaded() {
        return tables.size();
    }

    private Table load(String id) {
        StoredNegotiation record = store.find(id)
                .orElseThrow(() -> new ApiException(404, null, "No negotiation (" + id + ") here."));
        Scenario scenario = scenario(record.scenario(), record.scenarioName());
        NegotiationSettings settings = NegotiationJson.readSettings(record.settings());
        NegotiationJson json = NegotiationJson.of(scenario.domain());
        List<Event> log = new ArrayList<>();
        for (String payload : store.events(id)) {
            log.add(json.readEvent(payload));
        }
        if (record.status() == RecordStatus.RUNNING) {
            Journal journal = new Journal(store, id, scenario, log.size(), false);
            double elapsed = log.isEmpty() ? 0 : log.get(log.size() - 1).time();
            return Table.resume(id, scenario, record.scenario(), settings, log, engines, journal, services, elapsed);
        }
        if (record.result() == null) {
            throw new ApiException(410, null, "The negotiation (" + id + ") was aborted; it has no result.");
        }
        return Table.ended(id, scenario, record.scenario(), settings, log, json.readResult(record.result()), services);
    }

    /** The stored scenario; a built-in one is shared, so that its bid spaces are built once. */
    private Scenario scenario(String text, String name) {
        BuiltInScenarios.Entry builtIn = builtIns.get(name);
        if (builtIn != null && builtIn.text().equals(text)) {
            return builtIn.scenario();
        }
        return ScenarioReader.read(text, name + ".yaml");
    }

    private void tick() {
        long now = System.nanoTime();
        boolean ping = now - lastPing > PING_NANOS;
        if (ping) {
            lastPing = now;
        }
        for (Table table : tables.values()) {
            if (ping) {
                table.ping();
            }
            try {
                table.tick();
            } catch (RuntimeException e) {
                // A storage error marks the table broken; it is reloaded on next use.
            }
            // An ended negotiation nobody watches leaves memory after a while; the store keeps it.
            if (table.idleSinceEnd(now) > EVICT_AFTER_NANOS) {
                tables.remove(table.id(), table);
            }
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        ai.close();
        news.shutdown();
    }
}
