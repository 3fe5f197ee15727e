package org.parley.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.parley.core.engine.BidSpaceCache;
import org.parley.core.engine.Negotiation;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Result;
import org.parley.core.world.World;
import org.parley.core.world.WorldPlay;
import org.parley.core.world.WorldResult;
import org.parley.io.ScenarioWriter;
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
 * <p>A world is held in memory: its tables are stored as every table is, but the world's own state
 * (where it is, the person's decisions) is not, so a restart of the server loses the world (its
 * finished tables stay readable through their links).
 */
final class Worlds implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Worlds.class);

    /** At most this many negotiations in a world played in the browser: a person plays it through. */
    static final int MAX_NEGOTIATIONS = 200;
    /** At most this many worlds in memory; ended worlds make room first. */
    static final int MAX_WORLDS = 100;

    private final OpenTables tables;
    private final Map<String, Game> games = new ConcurrentHashMap<>();
    /** One thread plays the negotiations without a person, world after world, in the order asked. */
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "parley-worlds");
        t.setDaemon(true);
        return t;
    });

    Worlds(OpenTables tables) {
        this.tables = tables;
    }

    /** Starts a world with {@code person} played by a person; the returned game has its first step under way. */
    Game start(World world, String person, long seed, String organizer) {
        if (games.size() >= MAX_WORLDS) {
            games.values().removeIf(Game::ended);
            if (games.size() >= MAX_WORLDS) {
                throw new ApiException(503, null, "This server holds " + games.size() + " worlds in play, its limit;"
                        + " try again later.").retryAfter(60);
            }
        }
        WorldPlay play = new WorldPlay(world, seed, Set.of(person), tables.engines().registry());
        String token = tables.tokens().next();
        Game game = new Game(tables.tokens().id(), Tokens.hash(token), token, play, person, organizer);
        games.put(game.id, game);
        try {
            game.advance();
        } catch (RuntimeException e) {
            games.remove(game.id);
            throw e;
        }
        return game;
    }

    /** The world the token opens, or a 401/403/404. */
    Game game(String id, String token) {
        if (token == null || token.isBlank()) {
            throw new ApiException(401, null, "This needs the world's link token: send it as \"Authorization: Bearer"
                    + " TOKEN\".");
        }
        if (!Tokens.wellFormed(token)) {
            throw new ApiException(401, null, "The token is not a Parley token (43 characters of A-Z, a-z, 0-9, - and"
                    + " _); check the link.");
        }
        Game game = games.get(id);
        if (game == null) {
            throw new ApiException(404, null, "No world (" + id + ") in play here; worlds are held in memory, so a"
                    + " restart of the server ends them.");
        }
        if (!game.tokenHash.equals(Tokens.hash(token))) {
            throw new ApiException(403, null, "This token does not open this world.");
        }
        return game;
    }

    @Override
    public void close() {
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
        /** A negotiation without the person failed; the world cannot go on. */
        FAILED
    }

    /** A negotiation held: its aftermath, and the person's table when they took part. */
    record Held(WorldResult.MeetingResult result, String tableId, String tableToken) {}

    /** One person's world. Its fields after the constructor's are guarded by its lock. */
    final class Game {
        final String id;
        final String tokenHash;
        /** Given back once, at the start; held for the table links the views build. */
        private final String token;
        final WorldPlay play;
        final String person;
        private final String organizer;
        private final List<Held> held = new ArrayList<>();
        private Phase phase = Phase.RUNNING;
        private String tableId;
        private String tableToken;
        private Result pending;
        private String failure;

        private Game(String id, String tokenHash, String token, WorldPlay play, String person, String organizer) {
            this.id = id;
            this.tokenHash = tokenHash;
            this.token = token;
            this.play = play;
            this.person = person;
            this.organizer = organizer;
        }

        String token() {
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

        synchronized String tableToken() {
            return tableToken;
        }

        synchronized Result pending() {
            return pending;
        }

        synchronized List<Held> held() {
            return Collections.unmodifiableList(new ArrayList<>(held));
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
                    close(result, Map.of());
                } else if (phase != Phase.RUNNING || queued) {
                    return;
                }
                if (play.finished()) {
                    phase = Phase.ENDED;
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

        /** Set while the runner has this world's negotiations without the person to play. */
        private boolean queued;

        /** The person honours (false) or breaches (true) the agreement they signed. */
        synchronized void decide(boolean breach) {
            if (phase != Phase.DECIDING) {
                throw ApiException.conflict("There is no agreement of yours to honour or breach now: the world is "
                        + describe() + ".");
            }
            Result result = pending;
            pending = null;
            close(result, Map.of(person, breach));
            advance();
        }

        /** What the world is doing, in words, for a refusal. */
        String describe() {
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
            held.add(new Held(closed, tableId, tableToken));
            tableId = null;
            tableToken = null;
            phase = Phase.RUNNING;
        }

        /** Opens the person's table: their seat human, the others as the world says. */
        private void open(WorldPlay.Prepared next) {
            NegotiationSettings s = next.settings();
            NegotiationSettings settings = new NegotiationSettings(s.protocol(), s.deadline(), s.strategies(), s.seed(),
                    Api.MOVE_TIME_LIMIT, s.trust());
            Scenario scenario = next.played();
            OpenTables.Created created = tables.create(scenario, ScenarioWriter.toYaml(scenario), settings, organizer,
                    TableOptions.DEFAULT);
            Api.await(created.stored());
            tableId = created.table().id();
            tableToken = created.partyTokens().get(partyOf(next, person));
            phase = Phase.NEGOTIATING;
        }

        /** On the runner: plays the negotiations without the person, up to their next one or the end. */
        private void runAutomatic() {
            try {
                while (true) {
                    WorldPlay.Prepared next;
                    synchronized (this) {
                        if (play.finished() || play.prepare().meeting().roles().containsValue(person)) {
                            queued = false;
                            advance();
                            return;
                        }
                        next = play.prepare();
                    }
                    Result result = Negotiation.start(next.played(), next.settings(), tables.engines().registry(),
                            new BidSpaceCache()).run();
                    synchronized (this) {
                        close(result, Map.of());
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("world {} stopped: {}", id, e.toString());
                synchronized (this) {
                    queued = false;
                    failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    phase = Phase.FAILED;
                }
            }
        }
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
