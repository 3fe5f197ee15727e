package org.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.store.AccessGrant;
import org.parley.store.Databases;
import org.parley.store.HistoryQuery;
import org.parley.store.StoredNegotiation;
import org.parley.store.RecordStatus;
import org.parley.store.RecordStore;

/** What clients and the database can throw at a negotiation: garbage, a failing disk, a clock that runs out. */
class ReliabilityTest {

    @TempDir
    Path folder;

    /** A record store whose appends fail while {@code failing} is set, like a full disk. */
    static class FlakyStore implements RecordStore {
        final RecordStore delegate;
        volatile boolean failing;

        FlakyStore(RecordStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public void append(String id, int seq, String event) {
            if (failing) {
                throw new IllegalStateException("disk full");
            }
            delegate.append(id, seq, event);
        }

        @Override
        public void save(StoredNegotiation record, List<String> events) {
            delegate.save(record, events);
        }

        @Override
        public void start(StoredNegotiation record) {
            delegate.start(record);
        }

        @Override
        public void start(StoredNegotiation record, List<AccessGrant> grants) {
            delegate.start(record, grants);
        }

        @Override
        public Optional<AccessGrant> access(String tokenHash) {
            return delegate.access(tokenHash);
        }

        @Override
        public void finish(String id, RecordStatus status, Boolean agreement, String result) {
            delegate.finish(id, status, agreement, result);
        }

        @Override
        public Optional<StoredNegotiation> find(String id) {
            return delegate.find(id);
        }

        @Override
        public List<String> events(String id) {
            return delegate.events(id);
        }

        @Override
        public List<StoredNegotiation> history(HistoryQuery query) {
            return delegate.history(query);
        }

        @Override
        public List<String> idsStartingWith(String prefix, int limit) {
            return delegate.idsStartingWith(prefix, limit);
        }

        @Override
        public String location() {
            return delegate.location();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    static final String PACT = "{\"type\": \"offer\", \"offer\": {\"defence\": \"defensive-pact\", \"front\":"
            + " \"patrol-support\", \"occupied-sector\": \"humanitarian-access\", \"exchange\": \"trade-agreement\"}}";

    @Test
    void aMoveTheDatabaseRefusesIsNotAcknowledgedAndTheTableReloads() {
        FlakyStore store = new FlakyStore(Databases.open("jdbc:sqlite:" + folder.resolve("flaky.db")));
        try (ParleyServer server = ParleyServer.start("127.0.0.1", 0, store)) {
            Http http = new Http("http://127.0.0.1:" + server.port());
            JsonNode created = twoPeople(http, "{\"rounds\": 6}");
            String id = created.path("id").asText();
            String federation = created.path("parties").path("federation").path("token").asText();
            String union = created.path("parties").path("union").path("token").asText();
            assertThat(http.post("/api/negotiations/" + id + "/moves", federation, PACT).status()).isEqualTo(200);

            store.failing = true;
            Http.Response refused = http.post("/api/negotiations/" + id + "/moves", union, "{\"type\": \"accept\"}");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.error()).contains("could not be saved").contains("disk full");
            assertThat(MetricsTest.value(http.get("/api/metrics", null).body(), "parley_store_errors_total")).isEqualTo(1);

            store.failing = false;
            JsonNode view = http.get("/api/negotiations/" + id, union).json();
            assertThat(view.path("state").asText()).isEqualTo("running");
            assertThat(view.path("moves").size()).isEqualTo(1);
            assertThat(view.path("turn").path("kind").asText()).isEqualTo("respond");
            Http.Response accepted = http.post("/api/negotiations/" + id + "/moves", union, "{\"type\": \"accept\"}");
            assertThat(accepted.status()).isEqualTo(200);
            assertThat(accepted.json().path("result").path("agreement").asBoolean()).isTrue();
            assertThat(store.events(id)).hasSize(2);
            assertThat(store.find(id).orElseThrow().status()).isEqualTo(RecordStatus.FINISHED);
        } finally {
            store.close();
        }
    }

    @Test
    void theClockEndsANegotiationNobodyMovesIn() throws Exception {
        try (TestServer server = new TestServer()) {
            Http http = new Http(server.base());
            JsonNode created = twoPeople(http, "{\"seconds\": 1}");
            String id = created.path("id").asText();
            String union = created.path("parties").path("union").path("token").asText();
            JsonNode running = http.get("/api/negotiations/" + id, union).json();
            assertThat(running.path("timeLeftMs").asLong()).isBetween(1L, 1000L);
            // A long poll wakes when the deadline ends the negotiation.
            JsonNode ended = http.get("/api/negotiations/" + id + "?after=" + running.path("version").asLong(), union).json();
            assertThat(ended.path("state").asText()).isEqualTo("ended");
            assertThat(ended.path("result").path("ending").asText()).isEqualTo("deadline");
            assertThat(server.store.find(id).orElseThrow().status()).isEqualTo(RecordStatus.FINISHED);
            Http.Response late = http.post("/api/negotiations/" + id + "/moves", union, "{\"type\": \"walk-away\"}");
            assertThat(late.status()).isEqualTo(409);
        }
    }

    @Test
    void randomBodiesNeverCrashANegotiationNorTouchItsRecord() {
        try (TestServer server = new TestServer()) {
            Http http = new Http(server.base());
            JsonNode created = twoPeople(http, "{\"rounds\": 6}");
            String id = created.path("id").asText();
            String federation = created.path("parties").path("federation").path("token").asText();
            Random random = new Random(42);
            String[] pieces = {"\"type\"", "\"offer\"", "\"accept\"", "\"reject\"", "\"walk-away\"", "\"defence\"",
                "\"front\"", "\"full-alliance\"", "\"none\"", "null", "true", "-1", "1e308", "\"\"", "{}", "[]",
                "\"\\u0000\"", "\"" + "x".repeat(5000) + "\"", ":", ",", "{", "}", "[", "]"};
            for (int i = 0; i < 400; i++) {
                StringBuilder body = new StringBuilder(random.nextBoolean() ? "{" : "");
                int n = random.nextInt(12);
                for (int k = 0; k < n; k++) {
                    body.append(pieces[random.nextInt(pieces.length)]);
                }
                if (random.nextBoolean()) {
                    body.append('}');
                }
                for (String path : List.of("/moves", "/score")) {
                    Http.Response response = http.post("/api/negotiations/" + id + path, federation, body.toString());
                    assertThat(response.status()).as(body + " → " + response.body()).isBetween(200, 499);
                    assertThat(response.json().isObject()).as(body.toString()).isTrue();
                }
            }
            for (int i = 0; i < 200; i++) {
                String body = "{\"scenario\": \"cardassian-talks\", \"deadline\": {\"rounds\": "
                        + (random.nextInt(3000) - 1000) + "}, \"parties\": {\"union\": {\"player\": "
                        + pieces[random.nextInt(pieces.length)] + "}}}";
                int status = http.post("/api/negotiations", null, body).status();
                assertThat(status).as(body).isIn(201, 400);
            }
            // Whatever the fuzz did (a valid offer may have slipped through), the record matches the table.
            JsonNode view = http.get("/api/negotiations/" + id, federation).json();
            assertThat(server.store.events(id)).hasSize(view.path("moves").size());
        }
    }

    private static JsonNode twoPeople(Http http, String deadline) {
        Http.Response created = http.post("/api/negotiations", null, "{\"scenario\": \"cardassian-talks\", \"deadline\": "
                + deadline + ", \"parties\": {\"federation\": {\"player\": \"human\"}, \"union\": {\"player\": \"human\"}}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }
}
