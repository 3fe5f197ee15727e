package org.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Hostile scenario texts sent to the endpoints that read scenarios ({@code POST /api/scenarios/check},
 * {@code scenarioText} of {@code POST /api/negotiations}): each is a 400 with the JSON error body
 * naming the field and the limit, never a 500 with an empty body, and the server stays responsive.
 */
class ScenarioLimitsTest extends ServedTest {

    /** Nine levels of YAML aliases, each repeating the last ten times: 10^9 values in 700 bytes. */
    static String aliasBomb() {
        StringBuilder yaml = new StringBuilder("name: bomb\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 9; level++) {
            yaml.append('l').append(level).append(": &l").append(level).append(" [")
                    .append(String.join(", ", Collections.nCopies(10, "*l" + (level - 1)))).append("]\n");
        }
        return yaml.toString();
    }

    private static Http.Response check(String text, String format) {
        ObjectNode body = Http.JSON.createObjectNode().put("text", text);
        if (format != null) {
            body.put("format", format);
        }
        return http.post("/api/scenarios/check", null, body);
    }

    private static void assertRefused(Http.Response response, String field, String... limit) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.field()).isEqualTo(field);
        assertThat(response.error()).contains(limit);
    }

    @Test
    void yamlNestedTenThousandDeepIsA400NamingTheLimit() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertRefused(check(deep, null), "text", "uploaded scenario.yaml:1:", "nested more than 100 levels");
        String block = "- ".repeat(10_000) + "x\n";
        assertRefused(check(block, "yaml"), "text", "nested more than 100 levels");
        assertRefused(check(deep, "json"), "text", "uploaded scenario.json:1:", "nested more than 100 levels");
        ObjectNode create = Http.JSON.createObjectNode().put("scenarioText", deep);
        create.putObject("deadline").put("rounds", 6);
        assertRefused(http.post("/api/negotiations", null, create), "scenarioText", "nested more than 100 levels");
    }

    @Test
    void aLongValueIsA400NamingTheLimit() {
        String name = "x".repeat(200_000);
        assertRefused(check("name: " + name + "\n", null), "text", "200000 characters long", "100000");
        assertRefused(check("{\"name\": \"" + name + "\"}", "json"), "text", "100000 characters");
    }

    @Test
    void theHealthCheckAnswersWithinASecondWhileAliasBombsAreChecked() throws Exception {
        String bomb = aliasBomb();
        assertThat(bomb.length()).isLessThan(800);
        assertRefused(check(bomb, null), "text", "aliases", "100000");
        ObjectNode create = Http.JSON.createObjectNode().put("scenarioText", bomb);
        create.putObject("deadline").put("rounds", 6);
        assertRefused(http.post("/api/negotiations", null, create), "scenarioText", "aliases");

        // Two clients send bombs for three seconds while the health check is polled.
        AtomicBoolean going = new AtomicBoolean(true);
        ExecutorService attackers = Executors.newFixedThreadPool(2);
        List<Future<Integer>> sent = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            sent.add(attackers.submit(() -> {
                int count = 0;
                while (going.get()) {
                    assertThat(check(bomb, null).status()).isEqualTo(400);
                    count++;
                }
                return count;
            }));
        }
        long slowest = 0;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        int polls = 0;
        try {
            while (System.nanoTime() < end) {
                long start = System.nanoTime();
                Http.Response health = http.get("/api/health", null);
                slowest = Math.max(slowest, System.nanoTime() - start);
                assertThat(health.status()).isEqualTo(200);
                polls++;
                Thread.sleep(50);
            }
        } finally {
            going.set(false);
            attackers.shutdown();
        }
        assertThat(attackers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        int bombs = 0;
        for (Future<Integer> f : sent) {
            bombs += f.get();
        }
        assertThat(bombs).as("bombs checked while polling").isPositive();
        assertThat(polls).isPositive();
        assertThat(slowest).as("slowest health check, ns").isLessThan(TimeUnit.SECONDS.toNanos(1));
    }
}
