package org.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.store.AccessGrant;
import org.parley.store.Databases;

/**
 * Every refusal has the documented shape, {"error": {"status", "field", "message"}}, whoever makes
 * it (the API, Javalin, Jetty, an Error deep in a reader), and quotes the input only in part.
 */
class ErrorShapeTest extends ServedTest {

    @TempDir
    Path folder;

    static void assertShape(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode error = response.json().path("error");
        assertThat(error.path("status").asInt()).as(response.body()).isEqualTo(status);
        assertThat(error.path("message").asText()).as(response.body()).isNotBlank();
    }

    @Test
    void anOversizedBodyIsA413InTheErrorShape() {
        String huge = "{\"text\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}";
        Http.Response response = http.post("/api/scenarios/check", null, huge);
        assertShape(response, 413);
        assertThat(response.error()).contains("2 MiB");
    }

    @Test
    void unknownRoutesAndMethodsAreJsonErrors() {
        for (String path : List.of("/api/nothing", "/nothing", "/assets/nothing.js", "/n/abc/def")) {
            Http.Response response = http.get(path, null);
            assertShape(response, 404);
        }
        Http.Response deleted = http.send(http.request("/api/scenarios", null).DELETE().build());
        assertThat(deleted.status()).isIn(404, 405);
        assertShape(deleted, deleted.status());
    }

    @Test
    void internalErrorsAndJavaErrorsAreJson500s() {
        ReliabilityTest.FlakyStore store = new ReliabilityTest.FlakyStore(
                Databases.open("jdbc:sqlite:" + folder.resolve("broken.db"))) {
            @Override
            public Optional<AccessGrant> access(String tokenHash) {
                if (tokenHash.equals(Tokens.hash("E".repeat(43)))) {
                    throw new StackOverflowError();
                }
                throw new IllegalStateException("the index is corrupt");
            }
        };
        try (ParleyServer broken = ParleyServer.start("127.0.0.1", 0, store)) {
            Http client = new Http("http://127.0.0.1:" + broken.port());
            Http.Response exception = client.get("/api/negotiations/abc", "A".repeat(43));
            assertShape(exception, 500);
            assertThat(exception.error()).contains("IllegalStateException").doesNotContain("corrupt");
            Http.Response error = client.get("/api/negotiations/abc", "E".repeat(43));
            assertShape(error, 500);
            assertThat(error.error()).contains("StackOverflowError");
            // The server is still there.
            assertThat(client.get("/api/health", null).status()).isEqualTo(200);
        } finally {
            store.close();
        }
    }

    @Test
    void messagesQuoteAtMostAShortPrefixOfTheInput() {
        String mega = "z".repeat(1_000_000);
        List<String> bodies = List.of(
                "{\"scenario\": \"" + mega + "\", \"deadline\": {\"rounds\": 5}}",
                "{\"scenario\": \"tavrik-accord\", \"deadline\": {\"rounds\": 5}, \"protocol\": \"" + mega + "\"}",
                "{\"scenario\": \"tavrik-accord\", \"deadline\": {\"rounds\": 5}, \"" + mega + "\": 1}",
                "{\"scenario\": \"tavrik-accord\", \"deadline\": {\"rounds\": 5}, \"parties\": {\"" + mega + "\": {}}}",
                "{\"scenario\": \"tavrik-accord\", \"deadline\": {\"rounds\": 5}, \"parties\": {\"kaldari\":"
                        + " {\"strategy\": \"" + mega + "\"}}}",
                "{\"scenario\": \"tavrik-accord\", \"deadline\": {\"rounds\": 5}, \"seed\": \"" + mega + "\"}",
                "{\"scenario\": " + mega.replace('z', '7') + "}",
                "{\"scenario\": tru" + mega + "}");
        for (String body : bodies) {
            Http.Response response = http.post("/api/negotiations", null, body);
            assertShape(response, 400);
            assertThat(response.body().length()).as(body.substring(0, 100)).isLessThan(1500);
        }
        JsonNode created = ApiTest.tavrikOn(http);
        String id = created.path("id").asText();
        String token = created.path("parties").path("kaldari").path("token").asText();
        Http.Response move = http.post("/api/negotiations/" + id + "/moves", token,
                "{\"type\": \"offer\", \"offer\": " + ApiTest.KALDARI_BEST.replace("market-price", mega) + "}");
        assertShape(move, 400);
        assertThat(move.field()).isEqualTo("offer.pricing");
        assertThat(move.error()).contains("zzzz").contains("1000000 characters");
        assertThat(move.body().length()).isLessThan(1500);
    }

