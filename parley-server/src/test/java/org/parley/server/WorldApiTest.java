package org.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A person plays one power through a world over the API: its tables, the honour decisions, what
 * the reputation panel shows, and the refusals.
 */
class WorldApiTest extends ServedTest {

    static String duel() {
        return testWorld("duel.yaml");
    }

    static String testWorld(String file) {
        try (InputStream in = WorldApiTest.class.getResourceAsStream("/test-worlds/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the duel world with the federation played by the caller. */
    static JsonNode startDuel(Http http, String power) {
        ObjectNode body = Http.JSON.createObjectNode();
        body.put("worldText", duel());
        body.put("power", power);
        body.put("seed", 3);
        Http.Response started = http.post("/api/worlds", null, body);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json();
    }

    /** The world's view once it no longer plays without the person (their table, their decision, or the end). */
    static JsonNode settled(Http http, String id, String token) {
        JsonNode view = http.get("/api/worlds/" + id, token).json();
        for (int i = 0; i < 200 && (view.path("state").asText().equals("running")
                || view.path("state").asText().equals("negotiating") && tableEnded(http, view)); i++) {
            sleep(50);
            view = http.get("/api/worlds/" + id, token).json();
        }
        return view;
    }

    private static boolean tableEnded(Http http, JsonNode world) {
        String[] link = link(world.path("table").path("path").asText());
        return http.get("/api/negotiations/" + link[0], link[1]).json().path("state").asText().equals("ended");
    }

    /** A table path's negotiation id and seat token: /n/ID#TOKEN&world=WID.WTOKEN. */
    static String[] link(String path) {
        String id = path.substring(3, path.indexOf('#'));
        String token = path.substring(path.indexOf('#') + 1, path.indexOf('&'));
        return new String[] {id, token};
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theBuiltInWorldsAreListedWithoutThePowersPolicies() {
        JsonNode list = http.get("/api/worlds", null).json();
        JsonNode sector = null;
        for (JsonNode w : list) {
            if (w.path("name").asText().equals("sector")) {
                sector = w;
            }
        }
        assertThat(sector).isNotNull();
        assertThat(sector.path("powers").toString()).contains("federation", "kaldari", "vethari");
        assertThat(sector.path("negotiations").asInt()).isEqualTo(12);
        assertThat(list.toString()).doesNotContain("when-it-pays", "strategy", "boulware");
    }

    @Test
    void aPersonPlaysAPowerThroughAWorld() {
        JsonNode started = startDuel(http, "federation");
        String id = started.path("id").asText();
        String token = started.path("token").asText();
        assertThat(started.path("path").asText()).isEqualTo("/w/" + id + "#" + token);
        List<JsonNode> views = new ArrayList<>();

        // Negotiation 1: the federation's table; the kaldari open, the person accepts.
        JsonNode world = settled(http, id, token);
        views.add(world);
        assertThat(world.path("state").asText()).isEqualTo("negotiating");
        assertThat(world.path("schedule").get(0).path("status").asText()).isEqualTo("current");
        assertThat(world.path("schedule").get(1).path("status").asText()).isEqualTo("upcoming");
        assertThat(world.path("schedule").get(1).path("yours").asBoolean()).isFalse();
        String[] table = link(world.path("table").path("path").asText());
        JsonNode seat = ApiTest.turnOf(http, table[0], table[1]);
        views.add(seat);
        assertThat(seat.path("you").path("party").asText()).isEqualTo(world.path("table").path("party").asText());
        assertThat(seat.path("turn").path("kind").asText()).isEqualTo("respond");
        // Deciding before the table has ended is out of turn.
        Http.Response early = http.post("/api/worlds/" + id + "/decision", token, "{\"decision\": \"breach\"}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.error()).contains("no agreement of yours");
        Http.Response accepted = http.post("/api/negotiations/" + table[0] + "/moves", table[1], "{\"type\": \"accept\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);

        // The execution phase: the person's decision, with the gain shown.
        world = settled(http, id, token);
        views.add(world);
        assertThat(world.path("state").asText()).as(world.toString()).isEqualTo("deciding");
        JsonNode decision = world.path("decision");
        assertThat(decision.path("index").asInt()).isZero();
        assertThat(decision.path("gain").asDouble()).isPositive();
        assertThat(decision.path("reputationCost").asDouble()).isPositive();
        assertThat(decision.path("yourUtility").asDouble()).isPositive();
        assertThat(decision.path("agreement").size()).isEqualTo(2);
        Http.Response bad = http.post("/api/worlds/" + id + "/decision", token, "{\"decision\": \"maybe\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.field()).isEqualTo("decision");
        Http.Response breached = http.post("/api/worlds/" + id + "/decision", token, "{\"decision\": \"breach\"}");
        assertThat(breached.status()).as(breached.body()).isEqualTo(200);
        Http.Response twice = http.post("/api/worlds/" + id + "/decision", token, "{\"decision\": \"honour\"}");
        assertThat(twice.status()).isEqualTo(409);

        // Negotiation 2 runs without the person; negotiation 3 is theirs again.
        world = settled(http, id, token);
        views.add(world);
        assertThat(world.path("state").asText()).isEqualTo("negotiating");
        JsonNode first = world.path("schedule").get(0);
        assertThat(first.path("status").asText()).isEqualTo("done");
        assertThat(first.path("agreement").asBoolean()).isTrue();
        // The federation has just broken this one; the kaldari, who had their best terms, gained nothing by breaking it.
        assertThat(first.path("breached").toString()).isEqualTo("[\"federation\"]");
        // The kaldari break every deal they gain from breaking: the federation saw them break the next.
        assertThat(world.path("schedule").get(1).path("breached").toString()).isEqualTo("[\"kaldari\"]");
        assertThat(first.path("yourPayoff").asDouble()).isGreaterThan(decision.path("yourUtility").asDouble());
        assertThat(world.path("schedule").get(1).path("status").asText()).isEqualTo("done");
        assertThat(world.path("schedule").get(2).path("status").asText()).isEqualTo("current");
        Map<String, JsonNode> powers = powers(world);
        assertThat(powers.get("federation").path("breached").asInt()).isEqualTo(1);
        assertThat(powers.get("federation").path("welfare").isNumber()).isTrue();
        assertThat(powers.get("federation").has("trust")).isFalse();
        // The reputation panel: what the federation saw of the kaldari, and how far it now trusts them.
        assertThat(powers.get("kaldari").path("honoured").asInt()).isEqualTo(1);
        assertThat(powers.get("kaldari").path("breached").asInt()).isEqualTo(1);
        assertThat(powers.get("kaldari").path("trust").asDouble()).isLessThan(0.5);
        assertThat(powers.get("union").path("trust").asDouble()).isGreaterThanOrEqualTo(0.5);
        assertThat(powers.get("kaldari").has("welfare")).isFalse();

        // Negotiation 3: the person walks away; no agreement, nothing to decide, and the world ends.
        table = link(world.path("table").path("path").asText());
        views.add(ApiTest.turnOf(http, table[0], table[1]));
        Http.Response walked = http.post("/api/negotiations/" + table[0] + "/moves", table[1],
                "{\"type\": \"walk-away\"}");
        assertThat(walked.status()).as(walked.body()).isEqualTo(200);
        world = settled(http, id, token);
        assertThat(world.path("state").asText()).isEqualTo("ended");
        assertThat(world.path("schedule").get(2).path("agreement").asBoolean()).isFalse();
        // At the end, as at a table's, everything is revealed.
        assertThat(powers(world).get("kaldari").path("welfare").isNumber()).isTrue();
        assertThat(powers(world).get("kaldari").path("honours").asText()).isEqualTo("never");

        // Before the end, the person's views carried nothing private of another power.
        for (JsonNode view : views) {
            assertPrivate(view);
        }
    }

    static Map<String, JsonNode> powers(JsonNode world) {
        Map<String, JsonNode> byName = new java.util.LinkedHashMap<>();
        world.path("powers").forEach(p -> byName.put(p.path("name").asText(), p));
        return byName;
    }

    /**
     * A view of the federation's, before the end: no key under which a private number travels,
     * except in the person's own preferences, and no other power's welfare, standing or policy.
     */
    static void assertPrivate(JsonNode view) {
        Set<String> own = Set.of("preferences", "score", "utility", "reservation", "points", "weight", "issues",
                "acceptable", "aboveReservation", "discountedPoints", "discountedReservation", "constraints", "best",
                "discount", "referenceScore", "brokenConstraints", "margin", "curve");
        List<String> keys = new ArrayList<>();
        collect(view, "", keys);
        for (String key : keys) {
            String last = key.substring(key.lastIndexOf('.') + 1);
            if (PrivacyTest.PRIVATE.contains(last)) {
                // A table view: the person's own preferences and scores, never anyone else's.
                assertThat(own).as(key).contains(last);
            }
            assertThat(last).as(key).isNotIn("standing", "honours", "strategy", "trustOf", "payoffs", "debrief");
        }
        for (JsonNode power : view.path("powers")) {
            if (!power.path("you").asBoolean()) {
                assertThat(power.has("welfare")).as(power.toString()).isFalse();
            }
        }
        assertThat(view.toString()).doesNotContain("\"trust\":{\"");
    }

    private static void collect(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                out.add(path + "." + e.getKey());
                collect(e.getValue(), path + "." + e.getKey(), out);
            }
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, path + "[]", out));
        }
    }

    @Test
    void badRequestsAreRefusedNamingTheField() {
        ObjectNode body = Http.JSON.createObjectNode();
        body.put("world", "sector");
        body.put("power", "klingons");
        Http.Response unknown = http.post("/api/worlds", null, body);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.field()).isEqualTo("power");
        assertThat(unknown.error()).contains("Unknown power (klingons)").contains("federation");

        body.put("world", "atlantis");
        assertThat(http.post("/api/worlds", null, body).error()).contains("No built-in world (atlantis)");

        ObjectNode upload = Http.JSON.createObjectNode();
        upload.put("worldText", duel().replace("roles: [kaldari, union]", "roles: [kaldari, klingons]"));
        upload.put("power", "federation");
        Http.Response badFile = http.post("/api/worlds", null, upload);
        assertThat(badFile.status()).isEqualTo(400);
        assertThat(badFile.field()).isEqualTo("worldText");
        assertThat(badFile.error()).contains("uploaded world:15").contains("unknown power (klingons)");

        upload.put("worldText", duel().replace("generate: {parties: 2, issues: 2, options: 3, seed: 6}",
                "scenario: /etc/passwd"));
        Http.Response file = http.post("/api/worlds", null, upload);
        assertThat(file.status()).isEqualTo(400);
        assertThat(file.error()).contains(":14").contains("built-in scenarios only");

        upload.put("worldText", duel().replace("roles: [union, federation]", "roles: [union, kaldari]\n    repeat: 500"));
        assertThat(http.post("/api/worlds", null, upload).error()).contains("at most " + Worlds.MAX_NEGOTIATIONS);

        upload.put("worldText", "name: [unclosed");
        assertThat(http.post("/api/worlds", null, upload).status()).isEqualTo(400);

        upload.put("worldText", duel());
        upload.put("seed", "soon");
        assertThat(http.post("/api/worlds", null, upload).field()).isEqualTo("seed");
    }

    @Test
    void theSectorOpensOnTheTavrikTableWithTheOtherPowersAsAi() {
        Http.Response started = http.post("/api/worlds", null, "{\"world\": \"sector\", \"power\": \"kaldari\", \"seed\": 1}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        JsonNode world = started.json();
        assertThat(world.path("state").asText()).isEqualTo("negotiating");
        assertThat(world.path("table").path("scenario").asText()).isEqualTo("tavrik-accord");
        String[] table = link(world.path("table").path("path").asText());
        JsonNode seat = http.get("/api/negotiations/" + table[0], table[1]).json();
        assertThat(seat.path("you").path("party").asText()).isEqualTo("kaldari");
        assertThat(seat.path("parties").findValuesAsText("player")).containsExactly("ai", "human", "ai");
        // The kaldari's brief is the scenario's own: a person's walk-away value is never raised.
        assertThat(seat.path("preferences").path("reservation").asDouble()).isEqualTo(20);
        assertPrivate(seat);
    }

    /**
     * A world that holds the same negotiation twice, the same powers in the same seats: the first
     * table's debriefing (the kaldari's brief among it) would tell the person what the second is
     * played on, so it waits for the world's end; so do the chart and the record, which hold as much.
     */
    @Test
    void aWorldTablesDebriefingWaitsForTheEndOfTheWorld() {
        ObjectNode body = Http.JSON.createObjectNode();
        body.put("worldText", testWorld("repeat.yaml"));
        body.put("power", "federation");
        body.put("seed", 3);
        Http.Response started = http.post("/api/worlds", null, body);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String id = started.json().path("id").asText();
        String token = started.json().path("token").asText();
        String[] first = link(settled(http, id, token).path("table").path("path").asText());
        ApiTest.turnOf(http, first[0], first[1]);
        assertThat(http.post("/api/negotiations/" + first[0] + "/moves", first[1], "{\"type\": \"walk-away\"}")
                .status()).isEqualTo(200);
        JsonNode world = settled(http, id, token);
        assertThat(world.path("state").asText()).isEqualTo("negotiating");
        assertThat(world.path("position").asInt()).isEqualTo(1);

        JsonNode ended = http.get("/api/negotiations/" + first[0], first[1]).json();
        assertThat(ended.path("state").asText()).isEqualTo("ended");
        assertThat(ended.path("result").path("agreement").asBoolean()).isFalse();
        assertThat(ended.path("debriefWithheld").asText()).contains("world still in play");
        assertThat(ended.has("debrief")).isFalse();
        assertPrivate(ended);
        for (String part : List.of("/plot", "/plot.svg", "/record")) {
            Http.Response refused = http.get("/api/negotiations/" + first[0] + part, first[1]);
            assertThat(refused.status()).as(part).isEqualTo(403);
            assertThat(refused.error()).as(part).contains("withheld");
        }
        // The second table: the same scenario, the kaldari's brief still unknown to the person.
        String[] second = link(world.path("table").path("path").asText());
        assertPrivate(ApiTest.turnOf(http, second[0], second[1]));

        assertThat(http.post("/api/negotiations/" + second[0] + "/moves", second[1], "{\"type\": \"walk-away\"}")
                .status()).isEqualTo(200);
        assertThat(settled(http, id, token).path("state").asText()).isEqualTo("ended");
        // The world is over: both tables' debriefings are open, everyone's briefs with them.
        for (String[] table : List.of(first, second)) {
            JsonNode view = http.get("/api/negotiations/" + table[0], table[1]).json();
            assertThat(view.has("debriefWithheld")).isFalse();
            JsonNode debrief = view.path("debrief");
            assertThat(debrief.path("parties").isArray()).isTrue();
            assertThat(debrief.path("parties").findValues("preferences")).hasSize(2);
            assertThat(http.get("/api/negotiations/" + table[0] + "/record", table[1]).status()).isEqualTo(200);
        }
    }

    @Test
    void aWorldOpensOnlyWithItsToken() {
        JsonNode started = startDuel(http, "union");
        String id = started.path("id").asText();
        assertThat(http.get("/api/worlds/" + id, null).status()).isEqualTo(401);
        JsonNode other = startDuel(http, "kaldari");
        assertThat(http.get("/api/worlds/" + id, other.path("token").asText()).status()).isEqualTo(403);
        assertThat(http.get("/api/worlds/0123", other.path("token").asText()).status()).isEqualTo(404);
        assertThat(http.post("/api/worlds/" + id + "/decision", other.path("token").asText(),
                "{\"decision\": \"honour\"}").status()).isEqualTo(403);
        // The union's first negotiation is the second of the world: the first runs without a person.
        JsonNode world = settled(http, id, started.path("token").asText());
        assertThat(world.path("state").asText()).isEqualTo("negotiating");
        assertThat(world.path("schedule").get(0).path("status").asText()).isEqualTo("done");
        assertThat(world.path("schedule").get(0).has("yourPayoff")).isFalse();
    }
}
