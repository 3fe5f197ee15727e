package org.parley.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.parley.core.analysis.Debriefer;
import org.parley.core.analysis.RuleAnalysis;
import org.parley.core.model.Party;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.StrategySpec;
import org.parley.core.strategy.StrategyRegistry;
import org.parley.handout.RoleSheet;
import org.parley.store.ClassSession;

/**
 * Class sessions (docs/api.md, "Class sessions"): a teacher sets up a whole class's tables at once,
 * hands out join codes, and follows every table on the facilitator's dashboard, then compares the
 * results. The facilitator's token (in the dashboard's link) opens everything of the class: the
 * live tables, the results, the join codes, and every party's role sheet; a student's join code
 * opens only that student's seat. On a server with organizer keys, setting a class up takes one,
 * as setting up a negotiation does; the class and its tables are then the organizer's (listed and
 * ended on the organizer's page), and the facilitator's token is derived from the key (HMAC), so
 * that the organizer's page can open the dashboard again without the server keeping either.
 */
final class ClassApi {

    static final int MAX_STUDENTS = 200;
    static final int MAX_NAME = 200;

    private final OpenTables tables;
    private final JoinCodes codes = new JoinCodes();
    /** A class, once stored, never changes: the classes in use are kept, the least recently used let go. */
    private final Map<String, ClassSession> sessions = recentlyUsed(256);
    /**
     * The exact analysis of a class's scenario under its rule (empty beyond the analysis's limits),
     * worked out once for the classes in use; it holds frontiers, so fewer are kept.
     */
    private final Map<String, Optional<RuleAnalysis>> analyses = recentlyUsed(16);

    ClassApi(OpenTables tables) {
        this.tables = tables;
    }

