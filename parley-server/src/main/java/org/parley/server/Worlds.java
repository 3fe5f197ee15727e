package org.parley.server;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.parley.core.engine.BidSpaceCache;
import org.parley.core.engine.Negotiation;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.NegotiationRecord;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Result;
import org.parley.core.world.World;
import org.parley.core.world.WorldPlay;
import org.parley.core.world.WorldResult;
import org.parley.io.FormatException;
import org.parley.io.ScenarioWriter;
import org.parley.io.json.NegotiationJson;
import org.parley.store.Archive;
import org.parley.store.RecordStatus;
import org.parley.store.RecordStore;
import org.parley.store.StoredNegotiation;
import org.parley.store.StoredWorld;
import org.parley.store.Write;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worlds people play in the browser (docs/worlds.md, "Playing a world in the browser"): one
 * person plays one power through a world's schedule. A negotiation where that power takes part
 * becomes an ordinary table of the server, the power's seat human and the others AI; one without it
 * is played by the AI alone on a worker thread of its own, off every request. After an agreement the
 * person signed, the world waits for their decision to honour or breach it; the AI powers decide by
 * their policies, at the same time.
 *
 * <p>A world is stored as it goes ({@link StoredWorld}): the world file (or the built-in world's
 * name), the seed and the person's power when it begins; each negotiation, with its stored record,
 * before the world moves past it; each decision before it is acknowledged. The world in memory is a
 * cache: one not in memory (after a restart, or put out of memory when idle) is rebuilt on first use
 * by replaying {@link WorldPlay} over the stored negotiations' results and the decisions, which is
 * exact because the world's play is deterministic given them. A replay that does not match what was
 * stored (the world file or a scenario changed since) is refused with the reason, not carried on.
 */