    @Test
    void onlyApplicationJsonIsJson() {
        String body = "{\"text\": \"name: x\"}";
        for (String type : List.of("application/jsonx", "application/json-patch+json", "text/json",
                "application/json; charset=latin1", "application/x-www-form-urlencoded")) {
            Http.Response response = http.postRaw("/api/scenarios/check", null, type, body);
            assertShape(response, 415);
        }
        for (String type : List.of("application/json", "Application/JSON", "application/json; charset=utf-8",
                "application/json;charset=\"UTF-8\"")) {
            Http.Response response = http.postRaw("/api/scenarios/check", null, type, body);
            assertThat(response.status()).as(type).isEqualTo(400);
            assertThat(response.field()).as(type).isEqualTo("text");
        }
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        Http.Response response = http.post("/api/negotiations", null,
                "{\"scenario\": \"tavrik-accord\", \"deadline\": {\"rounds\": 5, \"rounds\": 900}}");
        assertShape(response, 400);
        assertThat(response.error()).contains("(rounds) appears twice");
        Http.Response top = http.post("/api/negotiations", null,
                "{\"scenario\": \"tavrik-accord\", \"scenario\": \"cardassian-talks\", \"deadline\": {\"rounds\": 5}}");
        assertShape(top, 400);
    }

    @Test
    void theEventStreamHasOneCacheControlHeader() throws Exception {
        JsonNode created = ApiTest.tavrikOn(http);
        String id = created.path("id").asText();
        String token = created.path("parties").path("kaldari").path("token").asText();
        HttpRequest request = http.request("/api/negotiations/" + id + "/events?token=" + token, null)
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<java.util.stream.Stream<String>> response = http.client().send(request,
                HttpResponse.BodyHandlers.ofLines());
        try (var lines = response.body()) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().allValues("Cache-Control")).hasSize(1);
        }
        assertThat(http.get("/api/health", null).contentType()).startsWith("application/json");
    }

    @Test
    void downloadsNameTheirFileSafely() {
        assertThat(Api.attachment("harbour-lease-outcome-space.svg"))
                .isEqualTo("attachment; filename=\"harbour-lease-outcome-space.svg\";"
                        + " filename*=UTF-8''harbour-lease-outcome-space.svg");
        // A name that would end the quoted string and add a second file name, or a header, is defused.
        String forged = Api.attachment("x\"; filename=\"evil.exe\r\nSet-Cookie: a=b.json");
        assertThat(forged).doesNotContain("\r").doesNotContain("\n").doesNotContain(" filename=\"evil");
        assertThat(forged).startsWith("attachment; filename=\"x___filename__evil.exe__Set-Cookie__a_b.json\";");
        assertThat(forged).contains("filename*=UTF-8''x%22%3B%20filename%3D%22evil.exe%0D%0ASet-Cookie%3A%20a%3Db.json");
        assertThat(Api.attachment("Délégation ü.json")).isEqualTo(
                "attachment; filename=\"D_l_gation__.json\"; filename*=UTF-8''D%C3%A9l%C3%A9gation%20%C3%BC.json");
        assertThat(Api.attachment("../../.bashrc")).startsWith("attachment; filename=\"bashrc\"");
    }

    @Test
    void theFaviconIsAnIcon() {
        HttpResponse<byte[]> response = http.bytes("/favicon.ico");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/x-icon");
        assertThat(response.body()).startsWith(0, 0, 1, 0);
        assertThat(http.get("/assets/favicon.svg", null).body()).contains("<svg");
    }

    @Test
    void aCutBodyIsNamedByItsPositionNotByJacksonsSourceNote() {
        Http.Response response = http.post("/api/scenarios/check", null, "{\"text\": [1, 2");
        assertShape(response, 400);
        assertThat(response.error()).startsWith("The body is not valid JSON")
                .contains("line 1, column")
                .doesNotContain("Source", "REDACTED", "StreamReadFeature");
    }
}
