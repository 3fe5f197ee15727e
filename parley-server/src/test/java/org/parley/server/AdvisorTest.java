package org.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The advisor, over HTTP: off unless the negotiation's creator turns it on; at a person's turn it
 * suggests counter-offers better for that person and, judging by the others' public offers, no
 * worse for them; and it knows nothing of the others' private preferences: change those, play the
 * same moves, and the advice is the same.
 */
class AdvisorTest extends ServedTest {

    /** The federation's first offer: market pricing and full trust measures, which it gives up in the second. */
    static final String FEDERATION_1 = """
            {"authority": "federation", "strategic-resources": "joint-board", "local-resources": "federation",
             "export-control": "licensed-competition", "pricing": "market-price",
             "trust-measures": "medical-aid-and-trade-analytics", "transition-guarantee": "none"}""";
    static final String KALDARI_1 = """
            {"authority": "kaldari", "strategic-resources": "kaldari", "local-resources": "kaldari-control",
             "export-control": "licensed-competition", "pricing": "market-price", "trust-measures": "medical-aid",
             "transition-guarantee": "none"}""";
    static final String VETHARI_1 = """
            {"authority": "shared-council", "strategic-resources": "joint-board", "local-resources": "federation",
             "export-control": "vethari-exclusive", "pricing": "market-price",
             "trust-measures": "medical-aid-and-trade-analytics", "transition-guarantee": "federation-guarantee"}""";
    static final String FEDERATION_2 = """
            {"authority": "federation", "strategic-resources": "joint-board", "local-resources": "federation",
             "export-control": "licensed-competition", "pricing": "single-price", "trust-measures": "medical-aid",
             "transition-guarantee": "none"}""";

    private static JsonNode create(String scenarioText, Boolean advisor) {
        ObjectNode body = Http.JSON.createObjectNode();
        if (scenarioText == null) {
            body.put("scenario", "tavrik-accord");
        } else {
            body.put("scenarioText", scenarioText);
        }
        body.putObject("deadline").put("rounds", 6);
        body.put("seed", 2);
        ObjectNode parties = body.putObject("parties");
        for (String p : List.of("federation", "kaldari", "vethari")) {
            parties.putObject(p).put("player", "human");
        }
        if (advisor != null) {
            body.put("advisor", advisor);
        }
        Http.Response created = http.post("/api/negotiations", null, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private static String token(JsonNode created, String party) {
        return created.path("parties").path(party).path("token").asText();
    }

    /** Plays the four opening offers; returns the kaldari's view at their second turn. */
    private static JsonNode playOpening(JsonNode created) {
        String id = created.path("id").asText();
        String[][] moves = {{"federation", FEDERATION_1}, {"kaldari", KALDARI_1}, {"vethari", VETHARI_1},
            {"federation", FEDERATION_2}};
        for (String[] move : moves) {
            Http.Response r = http.post("/api/negotiations/" + id + "/moves", token(created, move[0]),
                    "{\"type\": \"offer\", \"offer\": " + move[1] + "}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        return http.get("/api/negotiations/" + id, token(created, "kaldari")).json();
    }

    @Test
    void theAdvisorIsOffUnlessTurnedOn() {
        JsonNode created = create(null, null);
        JsonNode kaldari = playOpening(created);
        assertThat(kaldari.path("advisor").asBoolean()).isFalse();
        assertThat(kaldari.has("advice")).isFalse();
        Http.Response bad = http.post("/api/negotiations", null, """
                {"scenario": "tavrik-accord", "deadline": {"rounds": 6}, "advisor": "yes"}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.field()).isEqualTo("advisor");
    }

    @Test
    void itSuggestsTradesBetterForTheSeatAndNoWorseForTheOthersByTheirOffers() {
        JsonNode created = create(null, true);
        JsonNode kaldari = playOpening(created);
        assertThat(kaldari.path("advisor").asBoolean()).isTrue();
        JsonNode advice = kaldari.path("advice");
        assertThat(advice.path("referenceBy").asText()).isEqualTo("federation");
        assertThat(advice.path("reference")).isEqualTo(Http.parse(FEDERATION_2));
        assertThat(names(advice.path("learntFrom"))).containsExactly("federation", "vethari");
        assertThat(advice.path("offersSeen").asInt()).isEqualTo(3);
        // The federation has offered both market and single pricing, both trust packages: giving the kaldari the
        // better of each costs it nothing by its own offers, and the vethari offered them too. Every other change
        // goes against a value the federation kept in both its offers.
        double table = kaldari.path("turn").path("score").path("points").asDouble();
        assertThat(table).isEqualTo(27);
        JsonNode suggestions = advice.path("suggestions");
        assertThat(suggestions.size()).isEqualTo(3);
        assertThat(changes(suggestions.get(0))).containsExactly("pricing: single-price → market-price",
                "trust-measures: medical-aid → medical-aid-and-trade-analytics");
        assertThat(suggestions.get(0).path("score").path("points").asDouble()).isEqualTo(40);
        assertThat(suggestions.get(0).path("score").path("margin").asDouble()).isEqualTo(20);
        assertThat(changes(suggestions.get(1))).containsExactly("pricing: single-price → market-price");
        assertThat(changes(suggestions.get(2))).containsExactly(
                "trust-measures: medical-aid → medical-aid-and-trade-analytics");
        for (JsonNode s : suggestions) {
            assertThat(s.path("score").path("points").asDouble()).isGreaterThan(table);
            assertThat(s.path("score").path("acceptable").asBoolean()).isTrue();
        }
        // Only the party to move is advised; the observer never.
        String id = created.path("id").asText();
        assertThat(http.get("/api/negotiations/" + id, token(created, "vethari")).json().has("advice")).isFalse();
        assertThat(http.get("/api/negotiations/" + id, created.path("observer").path("token").asText()).json()
                .has("advice")).isFalse();
    }

    @Test
    void theAdviceDoesNotDependOnTheOtherPartiesPrivatePreferences() {
        String text = BuiltInScenarios.load().get("tavrik-accord").text();
        // The federation and the vethari with other points and walk-away values; the kaldari as before.
        String changed = text.replace("authority: [30, 0, 0]", "authority: [5, 20, 10]")
                .replace("pricing: [0, 5, 10]\n      trust-measures: [10, 6, 4]", "pricing: [10, 0, 5]\n      trust-measures: [0, 3, 20]")
                .replace("export-control: [40, 15, 0]", "export-control: [0, 15, 40]")
                .replace("reservation: 40", "reservation: 10")
                .replace("reservation: 45", "reservation: 70");
        assertThat(changed).isNotEqualTo(text);
        assertThat(changed.split("reservation: 10", -1)).hasSize(2);
        JsonNode original = playOpening(create(text, true)).path("advice");
        JsonNode other = playOpening(create(changed, true)).path("advice");
        assertThat(original.path("suggestions").size()).isPositive();
        assertThat(other).isEqualTo(original);
    }

    private static List<String> changes(JsonNode suggestion) {
        List<String> out = new ArrayList<>();
        suggestion.path("changes").forEach(c -> out.add(c.path("issue").asText() + ": " + c.path("from").asText()
                + " → " + c.path("to").asText()));
        return out;
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
