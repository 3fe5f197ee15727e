package org.parley.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.parley.server.WorldApiTest.link;
import static org.parley.server.WorldApiTest.settled;
import static org.parley.server.WorldApiTest.startDuel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A world played in the browser outlives its server: stopped, killed with SIGKILL, or put out of
 * memory when idle, it is rebuilt from the store by replay and goes on at the same step with the
 * same reputation; a decision acknowledged is kept; a world whose replay no longer matches is
 * refused with the reason.
 */
class WorldRestartTest {

    /** The federation's moves in the duel up to its last table: accept at the first, then {@code decision}. */
    private static JsonNode playToTheLastTable(Http http, JsonNode started, String decision) {
        String id = started.path("id").asText();
        String token = started.path("token").asText();
        String[] table = link(settled(http, id, token).path("table").path("path").asText());
        ApiTest.turnOf(http, table[0], table[1]);
        assertThat(http.post("/api/negotiations/" + table[0] + "/moves", table[1], "{\"type\": \"accept\"}").status())
                .isEqualTo(200);
        assertThat(settled(http, id, token).path("state").asText()).isEqualTo("deciding");
        Http.Response decided = http.post("/api/worlds/" + id + "/decision", token,
                "{\"decision\": \"" + decision + "\"}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        return settled(http, id, token);
    }

    /** A view without what differs between two servers playing the same world: ids, tokens and links. */
    private static JsonNode withoutLinks(JsonNode view) {
        ObjectNode copy = view.deepCopy();
        copy.remove("id");
        copy.remove("table");
        copy.withArray("schedule").forEach(item -> ((ObjectNode) item).remove("table"));
        if (copy.has("decision")) {
            ((ObjectNode) copy.get("decision")).remove("table");
        }
        return copy;
    }

    /** The moves of a table, as its party sees them once it is their turn. */
    private static JsonNode moves(Http http, String[] table) {
        return ApiTest.turnOf(http, table[0], table[1]).path("moves");
    }

    @Test
    void aWorldGoesOnAfterARestartAtTheSameStepWithItsTableInProgress() {
        TestServer first = new TestServer();
        JsonNode started;
        JsonNode before;
        JsonNode movesBefore;
        try {
            Http http = new Http(first.base());
            started = startDuel(http, "federation");
            before = playToTheLastTable(http, started, "honour");
            assertThat(before.path("state").asText()).isEqualTo("negotiating");
            // The last table is under way: the union has opened, and it is the federation's turn.
            movesBefore = moves(http, link(before.path("table").path("path").asText()));
            assertThat(movesBefore.size()).isPositive();
        } finally {
            first.close();
        }
        try (TestServer second = new TestServer(first.folder, ServerOptions.defaults(), new Engines())) {
            Http http = new Http(second.base());
            String id = started.path("id").asText();
            String token = started.path("token").asText();
            // The same link, the same world: the step, the record, the trust, the table's link.
            JsonNode after = http.get("/api/worlds/" + id, token).json();
            assertThat(after).isEqualTo(before);
            String[] table = link(after.path("table").path("path").asText());
            assertThat(moves(http, table)).isEqualTo(movesBefore);
            assertThat(http.post("/api/negotiations/" + table[0] + "/moves", table[1], "{\"type\": \"walk-away\"}")
                    .status()).isEqualTo(200);
            JsonNode ended = settled(http, id, token);
            assertThat(ended.path("state").asText()).isEqualTo("ended");
            assertThat(ended.path("schedule").get(0).path("breached").size()).isZero();
        }
    }

    /**
     * The same on PostgreSQL, when {@code PARLEY_TEST_POSTGRES} names a server (as in CI): a world
     * stopped at a decision comes back at it, and the decision is taken on the new server.
     */
    @Test
    void aWorldGoesOnAfterARestartOnPostgres() {
        String url = System.getenv("PARLEY_TEST_POSTGRES");
        if ("1".equals(System.getenv("PARLEY_REQUIRE_POSTGRES"))) {
            assertThat(url).as("PARLEY_TEST_POSTGRES, with PARLEY_REQUIRE_POSTGRES=1").isNotBlank();
        }
        assumeTrue(url != null && !url.isBlank(), "PARLEY_TEST_POSTGRES is not set: PostgreSQL skipped");
        ServerOptions options = ServerOptions.defaults().withRates(null, null);
        JsonNode started;
        JsonNode deciding;
        try (TestServer first = new TestServer(url, options)) {
            Http http = new Http(first.base());
            started = startDuel(http, "federation");
            String[] table = link(settled(http, started.path("id").asText(), started.path("token").asText())
                    .path("table").path("path").asText());
            ApiTest.turnOf(http, table[0], table[1]);
            assertThat(http.post("/api/negotiations/" + table[0] + "/moves", table[1], "{\"type\": \"accept\"}")
                    .status()).isEqualTo(200);
            deciding = settled(http, started.path("id").asText(), started.path("token").asText());
            assertThat(deciding.path("state").asText()).isEqualTo("deciding");
        }
        try (TestServer second = new TestServer(url, options)) {
            Http http = new Http(second.base());
            String id = started.path("id").asText();
            String token = started.path("token").asText();
            assertThat(http.get("/api/worlds/" + id, token).json()).isEqualTo(deciding);
            assertThat(http.post("/api/worlds/" + id + "/decision", token, "{\"decision\": \"breach\"}").status())
                    .isEqualTo(200);
            JsonNode world = settled(http, id, token);
            assertThat(world.path("state").asText()).isEqualTo("negotiating");
            assertThat(world.path("schedule").get(0).path("breached").toString()).isEqualTo("[\"federation\"]");
        }
    }

    /**
     * The person's breach is acknowledged, and the server is killed at once (SIGKILL: no shutdown
     * hook, nothing flushed). The server started again on the database has the breach and goes on
     * exactly as a server that was never killed does with the same world, seed and moves.
     */
    @Test
    void anAcknowledgedDecisionSurvivesKillNine() throws Exception {
        JsonNode reference;
        try (TestServer never = new TestServer()) {
            reference = playToTheLastTable(new Http(never.base()), startDuel(new Http(never.base()), "federation"),
                    "breach");
        }
        Path folder = java.nio.file.Files.createTempDirectory("parley-world-kill-");
        String db = "jdbc:sqlite:" + folder.resolve("parley.db");
        Process server = launch(db);
        JsonNode started;
        try {
            Http http = new Http("http://127.0.0.1:" + port(server));
            started = startDuel(http, "federation");
            String id = started.path("id").asText();
            String token = started.path("token").asText();
            String[] table = link(settled(http, id, token).path("table").path("path").asText());
            ApiTest.turnOf(http, table[0], table[1]);
            assertThat(http.post("/api/negotiations/" + table[0] + "/moves", table[1], "{\"type\": \"accept\"}")
                    .status()).isEqualTo(200);
            assertThat(settled(http, id, token).path("state").asText()).isEqualTo("deciding");
            Http.Response breached = http.post("/api/worlds/" + id + "/decision", token, "{\"decision\": \"breach\"}");
            assertThat(breached.status()).isEqualTo(200);
        } finally {
            server.destroyForcibly(); // SIGKILL on Linux
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        server = launch(db);
        try {
            Http http = new Http("http://127.0.0.1:" + port(server));
            JsonNode after = settled(http, started.path("id").asText(), started.path("token").asText());
            assertThat(after.path("schedule").get(0).path("breached").toString()).isEqualTo("[\"federation\"]");
            assertThat(withoutLinks(after)).isEqualTo(withoutLinks(reference));
            String[] table = link(after.path("table").path("path").asText());
            assertThat(ApiTest.turnOf(http, table[0], table[1]).path("you").path("party").asText())
                    .isEqualTo(after.path("table").path("party").asText());
        } finally {
            server.destroyForcibly();
            server.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /** A world nobody opens leaves memory, and comes back as it was when its link is opened: at a table, at a decision. */
    @Test
    void anIdleWorldLeavesMemoryAndIsReloadedOnDemand() {
        try (TestServer server = new TestServer(ServerOptions.defaults().withRates(null, null)
                .withEvictIdle(Duration.ofMillis(300)))) {
            Http http = new Http(server.base());
            JsonNode started = startDuel(http, "federation");
            String id = started.path("id").asText();
            String token = started.path("token").asText();
            JsonNode atTable = settled(http, id, token);
            awaitEvicted(server);
            // A wrong token is refused before any replay: the world stays out of memory.
            assertThat(http.get("/api/worlds/" + id, "A".repeat(43)).status()).isEqualTo(403);
            assertThat(server.server.worldsInMemory()).isZero();
            assertThat(http.get("/api/worlds/" + id, token).json()).isEqualTo(atTable);
            assertThat(server.server.worldsInMemory()).isEqualTo(1);

            String[] table = link(atTable.path("table").path("path").asText());
            ApiTest.turnOf(http, table[0], table[1]);
            assertThat(http.post("/api/negotiations/" + table[0] + "/moves", table[1], "{\"type\": \"accept\"}")
                    .status()).isEqualTo(200);
            JsonNode deciding = settled(http, id, token);
            assertThat(deciding.path("state").asText()).isEqualTo("deciding");
            awaitEvicted(server);
            Http.Response breached = http.post("/api/worlds/" + id + "/decision", token, "{\"decision\": \"breach\"}");
            assertThat(breached.status()).as(breached.body()).isEqualTo(200);
            JsonNode world = settled(http, id, token);
            assertThat(world.path("state").asText()).isEqualTo("negotiating");
            assertThat(world.path("schedule").get(0).path("breached").toString()).isEqualTo("[\"federation\"]");
            assertThat(WorldApiTest.powers(world).get("kaldari").path("trust").asDouble()).isLessThan(0.5);
        }
    }

    private static void awaitEvicted(TestServer server) {
        for (int i = 0; i < 200 && server.server.worldsInMemory() > 0; i++) {
            WorldApiTest.sleep(50);
        }
        assertThat(server.server.worldsInMemory()).as("worlds in memory after 10 s idle").isZero();
    }

    /**
     * The stored world no longer matches its replay: an uploaded world's file changed under it (the
     * second negotiation now generates another scenario), a built-in world changed since it began.
     * Either is refused with the reason, as JSON; the server and the world's tables go on.
     */
    @Test
    void aWorldWhoseReplayDivergesIsRefusedWithTheReason() throws SQLException {
        TestServer first = new TestServer();
        JsonNode uploaded;
        JsonNode sector;
        try {
            Http http = new Http(first.base());
            uploaded = startDuel(http, "federation");
            playToTheLastTable(http, uploaded, "honour");
            Http.Response started = http.post("/api/worlds", null, "{\"world\": \"sector\", \"power\": \"kaldari\","
                    + " \"seed\": 1}");
            assertThat(started.status()).isEqualTo(201);
            sector = started.json();
        } finally {
            first.close();
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + first.folder.resolve("parley.db"))) {
            try (PreparedStatement edit = db.prepareStatement("UPDATE world_game SET world_text = REPLACE(world_text,"
                    + " 'seed: 6}', 'seed: 9}') WHERE id = ?")) {
                edit.setString(1, uploaded.path("id").asText());
                assertThat(edit.executeUpdate()).isEqualTo(1);
            }
            try (PreparedStatement edit = db.prepareStatement("UPDATE world_game SET world_digest = ? WHERE id = ?")) {
                edit.setString(1, "0".repeat(64));
                edit.setString(2, sector.path("id").asText());
                assertThat(edit.executeUpdate()).isEqualTo(1);
            }
        }
        try (TestServer second = new TestServer(first.folder, ServerOptions.defaults(), new Engines())) {
            Http http = new Http(second.base());
            Http.Response changed = http.get("/api/worlds/" + uploaded.path("id").asText(),
                    uploaded.path("token").asText());
            assertThat(changed.status()).isEqualTo(409);
            assertThat(changed.error()).contains("cannot be resumed").contains("negotiation 2")
                    .contains("another scenario");
            Http.Response upgraded = http.get("/api/worlds/" + sector.path("id").asText(), sector.path("token").asText());
            assertThat(upgraded.status()).isEqualTo(409);
            assertThat(upgraded.error()).contains("built-in world (sector) has changed");
            // The world's first table is still there, its debriefing withheld: the world did not end.
            String[] table = link(uploaded.path("table").path("path").asText());
            JsonNode seat = http.get("/api/negotiations/" + table[0], table[1]).json();
            assertThat(seat.path("state").asText()).isEqualTo("ended");
            assertThat(seat.has("debriefWithheld")).isTrue();
            assertThat(seat.has("debrief")).isFalse();
            assertThat(http.get("/api/health", null).status()).isEqualTo(200);
        }
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
