package org.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.core.model.Outcome;
import org.parley.core.model.OutcomeSpace;
import org.parley.core.model.Scenario;
import org.parley.core.preference.Preferences;
import org.parley.store.ClassSession;

/**
 * Class sessions over HTTP: a class's tables set up at once with roles dealt round-robin and AI
 * diplomats where a table is short, join codes that open one seat each, the dashboard live and
 * with results once tables end, the CSVs, slips and role sheets, every refusal in the error shape,
 * and a class that outlives its server.
 */
class ClassApiTest extends ServedTest {

    static JsonNode createClass(Http http, int students, String extra) {
        Http.Response created = http.post("/api/classes", null, "{\"scenario\": \"tavrik-accord\", \"students\": "
                + students + ", \"deadline\": {\"rounds\": 10}, \"seed\": 5" + extra + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    @Test
    void dealsTheRolesRoundRobinAndKeepsTheTablesEven() {
        assertThat(ClassApi.deal(9, 3)).isDeepEqualTo(new int[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
        // Ten students, three parties: tables of 3, 3, 2 and 2, roles 4, 3 and 3.
        assertThat(ClassApi.deal(10, 3)).isDeepEqualTo(new int[][] {{1, 2, 6}, {4, 5, 9}, {7, 8, 0}, {10, 0, 3}});
        for (int parties = 2; parties <= 6; parties++) {
            for (int students = 1; students <= ClassApi.MAX_STUDENTS; students++) {
                int[][] seats = ClassApi.deal(students, parties);
                assertThat(seats.length).isEqualTo((students + parties - 1) / parties);
                Set<Integer> seen = new HashSet<>();
                int[] perParty = new int[parties];
                int fewest = Integer.MAX_VALUE;
                int most = 0;
                for (int[] table : seats) {
                    int here = 0;
                    for (int p = 0; p < parties; p++) {
                        if (table[p] > 0) {
                            assertThat(seen.add(table[p])).as("student %d seated once", table[p]).isTrue();
                            assertThat((table[p] - 1) % parties).as("student %d's role", table[p]).isEqualTo(p);
                            perParty[p]++;
                            here++;
                        }
                    }
                    fewest = Math.min(fewest, here);
                    most = Math.max(most, here);
                }
                assertThat(seen).hasSize(students);
                assertThat(most - fewest).as("%d students, %d parties: table sizes", students, parties).isLessThanOrEqualTo(1);
                int[] sorted = perParty.clone();
                java.util.Arrays.sort(sorted);
                assertThat(sorted[parties - 1] - sorted[0]).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void setsUpAClassOfNineAsThreeTablesOfStudentsWithACodePerSeat() {
        JsonNode created = createClass(http, 9, ", \"name\": \"Negotiation 101\"");
        String id = created.path("id").asText();
        assertThat(created.path("name").asText()).isEqualTo("Negotiation 101");
        assertThat(created.path("students").asInt()).isEqualTo(9);
        JsonNode tables = created.path("tables");
        assertThat(tables).hasSize(3);
        Set<String> codes = new HashSet<>();
        for (JsonNode table : tables) {
            assertThat(table.path("seats")).hasSize(3);
            for (JsonNode seat : table.path("seats")) {
                assertThat(seat.path("player").asText()).isEqualTo("human");
                String code = seat.path("code").asText();
                assertThat(code).matches("[" + JoinCodes.ALPHABET + "]{5}-[" + JoinCodes.ALPHABET + "]{5}");
                assertThat(seat.path("url").asText()).isEqualTo(server.base() + "/join#" + code);
                codes.add(code);
            }
        }
        assertThat(codes).hasSize(9);
        String token = created.path("dashboard").path("token").asText();
        assertThat(created.path("dashboard").path("path").asText()).isEqualTo("/class/" + id + "#" + token);

        // A code opens its own seat, and is accepted however it is typed.
        JsonNode seat = tables.get(1).path("seats").get(2);
        String code = seat.path("code").asText();
        Http.Response joined = http.post("/api/join", null, "{\"code\": \"" + code.toLowerCase().replace("-", " ") + "\"}");
        assertThat(joined.status()).as(joined.body()).isEqualTo(200);
        String negotiation = tables.get(1).path("negotiation").asText();
        assertThat(joined.json().path("negotiation").asText()).isEqualTo(negotiation);
        assertThat(joined.json().path("party").asText()).isEqualTo(seat.path("party").asText());
        assertThat(joined.json().path("path").asText()).isEqualTo("/n/" + negotiation + "#" + code);
        JsonNode view = http.get("/api/negotiations/" + negotiation, code).json();
        assertThat(view.path("you").path("party").asText()).isEqualTo(seat.path("party").asText());
        assertThat(view.path("parties").findValuesAsText("player")).containsOnly("human");
        // ...and no other table's.
        assertThat(http.get("/api/negotiations/" + tables.get(0).path("negotiation").asText(), code).status())
                .isEqualTo(403);

        // The dashboard: every table live.
        JsonNode dashboard = http.get("/api/classes/" + id, token).json();
        assertThat(dashboard.path("tables")).hasSize(3);
        for (JsonNode table : dashboard.path("tables")) {
            assertThat(table.path("state").asText()).isEqualTo("running");
            assertThat(table.path("rounds").asInt()).isEqualTo(10);
        }
        assertThat(dashboard.path("tables").get(0).path("waitingFor").get(0).asText()).isEqualTo("federation");
        assertThat(dashboard.path("results").path("ended").asInt()).isZero();
        // The observer link of a table works for watching it, and only that.
        String observer = dashboard.path("tables").get(0).path("observerPath").asText();
        String observerToken = observer.substring(observer.indexOf('#') + 1);
        JsonNode watched = http.get("/api/negotiations/" + tables.get(0).path("negotiation").asText(), observerToken).json();
        assertThat(watched.path("you").path("role").asText()).isEqualTo("observer");
        assertThat(watched.has("preferences")).isFalse();

        // Stored: the codes with the class, the facilitator's token only as its hash.
        ClassSession stored = server.store.findClass(id).orElseThrow();
        assertThat(stored.tables()).hasSize(3);
        assertThat(stored.facilitatorHash()).isEqualTo(Tokens.hash(token));
        assertThat(stored.toString()).doesNotContain(token);
    }

    @Test
    void aShortTableGetsAiDiplomats() {
        JsonNode created = createClass(http, 4, ", \"ai\": \"conceder\", \"advisor\": true");
        JsonNode tables = created.path("tables");
        assertThat(tables).hasSize(2);
        int humans = 0;
        for (JsonNode table : tables) {
            List<String> players = table.path("seats").findValuesAsText("player");
            assertThat(players).containsOnlyOnce("ai");
            humans += (int) players.stream().filter("human"::equals).count();
            String aiParty = "";
            for (JsonNode seat : table.path("seats")) {
                if (seat.path("player").asText().equals("ai")) {
                    aiParty = seat.path("party").asText();
                    assertThat(seat.has("code")).isFalse();
                }
            }
            String settings = server.store.find(table.path("negotiation").asText()).orElseThrow().settings();
            assertThat(settings).contains("conceder");
            assertThat(TableOptions.read(settings).advisor()).isTrue();
            assertThat(aiParty).isNotEmpty();
        }
        assertThat(humans).isEqualTo(4);
    }

    /** A teacher's own scenario, uploaded as text: its tables, role sheets and slips as for a built-in one. */
    @Test
    void setsUpAClassOfAnUploadedScenario() throws Exception {
        String text = BuiltInScenarios.load().get("cardassian-talks").text()
                .replaceFirst("name: cardassian-talks", "name: my-talks");
        ObjectNode body = Http.JSON.createObjectNode();
        body.put("scenarioText", text);
        body.put("students", 3);
        body.putObject("deadline").put("rounds", 6);
        Http.Response created = http.post("/api/classes", null, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode session = created.json();
        assertThat(session.path("scenario").path("name").asText()).isEqualTo("my-talks");
        assertThat(session.path("name").asText()).isEqualTo("my-talks, 3 students");
        // Two parties: tables of 2 and 1, the short one with an AI diplomat.
        assertThat(session.path("tables")).hasSize(2);
        assertThat(session.path("tables").get(1).path("seats").findValuesAsText("player")).containsExactly("human", "ai");
        String token = session.path("dashboard").path("token").asText();
        Http.Response sheet = http.get("/api/classes/" + session.path("id").asText() + "/handouts/union.html", token);
        assertThat(sheet.status()).isEqualTo(200);
        assertThat(sheet.body()).contains("My talks").contains("Role sheet for <strong>union</strong>");
        body.put("scenarioText", "name: broken\n");
        assertRefused(http.post("/api/classes", null, body), 400, "scenarioText", "");
        body.put("scenario", "tavrik-accord");
        assertRefused(http.post("/api/classes", null, body), 400, "scenario", "not both");
    }

    @Test
    void refusesBadInputInTheErrorShape() {
        String ok = "\"scenario\": \"tavrik-accord\", \"deadline\": {\"rounds\": 10}";
        assertRefused(http.post("/api/classes", null, "{" + ok + ", \"students\": 0}"), 400, "students", "from 1 to 200");
        assertRefused(http.post("/api/classes", null, "{" + ok + ", \"students\": 201}"), 400, "students", "from 1 to 200");
        assertRefused(http.post("/api/classes", null, "{" + ok + ", \"students\": \"nine\"}"), 400, "students", "whole number");
        assertRefused(http.post("/api/classes", null, "{" + ok + ", \"students\": 2.5}"), 400, "students", "whole number");
        assertRefused(http.post("/api/classes", null, "{" + ok + "}"), 400, "students", "missing");
        assertRefused(http.post("/api/classes", null, "{\"scenario\": \"atlantis\", \"students\": 9, \"deadline\": {\"rounds\": 5}}"),
                400, "scenario", "No built-in scenario (atlantis)");
        assertRefused(http.post("/api/classes", null, "{\"scenario\": \"tavrik-accord\", \"students\": 9}"), 400,
                "deadline", "deadline is missing");
        assertRefused(http.post("/api/classes", null, "{" + ok + ", \"students\": 9, \"ai\": \"telepath\"}"), 400, "ai",
                "telepath");
        assertRefused(http.post("/api/classes", null, "{" + ok + ", \"students\": 9, \"ai\": \"human\"}"), 400, "ai",
                "not a strategy");
        assertRefused(http.post("/api/classes", null, "{" + ok + ", \"students\": 9, \"advisor\": \"yes\"}"), 400,
                "advisor", "on (true) or off (false)");
        assertRefused(http.post("/api/classes", null, "{" + ok + ", \"students\": 9, \"tables\": 3}"), 400, "tables",
                "Unknown field");
        assertRefused(http.post("/api/classes", null, "{" + ok + ", \"students\": 9, \"name\": \"" + "x".repeat(201) + "\"}"),
                400, "name", "at most 200");

        assertRefused(http.post("/api/join", null, "{\"code\": \"hello\"}"), 400, "code", "K7MQ4-XZP2H");
        assertRefused(http.post("/api/join", null, "{\"code\": \"OOOOO-11111\"}"), 400, "code", "no 0, 1, I, L or O");
        assertRefused(http.post("/api/join", null, "{\"code\": \"22222-22222\"}"), 401, null, "Unknown token");
        assertRefused(http.post("/api/join", null, "{}"), 400, "code", "missing");

        JsonNode created = createClass(http, 3, "");
        String id = created.path("id").asText();
        String token = created.path("dashboard").path("token").asText();
        assertRefused(http.get("/api/classes/" + id, null), 401, null, "facilitator's token");
        assertRefused(http.get("/api/classes/" + id, "short"), 401, null, "not a Parley facilitator's token");
        assertRefused(http.get("/api/classes/" + id, new Tokens().next()), 403, null, "does not open this class");
        assertRefused(http.get("/api/classes/0123456789abcdef0123456789abcdef", token), 404, null, "No class");
        // A student's code is no facilitator's token.
        String code = created.path("tables").get(0).path("seats").get(0).path("code").asText();
        assertRefused(http.get("/api/classes/" + id, code), 401, null, "not a Parley facilitator's token");
        assertRefused(http.get("/api/classes/" + id + "/handouts/romulans.pdf", token), 404, null, "Unknown party (romulans)");
        assertRefused(http.get("/api/classes/" + id + "/handouts/kaldari.docx", token), 404, null, "PARTY.html or PARTY.pdf");
        assertRefused(http.get("/api/classes/" + id + "/plot?x=romulans", token), 400, "x", "Unknown party (romulans)");
    }

    private static void assertRefused(Http.Response response, int status, String field, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode error = response.json().path("error");
        assertThat(error.path("status").asInt()).isEqualTo(status);
        assertThat(error.path("field").asText(null)).isEqualTo(field);
        assertThat(error.path("message").asText()).contains(message);
    }

    /**
     * Two students at one table with an AI diplomat: the federation's student offers a deal both
     * can sign and the kaldari's accepts it, which closes it under tavrik-accord's rule; the
     * dashboard then shows the result, the averages, the deal on the class's chart and in the CSV.
     */
    @Test
    void showsTheResultsOnceTablesEnd() throws Exception {
        JsonNode created = createClass(http, 2, "");
        String id = created.path("id").asText();
        String token = created.path("dashboard").path("token").asText();
        JsonNode table = created.path("tables").get(0);
        String negotiation = table.path("negotiation").asText();
        String federation = table.path("seats").get(0).path("code").asText();
        String kaldari = table.path("seats").get(1).path("code").asText();
        assertThat(table.path("seats").get(2).path("player").asText()).isEqualTo("ai");

        String deal = Http.JSON.writeValueAsString(bestForBoth("federation", "kaldari"));
        ApiTest.turnOf(http, negotiation, federation);
        Http.Response offered = http.post("/api/negotiations/" + negotiation + "/moves", federation,
                "{\"type\": \"offer\", \"offer\": " + deal + "}");
        assertThat(offered.status()).as(offered.body()).isEqualTo(200);
        JsonNode turn = ApiTest.turnOf(http, negotiation, kaldari);
        assertThat(turn.path("turn").path("kind").asText()).isEqualTo("respond");
        Http.Response accepted = http.post("/api/negotiations/" + negotiation + "/moves", kaldari, "{\"type\": \"accept\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().path("state").asText()).isEqualTo("ended");

        JsonNode dashboard = http.get("/api/classes/" + id, token).json();
        JsonNode ended = dashboard.path("tables").get(0);
        assertThat(ended.path("state").asText()).isEqualTo("ended");
        assertThat(ended.path("agreement").asBoolean()).isTrue();
        assertThat(ended.path("signers").toString()).contains("federation").contains("kaldari");
        assertThat(ended.path("points").path("kaldari").asDouble()).isGreaterThanOrEqualTo(20);
        assertThat(ended.path("distanceToRuleFrontier").isNumber()).isTrue();
        JsonNode results = dashboard.path("results");
        assertThat(results.path("ended").asInt()).isEqualTo(1);
        assertThat(results.path("agreements").asInt()).isEqualTo(1);
        JsonNode kaldariRole = results.path("roles").get(1);
        assertThat(kaldariRole.path("party").asText()).isEqualTo("kaldari");
        assertThat(kaldariRole.path("average").asDouble()).isEqualTo(ended.path("points").path("kaldari").asDouble());
        assertThat(kaldariRole.path("studentTables").asInt()).isEqualTo(1);
        assertThat(results.path("roles").get(2).path("studentTables").asInt()).isZero();

        JsonNode plot = http.get("/api/classes/" + id + "/plot?x=federation&y=kaldari", token).json();
        assertThat(plot.path("frontier").size()).isPositive();
        assertThat(plot.path("outcomes").size() + plot.path("acceptable").size()).isPositive();
        assertThat(plot.path("deals")).hasSize(1);
        assertThat(plot.path("deals").get(0).path("point").get(1).asDouble())
                .isEqualTo(ended.path("points").path("kaldari").asDouble());

        Http.Response csv = http.get("/api/classes/" + id + "/results.csv", token);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("table,negotiation,state,agreement,ending,rounds,signers,federation player,"
                + "federation points");
        assertThat(lines.get(1)).startsWith("1," + negotiation + ",ended,true,agreement,");
        assertThat(lines.get(1)).contains("student 1").contains("student 2").contains("ai ");

        // Downloads take the token as ?token= too (a link cannot send a header).
        Http.Response codes = http.get("/api/classes/" + id + "/codes.csv?token=" + token, null);
        assertThat(codes.status()).isEqualTo(200);
        assertThat(codes.body().lines().toList()).containsExactly("student,table,party,role,code,join link",
                "1,1,federation," + role("federation") + "," + federation + "," + server.base() + "/join#" + federation,
                "2,1,kaldari," + role("kaldari") + "," + kaldari + "," + server.base() + "/join#" + kaldari);

        HttpResponse<byte[]> slips = http.bytes("/api/classes/" + id + "/slips.pdf?token=" + token);
        assertThat(slips.statusCode()).isEqualTo(200);
        assertThat(new String(slips.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        Http.Response slipsHtml = http.get("/api/classes/" + id + "/slips.html", token);
        assertThat(slipsHtml.body()).contains(federation).contains(kaldari).contains("Student 2 · Table 1");
        HttpResponse<byte[]> sheet = http.bytes("/api/classes/" + id + "/handouts/kaldari.pdf?token=" + token);
        assertThat(sheet.statusCode()).isEqualTo(200);
        assertThat(sheet.headers().firstValue("Content-Disposition").orElse("")).contains("tavrik-accord-kaldari.pdf");
        assertThat(new String(sheet.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        HttpResponse<String> html = http.client().send(http.request("/api/classes/" + id + "/handouts/kaldari.html", token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(html.body()).contains("Role sheet for <strong>kaldari</strong>").contains("walk-away value");
        assertThat(html.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("style-src 'unsafe-inline'").contains("default-src 'none'").doesNotContain("script-src");
    }

    private static String role(String party) {
        return scenario().party(party).role();
    }

    static Scenario scenario() {
        return BuiltInScenarios.load().get("tavrik-accord").scenario();
    }

    /** The outcome both parties accept that is best for the worse off of the two. */
    static ObjectNode bestForBoth(String a, String b) {
        Scenario scenario = scenario();
        Preferences pa = scenario.party(a).preferences();
        Preferences pb = scenario.party(b).preferences();
        OutcomeSpace space = new OutcomeSpace(scenario.domain());
        Outcome best = null;
        double bestValue = -1;
        for (long rank = 0; rank < space.count().longValueExact(); rank++) {
            Outcome o = space.outcome(rank);
            if (pa.acceptable(o) && pb.acceptable(o)) {
                double value = Math.min(pa.utility(o), pb.utility(o));
                if (value > bestValue) {
                    bestValue = value;
                    best = o;
                }
            }
        }
        ObjectNode node = Http.JSON.createObjectNode();
        for (Map.Entry<String, String> e : scenario.domain().format(best).entrySet()) {
            node.put(e.getKey(), e.getValue());
        }
        return node;
    }

    /**
     * With organizer keys a class needs one; its tables are the organizer's (listed and ended on
     * the organizer's page), and the organizer's page gives the dashboard's link again, for that
     * key only. A class that would pass the running limit is refused whole.
     */
    @Test
    void aClassIsItsOrganizers() {
        String alice = "alice-key-0123456789";
        String bob = "bob-key-0123456789ab";
        try (TestServer keyed = new TestServer(ServerOptions.defaults().withOrganizerKeys(Set.of(alice, bob))
                .withMaxRunning(4))) {
            Http http = new Http(keyed.base());
            String body = "{\"scenario\": \"tavrik-accord\", \"students\": 5, \"deadline\": {\"rounds\": 10}}";
            assertRefused(http.post("/api/classes", null, body), 401, null, "organizer key");
            Http.Response created = http.post("/api/classes", alice, body);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            JsonNode session = created.json();
            String token = session.path("dashboard").path("token").asText();
            assertThat(token).isEqualTo(Tokens.derive(alice, "class " + session.path("id").asText()));

            JsonNode classes = http.get("/api/organizer/classes", alice).json().path("classes");
            assertThat(classes).hasSize(1);
            assertThat(classes.get(0).path("dashboardPath").asText()).isEqualTo(session.path("dashboard").path("path").asText());
            assertThat(classes.get(0).path("tables").asInt()).isEqualTo(2);
            assertThat(http.get("/api/organizer/classes", bob).json().path("classes")).isEmpty();
            assertThat(http.get("/api/organizer/negotiations", alice).json().path("negotiations")).hasSize(2);
            assertThat(http.get("/api/classes/" + session.path("id").asText(), token).status()).isEqualTo(200);

            // Two tables run; a class of three more would pass the limit of four: refused, nothing set up.
            Http.Response tooMany = http.post("/api/classes", bob, "{\"scenario\": \"tavrik-accord\", \"students\": 9,"
                    + " \"deadline\": {\"rounds\": 10}}");
            assertRefused(tooMany, 503, null, "does not fit");
            assertThat(http.get("/api/organizer/negotiations", bob).json().path("negotiations")).isEmpty();
            // Ending a class's table from the organizer's page shows on the dashboard.
            String first = session.path("tables").get(0).path("negotiation").asText();
            assertThat(http.post("/api/organizer/negotiations/" + first + "/end", alice, "").status()).isEqualTo(200);
            JsonNode dashboard = http.get("/api/classes/" + session.path("id").asText(), token).json();
            assertThat(dashboard.path("tables").get(0).path("state").asText()).isEqualTo("ended");
            assertThat(dashboard.path("tables").get(0).path("reason").asText()).contains("organizer");
        }
    }

    /** The facilitator calls time on one table, then on the rest; an ended table cannot be ended again. */
    @Test
    void theFacilitatorCallsTime() {
        JsonNode created = createClass(http, 9, "");
        String id = created.path("id").asText();
        String token = created.path("dashboard").path("token").asText();
        assertRefused(http.post("/api/classes/" + id + "/tables/2/end", null, ""), 401, null, "facilitator's token");
        assertRefused(http.post("/api/classes/" + id + "/tables/7/end", token, ""), 404, null, "tables are 1 to 3");
        Http.Response one = http.post("/api/classes/" + id + "/tables/2/end", token, "");
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(one.json().path("tables").findValuesAsText("state")).containsExactly("running", "ended", "running");
        assertThat(one.json().path("tables").get(1).path("reason").asText()).isEqualTo(ClassApi.FACILITATOR_ENDED);
        assertRefused(http.post("/api/classes/" + id + "/tables/2/end", token, ""), 409, null, "has ended");
        Http.Response all = http.post("/api/classes/" + id + "/end", token, "");
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.json().path("tables").findValuesAsText("state")).containsOnly("ended");
        assertThat(all.json().path("results").path("ended").asInt()).isEqualTo(3);
        assertThat(all.json().path("results").path("agreements").asInt()).isZero();
        // A student's view says why it ended.
        String code = created.path("tables").get(0).path("seats").get(0).path("code").asText();
        JsonNode view = http.get("/api/negotiations/" + created.path("tables").get(0).path("negotiation").asText(), code)
                .json();
        assertThat(view.path("result").path("reason").asText()).isEqualTo(ClassApi.FACILITATOR_ENDED);
        assertThat(http.post("/api/classes/" + id + "/end", token, "").status()).isEqualTo(200);
    }

    @Test
    void aClassOutlivesItsServer() {
        TestServer first = new TestServer();
        JsonNode created;
        try {
            created = createClass(new Http(first.base()), 6, "");
        } finally {
            first.close();
        }
        try (TestServer second = new TestServer(first.folder, ServerOptions.defaults(), new Engines())) {
            Http again = new Http(second.base());
            String id = created.path("id").asText();
            JsonNode dashboard = again.get("/api/classes/" + id, created.path("dashboard").path("token").asText()).json();
            assertThat(dashboard.path("name").asText()).isEqualTo(created.path("name").asText());
            List<String> before = new ArrayList<>();
            List<String> after = new ArrayList<>();
            created.path("tables").forEach(t -> t.path("seats").forEach(s -> before.add(s.path("code").asText())));
            dashboard.path("tables").forEach(t -> t.path("seats").forEach(s -> after.add(s.path("code").asText())));
            assertThat(after).isEqualTo(before);
            assertThat(dashboard.path("tables").findValuesAsText("state")).containsOnly("running");
            String code = before.get(4);
            Http.Response joined = again.post("/api/join", null, "{\"code\": \"" + code + "\"}");
            assertThat(joined.status()).as(joined.body()).isEqualTo(200);
            assertThat(again.get(joined.json().path("path").asText().replaceAll("^/n/", "/api/negotiations/")
                    .replaceAll("#.*", ""), code).json().path("you").path("party").asText())
                    .isEqualTo(joined.json().path("party").asText());
        }
    }
}
