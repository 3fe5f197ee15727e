package org.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Move;
import org.parley.core.negotiation.Request;
import org.parley.core.negotiation.StrategySpec;
import org.parley.core.strategy.Setup;
import org.parley.core.strategy.Strategy;
import org.parley.core.strategy.StrategyRegistry;

/**
 * AI diplomats think off the request path, on a bounded pool, under a per-move time limit: a
 * person's move is acknowledged at once, the server stays responsive while an AI is slow, and an
 * AI that overruns its limit or fails leaves the table with the reason while the others go on.
 */
class SlowAiTest {

    /** Released after each test: a stuck strategy ignores interruption, as a careless one would. */
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        release.countDown();
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    /** Boulware until round {@code from}, then stuck until released (spinning, deaf to interrupts). */
    private Strategy stuckFrom(int from) {
        Strategy honest = new StrategyRegistry().create(StrategySpec.parse("boulware"));
        return new Strategy() {
            @Override
            public void start(Setup setup) {
                honest.start(setup);
            }

            @Override
            public Action act(Request request) {
                if (request.round() >= from) {
                    while (release.getCount() > 0) {
                        Thread.onSpinWait();
                    }
                    return new Action.WalkAway();
                }
                return honest.act(request);
            }

            @Override
            public void observe(Move move) {
                honest.observe(move);
            }
        };
    }

    private TestServer server(int workers) {
        StrategyRegistry registry = new StrategyRegistry();
        registry.register(new StrategyRegistry.Entry("stuck", "test: stuck from round 1", Set.of(), p -> stuckFrom(1)));
        registry.register(new StrategyRegistry.Entry("failing", "test: throws from round 1", Set.of(), p -> {
            Strategy honest = new StrategyRegistry().create(StrategySpec.parse("boulware"));
            return new Strategy() {
                @Override
                public void start(Setup setup) {
                    honest.start(setup);
                }

                @Override
                public Action act(Request request) {
                    if (request.round() >= 1) {
                        throw new IllegalStateException("lost the plot");
                    }
                    return honest.act(request);
                }

                @Override
                public void observe(Move move) {
                    honest.observe(move);
                }
            };
        }));
        TestServer server = new TestServer(ServerOptions.defaults().withAiWorkers(workers), new Engines(registry));
        open.add(server);
        return server;
    }