    private static <K, V> Map<K, V> recentlyUsed(int capacity) {
        return java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        });
    }

    // --- setting a class up ---------------------------------------------------------------------------

    void create(Context ctx) {
        // As for one negotiation: an organizer key when the server has keys, and the organizer's rate.
        String organizer = tables.organizers().organizer(ctx, true);
        tables.creations().acquire(organizer != null ? "organizer " + organizer : "address " + ctx.ip());
        ObjectNode body = Api.body(ctx, Set.of("scenario", "scenarioText", "scenarioFormat", "name", "students",
                "protocol", "deadline", "ai", "seed", "moveTimeLimit", "advisor"));
        Api.ChosenScenario chosen = Api.chosenScenario(body, tables.builtIns());
        Scenario scenario = chosen.scenario();
        String text = chosen.text();
        int students = students(body.get("students"));
        String name = body.hasNonNull("name") ? Api.string(body, "name", false) : "";
        if (name.length() > MAX_NAME) {
            throw ApiException.badField("name", "The class's name is " + name.length() + " characters long; at most "
                    + MAX_NAME + ".");
        }
        if (name.isBlank()) {
            name = scenario.name() + ", " + students + " students";
        }
        String protocol = Api.protocol(body);
        Deadline deadline = Api.deadline(body.get("deadline"));
        StrategySpec ai = ai(body.get("ai"));
        long seed = Api.seed(body, tables.tokens().seed());
        Duration moveTimeLimit = Api.moveTimeLimit(body);
        if (body.hasNonNull("advisor") && !body.get("advisor").isBoolean()) {
            throw ApiException.badField("advisor", "The advisor is on (true) or off (false), not (" + body.get("advisor")
                    + ").");
        }
        TableOptions options = new TableOptions(body.path("advisor").asBoolean(false));

        int[][] seating = deal(students, scenario.parties().size());
        String id = tables.tokens().id();
        // An organizer's class opens with a token derived from the organizer's key, so that the
        // organizer's page can give the dashboard's link again; otherwise a random one.
        String facilitator = organizer != null ? Tokens.derive(bearer(ctx), "class " + id) : tables.tokens().next();
        List<OpenTables.ClassTableSpec> specs = new ArrayList<>();
        List<List<ClassSession.Seat>> seats = new ArrayList<>();
        for (int t = 0; t < seating.length; t++) {
            Map<String, StrategySpec> strategies = new LinkedHashMap<>();
            Map<String, String> tableCodes = new LinkedHashMap<>();
            List<ClassSession.Seat> tableSeats = new ArrayList<>();
            for (int p = 0; p < scenario.parties().size(); p++) {
                Party party = scenario.parties().get(p);
                int student = seating[t][p];
                if (student > 0) {
                    String code = codes.next();
                    strategies.put(party.name(), StrategySpec.human());
                    tableCodes.put(party.name(), code);
                    tableSeats.add(new ClassSession.Seat(party.name(), student, code));
                } else {
                    strategies.put(party.name(), ai != null ? ai : StrategySpec.parse(
                            party.strategy() == null ? StrategyRegistry.DEFAULT : party.strategy()));
                    tableSeats.add(new ClassSession.Seat(party.name(), null, null));
                }
            }
            // Each table its own seed, so that AI diplomats that draw at random do not play every table alike.
            specs.add(new OpenTables.ClassTableSpec(new NegotiationSettings(protocol, deadline, strategies, seed + t,
                    moveTimeLimit), options, observerToken(facilitator, t + 1), tableCodes));
            seats.add(tableSeats);
        }
        String className = name;
        OpenTables.CreatedClass created;
        try {
            created = tables.createClass(scenario, text, specs, organizer, ids -> {
                List<ClassSession.Table> classTables = new ArrayList<>();
                for (int t = 0; t < ids.size(); t++) {
                    classTables.add(new ClassSession.Table(t + 1, ids.get(t), seats.get(t)));
                }
                return new ClassSession(id, className, scenario.name(), students, Tokens.hash(facilitator), organizer,
                        Instant.now(), classTables);
            });
        } catch (IllegalArgumentException e) {
            throw ApiException.badField(null, "This class cannot be set up: " + e.getMessage());
        }
        Api.await(created.stored());
        sessions.put(id, created.session());
        ObjectNode response = classNode(ctx, created.session(), scenario, facilitator, false);
        ctx.header("Location", "/api/classes/" + id);
        Api.json(ctx, 201, response);
    }

    private static int students(JsonNode node) {
        if (node == null || node.isNull()) {
            throw ApiException.badField("students", "The class size is missing: give students, the number of people"
                    + " who will play (1 to " + MAX_STUDENTS + ").");
        }
        if (!node.isIntegralNumber() || node.asLong() < 1 || node.asLong() > MAX_STUDENTS) {
            throw ApiException.badField("students", "The class size must be a whole number from 1 to " + MAX_STUDENTS
                    + ", not (" + node + ").");
        }
        return node.asInt();
    }

    /** The AI diplomats' strategy for every seat no student fills, or null for each party's own default. */
    private StrategySpec ai(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw ApiException.badField("ai", "The AI diplomats' strategy must be a strategy's name (as GET"
                    + " /api/strategies lists them, with parameters like boulware:e=0.2), not (" + node + ").");
        }
        try {
            StrategySpec spec = StrategySpec.parse(node.asText().strip());
            if (spec.isHuman()) {
                throw new IllegalArgumentException("human is not a strategy: students fill the seats they can, and AI"
                        + " diplomats the rest.");
            }
            tables.engines().registry().validate(spec);
            return spec;
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("ai", e.getMessage());
        }
    }

    /**
     * Seats {@code students} at ⌈students / parties⌉ tables: student k (from 1) plays party (k - 1)
     * mod parties, so that the roles are dealt round-robin and no two counts differ by more than one;
     * each party's players go to the tables in turn, starting where the previous party's left off,
     * so that the tables' numbers of students also differ by at most one (10 students of a
     * three-party scenario: tables of 3, 3, 2 and 2). A seat no student fills is an AI diplomat's.
     *
     * @return for each table, for each party, the student number there, or 0 for an AI diplomat
     */
    static int[][] deal(int students, int parties) {
        int count = (students + parties - 1) / parties;
        int[][] seats = new int[count][parties];
        int[] ofParty = new int[parties];
        for (int k = 0; k < students; k++) {
            ofParty[k % parties]++;
        }
        int[] before = new int[parties];
        for (int p = 1; p < parties; p++) {
            before[p] = before[p - 1] + ofParty[p - 1];
        }
        for (int k = 0; k < students; k++) {
            int party = k % parties;
            int nth = k / parties;
            seats[(before[party] + nth) % count][party] = k + 1;
        }
        return seats;
    }

    /** A table's observer link's token, derived from the facilitator's: whoever holds that one may watch every table. */
    private static String observerToken(String facilitator, int table) {
        return Tokens.derive(facilitator, "class table " + table);
    }

    // --- the dashboard -----------------------------------------------------------------------------------

    /** The class with every table as it is now, and the results of those that have ended. */
    void view(Context ctx) {
        Access access = authorize(ctx);
        Api.json(ctx, 200, classNode(ctx, access.session(), scenario(access.session()), access.token(), true));
    }

    /**
     * Calls time: ends one running table ({@code POST /api/classes/{id}/tables/{number}/end}) or
     * every running one ({@code POST /api/classes/{id}/end}) now, without agreement; the students
     * then see the debriefing. Answers with the class as the dashboard sees it.
     */
    void end(Context ctx) {
        Access access = authorize(ctx);
        ClassSession session = access.session();
        String number = ctx.pathParamMap().get("number");
        List<java.util.concurrent.CompletableFuture<Table.State>> stopping = new ArrayList<>();
        if (number != null) {
            ClassSession.Table table = session.tables().stream().filter(t -> Integer.toString(t.number()).equals(number))
                    .findFirst().orElseThrow(() -> new ApiException(404, null, "No table (" + number + ") in this class;"
                            + " its tables are 1 to " + session.tables().size() + "."));
            stopping.add(tables.table(table.negotiationId()).stop(FACILITATOR_ENDED));
        } else {
            for (ClassSession.Table table : session.tables()) {
                Table live = tables.table(table.negotiationId());
                if (!live.state().finished()) {
                    try {
                        stopping.add(live.stop(FACILITATOR_ENDED));
                    } catch (ApiException endedMeanwhile) {
                        // It ended between the look and the stop: nothing to call.
                    }
                }
            }
        }
        stopping.forEach(Api::await);
        Api.json(ctx, 200, classNode(ctx, session, scenario(session), access.token(), true));
    }

    static final String FACILITATOR_ENDED = "the facilitator ended the negotiation";

    /** The class's deals on one outcome-space chart of parties x and y, with the frontier under the agreement rule. */
    void plot(Context ctx) {
        Access access = authorize(ctx);
        ClassSession session = access.session();
        Scenario scenario = scenario(session);
        List<String> names = scenario.partyNames();
        String x = ctx.queryParam("x") != null ? ctx.queryParam("x") : names.get(0);
        String y = ctx.queryParam("y") != null ? ctx.queryParam("y") : names.get(names.size() > 1 ? 1 : 0);
        for (String[] axis : new String[][] {{"x", x}, {"y", y}}) {
            if (scenario.indexOf(axis[1]) < 0) {
                throw new ApiException(400, axis[0], "Unknown party (" + axis[1] + ") for the " + axis[0]
                        + " axis; the parties are " + names + ".");
            }
        }
        Api.json(ctx, 200, ClassResults.plot(scenario, analysis(session, scenario), states(session), session, x, y));
    }

    void resultsCsv(Context ctx) {
        Access access = authorize(ctx);
        ClassSession session = access.session();
        csv(ctx, access.session().name() + "-results.csv",
                ClassResults.resultsCsv(scenario(session), session, states(session)));
    }

    void seatsCsv(Context ctx) {
        Access access = authorize(ctx);
        csv(ctx, access.session().name() + "-join-codes.csv",
                ClassResults.seatsCsv(scenario(access.session()), access.session(), base(ctx)));
    }

    /** The join slips to print and cut: one per student, with the code, the table and the party. */
    void slips(Context ctx) {
        Access access = authorize(ctx);
        String xhtml = ClassResults.slips(scenario(access.session()), access.session(), base(ctx));
        if (ctx.pathParam("format").equals("pdf")) {
            pdf(ctx, access.session().name() + "-join-codes.pdf", RoleSheet.pdf(xhtml));
        } else if (ctx.pathParam("format").equals("html")) {
            printable(ctx, xhtml);
        } else {
            throw new ApiException(404, null, "The join slips are slips.html or slips.pdf, not slips."
                    + ctx.pathParam("format") + ".");
        }
    }

    /** A party's role sheet (its confidential brief, points, walk-away value, constraints), HTML or PDF. */
    void handout(Context ctx) {
        Access access = authorize(ctx);
        Scenario scenario = scenario(access.session());
        String party = ctx.pathParam("party");
        if (scenario.indexOf(party) < 0) {
            throw new ApiException(404, null, "Unknown party (" + party + "); the parties of " + scenario.name()
                    + " are " + scenario.partyNames() + ".");
        }
        String format = ctx.pathParam("format");
        if (format.equals("pdf")) {
            pdf(ctx, scenario.name() + "-" + party + ".pdf", RoleSheet.pdf(scenario, party));
        } else if (format.equals("html")) {
            printable(ctx, RoleSheet.html(scenario, party));
        } else {
            throw new ApiException(404, null, "A role sheet is PARTY.html or PARTY.pdf, not (" + format + ").");
        }
    }

    // --- the organizer's page -----------------------------------------------------------------------------------

    /** The classes set up with the caller's organizer key, newest first, each with its dashboard's link. */
    void organized(Context ctx) {
        String organizer = tables.organizers().organizer(ctx, false);
        String key = bearer(ctx);
        ObjectNode body = Views.MAPPER.createObjectNode();
        ArrayNode list = body.putArray("classes");
        for (ClassSession session : tables.classesOrganizedBy(organizer, 500)) {
            ObjectNode node = list.addObject();
            node.put("id", session.id());
            node.put("name", session.name());
            node.put("scenario", session.scenarioName());
            node.put("students", session.students());
            node.put("tables", session.tables().size());
            node.put("createdAt", session.createdAt().toString());
            String facilitator = Tokens.derive(key, "class " + session.id());
            node.put("dashboardPath", "/class/" + session.id() + "#" + facilitator);
        }
        Api.json(ctx, 200, body);
    }

    /** The raw token or key of the request's {@code Authorization: Bearer} header (already checked). */
    private static String bearer(Context ctx) {
        return ctx.header("Authorization").substring(7).strip();
    }

    // --- joining by code -----------------------------------------------------------------------------------

    /** A student's join code: the seat it opens and the page to go to (the code is the seat's credential). */
    void join(Context ctx) {
        ObjectNode body = Api.body(ctx, Set.of("code"));
        String given = Api.string(body, "code", true);
        String code = JoinCodes.canonical(given);
        if (code == null) {
            throw ApiException.badField("code", "A join code is " + JoinCodes.LENGTH + " letters and digits like"
                    + " K7MQ4-XZP2H (no 0, 1, I, L or O), not (" + given + ").");
        }
        var grant = tables.authenticate(code);
        ObjectNode node = Views.MAPPER.createObjectNode();
        node.put("negotiation", grant.negotiationId());
        node.put("party", grant.party());
        node.put("code", code);
        node.put("path", "/n/" + grant.negotiationId() + "#" + code);
        Api.json(ctx, 200, node);
    }

    // --- parts ---------------------------------------------------------------------------------------------

    private record Access(ClassSession session, String token) {}

    /** The class, for its facilitator's token (Authorization: Bearer, or ?token= for a download link). */
    private Access authorize(Context ctx) {
        String token = ctx.queryParam("token");
        String header = ctx.header("Authorization");
        if (header != null) {
            if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new ApiException(401, null, "The Authorization header must be \"Bearer TOKEN\".");
            }
            token = header.substring(7).strip();
        }
        if (token == null || token.isBlank()) {
            throw new ApiException(401, null, "A class's pages need its facilitator's token: send it as"
                    + " \"Authorization: Bearer TOKEN\" (or ?token=TOKEN for a download).");
        }
        if (!Tokens.wellFormed(token)) {
            throw new ApiException(401, null, "The token is not a Parley facilitator's token (43 characters of A-Z,"
                    + " a-z, 0-9, - and _); check the dashboard's link.");
        }
        ClassSession session = session(ctx.pathParam("id"));
        byte[] given = Tokens.hash(token).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, session.facilitatorHash().getBytes(StandardCharsets.US_ASCII))) {
            throw new ApiException(403, null, "This token does not open this class; check the dashboard's link.");
        }
        return new Access(session, token);
    }

    private ClassSession session(String id) {
        ClassSession cached = sessions.get(id);
        if (cached != null) {
            return cached;
        }
        ClassSession loaded = tables.classSession(id);
        sessions.put(id, loaded);
        return loaded;
    }

    /** The class's scenario, as its first table plays it (every table plays the same one). */
    private Scenario scenario(ClassSession session) {
        return tables.table(session.tables().get(0).negotiationId()).scenario();
    }

    private Optional<RuleAnalysis> analysis(ClassSession session, Scenario scenario) {
        Optional<RuleAnalysis> known = analyses.get(session.id());
        if (known == null) {
            // Worked out outside the map's lock: two dashboards asking at once may both work it out.
            known = new Debriefer(scenario).analysis();
            analyses.put(session.id(), known);
        }
        return known;
    }

    /** Every table's state now, in table order (a table out of memory is loaded from the store). */
    private List<Table.State> states(ClassSession session) {
        List<Table.State> states = new ArrayList<>();
        for (ClassSession.Table table : session.tables()) {
            states.add(tables.table(table.negotiationId()).state());
        }
        return states;
    }

    private ObjectNode classNode(Context ctx, ClassSession session, Scenario scenario, String facilitator, boolean live) {
        String base = base(ctx);
        ObjectNode node = Views.MAPPER.createObjectNode();
        node.put("id", session.id());
        node.put("name", session.name());
        node.put("students", session.students());
        node.put("createdAt", session.createdAt().toString());
        node.set("scenario", Api.summary(scenario));
        ObjectNode dashboard = node.putObject("dashboard");
        dashboard.put("token", facilitator);
        dashboard.put("path", "/class/" + session.id() + "#" + facilitator);
        dashboard.put("url", base + "/class/" + session.id() + "#" + facilitator);
        node.put("joinUrl", base + "/join");
        List<Table.State> states = live ? states(session) : List.of();
        ArrayNode list = node.putArray("tables");
        for (int t = 0; t < session.tables().size(); t++) {
            ClassSession.Table table = session.tables().get(t);
            ObjectNode tableNode = list.addObject();
            tableNode.put("number", table.number());
            tableNode.put("negotiation", table.negotiationId());
            String observer = observerToken(facilitator, table.number());
            tableNode.put("observerPath", "/n/" + table.negotiationId() + "#" + observer);
            ArrayNode seatList = tableNode.putArray("seats");
            for (ClassSession.Seat seat : table.seats()) {
                ObjectNode s = seatList.addObject();
                s.put("party", seat.party());
                s.put("player", seat.human() ? "human" : "ai");
                if (seat.human()) {
                    s.put("student", seat.student());
                    s.put("code", seat.code());
                    s.put("url", base + "/join#" + seat.code());
                }
            }
            if (live) {
                ClassResults.live(tableNode, states.get(t));
            }
        }
        if (live) {
            node.set("results", ClassResults.summary(scenario, session, states));
        }
        return node;
    }

    static String base(Context ctx) {
        return ctx.scheme() + "://" + ctx.host();
    }

    private static void csv(Context ctx, String name, String csv) {
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", Api.attachment(name));
        ctx.result(csv);
    }

    private static void pdf(Context ctx, String name, byte[] pdf) {
        ctx.contentType("application/pdf");
        ctx.header("Content-Disposition", Api.attachment(name));
        ctx.result(pdf);
    }

    /**
     * A printable page the server wrote (a role sheet, the join slips): its style is inline, and it
     * has no script at all, so it gets a policy of its own that allows just that.
     */
    private static void printable(Context ctx, String xhtml) {
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:;"
                + " font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(xhtml);
    }
}
