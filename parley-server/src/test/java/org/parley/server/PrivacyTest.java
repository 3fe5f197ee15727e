package org.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.core.model.Outcome;
import org.parley.core.model.Scenario;

/**
 * A party's private preferences reach nobody else before the end: every endpoint is tried with
 * every token (each party's, the observer's, none, a malformed one, an unknown one, another
 * negotiation's) at several points of a negotiation, and every answer is searched for anything
 * private that is not the caller's own.
 */
class PrivacyTest {

    /** Keys under which private numbers travel. */
    static final Set<String> PRIVATE = Set.of("preferences", "reservation", "weight", "points", "best", "constraints",
            "discount", "score", "referenceScore", "debrief", "strategy", "discountedPoints", "curve", "issues",
            "discountedReservation", "brokenConstraints", "acceptable", "aboveReservation", "utility", "payoffs", "margin", "advice");

    static TestServer server;
    static Http http;
    static Scenario tavrik;

    @BeforeAll
    static void start() {
        server = new TestServer();
        http = new Http(server.base());
        tavrik = BuiltInScenarios.load().get("tavrik-accord").scenario();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void noEndpointRevealsAnotherPartysPreferencesBeforeTheEnd() {
        JsonNode created = http.post("/api/negotiations", null, """
                {"scenario": "tavrik-accord", "deadline": {"rounds": 8}, "seed": 3, "advisor": true,
                 "parties": {"federation": {"player": "human"}, "kaldari": {"player": "human"}}}""").json();
        String id = created.path("id").asText();
        JsonNode other = http.post("/api/negotiations", null, """
                {"scenario": "tavrik-accord", "deadline": {"rounds": 8},
                 "parties": {"kaldari": {"player": "human"}}}""").json();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("federation", created.path("parties").path("federation").path("token").asText());
        tokens.put("kaldari", created.path("parties").path("kaldari").path("token").asText());
        tokens.put("observer", created.path("observer").path("token").asText());
        tokens.put("none", null);
        tokens.put("malformed", "x' OR 1=1 --");
        tokens.put("unknown", "Z".repeat(43));
        tokens.put("foreign", other.path("parties").path("kaldari").path("token").asText());

        assertPublic(http.get("/api/scenarios", null).json());
        assertPublic(http.get("/api/scenarios/tavrik-accord", null).json());
        assertPublic(((com.fasterxml.jackson.databind.node.ObjectNode) created.deepCopy()).without(List.of("parties", "observer")));

        int checked = 0;
        for (int step = 0; step < 4; step++) {
            checked += tryEverything(id, tokens);
            // The federation offers (the same bundle each time), then the kaldari counter: the table moves on.
            JsonNode view = humansTurn(id, tokens.get("federation"));
            String mover = view.path("turn").isObject() ? "federation" : "kaldari";
            String offer = mover.equals("federation")
                    ? "{\"authority\": \"federation\", \"strategic-resources\": \"federation\", \"local-resources\":"
                            + " \"federation\", \"export-control\": \"licensed-competition\", \"pricing\": \"single-price\","
                            + " \"trust-measures\": \"none\", \"transition-guarantee\": \"none\"}"
                    : "{\"authority\": \"kaldari\", \"strategic-resources\": \"kaldari\", \"local-resources\":"
                            + " \"kaldari-control\", \"export-control\": \"licensed-competition\", \"pricing\":"
                            + " \"market-price\", \"trust-measures\": \"medical-aid\", \"transition-guarantee\": \"none\"}";
            Http.Response moved = http.post("/api/negotiations/" + id + "/moves", tokens.get(mover),
                    "{\"type\": \"offer\", \"offer\": " + offer + "}");
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            assertOnlyOwn(moved.json(), mover, "the move response");
        }
        assertThat(checked).isGreaterThan(100);

        // The end: the party to move walks away, and the debriefing reveals everyone to the participants only.
        String mover = humansTurn(id, tokens.get("federation")).path("turn").isObject() ? "federation" : "kaldari";
        Http.Response walked = http.post("/api/negotiations/" + id + "/moves", tokens.get(mover),
                "{\"type\": \"walk-away\"}");
        assertThat(walked.json().path("state").asText()).isEqualTo("ended");
        for (String who : List.of("federation", "kaldari", "observer")) {
            JsonNode view = http.get("/api/negotiations/" + id, tokens.get(who)).json();
            assertThat(view.path("debrief").path("parties").findValues("preferences")).hasSize(3);
            assertThat(http.get("/api/negotiations/" + id + "/record", tokens.get(who)).status()).isEqualTo(200);
            assertThat(http.get("/api/negotiations/" + id + "/plot", tokens.get(who)).status()).isEqualTo(200);
        }
        for (String who : List.of("none", "malformed", "unknown", "foreign")) {
            for (String path : List.of("", "/record", "/plot", "/plot.svg", "/events?token=" + encode(tokens.get(who)))) {
                Http.Response response = http.get("/api/negotiations/" + id + path, tokens.get(who));
                assertThat(response.status()).as(who + " " + path).isIn(401, 403);
                assertErrorOnly(response, who + " " + path);
            }
        }
    }

    /** The federation's view once a person is to move (the vethari's AI diplomat answers on the server's pool). */
    private static JsonNode humansTurn(String id, String token) {
        JsonNode view = http.get("/api/negotiations/" + id, token).json();
        for (int i = 0; i < 100; i++) {
            List<String> waiting = new ArrayList<>();
            view.path("waitingFor").forEach(w -> waiting.add(w.asText()));
            if (waiting.contains("federation") || waiting.contains("kaldari") || !view.path("state").asText().equals("running")) {
                return view;
            }
            view = http.get("/api/negotiations/" + id + "?after=" + view.path("version").asLong(), token).json();
        }
        return view;
    }

    /** Calls every endpoint with every token; returns how many answers were checked. */
    private int tryEverything(String id, Map<String, String> tokens) {
        int checked = 0;
        String anyOffer = "{\"offer\": {\"authority\": \"federation\", \"strategic-resources\": \"joint-board\","
                + " \"local-resources\": \"kaldari-participation\", \"export-control\": \"open-market\", \"pricing\":"
                + " \"negotiated-annually\", \"trust-measures\": \"medical-aid\", \"transition-guarantee\": \"none\"}}";
        for (Map.Entry<String, String> entry : tokens.entrySet()) {
            String who = entry.getKey();
            String token = entry.getValue();
            boolean party = who.equals("federation") || who.equals("kaldari");
            boolean ours = party || who.equals("observer");
            List<Http.Response> reads = new ArrayList<>();
            reads.add(http.get("/api/negotiations/" + id, token));
            reads.add(http.get("/api/negotiations/" + id + "?after=-1", token));
            for (Http.Response response : reads) {
                checked++;
                if (ours) {
                    assertThat(response.status()).as(who + ": " + response.body()).isEqualTo(200);
                    assertOnlyOwn(response.json(), party ? who : null, who + "'s view");
                } else {
                    assertThat(response.status()).as(who).isIn(401, 403);
                    assertErrorOnly(response, who);
                }
            }
            checked++;
            JsonNode streamed = firstStreamedView(id, token, who);
            if (ours) {
                assertOnlyOwn(streamed, party ? who : null, who + "'s event stream");
            }
            Http.Response score = http.post("/api/negotiations/" + id + "/score", token, anyOffer);
            checked++;
            if (party) {
                assertThat(score.status()).isEqualTo(200);
                JsonNode offer = Http.parse(anyOffer).path("offer");
                assertThat(score.json().path("points").asDouble()).as(who + "'s own score")
                        .isEqualTo(ownPoints(who, offer));
            } else {
                assertThat(score.status()).as(who).isIn(401, 403);
                assertErrorOnly(score, who + " scoring");
            }
            for (String body : List.of("{\"type\": \"offer\", \"offer\": {}}", "{\"type\": \"reject\"}", "{\"x\": 1}")) {
                Http.Response move = http.post("/api/negotiations/" + id + "/moves", token, body);
                checked++;
                assertThat(move.status()).as(who + " " + body).isBetween(400, 499);
                assertErrorOnly(move, who + " " + body);
            }
            for (String path : List.of("/record", "/plot", "/plot.svg", "/plot?x=federation&y=kaldari")) {
                Http.Response response = http.get("/api/negotiations/" + id + path, token);
                checked++;
                assertThat(response.status()).as(who + " " + path + " before the end").isBetween(400, 499);
                assertErrorOnly(response, who + " " + path);
            }
        }
        return checked;
    }

    private static JsonNode firstStreamedView(String id, String token, String who) {
        var request = http.request("/api/negotiations/" + id + "/events?token=" + encode(token), null)
                .header("Accept", "text/event-stream").GET().build();
        try {
            HttpResponse<Stream<String>> response = http.client().send(request, HttpResponse.BodyHandlers.ofLines());
            try (Stream<String> lines = response.body()) {
                if (response.statusCode() != 200) {
                    String body = String.join("\n", lines.toList());
                    assertThat(response.statusCode()).as(who + " stream").isIn(401, 403);
                    assertErrorOnly(new Http.Response(response.statusCode(), body, ""), who + " stream");
                    return null;
                }
                Iterator<String> it = lines.iterator();
                while (it.hasNext()) {
                    String line = it.next();
                    if (line.startsWith("data:")) {
                        return Http.parse(line.substring(5).trim());
                    }
                }
                throw new AssertionError(who + "'s event stream closed before its first view.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String token) {
        return token == null ? "" : java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A view may hold private data only where it is the viewer's own (a party), or none at all (an observer). */
    static void assertOnlyOwn(JsonNode view, String party, String what) {
        List<String> found = new ArrayList<>();
        walk(view, "", found);
        found.removeIf(p -> p.matches("/issues(/.*)?"));
        for (String path : found) {
            boolean own = party != null && (path.startsWith("/preferences") || path.matches("/turn/(score|referenceScore).*")
                    || path.matches("/moves/\\d+/score.*") || path.startsWith("/advice"));
            assertThat(own).as(what + " carries " + path).isTrue();
        }
        if (party == null) {
            return;
        }
        assertThat(view.path("preferences")).as(what).isEqualTo(Views.preferences(tavrik, party));
        for (JsonNode move : view.path("moves")) {
            if (move.has("offer")) {
                assertThat(move.path("score").path("points").asDouble()).as(what + ": " + move)
                        .isEqualTo(ownPoints(party, move.path("offer")));
            }
        }
        // The advisor's suggestions are scored for the viewer, by the viewer's own points.
        for (JsonNode suggestion : view.path("advice").path("suggestions")) {
            assertThat(suggestion.path("score").path("points").asDouble()).as(what + ": " + suggestion)
                    .isEqualTo(ownPoints(party, suggestion.path("offer")));
        }
        if (view.path("turn").has("offer")) {
            assertThat(view.path("turn").path("score").path("points").asDouble())
                    .isEqualTo(ownPoints(party, view.path("turn").path("offer")));
        }
    }

    static void assertPublic(JsonNode node) {
        List<String> found = new ArrayList<>();
        walk(node, "", found);
        found.removeIf(p -> p.matches("(/\\d+)?/issues.*"));
        assertThat(found).as("public data").isEmpty();
        assertThat(node.toString()).doesNotContain("reservation").doesNotContain("\"points\"");
    }

    static void assertErrorOnly(Http.Response response, String what) {
        JsonNode json = response.json();
        assertThat(json.isObject()).as(what + ": " + response.body()).isTrue();
        assertThat(json.fieldNames()).toIterable().as(what).containsExactly("error");
        assertThat(json.path("error").fieldNames()).toIterable().as(what).isSubsetOf("status", "field", "message");
        assertThat(response.body()).as(what).doesNotContain("\"reservation\"").doesNotContain("\"points\"");
    }

    private static void walk(JsonNode node, String path, List<String> found) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String child = path + "/" + e.getKey();
                if (PRIVATE.contains(e.getKey())) {
                    found.add(child);
                }
                walk(e.getValue(), child, found);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, found);
            }
        }
    }

    private static double ownPoints(String party, JsonNode offer) {
        Map<String, Object> values = new LinkedHashMap<>();
        offer.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        Outcome outcome = tavrik.domain().outcome(values);
        return Views.points(tavrik.party(party).preferences().utility(outcome));
    }
}
