package org.parley.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.parley.server.ParleyServer;
import org.parley.server.ServerOptions;
import org.parley.store.Databases;
import org.parley.store.RecordStore;

/**
 * Load on {@code parley serve} over HTTP on loopback: N negotiations of tavrik-accord, each with two
 * AI diplomats (the federation and the vethari, played by the server) and the kaldari played by a
 * scripted HTTP client, all open at once and played move by move by C client threads. Reports
 * throughput and latency percentiles per request kind, and per turn (from sending a move to the
 * view in which it is the client's turn again: the AI diplomats answer after the move is
 * acknowledged, and the client long-polls for them). Not a test: run it by hand.
 *
 * <p>The client asks for what it lacks only ({@code --views since}, the default: long polls for
 * the view since its settled moves, moves acknowledged with {@code Prefer: return=minimal}), or
 * for whole views each time ({@code --views whole}, as before); it talks over a kept-alive
 * connection per thread ({@code --http plain}, the default, see {@link PlainHttp}) or through the
 * JDK's HttpClient ({@code --http jdk}, as before). The server is the same either way.
 *
 * <p>That is a closed loop: C clients that never pause, each sending its next request when the
 * last is answered, so that the latency is C / throughput (Little's law). With {@code --rate R}
 * it runs an open loop instead ({@link #runOpen}): people who move R times a second in all,
 * whatever the server's latency, as a class with think time does.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar org.parley.benchmarks.ServerLoad [--negotiations 500]
 *     [--clients 32] [--rounds 40] [--warmup 500] [--url http://127.0.0.1:8080] [--db jdbc:...]
 *     [--http plain|jdk] [--views since|whole] [--rate R [--seconds 20]] [--passes N]
 * </pre>
 * Without {@code --url} it starts a server in this JVM on a fresh SQLite file (or {@code --db}).
 */
public final class ServerLoad {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The kaldari's offers, from greedy to modest; all keep authority federal, the federation's must. */
    private static final String[] OFFERS = {
        offer("federation", "kaldari", "kaldari-control", "open-market", "market-price", "medical-aid-and-trade-analytics", "federation-guarantee"),
        offer("federation", "kaldari", "kaldari-control", "licensed-competition", "market-price", "medical-aid-and-trade-analytics", "federation-guarantee"),
        offer("federation", "joint-board", "kaldari-control", "licensed-competition", "negotiated-annually", "medical-aid", "federation-guarantee"),
        offer("federation", "joint-board", "kaldari-participation", "licensed-competition", "negotiated-annually", "medical-aid", "none"),
        offer("federation", "federation", "kaldari-participation", "vethari-exclusive", "negotiated-annually", "medical-aid", "none"),
        offer("federation", "federation", "kaldari-control", "vethari-exclusive", "single-price", "none", "none"),
    };

