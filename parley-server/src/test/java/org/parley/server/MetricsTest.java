package org.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code GET /api/metrics}: Prometheus's text format, counting what happened. */
class MetricsTest {

    @Test
    void countsMovesLatenciesNegotiationsAndAiTime() {
        try (TestServer server = new TestServer()) {
            Http http = new Http(server.base());
            Http.Response before = http.get("/api/metrics", null);
            assertThat(before.status()).isEqualTo(200);
            assertThat(before.contentType()).startsWith("text/plain; version=0.0.4");
            assertThat(value(before.body(), "parley_moves_total\\{player=\"human\"\\}")).isZero();

            JsonNode created = ApiTest.tavrikOn(http);
            String id = created.path("id").asText();
            String token = created.path("parties").path("kaldari").path("token").asText();
            ApiTest.turnOf(http, id, token);
            Http.Response moved = http.post("/api/negotiations/" + id + "/moves", token,
                    "{\"type\": \"offer\", \"offer\": " + ApiTest.KALDARI_BEST + "}");
            assertThat(moved.status()).isEqualTo(200);
            // Wait for the AI diplomats' replies (they may come after the acknowledgement).
            ApiTest.turnOf(http, id, token);

            String text = http.get("/api/metrics", null).body();
            assertThat(value(text, "parley_moves_total\\{player=\"human\"\\}")).isEqualTo(1);
            assertThat(value(text, "parley_moves_total\\{player=\"ai\"\\}")).isGreaterThanOrEqualTo(2);
            assertThat(value(text, "parley_negotiations_running")).isEqualTo(1);
            assertThat(value(text, "parley_ai_move_seconds_count")).isGreaterThanOrEqualTo(2);
            assertThat(value(text, "parley_store_errors_total")).isZero();
            // The move's latency, as a histogram by route template: no ids, no tokens in labels.
            assertThat(text).contains("parley_http_requests_seconds_bucket{method=\"POST\",route=\"/api/negotiations/{id}/moves\",status=\"200\",le=");
            assertThat(text).doesNotContain(id).doesNotContain(token);
            assertThat(text).contains("jvm_memory_used_bytes");
        }
    }

    static double value(String text, String metric) {
        Matcher m = Pattern.compile("(?m)^" + metric + " (\\S+)$").matcher(text);
        assertThat(m.find()).as(metric + " in\n" + text).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
