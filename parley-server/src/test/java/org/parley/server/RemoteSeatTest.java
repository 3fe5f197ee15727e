package org.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.core.strategy.StrategyRegistry;
import org.parley.io.remote.RemoteAgents;
import org.parley.store.Databases;
import org.parley.store.RecordStatus;
import org.parley.store.RecordStore;

/**
 * An AI seat played by a remote agent: allowed only at the URLs the server was started with, and
 * then played to the end, the agent's moves in the record beside the built-in's.
 */
class RemoteSeatTest {

    private HttpServer agent;
    private final Map<String, JsonNode> bids = new ConcurrentHashMap<>();
    private RecordStore store;
    private ParleyServer server;
    private Http http;

    /** An agent that offers its best bid and accepts whatever is worth 0.5 to it and keeps its constraints. */
    @BeforeEach
    void start() throws IOException {
        agent = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        agent.createContext("/agent", exchange -> {
            JsonNode message = Http.JSON.readTree(exchange.getRequestBody());
            String reply = "{}";
            if (message.path("type").asText().equals("start")) {
                bids.put(message.path("session").asText(), message.path("bids").get(0).path("outcome"));
            } else if (message.path("type").asText().equals("act")) {
                JsonNode request = message.path("request");
                reply = !request.path("kind").asText().equals("propose") && request.path("feasible").asBoolean()
                        && request.path("utility").asDouble() >= 0.5 ? "{\"action\": \"accept\"}"
                        : "{\"action\": \"offer\", \"outcome\": " + bids.get(message.path("session").asText()) + "}";
            }
            byte[] body = reply.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        agent.start();
        Path folder = Files.createTempDirectory("parley-remote-seat-");
        store = Databases.open("jdbc:sqlite:" + folder.resolve("parley.db"));
        StrategyRegistry registry = new StrategyRegistry();
        String allowed = "http://127.0.0.1:" + agent.getAddress().getPort() + "/";
        RemoteAgents.register(registry, url -> url.toString().startsWith(allowed), "; allow it with --allow-remote.");
        server = ParleyServer.start("127.0.0.1", 0, store, registry);
        http = new Http("http://127.0.0.1:" + server.port());
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
        agent.stop(0);
    }

    private Http.Response create(String url) {
        return http.post("/api/negotiations", null, """
                {"scenario": "cardassian-talks", "deadline": {"rounds": 20}, "seed": 3,
                 "parties": {"federation": {"player": "ai", "strategy": "conceder"},
                             "union": {"player": "ai", "strategy": "remote:url=%s"}}}""".formatted(url));
    }

    @Test
    void aRemoteAgentPlaysAnAiSeatToTheEnd() throws InterruptedException {
        Http.Response created = create("http://127.0.0.1:" + agent.getAddress().getPort() + "/agent");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        for (int i = 0; i < 200 && store.find(id).orElseThrow().status() == RecordStatus.RUNNING; i++) {
            Thread.sleep(50);
        }
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(RecordStatus.FINISHED);
        List<String> events = store.events(id);
        assertThat(events).anyMatch(e -> e.contains("\"union\"")).noneMatch(e -> e.contains("misbehaviour"));
        // A table with an outside agent gets the server's move time limit, the same as every AI seat.
        assertThat(store.find(id).orElseThrow().settings())
                .contains("\"moveTimeLimit\":\"" + Api.MOVE_TIME_LIMIT + "\"");
        assertThat(http.get("/api/strategies", null).body()).contains("\"remote\"");
    }

    @Test
    void anAgentAtAnotherAddressIsRefused() {
        Http.Response refused = create("http://10.1.2.3:9000/agent");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.field()).isEqualTo("parties.union.strategy");
        assertThat(refused.error()).contains("not allowed here", "--allow-remote");
    }
}
