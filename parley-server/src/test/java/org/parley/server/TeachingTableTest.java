package org.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The table that teaches, over HTTP: messages sent with moves (checked, stored with the record,
 * shown to the others and in the debriefing), the protocol in one line at each turn, what
 * "Accept" will do under the agreement rule, and the margin over the walk-away value.
 */
class TeachingTableTest extends ServedTest {

    /** Keeps the federation's non-negotiable; gives the vethari nothing. */
    static final String DEAL = """
            {"authority": "federation", "strategic-resources": "joint-board", "local-resources": "kaldari-participation",
             "export-control": "open-market", "pricing": "market-price", "trust-measures": "medical-aid",
             "transition-guarantee": "federation-guarantee"}""";

    /** tavrik-accord with three people at the table: federation, kaldari, vethari in that order. */
    private static Seats threePeople() {
        Http.Response created = http.post("/api/negotiations", null, """
                {"scenario": "tavrik-accord", "deadline": {"rounds": 6}, "seed": 1,
                 "parties": {"federation": {"player": "human"}, "kaldari": {"player": "human"},
                             "vethari": {"player": "human"}}}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode json = created.json();
        return new Seats(json.path("id").asText(), json.path("parties").path("federation").path("token").asText(),
                json.path("parties").path("kaldari").path("token").asText(),
                json.path("parties").path("vethari").path("token").asText(), json.path("observer").path("token").asText());
    }

    record Seats(String id, String federation, String kaldari, String vethari, String observer) {
        JsonNode view(String token) {
            return http.get("/api/negotiations/" + id, token).json();
        }

        Http.Response move(String token, String body) {
            return http.post("/api/negotiations/" + id + "/moves", token, body);
        }
    }

    @Test
    void acceptSaysWhetherItClosesTheDealAndWhoStaysOut() {
        Seats t = threePeople();
        JsonNode federation = t.view(t.federation());
        assertThat(federation.path("protocolLine").asText()).startsWith("Stacked alternating offers")
                .contains("federation → kaldari → vethari").contains("one round being one turn each of the 3")
                .endsWith("Now: federation; next: kaldari.");
        // Proposing: nothing to accept, so nothing said about accepting.
        assertThat(federation.path("turn").has("acceptEffect")).isFalse();
        assertThat(t.move(t.federation(), "{\"type\": \"offer\", \"offer\": " + DEAL + "}").status()).isEqualTo(200);

        // The kaldari's acceptance would close it under "federation and kaldari must sign": the vethari would be out.
        JsonNode kaldari = t.view(t.kaldari());
        assertThat(kaldari.path("protocolLine").asText()).endsWith("Now: kaldari; next: vethari.");
        JsonNode effect = kaldari.path("turn").path("acceptEffect");
        assertThat(effect.path("closes").asBoolean()).isTrue();
        assertThat(names(effect.path("signers"))).containsExactly("federation", "kaldari");
        assertThat(names(effect.path("outside"))).containsExactly("vethari");
        assertThat(effect.path("text").asText()).isEqualTo(
                "Accepting closes the deal now for federation and kaldari; vethari stays out with its walk-away value.");

        // The kaldari counter instead; the vethari's acceptance would not close it (the federation must sign).
        String counter = DEAL.replace("\"joint-board\"", "\"kaldari\"");
        assertThat(t.move(t.kaldari(), "{\"type\": \"offer\", \"offer\": " + counter + "}").status()).isEqualTo(200);
        effect = t.view(t.vethari()).path("turn").path("acceptEffect");
        assertThat(effect.path("closes").asBoolean()).isFalse();
        assertThat(effect.path("text").asText()).startsWith("Accepting adds your signature to kaldari’s offer (signed so"
                + " far by kaldari); it is not a deal yet");
        assertThat(t.move(t.vethari(), "{\"type\": \"accept\"}").status()).isEqualTo(200);

        // Back to the federation in round 2: kaldari and vethari have signed, so its yes closes it for all three.
        JsonNode back = t.view(t.federation());
        assertThat(back.path("round").asInt()).isEqualTo(1);
        effect = back.path("turn").path("acceptEffect");
        assertThat(effect.path("closes").asBoolean()).isTrue();
        assertThat(names(effect.path("outside"))).isEmpty();
        assertThat(effect.path("text").asText()).isEqualTo(
                "Accepting closes the deal now for federation, kaldari and vethari.");
        // Only the party to answer is told; the observer sees the protocol line but no turn.
        assertThat(t.view(t.kaldari()).path("turn").isNull()).isTrue();
        assertThat(t.view(t.observer()).path("protocolLine").asText()).endsWith("Now: federation; next: kaldari.");
    }

    @Test
    void votingProtocolsExplainTheirPhasesAndWhatAYesDoes() {
        Http.Response created = http.post("/api/negotiations", null, """
                {"scenario": "tavrik-accord", "protocol": "amop", "deadline": {"rounds": 4}, "seed": 1,
                 "parties": {"federation": {"player": "human"}, "kaldari": {"player": "human"},
                             "vethari": {"player": "human"}}}""");
        JsonNode json = created.json();
        Seats t = new Seats(json.path("id").asText(), json.path("parties").path("federation").path("token").asText(),
                json.path("parties").path("kaldari").path("token").asText(),
                json.path("parties").path("vethari").path("token").asText(), json.path("observer").path("token").asText());
        assertThat(t.view(t.kaldari()).path("protocolLine").asText()).startsWith("Alternating multiple offers")
                .endsWith("Now: proposals from federation, kaldari and vethari.");
        String vethari = DEAL.replace("\"open-market\"", "\"vethari-exclusive\"");
        for (String[] move : new String[][] {{t.federation(), DEAL}, {t.kaldari(), DEAL}, {t.vethari(), vethari}}) {
            assertThat(t.move(move[0], "{\"type\": \"offer\", \"offer\": " + move[1] + "}").status()).isEqualTo(200);
        }
        JsonNode voting = t.view(t.kaldari());
        assertThat(voting.path("protocolLine").asText()).endsWith("Now: votes from federation, kaldari and vethari.");
        JsonNode effect = voting.path("turn").path("acceptEffect");
        assertThat(effect.path("closes").asBoolean()).isFalse();
        assertThat(effect.path("text").asText()).startsWith("Voting yes signs federation’s proposal; when all votes are in,"
                + " it passes if its signers meet the rule (2 of 3 must sign, including federation and kaldari)");

        created = http.post("/api/negotiations", null, """
                {"scenario": "tavrik-accord", "protocol": "mediated", "deadline": {"rounds": 4}, "seed": 1,
                 "parties": {"kaldari": {"player": "human"}}}""");
        json = created.json();
        String kaldari = json.path("parties").path("kaldari").path("token").asText();
        JsonNode mediated = ApiTest.turnOf(http, json.path("id").asText(), kaldari);
        assertThat(mediated.path("protocolLine").asText()).startsWith("Single-text mediation: each round the mediator");
        assertThat(mediated.path("turn").path("acceptEffect").path("text").asText())
                .startsWith("Voting yes supports replacing the text with this change");
    }

    @Test
    void everyScoreCarriesTheMarginOverTheOwnWalkAwayValue() {
        Seats t = threePeople();
        assertThat(t.move(t.federation(), "{\"type\": \"offer\", \"offer\": " + DEAL + "}").status()).isEqualTo(200);
        // For the kaldari: 0 + 10 + 6 + 15 + 10 + 7 + 25 = 73 points against a walk-away value of 20.
        JsonNode kaldari = t.view(t.kaldari());
        assertThat(kaldari.path("turn").path("score").path("points").asDouble()).isEqualTo(73);
        assertThat(kaldari.path("turn").path("score").path("margin").asDouble()).isEqualTo(53);
        assertThat(kaldari.path("moves").get(0).path("score").path("margin").asDouble()).isEqualTo(53);
        // For the vethari, the same deal is below its walk-away value of 45: a negative margin.
        JsonNode vethari = t.view(t.vethari());
        double points = vethari.path("moves").get(0).path("score").path("points").asDouble();
        assertThat(vethari.path("moves").get(0).path("score").path("margin").asDouble()).isEqualTo(points - 45)
                .isNegative();
        Http.Response scored = http.post("/api/negotiations/" + t.id() + "/score", t.kaldari(),
                "{\"offer\": " + DEAL + "}");
        assertThat(scored.json().path("margin").asDouble()).isEqualTo(53);
    }

    @Test
    void messagesTravelWithMovesAreStoredAndShownToEveryoneAndInTheDebrief() {
        Seats t = threePeople();
        String hello = "<img src=x onerror=alert(1)> We keep authority; the rest is open.";
        Http.Response sent = t.move(t.federation(), "{\"type\": \"offer\", \"offer\": " + DEAL + ", \"message\": "
                + Http.JSON.valueToTree(hello) + "}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        // Kept as typed (plain text: the page shows it as text), for everyone, the observer too.
        for (String token : List.of(t.federation(), t.kaldari(), t.vethari(), t.observer())) {
            assertThat(t.view(token).path("moves").get(0).path("message").asText()).isEqualTo(hello);
        }
        assertThat(t.move(t.kaldari(), "{\"type\": \"accept\", \"message\": \"  Agreed, with thanks.  \"}").status())
                .isEqualTo(200);
        JsonNode ended = t.view(t.vethari());
        assertThat(ended.path("state").asText()).isEqualTo("ended");
        assertThat(ended.path("moves").get(1).path("message").asText()).isEqualTo("Agreed, with thanks.");
        // The debriefing lists the conversation; the stored record keeps each message with its move.
        JsonNode said = ended.path("debrief").path("messages");
        assertThat(said.size()).isEqualTo(2);
        assertThat(said.get(0).path("party").asText()).isEqualTo("federation");
        assertThat(said.get(0).path("message").asText()).isEqualTo(hello);
        assertThat(said.get(1).path("action").asText()).isEqualTo("accept");
        JsonNode record = http.get("/api/negotiations/" + t.id() + "/record", t.observer()).json();
        assertThat(record.path("record").path("events").get(0).path("message").asText()).isEqualTo(hello);
        assertThat(server.store.events(t.id()).get(1)).contains("Agreed, with thanks.");
    }

    @Test
    void aMessageIsOneLineOfAtMostFiveHundredCharacters() {
        Seats t = threePeople();
        List<String> bad = List.of("\"" + "x".repeat(501) + "\"", "\"two\\nlines\"", "\"tab\\there\"", "42",
                "{\"text\": \"hi\"}");
        for (String message : bad) {
            Http.Response refused = t.move(t.federation(), "{\"type\": \"offer\", \"offer\": " + DEAL
                    + ", \"message\": " + message + "}");
            assertThat(refused.status()).as(message).isEqualTo(400);
            assertThat(refused.field()).as(message).isEqualTo("message");
        }
        assertThat(t.view(t.federation()).path("moves").size()).as("nothing was played").isZero();
        // Exactly 500 is fine; a blank message is no message.
        Http.Response ok = t.move(t.federation(), "{\"type\": \"offer\", \"offer\": " + DEAL + ", \"message\": \""
                + "y".repeat(500) + "\"}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(t.move(t.kaldari(), "{\"type\": \"walk-away\", \"message\": \"   \"}").status()).isEqualTo(200);
        JsonNode moves = t.view(t.vethari()).path("moves");
        assertThat(moves.get(0).path("message").asText()).hasSize(500);
        assertThat(moves.get(1).has("message")).isFalse();
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