    private static String offer(String... values) {
        String[] issues = {"authority", "strategic-resources", "local-resources", "export-control", "pricing",
            "trust-measures", "transition-guarantee"};
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < issues.length; i++) {
            s.append(i == 0 ? "" : ", ").append('"').append(issues[i]).append("\": \"").append(values[i]).append('"');
        }
        return s.append('}').toString();
    }

    /** One negotiation as the client plays it. */
    private static final class Game {
        final String id;
        final String token;
        /** The latest view (with {@code --views since}, the latest update, or a move's acknowledgement). */
        JsonNode view;
        /** The moves, from the first, the client holds for good: the {@code since} of its next view. */
        int settled;
        /** The moves the client has seen (the highest seq + 1). */
        int seen;
        int offers;
        /** System.nanoTime() when the client's last move was sent, until its turn came back (0: none pending). */
        long movedAt;

        Game(String id, String token) {
            this.id = id;
            this.token = token;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    /** Each driver thread's own kept-alive connection, for {@code --http plain}. */
    private final ThreadLocal<PlainHttp> connection;
    private final String base;
    /** The path of {@link #base}, before {@code /api/}. */
    private final String basePath;
    /** The client: {@code plain} (a {@link PlainHttp} connection per thread) or {@code jdk} (the JDK's HttpClient). */
    private final boolean plain;
    /**
     * Whether the client asks for what it lacks only ({@code --views since}: views {@code ?since=}
     * its settled moves, moves acknowledged with {@code Prefer: return=minimal}), or for whole views.
     */
    private final boolean since;
    private Latencies create = new Latencies();
    private Latencies view = new Latencies();
    private Latencies move = new Latencies();
    private Latencies turn = new Latencies();
    private final AtomicInteger errors = new AtomicInteger();
    /** Bytes of response bodies received while playing. */
    private final java.util.concurrent.atomic.AtomicLong received = new java.util.concurrent.atomic.AtomicLong();
    /** The CPU time of the client threads that have finished (their time dies with them). */
    private final java.util.concurrent.atomic.AtomicLong clientCpu = new java.util.concurrent.atomic.AtomicLong();
    /** Numbers the negotiations across a warm-up and the measured run (their seeds). */
    private int created;

    private ServerLoad(String base, boolean plain, boolean since) {
        this.base = base;
        this.plain = plain;
        this.since = since;
        URI uri = URI.create(base);
        this.basePath = uri.getRawPath() == null ? "" : uri.getRawPath();
        this.connection = ThreadLocal.withInitial(() -> new PlainHttp(uri, 60_000));
    }

    public static void main(String[] args) throws Exception {
        int negotiations = 500;
        int clients = 32;
        int rounds = 40;
        int warmup = 0;
        double rate = 0;
        double seconds = 20;
        String url = null;
        String db = null;
        String http = "plain";
        String views = "since";
        int passes = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--negotiations" -> negotiations = Integer.parseInt(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--url" -> url = args[++i];
                case "--db" -> db = args[++i];
                case "--http" -> http = args[++i];
                case "--views" -> views = args[++i];
                case "--rate" -> rate = Double.parseDouble(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--passes" -> passes = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option (" + args[i] + "); expected --negotiations,"
                        + " --clients, --rounds, --warmup, --url, --db, --http, --views, --rate, --seconds or --passes.");
            }
        }
        if (!http.equals("plain") && !http.equals("jdk")) {
            throw new IllegalArgumentException("--http is plain or jdk, not (" + http + ").");
        }
        if (!views.equals("since") && !views.equals("whole")) {
            throw new IllegalArgumentException("--views is since or whole, not (" + views + ").");
        }
        if (passes < 1) {
            throw new IllegalArgumentException("--passes is a whole number from 1, not (" + passes + ").");
        }
        if (passes > 1 && rate > 0) {
            throw new IllegalArgumentException("--passes is for the closed loop; the open loop (--rate) runs for"
                    + " --seconds instead.");
        }
        ParleyServer server = null;
        RecordStore store = null;
        if (url == null) {
            Path folder = Files.createTempDirectory("parley-load-");
            store = Databases.open(db != null ? db : "jdbc:sqlite:" + folder.resolve("load.db"));
            // One client address plays 500 tables: no rate limits, room for every table (and for
            // the open loop's new tables while the ended ones are still counted).
            server = ParleyServer.start("127.0.0.1", 0, store, ServerOptions.defaults().withRates(null, null)
                    .withMaxRunning(2 * Math.max(negotiations, warmup) + 10));
            url = "http://127.0.0.1:" + server.port();
            System.out.println("server in this JVM on " + url + ", records in " + store.location());
        }
        try {
            ServerLoad load = new ServerLoad(url, http.equals("plain"), views.equals("since"));
            System.out.println("client: " + (http.equals("plain") ? "a kept-alive HTTP/1.1 connection per thread"
                    : "the JDK's HttpClient") + "; " + (views.equals("since") ? "views since the settled moves, moves"
                    + " acknowledged minimally" : "whole views, moves answered with the view"));
            if (warmup > 0) {
                // A server that has been up a while: its code compiled by the JIT, its pools and
                // caches filled. The same workload, reported apart and then forgotten.
                System.out.printf(Locale.ROOT, "warm-up: %d negotiations first, not counted below%n", warmup);
                load.run(warmup, clients, rounds);
                load.reset();
                System.out.println();
            }
            if (rate > 0) {
                load.runOpen(negotiations, rate, seconds, rounds);
            } else if (passes == 1) {
                load.run(negotiations, clients, rounds);
            } else {
                load.runPasses(passes, negotiations, clients, rounds);
            }
        } finally {
            if (server != null) {
                server.close();
                store.close();
            }
        }
    }

    private void reset() {
        create = new Latencies();
        view = new Latencies();
        move = new Latencies();
        turn = new Latencies();
    }

    private void run(int negotiations, int clients, int rounds) throws Exception {
        System.out.printf(Locale.ROOT, "%d negotiations of tavrik-accord (2 AI diplomats + 1 scripted HTTP party),"
                + " %d rounds at most, %d client threads%n", negotiations, rounds, clients);
        long start = System.nanoTime();
        ConcurrentLinkedQueue<Game> open = new ConcurrentLinkedQueue<>();
        List<Game> all = new ArrayList<>();
        for (int n = 0; n < negotiations; n++) {
            Game game = newGame(rounds);
            all.add(game);
            open.add(game);
        }
        long created = System.nanoTime();
        long cpuAtPlay = processCpuNanos();
        java.util.Map<String, Long> threadsAtPlay = threadCpuNanos();
        clientCpu.set(0);
        received.set(0);
        System.out.println("playing from " + java.time.Instant.now());
        int requestsAtPlay = create.count() + view.count() + move.count();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            String name = "load-client-" + c;
            Thread worker = new Thread(() -> {
                try {
                    Game game;
                    while ((game = open.poll()) != null) {
                        if (step(game)) {
                            open.add(game);
                        }
                    }
                } catch (RuntimeException e) {
                    errors.incrementAndGet();
                    e.printStackTrace();
                } finally {
                    hangUp();
                    clientCpu.addAndGet(java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
                    done.countDown();
                }
            }, name);
            worker.start();
        }
        done.await();
        long end = System.nanoTime();
        hangUp();
        long cpu = processCpuNanos() - cpuAtPlay;
        java.util.Map<String, Long> threadsAtEnd = threadCpuNanos();
        threadsAtEnd.merge("load-client", clientCpu.get(), Long::sum);
        int played = create.count() + view.count() + move.count() - requestsAtPlay;
        int agreements = 0;
        int events = 0;
        int seen = 0;
        for (Game game : all) {
            if (game.view.path("result").path("agreement").asBoolean()) {
                agreements++;
            }
            // The version counts the logged events, plus one once ended.
            events += game.view.path("version").asInt() - (ended(game) ? 1 : 0);
            seen += game.seen;
        }
        double seconds = (end - start) / 1e9;
        System.out.printf(Locale.ROOT, "%d negotiations finished in %.1f s (creating them: %.1f s); %d agreements;"
                + " %d moves stored (%d seen by the client); %d errors%n", all.size(), seconds, (created - start) / 1e9,
                agreements, events, seen, errors.get());
        System.out.printf(Locale.ROOT, "throughput: %.1f negotiations/s, %.0f HTTP requests/s, %.0f stored moves/s%n",
                all.size() / seconds, (create.count() + view.count() + move.count()) / seconds, events / seconds);
        // CPU per request: what the latencies come to once the machine is shared (they are queueing
        // for the two cores: 32 clients and the server in this JVM), and a figure other helpers'
        // builds on the same machine do not move much.
        System.out.printf(Locale.ROOT, "while playing: %d HTTP requests in %.1f s, %.2f ms of this JVM's CPU per request"
                + " (clients and server; %.0f %% of one core on average)%n", played, (end - created) / 1e9,
                cpu / 1e6 / Math.max(1, played), 100.0 * cpu / (end - created));
        System.out.printf(Locale.ROOT, "response bodies: %.1f kB on average%n", received.get() / 1e3 / Math.max(1, played));
        printCpuShares(threadsAtPlay, threadsAtEnd, cpu, played);
        System.out.println("latency (ms)         count     p50     p90     p99     max");
        create.print("create");
        view.print("view");
        move.print("move (stored)");
        turn.print("turn (move to next turn)");
    }

    /**
     * The closed loop {@code passes} times over, each pass on fresh negotiations after the last
     * has ended, each reported as one run; then the move's and the turn's percentiles over all
     * passes together, and each pass's move p99 next to them. One pass lasts a few seconds, and on
     * a shared 2-core machine its p99 moves by a fifth from one run to the next: what a single
     * pass cannot tell.
     */
    private void runPasses(int passes, int negotiations, int clients, int rounds) throws Exception {
        Latencies allMoves = new Latencies();
        Latencies allTurns = new Latencies();
        StringBuilder perPass = new StringBuilder();
        for (int pass = 1; pass <= passes; pass++) {
            System.out.printf(Locale.ROOT, "pass %d of %d: ", pass, passes);
            run(negotiations, clients, rounds);
            System.out.println();
            allMoves.addAll(move);
            allTurns.addAll(turn);
            perPass.append(pass == 1 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", move.percentile(0.99)));
            reset();
        }
        System.out.printf(Locale.ROOT, "%d passes together; move p99 of each pass (ms): %s%n", passes, perPass);
        System.out.println("latency (ms)         count     p50     p90     p99     max");
        allMoves.print("move (stored)");
        allTurns.print("turn (move to next turn)");
    }

    /** Creates a negotiation (counted as a create request). */
    private Game newGame(int rounds) {
        int i;
        synchronized (this) {
            i = created++;
        }
        String body = "{\"scenario\": \"tavrik-accord\", \"deadline\": {\"rounds\": " + rounds + "}, \"seed\": " + i
                + ", \"parties\": {\"kaldari\": {\"player\": \"human\"}}}";
        JsonNode created = send(create, "POST", "", null, body);
        return new Game(created.path("id").asText(), created.path("parties").path("kaldari").path("token").asText());
    }

    /**
     * The open loop: the people at {@code negotiations} tables move at {@code rate} moves a second
     * in all, at random times (Poisson arrivals, fixed seed), for {@code seconds}; each move goes to
     * a table where it is the person's turn, on a thread of its own, and its latency counts from
     * the moment it was meant to go, whether or not the machine was ready to send it then (no
     * coordinated omission: a slow server does not slow the arrivals down). An arrival that finds no
     * table at its turn is counted and dropped. A table that ends is replaced by a new one, so that
     * the number of tables stays put. Each turn is a move and the long polls until the next turn,
     * as in the closed loop.
     */
    private void runOpen(int negotiations, double rate, double seconds, int rounds) throws Exception {
        System.out.printf(Locale.ROOT, "open loop: %d tables of tavrik-accord (2 AI diplomats + 1 scripted HTTP party),"
                + " moves offered at %.0f/s (Poisson) for %.0f s%n", negotiations, rate, seconds);
        java.util.concurrent.LinkedBlockingQueue<Game> ready = new java.util.concurrent.LinkedBlockingQueue<>();
        AtomicInteger threads = new AtomicInteger();
        java.util.concurrent.ExecutorService people = java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "load-client-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        java.util.concurrent.Phaser inFlight = new java.util.concurrent.Phaser(1);
        for (int n = 0; n < negotiations; n++) {
            Game game = newGame(rounds);
            inFlight.register();
            people.execute(() -> {
                try {
                    seat(game, ready);
                } finally {
                    inFlight.arriveAndDeregister();
                }
            });
        }
        inFlight.arriveAndAwaitAdvance();
        reset();
        long cpuAtPlay = processCpuNanos();
        java.util.Map<String, Long> threadsAtPlay = threadCpuNanos();
        received.set(0);
        System.out.println("playing from " + java.time.Instant.now() + "; " + ready.size() + " tables at the person's turn");
        java.util.Random arrivals = new java.util.Random(20261205);
        long start = System.nanoTime();
        double at = 0;
        int sent = 0;
        int missed = 0;
        while (true) {
            at += -Math.log(1 - arrivals.nextDouble()) / rate;
            if (at >= seconds) {
                break;
            }
            long intended = start + (long) (at * 1e9);
            for (long wait; (wait = intended - System.nanoTime()) > 0; ) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            Game game = ready.poll();
            if (game == null) {
                missed++;
                continue;
            }
            sent++;
            inFlight.register();
            people.execute(() -> {
                try {
                    playTurn(game, nextMove(game), intended);
                    if (ended(game)) {
                        seat(newGame(rounds), ready);
                    } else {
                        ready.add(game);
                    }
                } catch (RuntimeException e) {
                    errors.incrementAndGet();
                    e.printStackTrace();
                } finally {
                    inFlight.arriveAndDeregister();
                }
            });
        }
        inFlight.arriveAndAwaitAdvance();
        long end = System.nanoTime();
        long cpu = processCpuNanos() - cpuAtPlay;
        java.util.Map<String, Long> threadsAtEnd = threadCpuNanos();
        people.shutdown();
        int played = create.count() + view.count() + move.count();
        double elapsed = (end - start) / 1e9;
        System.out.printf(Locale.ROOT, "%d moves sent in %.1f s (%.0f/s; %d arrivals found no table at its turn);"
                + " %d HTTP requests (%.0f/s); %d errors%n", sent, elapsed, sent / elapsed, missed, played,
                played / elapsed, errors.get());
        System.out.printf(Locale.ROOT, "%.2f ms of this JVM's CPU per request (clients and server; %.0f %% of one core on"
                + " average); response bodies %.1f kB on average%n", cpu / 1e6 / Math.max(1, played),
                100.0 * cpu / (end - start), received.get() / 1e3 / Math.max(1, played));
        printCpuShares(threadsAtPlay, threadsAtEnd, cpu, played);
        System.out.println("latency (ms)         count     p50     p90     p99     max");
        create.print("create");
        view.print("view");
        move.print("move (stored)");
        turn.print("turn (move to next turn)");
    }

    /** A new table's first view, and the long polls until the person's turn; then it is ready. */
    private void seat(Game game, java.util.concurrent.BlockingQueue<Game> ready) {
        look(game, send(view, "GET", "/" + game.id, game.token, null));
        while (!game.view.path("turn").isObject() && !ended(game)) {
            poll(game);
        }
        if (!ended(game)) {
            ready.add(game);
        }
    }

    /** One request for the game; returns whether the game goes on. */
    private boolean step(Game game) {
        if (game.view == null) {
            look(game, send(view, "GET", "/" + game.id, game.token, null));
            return !ended(game);
        }
        JsonNode turn = game.view.path("turn");
        if (!turn.isObject()) {
            poll(game);
            turnCameBack(game);
            return !ended(game);
        }
        playTurn(game, nextMove(game), System.nanoTime());
        return !ended(game);
    }

    /**
     * Sends the move meant to go at {@code intended} (System.nanoTime()), and waits for the turn
     * to come back; the move's and the turn's latencies count from {@code intended}.
     */
    private void playTurn(Game game, String body, long intended) {
        game.movedAt = intended;
        look(game, send(move, intended, "POST", "/" + game.id + "/moves", game.token, body));
        // As a person at the table would: wait for the AI diplomats' replies at once (a long poll),
        // rather than going round the other tables first.
        while (!game.view.path("turn").isObject() && !ended(game)) {
            poll(game);
        }
        if (ended(game) && !game.view.has("result")) {
            // The move ended it (acknowledged minimally): the result, as a person would see it.
            look(game, send(view, "GET", "/" + game.id + (since ? "?since=" + game.settled : ""), game.token, null));
        }
        turnCameBack(game);
    }

    /** The scripted kaldari's move at its turn: accept what is good enough, else the next offer, at last walk away. */
    private static String nextMove(Game game) {
        JsonNode turn = game.view.path("turn");
        int next = Math.min(game.offers, OFFERS.length - 1);
        if (turn.path("kind").asText().equals("respond") && turn.path("score").path("acceptable").asBoolean()
                && turn.path("score").path("points").asDouble() >= nextPoints(next)) {
            return "{\"type\": \"accept\"}";
        } else if (game.offers > 2 * OFFERS.length) {
            return "{\"type\": \"walk-away\"}";
        }
        game.offers++;
        return "{\"type\": \"offer\", \"offer\": " + OFFERS[next] + "}";
    }

    /** Closes this thread's connection, if it has one. */
    private void hangUp() {
        connection.get().close();
        connection.remove();
    }

    /** A long poll for the view after the one the client holds. */
    private void poll(Game game) {
        look(game, send(view, "GET", "/" + game.id + "?after=" + game.view.path("version").asLong()
                + (since ? "&since=" + game.settled : ""), game.token, null));
    }

    /** Takes in a view, an update or a move's acknowledgement. */
    private static void look(Game game, JsonNode view) {
        game.settled = Math.max(game.settled, view.path("settledMoves").asInt());
        for (JsonNode move : view.path("moves")) {
            game.seen = Math.max(game.seen, move.path("seq").asInt() + 1);
        }
        // Only what the script reads next is kept, not the whole tree: the driver shares its heap
        // with the server, and 500 parsed views held between steps (about half a million small
        // objects) were copied by every young collection, the server's pauses made longer by the
        // client's garbage. A client on another machine would not cost the server that.
        com.fasterxml.jackson.databind.node.ObjectNode kept = JSON.createObjectNode();
        for (String field : new String[] {"turn", "version", "state", "settledMoves"}) {
            if (view.has(field)) {
                kept.set(field, view.get(field));
            }
        }
        if (view.has("result")) {
            kept.putObject("result").put("agreement", view.path("result").path("agreement").asBoolean());
        }
        game.view = kept;
    }

    /**
     * Records how long the client waited from sending its move to its next turn (or the end):
     * the move, the AI diplomats' replies and their delivery, as a person at the table feels it.
     */
    private void turnCameBack(Game game) {
        if (game.movedAt != 0 && (game.view.path("turn").isObject() || ended(game))) {
            turn.add(System.nanoTime() - game.movedAt);
            game.movedAt = 0;
        }
    }

    /** The kaldari's points of its offer number {@code k} (from the scenario's table). */
    private static double nextPoints(int k) {
        return new double[] {85, 80, 56, 41, 16, 10}[k];
    }

    private static boolean ended(Game game) {
        return game.view.path("state").asText().equals("ended");
    }

    /**
     * Sends a request under {@code /api/negotiations} and returns its JSON; the latency is counted
     * in {@code latencies}. A move asks for a minimal acknowledgement with {@code --views since}.
     */
    private JsonNode send(Latencies latencies, String method, String path, String token, String body) {
        return send(latencies, System.nanoTime(), method, path, token, body);
    }

    /** Sends a request; its latency counts from {@code t0} (System.nanoTime()), when it was meant to go. */
    private JsonNode send(Latencies latencies, long t0, String method, String path, String token, String body) {
        boolean minimal = since && body != null && path.endsWith("/moves");
        int status;
        byte[] bytes;
        try {
            if (plain) {
                String headers = (token != null ? "Authorization: Bearer " + token + "\r\n" : "")
                        + (minimal ? "Prefer: return=minimal\r\n" : "");
                PlainHttp.Response response = connection.get().send(method, basePath + "/api/negotiations" + path,
                        headers, body);
                status = response.status();
                bytes = response.body();
            } else {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/negotiations" + path))
                        .timeout(Duration.ofSeconds(60));
                if (token != null) {
                    request.header("Authorization", "Bearer " + token);
                }
                if (minimal) {
                    request.header("Prefer", "return=minimal");
                }
                if (body != null) {
                    request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
                }
                // Bytes, parsed as UTF-8 by Jackson: decoding the body to a String first cost the
                // clients, which share the CPU with the server, as much again.
                HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                status = response.statusCode();
                bytes = response.body();
            }
            latencies.add(System.nanoTime() - t0);
            received.addAndGet(bytes.length);
            if (status / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " → " + status + ": "
                        + new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            }
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The CPU time so far of the live threads of this JVM, summed by kind (the thread's name
     * without its number): what the clients, the HTTP server's threads, the AI workers and the
     * store's writer each cost.
     */
    private static java.util.Map<String, Long> threadCpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.Map<String, Long> byKind = new java.util.TreeMap<>();
        for (long id : threads.getAllThreadIds()) {
            java.lang.management.ThreadInfo info = threads.getThreadInfo(id);
            long nanos = threads.getThreadCpuTime(id);
            if (info != null && nanos > 0) {
                byKind.merge(info.getThreadName().replaceAll("[-_ ]?\\d+", ""), nanos, Long::sum);
            }
        }
        return byKind;
    }

    /**
     * Prints the CPU per request of each kind of thread while playing; what no live Java thread
     * accounts for (the JIT compiler, the garbage collector, threads that ended) is the rest.
     */
    private static void printCpuShares(java.util.Map<String, Long> before, java.util.Map<String, Long> after, long cpu,
            int requests) {
        List<java.util.Map.Entry<String, Long>> shares = new ArrayList<>();
        long counted = 0;
        for (java.util.Map.Entry<String, Long> kind : after.entrySet()) {
            long spent = kind.getValue() - before.getOrDefault(kind.getKey(), 0L);
            if (spent > 0) {
                shares.add(java.util.Map.entry(kind.getKey(), spent));
                counted += spent;
            }
        }
        shares.sort(java.util.Map.Entry.<String, Long>comparingByValue().reversed());
        StringBuilder line = new StringBuilder("CPU per request by thread kind (ms):");
        for (java.util.Map.Entry<String, Long> kind : shares) {
            if (kind.getValue() * 100 >= cpu) {
                line.append(String.format(Locale.ROOT, " %s %.3f;", kind.getKey(), kind.getValue() / 1e6 / requests));
            }
        }
        line.append(String.format(Locale.ROOT, " JIT, GC and the rest %.3f", Math.max(0, cpu - counted) / 1e6 / requests));
        System.out.println(line);
    }

    /** The CPU time of this JVM so far (all threads), or 0 where the platform does not say. */
    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    /** Latencies in nanoseconds, for percentiles at the end. */
    private static final class Latencies {
        private long[] values = new long[1024];
        private int size;

        synchronized void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        synchronized int count() {
            return size;
        }

        synchronized void addAll(Latencies other) {
            long[] theirs;
            int count;
            synchronized (other) {
                theirs = Arrays.copyOf(other.values, other.size);
                count = other.size;
            }
            if (size + count > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, size + count));
            }
            System.arraycopy(theirs, 0, values, size, count);
            size += count;
        }

        /** The {@code p} quantile in milliseconds (0 when empty). */
        synchronized double percentile(double p) {
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            return percentile(sorted, p);
        }

        synchronized void print(String name) {
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "  %-22s %6d %7.1f %7.1f %7.1f %7.1f%n", name, size, percentile(sorted, 0.5),
                    percentile(sorted, 0.9), percentile(sorted, 0.99), size == 0 ? 0 : sorted[size - 1] / 1e6);
        }

        private static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1e6;
        }
    }
}
