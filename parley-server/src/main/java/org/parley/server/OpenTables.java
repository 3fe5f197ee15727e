package org.parley.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.parley.store.ClassSession;
import org.parley.store.Write;
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
    private final ServerOptions options;
    private final RateLimiter creations;
    private final RateLimiter moves;
    private final Organizers organizers;
    /** Running negotiations, in memory or not (those of an earlier run of the server count once loaded). */
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    /**
     * The time-limit clocks of running negotiations put out of memory: id to the System.nanoTime()
     * at which their clock started. Their time goes on, and the ticker loads one whose time is up.
     */
    private final Map<String, Long> evictedClocks = new ConcurrentHashMap<>();
    private final ServerMetrics metrics;
    private final AiPool ai;
    private final ExecutorService news;
    private final Table.Services services;
    /** Threads that send new views to event streams and wake long polls: a slow client holds only one. */
    private static final int NEWS_THREADS = 4;
    private final Engines engines;
    private final BuiltInScenarios builtIns;
    private final Tokens tokens = new Tokens();
    /**
     * The worlds played in the browser, which are set up after the tables they create: until then
     * no world is over, so a world table's debriefing stays withheld.
     */
    private volatile Table.WorldGate worlds = world -> false;
    private final Map<String, Table> tables = new ConcurrentHashMap<>();
    private final Map<String, AccessGrant> grants = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker;
    private static final long EVICT_AFTER_NANOS = TimeUnit.MINUTES.toNanos(10);
    /** How often event streams get a keep-alive comment: well inside a proxy's usual 60 s read timeout. */
    static final long PING_NANOS = TimeUnit.SECONDS.toNanos(15);
    private long lastPing = System.nanoTime();

    OpenTables(RecordStore store, Engines engines, BuiltInScenarios builtIns, ServerMetrics metrics,
            ServerOptions options) {
        this.options = options;
        this.creations = new RateLimiter(options.createRate(), "new negotiations");
        this.moves = new RateLimiter(options.moveRate(), "moves from one join link");
        this.organizers = new Organizers(options.organizerKeys());
        int aiWorkers = options.aiWorkers();
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
        this.services = new Table.Services(ai, news, metrics, new Debriefers(), world -> worlds.over(world));
        metrics.negotiations(() -> tables.values().stream().filter(t -> !t.state().finished()).count(), tables::size);
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parley-deadlines");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, 250, 250, TimeUnit.MILLISECONDS);
    }

    /** Says whose worlds are over, for the debriefing of their tables ({@link Table#debriefWithheld()}). */
    void worlds(Table.WorldGate gate) {
        this.worlds = gate;
    }

    RecordStore store() {
        return store;
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

    Created create(Scenario scenario, String scenarioText, NegotiationSettings settings, String organizerHash) {
        return create(scenario, scenarioText, settings, organizerHash, TableOptions.DEFAULT);
    }

    Created create(Scenario scenario, String scenarioText, NegotiationSettings settings, String organizerHash,
            TableOptions tableOptions) {
        return create(scenario, scenarioText, settings, organizerHash, tableOptions, Map.of(), id -> List.of());
    }

    /**
     * A new negotiation whose human parties in {@code givenTokens} get those tokens (derived ones,
     * that their holder can be given again) instead of fresh ones, and whose start is stored in one
     * unit with the writes {@code alongside} gives for its id (a world's step that links to it).
     */
    Created create(Scenario scenario, String scenarioText, NegotiationSettings settings, String organizerHash,
            TableOptions tableOptions, Map<String, String> givenTokens,
            java.util.function.Function<String, List<Write>> alongside) {
        if (running.size() >= options.maxRunning()) {
            throw new ApiException(503, null, "This server runs " + running.size() + " negotiations, its limit; an"
                    + " organizer can end some on the organizer's page, or try again later.").retryAfter(60);
        }
        // The engine checks the settings (strategies, protocol, agreement rule) before anything is stored.
        Negotiation engine = engines.start(scenario, settings);
        String id = tokens.id();
        Map<String, String> partyTokens = new LinkedHashMap<>();
        List<AccessGrant> newGrants = new ArrayList<>();
        for (String party : scenario.partyNames()) {
            if (settings.strategy(party).isHuman()) {
                String token = givenTokens.containsKey(party) ? givenTokens.get(party) : tokens.next();
                partyTokens.put(party, token);
                newGrants.add(new AccessGrant(Tokens.hash(token), id, AccessGrant.PARTY, party));
            }
        }
        String observerToken = tokens.next();
        newGrants.add(new AccessGrant(Tokens.hash(observerToken), id, AccessGrant.OBSERVER, null));
        List<Write> unit = new ArrayList<>();
        unit.add(Journal.startWrite(id, scenario, scenarioText, settings, tableOptions, newGrants, organizerHash));
        unit.addAll(alongside.apply(id));
        CompletableFuture<Void> stored = store.commit(unit);
        Journal journal = new Journal(store, id, scenario, 0, false);
        Table table = Table.open(id, scenario, scenarioText, settings, tableOptions, engine, journal, services);
        tables.put(id, table);
        running.add(id);
        stored = stored.whenComplete((ok, failure) -> {
            if (failure == null) {
                for (AccessGrant grant : newGrants) {
                    grants.put(grant.tokenHash(), grant);
                }
            }
        });
        return new Created(table, partyTokens, observerToken, stored);
    }

    /**
     * One table of a class to set up: its settings and options, its observer link's token, and each
     * student seat's join code (party to code, in its printed form).
     */
    record ClassTableSpec(NegotiationSettings settings, TableOptions options, String observerToken,
            Map<String, String> codes) {}

    /**
     * Sets up a class's tables at once: each table's start with its join codes and observer link,
     * and the class ({@code session}, given the tables' ids in order) in one unit, stored whole or
     * not at all; the future completes once it is. Every table's settings are checked by the engine
     * before anything is stored. The AI diplomats begin at once, their moves queued after the unit.
     */
    CreatedClass createClass(Scenario scenario, String scenarioText, List<ClassTableSpec> specs, String organizerHash,
            java.util.function.Function<List<String>, ClassSession> session) {
        if (running.size() + specs.size() > options.maxRunning()) {
            throw new ApiException(503, null, "This server runs " + running.size() + " negotiations and may run "
                    + options.maxRunning() + "; a class of " + specs.size() + " tables does not fit. An organizer can"
                    + " end some on the organizer's page, or try again later.").retryAfter(60);
        }
        List<Negotiation> engines = new ArrayList<>();
        for (ClassTableSpec spec : specs) {
            engines.add(this.engines.start(scenario, spec.settings()));
        }
        List<String> ids = new ArrayList<>();
        List<Write> unit = new ArrayList<>();
        List<AccessGrant> newGrants = new ArrayList<>();
        for (ClassTableSpec spec : specs) {
            String id = tokens.id();
            ids.add(id);
            List<AccessGrant> grants = new ArrayList<>();
            spec.codes().forEach((party, code) -> grants.add(new AccessGrant(JoinCodes.hash(code), id, AccessGrant.PARTY,
                    party)));
            grants.add(new AccessGrant(Tokens.hash(spec.observerToken()), id, AccessGrant.OBSERVER, null));
            unit.add(Journal.startWrite(id, scenario, scenarioText, spec.settings(), spec.options(), grants,
                    organizerHash));
            newGrants.addAll(grants);
        }
        ClassSession created = session.apply(ids);
        unit.add(new Write.ClassStart(created));
        CompletableFuture<Void> stored = store.commit(unit);
        for (int t = 0; t < specs.size(); t++) {
            String id = ids.get(t);
            Journal journal = new Journal(store, id, scenario, 0, false);
            tables.put(id, Table.open(id, scenario, scenarioText, specs.get(t).settings(), specs.get(t).options(),
                    engines.get(t), journal, services));
            running.add(id);
        }
        return new CreatedClass(created, stored.whenComplete((ok, failure) -> {
            if (failure == null) {
                for (AccessGrant grant : newGrants) {
                    grants.put(grant.tokenHash(), grant);
                }
            }
        }));
    }

    /** A class set up: as stored, and the future that completes once it is. */
    record CreatedClass(ClassSession session, CompletableFuture<Void> stored) {}

    /** The class sessions an organizer set up, newest first. */
    List<ClassSession> classesOrganizedBy(String organizerHash, int limit) {
        return store.classesOrganizedBy(organizerHash, limit);
    }

    /** A stored class session, or a 404. */
    ClassSession classSession(String id) {
        return store.findClass(id).orElseThrow(() -> new ApiException(404, null, "No class (" + id + ") here."));
    }

    /** Whom a token lets in, or an {@link ApiException} 401. */
    AccessGrant authenticate(String token) {
        if (token == null || token.isBlank()) {
            throw new ApiException(401, null, "This needs a join link's token: send it as \"Authorization: Bearer"
                    + " TOKEN\" (or ?token=TOKEN for the event stream).");
        }
        String hash;
        if (Tokens.wellFormed(token)) {
            hash = Tokens.hash(token);
        } else if (JoinCodes.canonical(token) != null) {
            // A class seat's join code opens its seat as a link's token does.
            hash = JoinCodes.hash(JoinCodes.canonical(token));
        } else {
            throw new ApiException(401, null, "The token is not a Parley join token (43 characters of A-Z, a-z, 0-9,"
                    + " - and _) nor a class's join code (like K7MQ4-XZP2H); check the link.");
        }
        AccessGrant grant = grants.get(hash);
        if (grant == null) {
            grant = store.access(hash).orElseThrow(() -> new ApiException(401, null,
                    "Unknown token: this link (or join code) does not open any negotiation here; check it."));
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
        TableOptions tableOptions = TableOptions.read(record.settings());
        NegotiationJson json = NegotiationJson.of(scenario.domain());
        List<Event> log = new ArrayList<>();
        for (String payload : store.events(id)) {
            log.add(json.readEvent(payload));
        }
        if (record.status() == RecordStatus.RUNNING) {
            Journal journal = new Journal(store, id, scenario, log.size(), false);
            double elapsed = log.isEmpty() ? 0 : log.get(log.size() - 1).time();
            Long clockStart = evictedClocks.remove(id);
            if (clockStart != null && settings.deadline().hasTime()) {
                // Only out of memory, not stopped: its time ran on.
                elapsed = Math.max(elapsed, (System.nanoTime() - clockStart) / (double) settings.deadline().time().toNanos());
            }
            running.add(id);
            return Table.resume(id, scenario, record.scenario(), settings, tableOptions, log, engines, journal, services,
                    elapsed);
        }
        if (record.result() == null) {
            throw new ApiException(410, null, "The negotiation (" + id + ") was aborted; it has no result.");
        }
        return Table.ended(id, scenario, record.scenario(), settings, tableOptions, log, json.readResult(record.result()),
                services);
    }

    /** The stored scenario; a built-in one is shared, so that its bid spaces are built once. */
    private Scenario scenario(String text, String name) {
        BuiltInScenarios.Entry builtIn = builtIns.get(name);
        if (builtIn != null && builtIn.text().equals(text)) {
            return builtIn.scenario();
        }
        return ScenarioReader.read(text, name + ".yaml");
    }

    RateLimiter creations() {
        return creations;
    }

    RateLimiter moves() {
        return moves;
    }

    Organizers organizers() {
        return organizers;
    }

    /** Running negotiations, in memory or not. */
    int running() {
        return running.size();
    }

    /** The negotiations an organizer set up, newest first. */
    List<StoredNegotiation> organizedBy(String organizerHash, int limit) {
        return store.organizedBy(organizerHash, limit);
    }

    /** Whether this organizer set up that negotiation. */
    boolean organized(String organizerHash, String id) {
        return store.organizedBy(organizerHash, Integer.MAX_VALUE).stream().anyMatch(r -> r.id().equals(id));
    }

    private void tick() {
        long now = System.nanoTime();
        // Running negotiations out of memory whose time is up are loaded, and so ended and stored.
        for (Map.Entry<String, Long> clock : evictedClocks.entrySet()) {
            try {
                StoredNegotiation record = null;
                Table loaded = tables.get(clock.getKey());
                if (loaded == null) {
                    record = store.find(clock.getKey()).orElse(null);
                }
                if (record == null) {
                    evictedClocks.remove(clock.getKey());
                    continue;
                }
                NegotiationSettings settings = NegotiationJson.readSettings(record.settings());
                if (now - clock.getValue() >= settings.deadline().time().toNanos()) {
                    table(clock.getKey());
                }
            } catch (RuntimeException e) {
                evictedClocks.remove(clock.getKey());
            }
        }
        boolean ping = now - lastPing > PING_NANOS;
        if (ping) {
            lastPing = now;
            creations.forgetFull();
            moves.forgetFull();
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
            Table.State state = table.state();
            if (state.finished()) {
                running.remove(table.id());
                if (table.idleSinceEnd(now) > EVICT_AFTER_NANOS) {
                    tables.remove(table.id(), table);
                }
            } else if (now - table.lastActivity() > options.evictIdle().toNanos() && !table.busy()
                    && table.stored().isDone() && !table.broken()) {
                // So does a running one nobody follows: it is reloaded from its log on next use.
                if (table.settings().deadline().hasTime()) {
                    evictedClocks.put(table.id(), table.clockStart());
                }
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