    private static JsonNode create(Http http, String vethari, double limit) {
        Http.Response created = http.post("/api/negotiations", null, "{\"scenario\": \"tavrik-accord\", \"deadline\":"
                + " {\"rounds\": 30}, \"seed\": 5, \"moveTimeLimit\": " + limit + ", \"parties\": {\"kaldari\":"
                + " {\"player\": \"human\"}, \"vethari\": {\"player\": \"ai\", \"strategy\": \"" + vethari + "\"}}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void theServerAnswersAtOnceWhileAnAiIsStuckAndTheAiLeavesWithATimeout() {
        TestServer server = server(2);
        Http http = new Http(server.base());
        JsonNode created = create(http, "stuck", 1.5);
        String id = created.path("id").asText();
        String token = created.path("parties").path("kaldari").path("token").asText();
        reachRoundOne(http, id, token);

        // The kaldari move; the vethari's AI diplomat then gets stuck in round 1.
        long t0 = System.nanoTime();
        Http.Response moved = http.post("/api/negotiations/" + id + "/moves", token,
                "{\"type\": \"offer\", \"offer\": " + ApiTest.KALDARI_BEST + "}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(millisSince(t0)).as("a move is acknowledged once stored, not after the AI replies").isLessThan(1000);

        // While it is stuck, the server answers: health, the view, the scenarios.
        boolean sawItThinking = false;
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            Http.Response health = http.get("/api/health", null);
            assertThat(health.status()).isEqualTo(200);
            assertThat(millisSince(t)).as("/api/health while an AI is stuck").isLessThan(1000);
            t = System.nanoTime();
            JsonNode view = http.get("/api/negotiations/" + id, token).json();
            assertThat(millisSince(t)).as("a view while an AI is stuck").isLessThan(1000);
            sawItThinking |= view.path("waitingFor").toString().contains("vethari");
            sleep(100);
        }
        assertThat(sawItThinking).as("the vethari were thinking meanwhile").isTrue();

        // After its 1.5 s limit it leaves with the reason, and the table goes on: the kaldari's turn again.
        JsonNode view = ApiTest.turnOf(http, id, token);
        assertThat(millisSince(t0)).isLessThan(10_000);
        assertThat(view.path("state").asText()).isEqualTo("running");
        JsonNode left = leaving(view, "vethari");
        assertThat(left.path("reason").asText()).isEqualTo("timeout");
        assertThat(view.path("parties").findValuesAsText("name")).contains("vethari");
        assertThat(view.path("turn").isObject()).isTrue();

        // The record says why, in the party's own words of the engine.
        Http.Response walked = http.post("/api/negotiations/" + id + "/moves", token, "{\"type\": \"walk-away\"}");
        assertThat(walked.json().path("state").asText()).isEqualTo("ended");
        JsonNode record = http.get("/api/negotiations/" + id + "/record", token).json();
        assertThat(record.path("record").toString()).contains("took longer than the limit of 1500 ms");
        assertThat(MetricsTest.value(http.get("/api/metrics", null).body(), "parley_ai_move_seconds_count"))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void aFailingAiLeavesWithTheReason() {
        TestServer server = server(2);
        Http http = new Http(server.base());
        JsonNode created = create(http, "failing", 5);
        String id = created.path("id").asText();
        String token = created.path("parties").path("kaldari").path("token").asText();
        reachRoundOne(http, id, token);
        http.post("/api/negotiations/" + id + "/moves", token, "{\"type\": \"offer\", \"offer\": " + ApiTest.KALDARI_BEST + "}");
        JsonNode view = ApiTest.turnOf(http, id, token);
        assertThat(leaving(view, "vethari").path("reason").asText()).isEqualTo("exception");
        assertThat(view.toString()).doesNotContain("lost the plot");
    }

    @Test
    void aStuckAiTakesNoWorkerFromTheOtherTablesOnceItsLimitHasPassed() {
        // One worker only: the stuck call holds it until the watchdog gives the call up.
        TestServer server = server(1);
        Http http = new Http(server.base());
        JsonNode stuck = create(http, "stuck", 0.5);
        String stuckId = stuck.path("id").asText();
        String stuckToken = stuck.path("parties").path("kaldari").path("token").asText();
        reachRoundOne(http, stuckId, stuckToken);
        http.post("/api/negotiations/" + stuckId + "/moves", stuckToken,
                "{\"type\": \"offer\", \"offer\": " + ApiTest.KALDARI_BEST + "}");
        // Another table, with well-behaved AI diplomats, is served even though the stuck strategy never returns.
        long t0 = System.nanoTime();
        JsonNode other = create(http, "boulware", 5);
        JsonNode view = ApiTest.turnOf(http, other.path("id").asText(),
                other.path("parties").path("kaldari").path("token").asText());
        assertThat(view.path("turn").isObject()).isTrue();
        assertThat(millisSince(t0)).isLessThan(5_000);
        assertThat(leaving(ApiTest.turnOf(http, stuckId, stuckToken), "vethari").path("reason").asText())
                .isEqualTo("timeout");
    }

    /** The kaldari answer round 0; the vethari then play round 0 well, and misbehave from round 1 on. */
    private static void reachRoundOne(Http http, String id, String token) {
        ApiTest.turnOf(http, id, token);
        Http.Response first = http.post("/api/negotiations/" + id + "/moves", token,
                "{\"type\": \"offer\", \"offer\": " + ApiTest.KALDARI_BEST + "}");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode view = ApiTest.turnOf(http, id, token);
        assertThat(view.path("round").asInt()).isEqualTo(1);
    }

    private static JsonNode leaving(JsonNode view, String party) {
        for (JsonNode move : view.path("moves")) {
            if (move.path("party").asText().equals(party) && move.path("action").asText().equals("misbehaviour")) {
                return move;
            }
        }
        throw new AssertionError(party + " did not leave the table: " + view.path("moves"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
