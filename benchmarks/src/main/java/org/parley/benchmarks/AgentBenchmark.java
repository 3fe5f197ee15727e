package org.parley.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.parley.api.StrategyProvider;
import org.parley.core.engine.BidSpaceCache;
import org.parley.core.engine.Negotiation;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.Move;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Request;
import org.parley.core.negotiation.StrategySpec;
import org.parley.core.strategy.AcceptanceCondition;
import org.parley.core.strategy.BoaStrategy;
import org.parley.core.strategy.StrategyPlugins;
import org.parley.core.strategy.StrategyRegistry;
import org.parley.core.strategy.TimeDependentBidding;
import org.parley.io.remote.RemoteAgents;

/**
 * Agents from outside: moves per second of one party played (a) by the built-in {@code boulware},
 * (b) by a plugin found with {@link java.util.ServiceLoader} through {@link StrategyPlugins} (the
 * same Boulware bidding and AC_next, behind a plugin class of its own, so both make the same
 * moves and only the machinery differs) and (c) by a remote agent over loopback HTTP (a JDK
 * HttpServer in this process, answering with a Boulware ladder from the protocol's messages).
 * Stacked alternating offers, 1,000-round deadline, 2 parties on a 10^4-outcome space, the other
 * party the built-in conceder; one operation is one negotiation, the {@code moves} counter counts
 * the measured party's moves. {@code guarded} adds the 1 s move time limit (a watched worker
 * thread). Not run in CI.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar AgentBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class AgentBenchmark {

    /** The plugin: Boulware (e = 0.2) with AC_next, as a plugin writes it against the API. */
    public static final class Plugins implements StrategyProvider {
        @Override
        public List<StrategyRegistry.Entry> strategies() {
            return List.of(new StrategyRegistry.Entry("plugin-boulware", "Boulware behind a plugin class", List.of(),
                    p -> new PluginBoulware()));
        }
    }

    /** Delegates every call, as a plugin's own class would sit between the engine and its logic. */
    static final class PluginBoulware implements org.parley.core.strategy.Strategy {
        private final BoaStrategy inner = new BoaStrategy(new TimeDependentBidding(0.2), AcceptanceCondition.next(), null);

        @Override
        public void start(org.parley.core.strategy.Setup setup) {
            inner.start(setup);
        }

        @Override
        public void observe(Move move) {
            inner.observe(move);
        }

        @Override
        public Action act(Request request) {
            return inner.act(request);
        }
    }

    @Param({"built-in", "plugin", "remote"})
    String agent;

    @Param({"false", "true"})
    boolean guarded;

    Scenario scenario;
    NegotiationSettings settings;
    StrategyRegistry registry;
    BidSpaceCache cache;
    LoopbackAgent server;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        scenario = NegotiationBenchmark.scenario(42, 2, 4, 10);
        registry = new StrategyRegistry();
        RemoteAgents.register(registry);
        StrategyPlugins.load(registry, List.of(), AgentBenchmark.class.getClassLoader());
        String spec = switch (agent) {
            case "built-in" -> "boulware";
            case "plugin" -> "plugin-boulware";
            default -> {
                server = new LoopbackAgent();
                yield "remote:url=" + server.url() + ",timeout=10s";
            }
        };
        Map<String, StrategySpec> strategies = new LinkedHashMap<>();
        strategies.put("p0", StrategySpec.parse(spec));
        strategies.put("p1", StrategySpec.parse("conceder"));
        settings = new NegotiationSettings("sao", Deadline.rounds(1000), strategies, 7,
                guarded ? java.time.Duration.ofSeconds(1) : null);
        cache = new BidSpaceCache();
        // Warm up without a move limit: a cold JVM's first remote call (loading the HTTP client and
        // the JSON code on both ends) took over 1 s on the loaded 2-core machine, which with the
        // limit would put the agent out at its first move and leave its code paths cold.
        NegotiationSettings unguarded = new NegotiationSettings(settings.protocol(), settings.deadline(),
                settings.strategies(), settings.seed(), null);
        for (int i = 0; i < 3; i++) {
            Negotiation.start(scenario, unguarded, registry, cache).run();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (server != null) {
            server.close();
        }
    }

    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        public long moves;

        @Setup(Level.Iteration)
        public void reset() {
            moves = 0;
        }
    }

    @Benchmark
    public Object negotiate(Counters counters) {
        Negotiation negotiation = Negotiation.start(scenario, settings, registry, cache);
        negotiation.run();
        for (Event event : negotiation.session().events()) {
            if (event.party().equals("p0")) {
                counters.moves++;
            }
        }
        if (negotiation.session().events().stream().anyMatch(e -> e.action() instanceof Action.Misbehaviour)) {
            throw new IllegalStateException("A party misbehaved: " + negotiation.session().events());
        }
        return negotiation.result();
    }

    /**
     * A remote agent on loopback: Boulware (e = 0.2) down the start message's ladder of bids,
     * accepting what reaches its target, reading only the protocol's messages.
     */
    static final class LoopbackAgent implements AutoCloseable {
        private static final ObjectMapper MAPPER = new ObjectMapper();
        private final HttpServer server;
        private final Map<String, List<JsonNode>> sessions = new ConcurrentHashMap<>();

        LoopbackAgent() throws IOException {
            // Without it the JDK's server writes a reply's headers and body as two segments, and
            // Nagle's algorithm holds the second until the client's delayed ACK: about 40 ms a move.
            System.setProperty("sun.net.httpserver.nodelay", "true");
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            server.createContext("/agent", this::handle);
            // The server's own dispatcher thread answers (the work is a few microseconds): handing
            // each message to a pool thread cost a thread hand-off per move, most of a round trip
            // on a loaded machine.
            server.setExecutor(Runnable::run);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/agent";
        }

        private void handle(HttpExchange exchange) throws IOException {
            JsonNode message = MAPPER.readTree(exchange.getRequestBody());
            String session = message.get("session").asText();
            String reply = "{}";
            switch (message.get("type").asText()) {
                case "start" -> {
                    List<JsonNode> bids = new ArrayList<>();
                    message.get("bids").forEach(bids::add);
                    sessions.put(session, bids);
                }
                case "act" -> reply = act(sessions.get(session), message.get("request"));
                default -> sessions.remove(session);
            }
            byte[] body = reply.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }

        private static String act(List<JsonNode> bids, JsonNode request) {
            double best = bids.get(0).get("utility").asDouble();
            double worst = bids.get(bids.size() - 1).get("utility").asDouble();
            double target = best - (best - Math.max(0.3, worst)) * Math.pow(request.get("time").asDouble(), 1 / 0.2);
            if (!request.get("kind").asText().equals("propose") && request.get("utility").asDouble() >= target) {
                return "{\"action\":\"accept\"}";
            }
            JsonNode bid = bids.get(0);
            for (JsonNode b : bids) {
                if (b.get("utility").asDouble() < target) {
                    break;
                }
                bid = b;
            }
            return "{\"action\":\"offer\",\"outcome\":" + bid.get("outcome") + "}";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
