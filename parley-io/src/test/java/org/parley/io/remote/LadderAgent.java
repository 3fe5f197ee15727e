package org.parley.io.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A remote agent for tests, written against the protocol alone, as an agent in another language
 * would be: it concedes linearly down its ladder of bids (the start message's {@code bids}) and
 * accepts what reaches its target, reading its own utilities from the messages. {@code misbehave}
 * may replace the answer to a turn (by its number, from 1): a reply body, or null to answer
 * normally.
 */
final class LadderAgent implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One session's state. */
    private record Session(List<JsonNode> bids, double reservation) {}

    private final HttpServer server;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    final List<JsonNode> received = new CopyOnWriteArrayList<>();
    final AtomicInteger turns = new AtomicInteger();
    final AtomicInteger starts = new AtomicInteger();
    /** The session at whose start the agent dies (stops answering for good); 0 for never. */
    volatile int dieAtSession;
    private final Function<Integer, String> misbehave;

    LadderAgent(Function<Integer, String> misbehave) throws IOException {
        this.misbehave = misbehave;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/agent", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "ladder-agent");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    LadderAgent() throws IOException {
        this(turn -> null);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/agent";
    }

    /** Stops answering: later connections are refused. */
    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode message = MAPPER.readTree(exchange.getRequestBody());
        received.add(message);
        String reply = switch (message.get("type").asText()) {
            case "start" -> {
                if (starts.incrementAndGet() == dieAtSession) {
                    close();
                    yield "DIE";
                }
                List<JsonNode> bids = new ArrayList<>();
                message.get("bids").forEach(bids::add);
                sessions.put(message.get("session").asText(), new Session(bids, message.get("reservation").asDouble()));
                yield "{}";
            }
            case "act" -> {
                int turn = turns.incrementAndGet();
                String bad = misbehave.apply(turn);
                yield bad != null ? bad : act(sessions.get(message.get("session").asText()), message.get("request"));
            }
            default -> {
                sessions.remove(message.get("session").asText());
                yield "{}";
            }
        };
        if (reply.equals("DIE")) {
            exchange.close();
            return;
        }
        byte[] body = reply.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String act(Session session, JsonNode request) {
        double best = session.bids().get(0).get("utility").asDouble();
        double floor = Math.max(session.reservation(), session.bids().get(session.bids().size() - 1).get("utility").asDouble());
        double target = best - (best - floor) * request.get("time").asDouble();
        ObjectNode answer = MAPPER.createObjectNode();
        String kind = request.get("kind").asText();
        if (!kind.equals("propose") && request.get("feasible").asBoolean() && request.get("utility").asDouble() >= target) {
            return "{\"action\": \"accept\"}";
        }
        if (kind.equals("vote") || kind.equals("ratify")) {
            return "{\"action\": \"reject\"}";
        }
        JsonNode bid = session.bids().get(0);
        for (JsonNode b : session.bids()) {
            if (b.get("utility").asDouble() >= target) {
                bid = b;
            }
        }
        answer.put("action", "offer");
        answer.set("outcome", bid.get("outcome"));
        return answer.toString();
    }
}
