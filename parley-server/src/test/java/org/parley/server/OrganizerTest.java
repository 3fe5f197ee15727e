package org.parley.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.store.Databases;
import org.parley.store.RecordStatus;
import org.parley.store.RecordStore;

/**
 * Organizers, limits and memory: keys to set up negotiations (required off loopback), each
 * organizer's page of their own negotiations with a way to end them, rate limits on creation and
 * moves, a cap on running negotiations, and idle running negotiations put out of memory.
 */
class OrganizerTest {

    static final String ALICE = "alice-key-0123456789";
    static final String BOB = "bob-key-abcdefghijklm";

    static final String TWO_PEOPLE = "{\"scenario\": \"cardassian-talks\", \"deadline\": {\"rounds\": 6},"
            + " \"parties\": {\"federation\": {\"player\": \"human\"}, \"union\": {\"player\": \"human\"}}}";

    private static Http.Response create(Http http, String key, String body) {
        return http.post("/api/negotiations", key, body);
    }

    @Test
    void servingBeyondThisMachineNeedsAnOrganizerKey() {
        try (RecordStore store = Databases.open("jdbc:sqlite::memory:")) {
            assertThatThrownBy(() -> ParleyServer.start("0.0.0.0", 0, store))
                    .hasMessageContaining("needs an organizer key");
        }
        assertThatThrownBy(() -> ServerOptions.defaults().withOrganizerKeys(Set.of("short")))
                .hasMessageContaining("16 to 200");
        assertThat(ParleyServer.loopback("127.0.0.1")).isTrue();
        assertThat(ParleyServer.loopback("::1")).isTrue();
        assertThat(ParleyServer.loopback("0.0.0.0")).isFalse();
    }