final class Worlds implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Worlds.class);

    /** At most this many negotiations in a world played in the browser: a person plays it through. */
    static final int MAX_NEGOTIATIONS = 200;

    private final OpenTables tables;
    private final RecordStore store;
    private final WorldFiles files;
    private final long evictIdleNanos;
    private final Map<String, Game> games = new ConcurrentHashMap<>();
    /** One thread plays the negotiations without a person, world after world, in the order asked. */
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "parley-worlds");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "parley-worlds-sweep");
        t.setDaemon(true);
        return t;
    });

    /** Worlds whose tables {@code tables} creates; a world nobody opened for {@code evictIdle} leaves memory. */
    Worlds(OpenTables tables, WorldFiles files, Duration evictIdle) {
        this.tables = tables;
        this.store = tables.store();
        this.files = files;
        this.evictIdleNanos = evictIdle.toNanos();
        long period = Math.max(50, Math.min(evictIdle.toMillis() / 2, 30_000));
        sweeper.scheduleWithFixedDelay(this::evictIdle, period, period, TimeUnit.MILLISECONDS);
        tables.worlds(this::over);
    }

    WorldFiles files() {
        return files;
    }

    /**
     * Starts a world with {@code person} played by a person: stores it, then moves it to its first
     * step. {@code builtIn} names the built-in world it is, or is null for an uploaded file, whose
     * {@code text} is then kept; the returned game has its first step under way.
     */
    Game start(World world, String builtIn, String text, String person, long seed, String organizer) {
        String token = tables.tokens().next();
        StoredWorld stored = new StoredWorld(tables.tokens().id(), Tokens.hash(token), world.name(), builtIn,
                builtIn == null ? text : null, WorldFiles.digest(text), person, seed, organizer, Instant.now(), List.of());
        Api.await(store.commit(List.of(new Write.WorldStart(stored))));
        Game game = new Game(stored, new WorldPlay(world, seed, Set.of(person), tables.engines().registry()));
        game.token = token;
        games.put(game.id, game);
        game.advance();
        return game;
    }

    /** The world the token opens (rebuilt from the store if it is not in memory), or a 401/403/404/409. */
    Game game(String id, String token) {
        if (token == null || token.isBlank()) {
            throw new ApiException(401, null, "This needs the world's link token: send it as \"Authorization: Bearer"
                    + " TOKEN\".");
        }
        if (!Tokens.wellFormed(token)) {
            throw new ApiException(401, null, "The token is not a Parley token (43 characters of A-Z, a-z, 0-9, - and"
                    + " _); check the link.");
        }
        String hash = Tokens.hash(token);
        while (true) {
            Game game = games.get(id);
            if (game == null) {
                // The token is checked before the replay, so that no one without it can set one off.
                StoredWorld stored = store.findWorld(id).orElseThrow(() -> new ApiException(404, null, "No world ("
                        + id + ") here."));
                if (!stored.tokenHash().equals(hash)) {
                    throw new ApiException(403, null, "This token does not open this world.");
                }
                game = games.computeIfAbsent(id, this::load);
            }
            if (!game.tokenHash.equals(hash)) {
                throw new ApiException(403, null, "This token does not open this world.");
            }
            synchronized (game) {
                if (!game.evicted) {
                    // The token opens the person's table links, which are derived from it.
                    game.token = token;
                    game.lastActivity = System.nanoTime();
                    return game;
                }
            }
        }
    }

    /**
     * Whether the world is over (false for one unknown or that cannot be rebuilt): what a table of
     * it waits for to show its debriefing. Takes no world's lock: a table's view may ask.
     */
    boolean over(String id) {
        try {
            return games.computeIfAbsent(id, this::load).over;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** How many worlds are in memory now. */
    int loaded() {
        return games.size();
    }

    /** Puts worlds nobody opened for a while out of memory, except those the runner is playing. */
    private void evictIdle() {
        long now = System.nanoTime();
        for (Game game : games.values()) {
            synchronized (game) {
                if (!game.queued && now - game.lastActivity > evictIdleNanos) {
                    game.evicted = true;
                    games.remove(game.id, game);
                }
            }
        }
    }

    /** Rebuilds a stored world by replaying it, or a 404 (none stored) or 409 (the replay does not match). */
    private Game load(String id) {
        StoredWorld stored = store.findWorld(id).orElseThrow(() -> new ApiException(404, null, "No world (" + id
                + ") here."));
        World world = worldOf(stored);
        Game game;
        try {
            game = new Game(stored, new WorldPlay(world, stored.seed(), Set.of(stored.person()),
                    tables.engines().registry()));
        } catch (IllegalArgumentException e) {
            throw diverged(stored, e.getMessage());
        }
        game.replay(stored.steps());
        return game;
    }

    /** The world a stored one plays, read again; a 409 if it is gone or has changed since it began. */
    private World worldOf(StoredWorld stored) {
        if (stored.builtIn() != null) {
            WorldFiles.BuiltIn builtIn = files.builtIns().get(stored.builtIn());
            if (builtIn == null) {
                throw diverged(stored, "this server has no built-in world (" + stored.builtIn() + ") any more");
            }
            if (!builtIn.digest().equals(stored.worldDigest())) {
                throw diverged(stored, "the built-in world (" + stored.builtIn() + ") has changed since this world"
                        + " began (the server was upgraded)");
            }
            return builtIn.world();
        }
        try {
            return files.read(stored.worldText(), "stored world " + stored.id());
        } catch (FormatException | IllegalArgumentException e) {
            throw diverged(stored, "its world file no longer reads: " + e.getMessage());
        }
    }

    private static ApiException diverged(StoredWorld stored, String why) {
        return new ApiException(409, null, "This world (" + stored.name() + ") cannot be resumed: " + why + ". Its"
                + " negotiations stay readable through their links; start the world again to play it.");
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        runner.shutdownNow();
    }

    /** What the person has to do next, or what the world is doing. */
    enum Phase {
        /** The person's power negotiates at a table. */
        NEGOTIATING,
        /** The person signed an agreement and is to honour or breach it. */
        DECIDING,
        /** The AI powers negotiate among themselves. */
        RUNNING,
        ENDED,
        /** A negotiation failed; the world cannot go on. */
        FAILED
    }

    /** A negotiation held: its aftermath, and the person's table when they took part (else null). */
    record Held(WorldResult.MeetingResult result, String tableId) {}

    /** One person's world. Its fields after the constructor's are guarded by its lock, except {@link #over}. */
    final class Game {
        final String id;
        final String tokenHash;
        final WorldPlay play;
        final String person;
        final String world;
        private final String organizer;
        private final StoredWorld stored;
        /** The world's token, once given (at the start, or by a request that opens the world). */
        private String token;
        private final List<Held> held = new ArrayList<>();
        private Phase phase = Phase.RUNNING;
        private String tableId;
        private Result pending;
        private String failure;
        /** Set while the runner has this world's negotiations without the person to play. */
        private boolean queued;
        private long lastActivity = System.nanoTime();
        /** Out of memory: a request that still holds this game opens the world again. */
        private boolean evicted;
        /** Whether the world has ended; read without the lock by the tables' debriefings. */
        private volatile boolean over;

        private Game(StoredWorld stored, WorldPlay play) {
            this.stored = stored;
            this.id = stored.id();
            this.tokenHash = stored.tokenHash();
            this.play = play;
            this.person = stored.person();
            this.world = stored.name();
            this.organizer = stored.organizerHash();
        }

        synchronized String token() {
            return token;
        }

        synchronized boolean ended() {
            return phase == Phase.ENDED || phase == Phase.FAILED;
        }

        synchronized Phase phase() {
            return phase;
        }

        synchronized String failure() {
            return failure;
        }

        synchronized String tableId() {
            return tableId;
        }

        synchronized Result pending() {
            return pending;
        }

        synchronized List<Held> held() {
            return Collections.unmodifiableList(new ArrayList<>(held));
        }

        /**
         * The token of the person's seat at the table of negotiation {@code index}: derived from the
         * world's, so that the server, which keeps neither, can give the link again to whoever opens
         * the world.
         */
        synchronized String seatToken(int index) {
            if (token == null) {
                throw new IllegalStateException("The token of world " + id + " is not known yet.");
            }
            return Tokens.derive(token, "world seat " + index);
        }

        /**
         * Replays the stored steps: each negotiation's stored result and the person's decision,
         * closed in order, each checked against what the world gives now (the same scenario as
         * played, the same settings). Leaves the world where it was: at the person's table, at their
         * decision, or between negotiations.
         */
        private synchronized void replay(List<StoredWorld.Step> steps) {
            for (StoredWorld.Step step : steps) {
                int k = step.position();
                boolean last = k == steps.size() - 1;
                if (play.finished()) {
                    throw diverged(stored, steps.size() + " negotiations are stored, but the world has "
                            + play.world().meetings().size());
                }
                WorldPlay.Prepared next = play.prepare();
                String name = "negotiation " + (k + 1) + " (" + next.meeting().scenario().name() + ")";
                StoredNegotiation record = store.find(step.negotiationId()).orElseThrow(() -> diverged(stored,
                        "the record of " + name + " is missing"));
                if (!record.scenario().equals(ScenarioWriter.toYaml(next.played()))) {
                    throw diverged(stored, name + " was played on another scenario than the world now gives (the"
                            + " world file or a scenario it names has changed)");
                }
                if (!comparable(NegotiationJson.readSettings(record.settings())).equals(comparable(next.settings()))) {
                    throw diverged(stored, name + " was played with other settings (strategies, seed or trust) than"
                            + " the world now gives");
                }
                boolean yours = next.meeting().roles().containsValue(person);
                if (record.status() == RecordStatus.RUNNING) {
                    if (!yours || !last) {
                        throw diverged(stored, name + " is stored unfinished, but the world went on");
                    }
                    tableId = record.id();
                    phase = Phase.NEGOTIATING;
                    return;
                }
                if (record.result() == null) {
                    failure = name + " was aborted";
                    phase = Phase.FAILED;
                    return;
                }
                Result result = NegotiationJson.of(next.played().domain()).readResult(record.result());
                boolean signed = yours && result.agreement() && result.signers().contains(partyOf(next, person));
                if (signed && step.breach() == null) {
                    if (!last) {
                        throw diverged(stored, "your decision on the agreement of " + name + " is missing");
                    }
                    tableId = record.id();
                    pending = result;
                    phase = Phase.DECIDING;
                    return;
                }
                if (!signed && step.breach() != null) {
                    throw diverged(stored, "a decision is stored for " + name + ", where your power signed nothing");
                }
                tableId = yours ? record.id() : null;
                close(result, signed ? Map.of(person, step.breach()) : Map.of());
            }
            phase = play.finished() ? Phase.ENDED : Phase.RUNNING;
            over = phase == Phase.ENDED;
        }

        /**
         * Moves the world on as far as it goes without the person: closes the person's table once it
         * has ended (waiting for their decision after an agreement they signed), opens the next table
         * of theirs, or hands the negotiations without them to the runner.
         */
        synchronized void advance() {
            while (true) {
                if (phase == Phase.NEGOTIATING) {
                    Table.State state = tables.table(tableId).state();
                    if (!state.finished()) {
                        return;
                    }
                    Result result = state.result();
                    if (result.agreement() && result.signers().contains(partyOf(play.prepare(), person))) {
                        pending = result;
                        phase = Phase.DECIDING;
                        return;
                    }
                    // Nothing to store: the table's stored result is what a replay closes it with.
                    close(result, Map.of());
                } else if (phase != Phase.RUNNING || queued) {
                    return;
                }
                if (play.finished()) {
                    phase = Phase.ENDED;
                    over = true;
                    return;
                }
                WorldPlay.Prepared next = play.prepare();
                if (next.meeting().roles().containsValue(person)) {
                    open(next);
                } else {
                    queued = true;
                    runner.execute(this::runAutomatic);
                    return;
                }
            }
        }

        /**
         * The person honours (false) or breaches (true) the agreement they signed. The decision is
         * stored before it is applied, and so before it is acknowledged; the world's lock is held
         * while it is written (a group commit, milliseconds), since nothing else may move this world
         * meanwhile: its runner is idle while the person decides.
         */
        synchronized void decide(boolean breach) {
            if (phase != Phase.DECIDING) {
                throw ApiException.conflict("There is no agreement of yours to honour or breach now: the world is "
                        + describe() + ".");
            }
            Api.await(store.commit(List.of(new Write.WorldDecision(id, play.position(), breach))));
            Result result = pending;
            pending = null;
            close(result, Map.of(person, breach));
            advance();
        }

        /** What the world is doing, in words, for a refusal. */
        synchronized String describe() {
            return switch (phase) {
                case NEGOTIATING -> "at your table (negotiation " + (play.position() + 1) + ")";
                case DECIDING -> "waiting for your decision";
                case RUNNING -> "playing the negotiations you take no part in";
                case ENDED -> "over";
                case FAILED -> "stopped (" + failure + ")";
            };
        }

        private void close(Result result, Map<String, Boolean> decisions) {
            WorldResult.MeetingResult closed = play.close(result, decisions);
            held.add(new Held(closed, tableId));
            tableId = null;
            phase = Phase.RUNNING;
        }

        /**
         * Opens the person's table: their seat human (its token derived from the world's), the others
         * as the world says; stored with the world's step that links to it, in one unit.
         */
        private void open(WorldPlay.Prepared next) {
            NegotiationSettings s = next.settings();
            NegotiationSettings settings = new NegotiationSettings(s.protocol(), s.deadline(), s.strategies(), s.seed(),
                    Api.MOVE_TIME_LIMIT, s.trust());
            Scenario scenario = next.played();
            int index = next.index();
            OpenTables.Created created = tables.create(scenario, ScenarioWriter.toYaml(scenario), settings, organizer,
                    TableOptions.ofWorld(id), Map.of(partyOf(next, person), seatToken(index)),
                    table -> List.of(new Write.WorldStep(id, index, table)));
            Api.await(created.stored());
            tableId = created.table().id();
            phase = Phase.NEGOTIATING;
        }

        /**
         * On the runner: plays the negotiations without the person, up to their next one or the end,
         * each stored with the world's step before the world moves past it.
         */
        private void runAutomatic() {
            while (true) {
                WorldPlay.Prepared next;
                synchronized (this) {
                    if (play.finished() || play.prepare().meeting().roles().containsValue(person)) {
                        queued = false;
                        try {
                            advance();
                        } catch (RuntimeException e) {
                            // The person's next table could not be opened now (the server is full, a
                            // storage error): the world waits between negotiations, and the person's
                            // next view tries again and tells them why if it fails.
                            LOG.warn("world {}: the next table did not open: {}", id, e.toString());
                        }
                        return;
                    }
                    next = play.prepare();
                }
                Result result;
                List<Write> unit;
                try {
                    Negotiation negotiation = Negotiation.start(next.played(), next.settings(),
                            tables.engines().registry(), new BidSpaceCache());
                    result = negotiation.run();
                    unit = automaticRecord(next, negotiation.session().record());
                } catch (RuntimeException e) {
                    LOG.warn("world {} stopped: {}", id, e.toString());
                    synchronized (this) {
                        queued = false;
                        failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                        phase = Phase.FAILED;
                    }
                    return;
                }
                try {
                    store.commit(unit).join();
                } catch (CompletionException e) {
                    // Not stored, so not played: the world leaves memory and is replayed from the store
                    // when it is next opened, which plays this negotiation again.
                    LOG.warn("world {}: negotiation {} could not be stored: {}", id, next.index() + 1,
                            String.valueOf(e.getCause()));
                    synchronized (this) {
                        queued = false;
                        evicted = true;
                        games.remove(id, this);
                    }
                    return;
                }
                synchronized (this) {
                    close(result, Map.of());
                }
            }
        }

        /**
         * A negotiation without the person as one unit: its record (started, its events, its end)
         * and the world's step that links to it.
         */
        private List<Write> automaticRecord(WorldPlay.Prepared next, NegotiationRecord record) {
            String negotiationId = tables.tokens().id();
            Instant now = Instant.now();
            StoredNegotiation finished = Archive.toStored(negotiationId, next.played(), record, Archive.WORLD,
                    "world:" + world + ":" + play.seed() + ":" + id, now, now);
            StoredNegotiation started = new StoredNegotiation(negotiationId, finished.scenarioName(),
                    finished.scenario(), finished.settings(), finished.source(), RecordStatus.RUNNING, null, null, now,
                    null, finished.batch(), finished.parties());
            return List.of(new Write.Start(started, List.of()),
                    new Write.Append(negotiationId, 0, Archive.eventPayloads(next.played(), record.events())),
                    new Write.Finish(negotiationId, RecordStatus.FINISHED, finished.agreement(), finished.result()),
                    new Write.WorldStep(id, next.index(), negotiationId));
        }
    }

    /** Settings as a replay compares them: the move time limit is the server's, not the world's. */
    private static NegotiationSettings comparable(NegotiationSettings s) {
        return new NegotiationSettings(s.protocol(), s.deadline(), s.strategies(), s.seed(), null, s.trust());
    }

    static String partyOf(WorldPlay.Prepared next, String power) {
        for (var role : next.meeting().roles().entrySet()) {
            if (role.getValue().equals(power)) {
                return role.getKey();
            }
        }
        throw new IllegalStateException(power + " plays no party of " + next.meeting().scenario().name());
    }
}
