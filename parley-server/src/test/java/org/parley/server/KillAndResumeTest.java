package org.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.store.Databases;
import org.parley.store.RecordStatus;
import org.parley.store.RecordStore;

/**
 * A real server process is killed with SIGKILL while a person's moves stream in, twice, and
 * restarted on the same database: every acknowledged move is still there, the AI diplomats go on
 * where they were, and the negotiation plays to its end.
 */
class KillAndResumeTest {

    static final String[] OFFERS = {
        "{\"authority\": \"kaldari\", \"strategic-resources\": \"kaldari\", \"local-resources\": \"kaldari-control\","
                + " \"export-control\": \"open-market\", \"pricing\": \"market-price\", \"trust-measures\":"
                + " \"medical-aid-and-trade-analytics\", \"transition-guarantee\": \"federation-guarantee\"}",
        "{\"authority\": \"shared-council\", \"strategic-resources\": \"kaldari\", \"local-resources\": \"kaldari-control\","
                + " \"export-control\": \"licensed-competition\", \"pricing\": \"market-price\", \"trust-measures\":"
                + " \"medical-aid\", \"transition-guarantee\": \"federation-guarantee\"}",
    };

    @TempDir
    Path folder;

    @Test
    void everyAcknowledgedMoveSurvivesKillNineAndTheNegotiationResumes() throws Exception {
        String db = "jdbc:sqlite:" + folder.resolve("parley.db");
        Process server = launch(db);
        Http http = new Http("http://127.0.0.1:" + port(server));
        // The federation never accepts: its hard constraint wants authority to stay federal.
        JsonNode created = http.post("/api/negotiations", null, """
                {"scenario": "tavrik-accord", "deadline": {"rounds": 1000}, "seed": 11,
                 "parties": {"kaldari": {"player": "human"}}}""").json();
        String id = created.path("id").asText();
        String token = created.path("parties").path("kaldari").path("token").asText();

        for (int life = 0; life < 2; life++) {
            AtomicReference<JsonNode> acknowledged = new AtomicReference<>();
            Http current = http;
            Thread player = new Thread(() -> {
                for (int i = 0; ; i++) {
                    try {
                        // The AI diplomats answer after the acknowledgement: wait for the turn, then move.
                        JsonNode turn = ApiTest.turnOf(current, id, token);
                        if (!turn.path("state").asText().equals("running")) {
                            return;
                        }
                        Http.Response r = current.post("/api/negotiations/" + id + "/moves", token,
                                "{\"type\": \"offer\", \"offer\": " + OFFERS[i % 2] + "}");
                        if (r.status() != 200) {
                            return;
                        }
                        acknowledged.set(r.json());
                    } catch (RuntimeException e) {
                        return; // the server died under the request: not acknowledged
                    }
                }
            });
            player.start();
            // Kill once enough moves are acknowledged (and a little later each life), not after a
            // fixed sleep: under load a fixed sleep may see only a few moves.
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < until && player.isAlive() && (acknowledged.get() == null
                    || acknowledged.get().path("moves").size() <= 8 + 8 * life)) {
                Thread.sleep(20);
            }
            Thread.sleep(100L * life);
            server.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
            player.join(20_000);
            JsonNode last = acknowledged.get();
            assertThat(last).as("moves acknowledged before the kill").isNotNull();
            assertThat(last.path("moves").size()).as("moves acknowledged before the kill").isGreaterThan(6);

            server = launch(db);
            http = new Http("http://127.0.0.1:" + port(server));
            JsonNode first = http.get("/api/negotiations/" + id, token).json();
            assertThat(first.path("version").asLong()).as("reloaded from the database, it has every acknowledged move")
                    .isGreaterThanOrEqualTo(last.path("version").asLong());
            JsonNode view = ApiTest.turnOf(http, id, token);
            List<JsonNode> before = list(last.path("moves"));
            List<JsonNode> after = list(view.path("moves"));
            assertThat(after.size()).isGreaterThanOrEqualTo(before.size());
            assertThat(after.subList(0, before.size())).isEqualTo(before);
            // Versions come from the log, so a page reconnecting after the restart takes the new view as newer.
            assertThat(view.path("version").asLong()).isGreaterThanOrEqualTo(last.path("version").asLong());
            // The AI diplomats answered every kaldari move that was stored: it is the kaldari's turn again.
            assertThat(view.path("state").asText()).isEqualTo("running");
            assertThat(view.path("turn").path("kind").asText()).isEqualTo("respond");
            assertThat(after.get(after.size() - 1).path("party").asText()).isNotEqualTo("kaldari");
        }

        Http.Response walked = http.post("/api/negotiations/" + id + "/moves", token, "{\"type\": \"walk-away\"}");
        assertThat(walked.status()).isEqualTo(200);
        assertThat(walked.json().path("state").asText()).isEqualTo("ended");
        int moves = walked.json().path("moves").size();
        server.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        try (RecordStore store = Databases.open(db)) {
            assertThat(store.find(id).orElseThrow().status()).isEqualTo(RecordStatus.FINISHED);
            assertThat(store.events(id)).hasSize(moves);
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private static Process launch(String db) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ServerProcess.class.getName(), db);
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        return builder.start();
    }

    private static int port(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the server's first line").startsWith("PORT ");
        return Integer.parseInt(line.substring(5).trim());
    }
}