    @Test
    void onlyKeyHoldersSetUpNegotiationsAndEachSeesAndEndsOnlyTheirOwn() {
        try (TestServer server = new TestServer(ServerOptions.defaults().withOrganizerKeys(Set.of(ALICE, BOB)))) {
            Http http = new Http(server.base());
            assertThat(http.get("/api/health", null).json().path("organizerKeyRequired").asBoolean()).isTrue();
            Http.Response anonymous = create(http, null, TWO_PEOPLE);
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.error()).contains("organizer key");
            assertThat(create(http, "wrong-key-0123456789", TWO_PEOPLE).status()).isEqualTo(401);

            JsonNode a1 = create(http, ALICE, TWO_PEOPLE).json();
            JsonNode a2 = create(http, ALICE, TWO_PEOPLE).json();
            JsonNode b1 = create(http, BOB, TWO_PEOPLE).json();
            List<String> alices = http.get("/api/organizer/negotiations", ALICE).json().path("negotiations")
                    .findValuesAsText("id");
            assertThat(alices).containsExactlyInAnyOrder(a1.path("id").asText(), a2.path("id").asText());
            assertThat(http.get("/api/organizer/negotiations", BOB).json().path("negotiations").findValuesAsText("id"))
                    .containsExactly(b1.path("id").asText());
            assertThat(http.get("/api/organizer/negotiations", null).status()).isEqualTo(401);
            // A join link is not an organizer key.
            assertThat(http.get("/api/organizer/negotiations", a1.path("observer").path("token").asText()).status())
                    .isEqualTo(401);

            // Alice ends her first; Bob cannot end it, nor can Alice end Bob's.
            String id = a1.path("id").asText();
            assertThat(http.post("/api/organizer/negotiations/" + id + "/end", BOB, "").status()).isEqualTo(404);
            assertThat(http.post("/api/organizer/negotiations/" + b1.path("id").asText() + "/end", ALICE, "").status())
                    .isEqualTo(404);
            Http.Response ended = http.post("/api/organizer/negotiations/" + id + "/end", ALICE, "");
            assertThat(ended.status()).as(ended.body()).isEqualTo(200);
            assertThat(ended.json().path("state").asText()).isEqualTo("ended");
            assertThat(http.post("/api/organizer/negotiations/" + id + "/end", ALICE, "").status()).isEqualTo(409);
            String federation = a1.path("parties").path("federation").path("token").asText();
            JsonNode view = http.get("/api/negotiations/" + id, federation).json();
            assertThat(view.path("state").asText()).isEqualTo("ended");
            assertThat(view.path("result").path("reason").asText()).contains("organizer");
            assertThat(view.path("debrief").isObject()).isTrue();
            assertThat(server.store.find(id).orElseThrow().status()).isEqualTo(RecordStatus.FINISHED);
            assertThat(http.get("/organizer", null).body()).contains("Your negotiations");
        }
    }

    @Test
    void creationAndMovesAreRateLimitedPerOrganizerAndPerJoinLink() {
        ServerOptions options = ServerOptions.defaults().withRates(ServerOptions.Rate.parse("3/min"),
                ServerOptions.Rate.parse("2/s"));
        try (TestServer server = new TestServer(options)) {
            Http http = new Http(server.base());
            JsonNode created = null;
            for (int i = 0; i < 3; i++) {
                Http.Response r = create(http, null, TWO_PEOPLE);
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                created = r.json();
            }
            Http.Response refused = create(http, null, TWO_PEOPLE);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.error()).contains("at most 3/min");
            String id = created.path("id").asText();
            String union = created.path("parties").path("union").path("token").asText();
            int limited = 0;
            for (int i = 0; i < 6; i++) {
                // Out of turn: each is a 409 from the table, until the link's moves run out.
                Http.Response move = http.post("/api/negotiations/" + id + "/moves", union, "{\"type\": \"walk-away\"}");
                assertThat(move.status()).isIn(409, 429);
                limited += move.status() == 429 ? 1 : 0;
            }
            assertThat(limited).isGreaterThanOrEqualTo(3);
        }
        assertThatThrownBy(() -> ServerOptions.Rate.parse("fast")).hasMessageContaining("N/s, N/min or N/h");
        assertThat(ServerOptions.Rate.parse("off")).isNull();
    }

    @Test
    void aCapOnRunningNegotiations() {
        try (TestServer server = new TestServer(ServerOptions.defaults().withRates(null, null)
                .withOrganizerKeys(Set.of(ALICE)).withMaxRunning(2))) {
            Http http = new Http(server.base());
            JsonNode first = create(http, ALICE, TWO_PEOPLE).json();
            assertThat(create(http, ALICE, TWO_PEOPLE).status()).isEqualTo(201);
            Http.Response full = create(http, ALICE, TWO_PEOPLE);
            assertThat(full.status()).isEqualTo(503);
            assertThat(full.error()).contains("its limit");
            http.post("/api/organizer/negotiations/" + first.path("id").asText() + "/end", ALICE, "");
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            int status;
            do {
                status = create(http, ALICE, TWO_PEOPLE).status();
            } while (status != 201 && System.nanoTime() < until);
            assertThat(status).isEqualTo(201);
        }
    }

    @Test
    void idleRunningNegotiationsLeaveMemoryAndComeBackWithTheirClockRunning() throws Exception {
        try (TestServer server = new TestServer(ServerOptions.defaults().withRates(null, null)
                .withEvictIdle(Duration.ofMillis(300)))) {
            Http http = new Http(server.base());
            JsonNode rounds = create(http, null, TWO_PEOPLE).json();
            JsonNode timed = create(http, null, TWO_PEOPLE.replace("{\"rounds\": 6}", "{\"seconds\": 2}")).json();
            String federation = rounds.path("parties").path("federation").path("token").asText();
            Http.Response moved = http.post("/api/negotiations/" + rounds.path("id").asText() + "/moves", federation,
                    ReliabilityTest.PACT);
            assertThat(moved.status()).isEqualTo(200);
            waitFor(() -> http.get("/api/health", null).json().path("negotiationsInMemory").asInt() == 0);
            assertThat(http.get("/api/health", null).json().path("negotiationsRunning").asInt()).isEqualTo(2);
            // Back on demand, as it was.
            String union = rounds.path("parties").path("union").path("token").asText();
            JsonNode view = http.get("/api/negotiations/" + rounds.path("id").asText(), union).json();
            assertThat(view.path("moves").size()).isEqualTo(1);
            assertThat(view.path("turn").path("kind").asText()).isEqualTo("respond");
            // The timed one's clock ran on while it was out of memory: it ends on time, loaded by the server.
            String timedId = timed.path("id").asText();
            waitFor(() -> server.store.find(timedId).orElseThrow().status() == RecordStatus.FINISHED);
            JsonNode over = http.get("/api/negotiations/" + timedId, timed.path("observer").path("token").asText()).json();
            assertThat(over.path("result").path("ending").asText()).isEqualTo("deadline");
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(until);
            Thread.sleep(50);
        }
    }
}
