package org.parley.server;

import org.parley.core.protocol.Protocols;
import org.parley.core.protocol.ProtocolFactory;
import java.util.ArrayList;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.core.analysis.SolutionConcepts;
import org.parley.io.json.NegotiationJson;
import org.parley.store.RecordStatus;

/** The JSON API over HTTP: creating, viewing, scoring, moving, the end, and every refusal with its field. */
class ApiTest extends ServedTest {

    static final String KALDARI_BEST = """
            {"authority": "kaldari", "strategic-resources": "kaldari", "local-resources": "kaldari-control",
             "export-control": "open-market", "pricing": "market-price",
             "trust-measures": "medical-aid-and-trade-analytics", "transition-guarantee": "federation-guarantee"}""";

    /** Creates tavrik-accord with the kaldari played from outside; returns the creation response. */
    static JsonNode tavrik() {
        return tavrikOn(http);
    }

    static JsonNode tavrikOn(Http http) {
        Http.Response created = http.post("/api/negotiations", null, """
                {"scenario": "tavrik-accord", "deadline": {"rounds": 10}, "seed": 7,
                 "parties": {"kaldari": {"player": "human"}, "vethari": {"player": "ai", "strategy": "boulware"}}}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode json = created.json();
        // The federation's AI diplomat opens; the kaldari answer.
        turnOf(http, json.path("id").asText(), json.path("parties").path("kaldari").path("token").asText());
        return json;
    }

    /**
     * The view once the party is to move (or the negotiation has ended): the AI diplomats answer
     * on the server's pool after a move is acknowledged, so a client long-polls for them.
     */
    static JsonNode turnOf(Http http, String id, String token) {
        JsonNode view = http.get("/api/negotiations/" + id, token).json();
        for (int i = 0; i < 100 && view.path("turn").isNull() && view.path("state").asText().equals("running"); i++) {
            view = http.get("/api/negotiations/" + id + "?after=" + view.path("version").asLong(), token).json();
        }
        return view;
    }

    @Test
    void createsANegotiationWithOneUnguessableLinkPerPersonAndAnObserverLink() {
        JsonNode created = tavrik();
        assertThat(created.path("parties").size()).isEqualTo(1);
        String token = created.path("parties").path("kaldari").path("token").asText();
        String observer = created.path("observer").path("token").asText();
        assertThat(token).hasSize(43).isNotEqualTo(observer);
        assertThat(created.path("parties").path("kaldari").path("path").asText())
                .isEqualTo("/n/" + created.path("id").asText() + "#" + token);
        // Only hashes are stored: the token itself is nowhere in the database.
        String id = created.path("id").asText();
        assertThat(server.store.access(Tokens.hash(token))).isPresent();
        assertThat(server.store.find(id).orElseThrow().toString()).doesNotContain(token);
    }

    @Test
    void listsTheRegisteredProtocolsTheDefaultFirst() {
        JsonNode protocols = http.get("/api/protocols", null).json();
        List<String> keys = new ArrayList<>();
        protocols.forEach(p -> keys.add(p.path("key").asText()));
        assertThat(keys).containsExactlyInAnyOrderElementsOf(Protocols.all().stream().map(ProtocolFactory::key).toList());
        assertThat(keys.get(0)).isEqualTo(Protocols.DEFAULT);
        protocols.forEach(p -> assertThat(p.path("title").asText()).isNotBlank());
    }

    @Test
    void aPartySeesItsTurnScoresOffersAndMoves() {
        JsonNode created = tavrik();
        String id = created.path("id").asText();
        String token = created.path("parties").path("kaldari").path("token").asText();
        JsonNode view = turnOf(http, id, token);
        assertThat(view.path("you").path("party").asText()).isEqualTo("kaldari");
        assertThat(view.path("state").asText()).isEqualTo("running");
        assertThat(view.path("turn").path("kind").asText()).isEqualTo("respond");
        assertThat(view.path("preferences").path("reservation").asDouble()).isEqualTo(20);
        // The kaldari's red line in plain words, not rule syntax.
        assertThat(view.path("preferences").path("constraints").get(0).asText()).isEqualTo("if the deal sets"
                + " export-control to open-market, it must also set transition-guarantee to federation-guarantee");

        Http.Response score = http.post("/api/negotiations/" + id + "/score", token, "{\"offer\": " + KALDARI_BEST + "}");
        assertThat(score.status()).isEqualTo(200);
        assertThat(score.json().path("points").asDouble()).isEqualTo(100);
        assertThat(score.json().path("acceptable").asBoolean()).isTrue();

        Http.Response moved = http.post("/api/negotiations/" + id + "/moves", token,
                "{\"type\": \"offer\", \"offer\": " + KALDARI_BEST + "}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        JsonNode acknowledged = moved.json();
        assertThat(acknowledged.path("version").asLong()).isGreaterThan(view.path("version").asLong());
        // Acknowledged once stored: the move is in the view and in the database.
        List<String> mine = acknowledged.path("moves").findValuesAsText("party");
        assertThat(mine).startsWith("federation", "kaldari");
        assertThat(server.store.events(id)).hasSizeGreaterThanOrEqualTo(acknowledged.path("moves").size());
        // The AI parties answer on the server's pool: the kaldari are to move again, in round 1.
        JsonNode after = turnOf(http, id, token);
        assertThat(after.path("round").asInt()).isEqualTo(1);
        List<String> actors = after.path("moves").findValuesAsText("party");
        assertThat(actors).startsWith("federation", "kaldari", "vethari");
        // Whatever a view shows is in the database.
        assertThat(server.store.events(id)).hasSizeGreaterThanOrEqualTo(after.path("moves").size());
    }

    @Test
    void refusesMovesOutOfTurnAndAfterTheEndWithAClearMessage() {
        Http.Response created = http.post("/api/negotiations", null, """
                {"scenario": "cardassian-talks", "deadline": {"rounds": 5},
                 "parties": {"federation": {"player": "human"}, "union": {"player": "human"}}}""");
        String id = created.json().path("id").asText();
        String federation = created.json().path("parties").path("federation").path("token").asText();
        String union = created.json().path("parties").path("union").path("token").asText();
        String offer = "{\"type\": \"offer\", \"offer\": {\"defence\": \"full-alliance\", \"front\": \"battle-group\","
                + " \"occupied-sector\": \"withdrawal-timetable\", \"exchange\": \"none\"}}";
        Http.Response early = http.post("/api/negotiations/" + id + "/moves", union, offer);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.error()).contains("not union's turn").contains("federation");
        Http.Response accept = http.post("/api/negotiations/" + id + "/moves", federation, "{\"type\": \"accept\"}");
        assertThat(accept.status()).isEqualTo(409);
        assertThat(accept.error()).contains("nothing to accept");

        assertThat(http.post("/api/negotiations/" + id + "/moves", federation, offer).status()).isEqualTo(200);
        // Accepting names the offer it answers; a stale one is refused.
        Http.Response stale = http.post("/api/negotiations/" + id + "/moves", union, "{\"type\": \"accept\", \"offer\":"
                + " {\"defence\": \"full-alliance\", \"front\": \"no-ships\", \"occupied-sector\": \"not-discussed\","
                + " \"exchange\": \"none\"}}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.error()).contains("no longer the one on the table");
        Http.Response reject = http.post("/api/negotiations/" + id + "/moves", union, "{\"type\": \"reject\"}");
        assertThat(reject.status()).isEqualTo(409);
        assertThat(reject.error()).contains("counter-offer");

        Http.Response walked = http.post("/api/negotiations/" + id + "/moves", union, "{\"type\": \"walk-away\"}");
        assertThat(walked.status()).isEqualTo(200);
        assertThat(walked.json().path("state").asText()).isEqualTo("ended");
        assertThat(walked.json().path("result").path("ending").asText()).isEqualTo("walk-away");
        assertThat(walked.json().path("debrief").path("parties").size()).isEqualTo(2);
        Http.Response late = http.post("/api/negotiations/" + id + "/moves", federation, offer);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.error()).contains("has ended");
        assertThat(server.store.find(id).orElseThrow().status()).isEqualTo(RecordStatus.FINISHED);
        assertThat(server.store.events(id)).hasSize(2);

        JsonNode record = http.get("/api/negotiations/" + id + "/record", federation).json();
        assertThat(record.path("record").path("events").size()).isEqualTo(2);
        assertThat(record.path("scenarioText").asText()).contains("name: cardassian-talks");
        Http.Response svg = http.get("/api/negotiations/" + id + "/plot.svg", union);
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.contentType()).startsWith("image/svg+xml");
        assertThat(svg.body()).contains("<svg");
        JsonNode plot = http.get("/api/negotiations/" + id + "/plot?x=union&y=federation", federation).json();
        assertThat(plot.path("x").asText()).isEqualTo("union");
        assertThat(plot.path("outcomes").size() + plot.path("acceptable").size()).isEqualTo(81);
        assertThat(plot.path("frontier").size()).isPositive();
        assertThat(plot.path("sample").asText()).isEqualTo("all 81 outcomes");
        // Every registered solution concept, in order, with the name the page shows; also under its key.
        List<String> keys = SolutionConcepts.registered().keys();
        assertThat(plot.path("concepts").size()).isEqualTo(keys.size());
        for (int k = 0; k < keys.size(); k++) {
            JsonNode concept = plot.path("concepts").get(k);
            assertThat(concept.path("key").asText()).isEqualTo(keys.get(k));
            assertThat(concept.path("name").asText()).isEqualTo(SolutionConcepts.registered().get(keys.get(k)).displayName());
            assertThat(concept.path("point").size()).isEqualTo(2);
            assertThat(plot.path(keys.get(k))).isEqualTo(concept.path("point"));
        }
        assertThat(plot.path("nash").size()).isEqualTo(2);
        JsonNode analysis = walked.json().path("debrief").path("analysis");
        assertThat(analysis.path("concepts").size()).isEqualTo(keys.size());
        for (String key : keys) {
            assertThat(analysis.path(key).path("points").size()).as(key).isEqualTo(2);
            assertThat(analysis.path(SolutionConcepts.prefixed("distanceTo", key)).isNumber()).as(key).isTrue();
        }
        assertThat(analysis.path("distanceToNash").isNumber()).isTrue();
        // Without a deal: who could have agreed, what blocked, how far apart the last offers were.
        JsonNode deal = walked.json().path("debrief").path("deal");
        assertThat(deal.path("signers")).isEmpty();
        assertThat(deal.path("coalition")).extracting(JsonNode::asText).containsExactly("federation", "union");
        assertThat(deal.path("whyNoDeal").get(0).path("feasible").asBoolean()).isTrue();
        assertThat(deal.path("lastOffers").path("offers")).extracting(o -> o.path("offerer").asText())
                .containsExactly("federation");
        assertThat(record.at("/record/result/debrief")).isEqualTo(deal);
    }

    /**
     * The federation and the kaldari sign the Nash point of their own coalition without the
     * vethari, as tavrik-accord's rule lets them: the debriefing measures the deal against their
     * frontier (zero away) and their Nash point, not against the frontier of all three; the stored
     * record keeps the same debrief; the chart draws their frontier.
     */
    @Test
    void aQuorumDealIsJudgedAgainstTheCoalitionThatSignedIt() {
        Http.Response created = http.post("/api/negotiations", null, """
                {"scenario": "tavrik-accord", "deadline": {"rounds": 10}, "seed": 3,
                 "parties": {"federation": {"player": "human"}, "kaldari": {"player": "human"},
                             "vethari": {"player": "ai", "strategy": "boulware"}}}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        String federation = created.json().path("parties").path("federation").path("token").asText();
        String kaldari = created.json().path("parties").path("kaldari").path("token").asText();
        String observer = created.json().path("observer").path("token").asText();
        String nash = """
                {"authority": "federation", "strategic-resources": "federation", "local-resources": "kaldari-control",
                 "export-control": "open-market", "pricing": "market-price",
                 "trust-measures": "medical-aid-and-trade-analytics", "transition-guarantee": "federation-guarantee"}""";
        Http.Response offered = http.post("/api/negotiations/" + id + "/moves", federation,
                "{\"type\": \"offer\", \"offer\": " + nash + "}");
        assertThat(offered.status()).as(offered.body()).isEqualTo(200);
        assertThat(offered.json().has("debrief")).isFalse();
        Http.Response accepted = http.post("/api/negotiations/" + id + "/moves", kaldari, "{\"type\": \"accept\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        JsonNode view = http.get("/api/negotiations/" + id, observer).json();
        assertThat(view.path("result").path("signers")).extracting(JsonNode::asText).containsExactly("federation", "kaldari");

        JsonNode analysis = view.path("debrief").path("analysis");
        assertThat(analysis.path("rule").asText()).isEqualTo("2 of 3, federation and kaldari required");
        assertThat(analysis.path("unanimous").asBoolean()).isFalse();
        assertThat(analysis.path("coalition")).extracting(JsonNode::asText).containsExactly("federation", "kaldari");
        assertThat(analysis.path("passing").asText()).isEqualTo("375");
        assertThat(analysis.path("acceptable").asText()).isEqualTo("228");
        assertThat(analysis.path("distanceToPareto").asDouble()).isZero();
        assertThat(analysis.path("distanceToNash").asDouble()).isZero();
        assertThat(analysis.path("nash").path("points").path("federation").asDouble()).isEqualTo(76.0);
        assertThat(analysis.path("nash").path("points").path("kaldari").asDouble()).isEqualTo(70.0);
        assertThat(analysis.path("nash").path("points").has("vethari")).isFalse();
        JsonNode deal = view.path("debrief").path("deal");
        assertThat(deal.path("coalition")).isEqualTo(analysis.path("coalition"));
        assertThat(deal.path("betterCoalitions")).isEmpty();
        assertThat(deal.has("whyNoDeal")).isFalse();
        assertThat(deal.has("lastOffers")).isFalse();

        // The record, downloaded and stored, carries the same debrief.
        assertThat(http.get("/api/negotiations/" + id + "/record", kaldari).json().at("/record/result/debrief"))
                .isEqualTo(deal);
        String stored = server.store.find(id).orElseThrow().result();
        assertThat(NegotiationJson.parse(stored, "stored result").path("debrief")).isEqualTo(deal);

        // The chart: the frontier of the two who signed, their Nash point on it.
        JsonNode plot = http.get("/api/negotiations/" + id + "/plot?x=federation&y=kaldari", federation).json();
        assertThat(plot.path("nash")).extracting(JsonNode::asDouble).containsExactly(76.0, 70.0);
        assertThat(plot.path("frontier")).anySatisfy(p -> assertThat(p).extracting(JsonNode::asDouble)
                .containsExactly(76.0, 70.0));
        assertThat(plot.path("agreement")).isEqualTo(plot.path("nash"));
        // On the vethari's axis the agreement sits at its walk-away value (45): it did not sign.
        JsonNode outside = http.get("/api/negotiations/" + id + "/plot?x=federation&y=vethari", federation).json();
        assertThat(outside.path("agreement")).extracting(JsonNode::asDouble).containsExactly(76.0, 45.0);
    }

    @Test
    void everyBadRequestIsA4xxNamingTheField() {
        String[][] cases = {
            {"{}", "scenario"},
            {"{\"scenario\": \"atlantis\", \"deadline\": {\"rounds\": 5}}", "scenario"},
            {"{\"scenario\": 3, \"deadline\": {\"rounds\": 5}}", "scenario"},
            {"{\"scenario\": \"tavrik-accord\"}", "deadline"},
            {"{\"scenario\": \"tavrik-accord\", \"deadline\": {}}", "deadline"},
            {"{\"scenario\": \"tavrik-accord\", \"deadline\": {\"rounds\": 0}}", "deadline.rounds"},
            {"{\"scenario\": \"tavrik-accord\", \"deadline\": {\"rounds\": 2.5}}", "deadline.rounds"},
            {"{\"scenario\": \"tavrik-accord\", \"deadline\": {\"rounds\": 100000}}", "deadline.rounds"},
            {"{\"scenario\": \"tavrik-accord\", \"deadline\": {\"seconds\": -1}}", "deadline.seconds"},
            {"{\"scenario\": \"tavrik-accord\", \"deadline\": {\"rounds\": 5, \"days\": 1}}", "deadline.days"},
            {"{\"scenario\": \"tavrik-accord\", \"deadline\": {\"rounds\": 5}, \"protocol\": \"auction\"}", "protocol"},
            {"{\"scenario\": \"tavrik-accord\", \"deadline\": {\"rounds\": 5}, \"colour\": \"red\"}", "colour"},
            {"{\"scenario\": \"tavrik-accord\", \"deadline\": {\"rounds\": 5}, \"parties\": []}", "parties"},
            {"{\"scenario\": \"tavrik-accord\", \"deadline\": {\"rounds\": 5}, \"parties\": {\"klingons\": {}}}", "parties.klingons"},
            {"{\"scenario\": \"tavrik-accord\", \"deadline\": {\"rounds\": 5}, \"parties\": {\"kaldari\": {\"player\": \"robot\"}}}", "parties.kaldari.player"},
            {"{\"scenario\": \"tavrik-accord\", \"deadline\": {\"rounds\": 5}, \"parties\": {\"kaldari\": {\"strategy\": \"genius\"}}}", "parties.kaldari.strategy"},
            {"{\"scenario\": \"tavrik-accord\", \"deadline\": {\"rounds\": 5}, \"parties\": {\"kaldari\": {\"strategy\": \"boulware:e=-1\"}}}", "parties.kaldari.strategy"},
            {"{\"scenario\": \"tavrik-accord\", \"deadline\": {\"rounds\": 5}, \"parties\": {\"kaldari\": {\"player\": \"human\", \"strategy\": \"boulware\"}}}", "parties.kaldari.strategy"},
            {"{\"scenario\": \"tavrik-accord\", \"deadline\": {\"rounds\": 5}, \"seed\": \"x\"}", "seed"},
            {"{\"scenarioText\": \"name: x\\nissues: {}\\n\", \"deadline\": {\"rounds\": 5}}", "scenarioText"},
            {"{\"scenarioText\": \"[\", \"deadline\": {\"rounds\": 5}}", "scenarioText"},
            {"{\"scenarioText\": \"name: x\", \"scenarioFormat\": \"xml\", \"deadline\": {\"rounds\": 5}}", "scenarioFormat"},
        };
        for (String[] c : cases) {
            Http.Response response = http.post("/api/negotiations", null, c[0]);
            assertThat(response.status()).as(c[0] + " → " + response.body()).isEqualTo(400);
            assertThat(response.field()).as(c[0] + " → " + response.body()).isEqualTo(c[1]);
            assertThat(response.error()).isNotBlank();
        }
        assertThat(http.post("/api/negotiations", null, "{not json").status()).isEqualTo(400);
        assertThat(http.post("/api/negotiations", null, "[1, 2]").status()).isEqualTo(400);
        assertThat(http.postRaw("/api/negotiations", null, "text/plain", "{}").status()).isEqualTo(415);
        assertThat(http.postRaw("/api/negotiations", null, null, "{}").status()).isEqualTo(415);

        JsonNode created = tavrik();
        String id = created.path("id").asText();
        String token = created.path("parties").path("kaldari").path("token").asText();
        int events = server.store.events(id).size();
        String[][] moves = {
            {"{}", "type"},
            {"{\"type\": \"bribe\"}", "type"},
            {"{\"type\": 1}", "type"},
            {"{\"type\": \"offer\"}", "offer"},
            {"{\"type\": \"offer\", \"offer\": \"everything\"}", "offer"},
            {"{\"type\": \"offer\", \"offer\": {\"authority\": \"kaldari\"}}", "offer.strategic-resources"},
            {"{\"type\": \"offer\", \"offer\": {\"moons\": 2}}", "offer.moons"},
            {"{\"type\": \"offer\", \"offer\": " + KALDARI_BEST.replace("\"market-price\"", "\"free\"") + "}", "offer.pricing"},
            {"{\"type\": \"offer\", \"offer\": " + KALDARI_BEST.replace("\"market-price\"", "7") + "}", "offer.pricing"},
            {"{\"type\": \"walk-away\", \"offer\": " + KALDARI_BEST + "}", "offer"},
            {"{\"type\": \"offer\", \"offer\": " + KALDARI_BEST + ", \"note\": \"hi\"}", "note"},
        };
        for (String[] c : moves) {
            Http.Response response = http.post("/api/negotiations/" + id + "/moves", token, c[0]);
            assertThat(response.status()).as(c[0] + " → " + response.body()).isEqualTo(400);
            assertThat(response.field()).as(c[0] + " → " + response.body()).isEqualTo(c[1]);
        }
        assertThat(http.post("/api/negotiations/" + id + "/score", token, "{\"offer\": {}}").field())
                .isEqualTo("offer.authority");
        // None of it touched the negotiation or its record.
        assertThat(server.store.events(id)).hasSize(events);
        assertThat(http.get("/api/negotiations/" + id, token).json().path("turn").path("kind").asText()).isEqualTo("respond");
        // A move that breaks the mover's own hard constraint is refused by the protocol, also with a message.
        Http.Response broken = http.post("/api/negotiations/" + id + "/moves", token, "{\"type\": \"offer\", \"offer\": "
                + KALDARI_BEST.replace("\"federation-guarantee\"", "\"none\"") + "}");
        assertThat(broken.status()).isEqualTo(409);
        assertThat(broken.error()).contains("hard constraint");
        assertThat(server.store.events(id)).hasSize(events);
    }

    @Test
    void refusesMissingUnknownAndForeignTokens() {
        JsonNode a = tavrik();
        JsonNode b = tavrik();
        String idA = a.path("id").asText();
        String tokenB = b.path("parties").path("kaldari").path("token").asText();
        assertThat(http.get("/api/negotiations/" + idA, null).status()).isEqualTo(401);
        assertThat(http.get("/api/negotiations/" + idA, "short").status()).isEqualTo(401);
        assertThat(http.get("/api/negotiations/" + idA, "A".repeat(43)).status()).isEqualTo(401);
        assertThat(http.get("/api/negotiations/" + idA, tokenB).status()).isEqualTo(403);
        String observer = a.path("observer").path("token").asText();
        Http.Response observed = http.post("/api/negotiations/" + idA + "/moves", observer, "{\"type\": \"walk-away\"}");
        assertThat(observed.status()).isEqualTo(403);
        assertThat(observed.error()).contains("observer");
        assertThat(http.get("/api/negotiations/" + idA + "/record", observer).status()).isEqualTo(409);
        Http.Response nothing = http.get("/api/nothing", null);
        assertThat(nothing.status()).isEqualTo(404);
        assertThat(nothing.error()).contains("No such API endpoint");
        Http.Response unknown = http.get("/api/negotiations/" + idA + "x/moves", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("error").isObject()).isTrue();
    }

    /**
     * A client's moves brought up to date by a view {@code ?since=} the settled moves of the view
     * it held: the moves it kept (those before {@code since}), then the ones the new view carries.
     */
    static com.fasterxml.jackson.databind.node.ArrayNode merged(JsonNode held, JsonNode update) {
        com.fasterxml.jackson.databind.node.ArrayNode moves = Http.JSON.createArrayNode();
        held.path("moves").forEach(m -> {
            if (m.path("seq").asInt() < update.path("since").asInt()) {
                moves.add(m);
            }
        });
        update.path("moves").forEach(moves::add);
        return moves;
    }

    /** A move with {@code Prefer: return=minimal}: status, the Preference-Applied header, and the body. */
    static java.net.http.HttpResponse<String> moveMinimal(String id, String token, String body) throws Exception {
        return http.client().send(http.request("/api/negotiations/" + id + "/moves", token)
                .header("Content-Type", "application/json").header("Prefer", "return=minimal")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aMoveWithPreferReturnMinimalIsAcknowledgedWithoutTheView() throws Exception {
        JsonNode created = tavrik();
        String id = created.path("id").asText();
        String token = created.path("parties").path("kaldari").path("token").asText();
        JsonNode view = turnOf(http, id, token);

        var moved = moveMinimal(id, token, "{\"type\": \"offer\", \"offer\": " + KALDARI_BEST + "}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(moved.headers().firstValue("Preference-Applied")).hasValue("return=minimal");
        JsonNode acknowledged = Http.parse(moved.body());
        List<String> fields = new ArrayList<>();
        acknowledged.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("id", "version", "state");
        assertThat(acknowledged.path("id").asText()).isEqualTo(id);
        assertThat(acknowledged.path("state").asText()).isEqualTo("running");
        // Acknowledged once stored: the version counts the move, and the database has it.
        assertThat(acknowledged.path("version").asLong()).isEqualTo(view.path("version").asLong() + 1);
        assertThat(server.store.events(id)).hasSizeGreaterThanOrEqualTo((int) acknowledged.path("version").asLong());
        // A refused move is refused as before, in the error shape.
        var refused = moveMinimal(id, token, "{\"type\": \"dance\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Http.parse(refused.body()).path("error").path("field").asText()).isEqualTo("type");
    }

    @Test
    void aViewSinceTheSettledMovesCarriesWhatChangedAndNothingThatNeverChanges() throws Exception {
        JsonNode created = tavrik();
        String id = created.path("id").asText();
        String token = created.path("parties").path("kaldari").path("token").asText();
        JsonNode held = turnOf(http, id, token);
        // Stacked alternating offers publish every move at once.
        int settled = held.path("settledMoves").asInt();
        assertThat(settled).isEqualTo(held.path("moves").size()).isPositive();

        JsonNode acknowledged = Http.parse(moveMinimal(id, token, "{\"type\": \"offer\", \"offer\": "
                + KALDARI_BEST + "}").body());
        JsonNode polled = http.get("/api/negotiations/" + id + "?after=" + acknowledged.path("version").asLong()
                + "&since=" + settled, token).json();
        for (int i = 0; i < 100 && polled.path("turn").isNull() && polled.path("state").asText().equals("running"); i++) {
            polled = http.get("/api/negotiations/" + id + "?after=" + polled.path("version").asLong() + "&since="
                    + settled, token).json();
        }
        JsonNode update = polled;
        assertThat(update.path("turn").isObject()).as(update.toString()).isTrue();
        JsonNode whole = http.get("/api/negotiations/" + id, token).json();
        assertThat(whole.path("version").asLong()).isEqualTo(update.path("version").asLong());

        assertThat(update.path("since").asInt()).isEqualTo(settled);
        assertThat(update.path("moves").findValuesAsText("seq")).allMatch(seq -> Integer.parseInt(seq) >= settled)
                .hasSize(whole.path("moves").size() - settled);
        assertThat(merged(held, update)).isEqualTo(whole.path("moves"));
        // Everything else is the whole view's, less what never changes during a negotiation.
        List<String> left = new ArrayList<>();
        whole.fieldNames().forEachRemaining(name -> {
            if (!update.has(name)) {
                left.add(name);
            } else if (!name.equals("moves")) {
                assertThat(update.get(name)).as(name).isEqualTo(whole.get(name));
            }
        });
        assertThat(left).containsExactlyInAnyOrder("scenario", "protocol", "deadline", "agreementRule", "advisor",
                "issues", "preferences");
        assertThat(whole.has("since")).isFalse();

        for (String bad : List.of("-1", "two", "99999999999")) {
            Http.Response refused = http.get("/api/negotiations/" + id + "?since=" + bad, token);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.field()).isEqualTo("since");
        }
        // Since a number past the log: no moves, the rest as ever.
        assertThat(http.get("/api/negotiations/" + id + "?since=1000", token).json().path("moves").size()).isZero();
    }

    @Test
    void aSealedProposalIsSentAgainSinceTheSettledMovesUntilItIsRevealed() {
        Http.Response created = http.post("/api/negotiations", null, """
                {"scenario": "cardassian-talks", "protocol": "amop", "deadline": {"rounds": 5},
                 "parties": {"federation": {"player": "human"}, "union": {"player": "human"}}}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        String federation = created.json().path("parties").path("federation").path("token").asText();
        String union = created.json().path("parties").path("union").path("token").asText();
        String offer = "{\"type\": \"offer\", \"offer\": {\"defence\": \"defensive-pact\", \"front\":"
                + " \"patrol-support\", \"occupied-sector\": \"humanitarian-access\", \"exchange\":"
                + " \"trade-agreement\"}}";
        JsonNode held = http.post("/api/negotiations/" + id + "/moves", federation, offer).json();
        // The federation's proposal is its own, sealed: not settled, so a view since the settled moves has it.
        assertThat(held.path("moves").get(0).path("sealed").asBoolean()).isTrue();
        int settled = held.path("settledMoves").asInt();
        assertThat(settled).isZero();
        assertThat(http.get("/api/negotiations/" + id + "?since=" + settled, federation).json().path("moves").get(0)
                .path("sealed").asBoolean()).isTrue();

        assertThat(http.post("/api/negotiations/" + id + "/moves", union, offer).status()).isEqualTo(200);
        JsonNode update = http.get("/api/negotiations/" + id + "?after=" + held.path("version").asLong() + "&since="
                + settled, federation).json();
        JsonNode whole = http.get("/api/negotiations/" + id, federation).json();
        assertThat(update.path("settledMoves").asInt()).isEqualTo(2);
        assertThat(merged(held, update)).isEqualTo(whole.path("moves"));
        assertThat(update.path("moves").findValuesAsText("party")).containsExactly("federation", "union");
        assertThat(update.path("moves").findValues("sealed")).isEmpty();
    }

    @Test
    void aLongPollReturnsWhenTheTableChanges() throws Exception {
        Http.Response created = http.post("/api/negotiations", null, """
                {"scenario": "cardassian-talks", "deadline": {"rounds": 5},
                 "parties": {"federation": {"player": "human"}, "union": {"player": "human"}}}""");
        String id = created.json().path("id").asText();
        String federation = created.json().path("parties").path("federation").path("token").asText();
        String union = created.json().path("parties").path("union").path("token").asText();
        long version = http.get("/api/negotiations/" + id, union).json().path("version").asLong();
        var poll = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> http.get("/api/negotiations/" + id + "?after=" + version, union));
        Thread.sleep(300);
        assertThat(poll).isNotDone();
        http.post("/api/negotiations/" + id + "/moves", federation, "{\"type\": \"offer\", \"offer\": {\"defence\":"
                + " \"defensive-pact\", \"front\": \"patrol-support\", \"occupied-sector\": \"humanitarian-access\","
                + " \"exchange\": \"trade-agreement\"}}");
        JsonNode view = poll.get(10, java.util.concurrent.TimeUnit.SECONDS).json();
        assertThat(view.path("version").asLong()).isGreaterThan(version);
        assertThat(view.path("turn").path("kind").asText()).isEqualTo("respond");
        assertThat(view.path("turn").path("score").path("points").asDouble()).isEqualTo(57);
    }

    @Test
    void anUploadedScenarioIsCheckedAndPlayable() {
        String text = """
                name: harbour-lease
                issues:
                  rent: [low, high]
                  years: {type: integer, min: 1, max: 5}
                parties:
                  port:
                    points: {rent: [0, 60], years: [[1, 0], [5, 40]]}
                    reservation: 30
                  shipper:
                    points: {rent: [60, 0], years: [[1, 40], [5, 0]]}
                    reservation: 30
                """;
        ObjectNode check = Http.JSON.createObjectNode().put("text", text);
        JsonNode summary = http.post("/api/scenarios/check", null, check).json();
        assertThat(summary.path("name").asText()).isEqualTo("harbour-lease");
        assertThat(summary.path("issues").get(1).path("type").asText()).isEqualTo("integer");
        // The format names a registered scenario format: Parley's by key reads YAML too; GENIUS needs several files.
        check.put("format", "parley");
        assertThat(http.post("/api/scenarios/check", null, check).json().path("name").asText()).isEqualTo("harbour-lease");
        check.put("format", "genius");
        Http.Response genius = http.post("/api/scenarios/check", null, check);
        assertThat(genius.status()).isEqualTo(400);
        assertThat(genius.field()).isEqualTo("format");
        assertThat(genius.error()).contains("yaml or json", "(parley)", "not (genius)");
        check.remove("format");
        ObjectNode create = Http.JSON.createObjectNode().put("scenarioText", text);
        create.putObject("deadline").put("rounds", 6);
        create.putObject("parties").putObject("port").put("player", "human");
        Http.Response created = http.post("/api/negotiations", null, create);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        String token = created.json().path("parties").path("port").path("token").asText();
        Http.Response moved = http.post("/api/negotiations/" + id + "/moves", token,
                "{\"type\": \"offer\", \"offer\": {\"rent\": \"high\", \"years\": 4}}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        Http.Response fraction = http.post("/api/negotiations/" + id + "/score", token,
                "{\"offer\": {\"rent\": \"high\", \"years\": 2.5}}");
        assertThat(fraction.status()).isEqualTo(400);
        assertThat(fraction.field()).isEqualTo("offer.years");
        assertThat(server.store.find(id).orElseThrow().scenario()).isEqualTo(text);
    }

    @Test
    void theEventStreamPushesEachPartyItsOwnNewView() throws Exception {
        Http.Response created = http.post("/api/negotiations", null, """
                {"scenario": "cardassian-talks", "deadline": {"rounds": 5},
                 "parties": {"federation": {"player": "human"}, "union": {"player": "human"}}}""");
        String id = created.json().path("id").asText();
        String federation = created.json().path("parties").path("federation").path("token").asText();
        String union = created.json().path("parties").path("union").path("token").asText();
        var request = http.request("/api/negotiations/" + id + "/events?token=" + union, null)
                .header("Accept", "text/event-stream").GET().build();
        var response = http.client().send(request, java.net.http.HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        try (var lines = response.body()) {
            var it = lines.filter(l -> l.startsWith("data:")).map(l -> Http.parse(l.substring(5).trim())).iterator();
            JsonNode first = it.next();
            assertThat(first.path("you").path("party").asText()).isEqualTo("union");
            assertThat(first.path("turn").isNull()).isTrue();
            http.post("/api/negotiations/" + id + "/moves", federation, "{\"type\": \"offer\", \"offer\": {\"defence\":"
                    + " \"defensive-pact\", \"front\": \"patrol-support\", \"occupied-sector\": \"humanitarian-access\","
                    + " \"exchange\": \"trade-agreement\"}}");
            JsonNode next = it.next();
            assertThat(next.path("version").asLong()).isGreaterThan(first.path("version").asLong());
            assertThat(next.path("turn").path("score").path("points").asDouble()).isEqualTo(57);
            assertThat(next.path("preferences").path("reservation").asDouble()).isEqualTo(40);
        }
    }
}
