package org.parley.io.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.parley.core.strategy.StrategyRegistry;
import org.parley.io.json.NegotiationJson;

/**
 * The {@code remote} strategy: a party played by an agent in any language behind an HTTP endpoint
 * ({@code remote:url=http://127.0.0.1:9000/agent}), speaking the protocol of docs/agents.md. One
 * HTTP client serves every remote party of a registry (connections are kept alive and reused).
 */
public final class RemoteAgents {

    /** The strategy's name. */
    public static final String NAME = "remote";
    /** Where the strategy comes from, in {@link StrategyRegistry#origin}. */
    public static final String ORIGIN = "remote agents over HTTP (docs/agents.md)";
    /** How long an agent may take to answer when neither the spec nor the run sets a move time limit. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** How long connecting to an agent may take (within the call's own limit). */
    static final int CONNECT_MILLIS = 5000;

    private RemoteAgents() {}

    /** Adds {@code remote} to {@code registry}, for any http or https URL. */
    public static void register(StrategyRegistry registry) {
        register(registry, url -> true, "");
    }

    /**
     * Adds {@code remote} to {@code registry}, for the URLs {@code allowed} accepts; a spec naming
     * another is refused, with {@code hint} saying how to allow it.
     */
    public static void register(StrategyRegistry registry, Predicate<URI> allowed, String hint) {
        // Built when the first remote party is: a JDK HttpClient sets up TLS (an SSLContext, the
        // security providers: some 180 classes) as it is built, which every `parley run` and
        // tournament paid for at start-up without a remote party in sight.
        Supplier<HttpClient> client = new Supplier<>() {
            private HttpClient built;

            @Override
            public synchronized HttpClient get() {
                if (built == null) {
                    // The client's own threads finish each exchange instead of handing it to a pool: one
                    // thread hand-off less per move, which is most of a move's latency on a busy machine.
                    built = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofMillis(CONNECT_MILLIS)).executor(Runnable::run).build();
                }
                return built;
            }
        };
        registry.register(new StrategyRegistry.Entry(NAME, "an agent in any language behind an HTTP endpoint, speaking"
                + " Parley's JSON protocol (docs/agents.md): it is sent its own preferences at the start and each turn's"
                + " public moves, and answers with its action", List.of(
                        StrategyRegistry.Parameter.required("url", "the agent's endpoint, like http://127.0.0.1:9000/agent"),
                        StrategyRegistry.Parameter.of("timeout", "", "how long it may take to answer, like 2s (default:"
                                + " the move time limit, else " + DEFAULT_TIMEOUT.toSeconds() + "s)"),
                        StrategyRegistry.Parameter.of("bids", "100", "how many of its bids, spread over its utility range,"
                                + " the start message lists")),
                p -> {
                    WarmUp.done();
                    URI url = url(p.text("url"));
                    if (!allowed.test(url)) {
                        throw new IllegalArgumentException("The remote agent (" + url + ") is not allowed here" + hint);
                    }
                    String timeout = p.text("timeout");
                    long bids = p.integer("bids");
                    if (bids < 0 || bids > 100_000) {
                        throw new IllegalArgumentException("The parameter (bids) of strategy (remote) must be from 0 to"
                                + " 100000, got (" + bids + ").");
                    }
                    return new RemoteStrategy(client.get(), url, timeout == null ? null : duration(timeout), (int) bids);
                }), ORIGIN);
    }

    /**
     * Loads and runs once, when the first remote party is created (which the move time limit does
     * not cover), the JSON and HTTP-request code every call uses. Otherwise a fresh process pays
     * for it inside the agent's first move: measured at 1.5–3.4 s on a loaded 2-core machine
     * (load average 25), which put agents out at their first move under the 1 s default limit.
     */
    private static final class WarmUp {
        static {
            ObjectNode message = JsonNodeFactory.instance.objectNode();
            message.put("type", "act").put("session", "warm-up").put("protocolVersion", 1);
            ObjectNode move = message.putArray("moves").addObject();
            move.put("round", 0).put("time", 0.5).put("party", "p").put("action", "offer").put("utility", 0.5)
                    .put("feasible", true).putObject("outcome").put("issue", "option");
            message.putObject("request").put("kind", "respond").putNull("reference");
            JsonNode back = NegotiationJson.parse(NegotiationJson.text(message), "the warm-up message");
            HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).timeout(DEFAULT_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(back.toString(), StandardCharsets.UTF_8)).build();
        }

        static void done() {
            // The class's initialisation is the work.
        }
    }

    /** Checks an agent URL: http or https, with a host. */
    public static URI url(String text) {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The parameter (url) of strategy (remote) is not a URL (" + text + "): "
                    + e.getReason() + ".");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("The parameter (url) of strategy (remote) must be an http or https URL"
                    + " with a host, like http://127.0.0.1:9000/agent, got (" + text + ").");
        }
        return url;
    }

    /** 500ms, 2s, 1m. */
    static Duration duration(String text) {
        var m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)").matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("The parameter (timeout) of strategy (remote) must be a duration like"
                    + " 500ms, 2s or 1m, got (" + text + ").");
        }
        double amount = Double.parseDouble(m.group(1));
        double millis = switch (m.group(2)) {
            case "ms" -> amount;
            case "s" -> amount * 1000;
            default -> amount * 60_000;
        };
        if (millis < 1 || millis > 3_600_000) {
            throw new IllegalArgumentException("The parameter (timeout) of strategy (remote) must be from 1ms to 1 hour,"
                    + " got (" + text + ").");
        }
        return Duration.ofMillis(Math.round(millis));
    }
}
