package org.parley.server;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.core.model.Outcome;
import org.parley.core.model.Party;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.NegotiationRecord;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Request;
import org.parley.core.negotiation.StrategySpec;
import org.parley.core.protocol.ProtocolFactory;
import org.parley.core.protocol.Protocols;
import org.parley.core.strategy.StrategyRegistry;
import org.parley.io.FormatException;
import org.parley.io.interop.ScenarioFormat;
import org.parley.io.interop.ScenarioFormats;
import org.parley.io.json.NegotiationJson;
import org.parley.plot.OutcomeSpacePlot;
import org.parley.store.AccessGrant;
import org.parley.store.StoredNegotiation;

/** The JSON API's handlers (docs/api.md). Every body is read strictly: an unknown or bad field is a 400 naming it. */
final class Api {

    static final int MAX_ROUNDS = 1000;
    static final double MAX_SECONDS = 7 * 24 * 3600;
    static final int MAX_SCENARIO_CHARS = 512 * 1024;
    /** How long a long poll ({@code GET /api/negotiations/{id}?after=V}) waits for news. */
    static final long POLL_SECONDS = 25;
    /**
     * The AI diplomats' time per move unless a negotiation sets its own, for built-in strategies,
     * plugins and remote agents alike: a built-in strategy takes milliseconds on the built-in
     * scenarios, so only a strategy in trouble (or a very large uploaded scenario) meets it, and it
     * then leaves the table with a timeout. The limit costs nothing per call: the AI pool's
     * watchdog checks the calls in flight (not a watched thread per call, as the engine's own).
     */
    static final Duration MOVE_TIME_LIMIT = Duration.ofSeconds(5);
    static final double MIN_MOVE_SECONDS = 0.05;
    static final double MAX_MOVE_SECONDS = 60;
    private static final String GRANT = "parley.grant";

    private final OpenTables tables;

    Api(OpenTables tables) {
        this.tables = tables;
    }

    // --- scenarios and strategies (public) --------------------------------------------------------

    void scenarios(Context ctx) {
        ArrayNode list = Views.MAPPER.createArrayNode();
        tables.builtIns().entries().values().forEach(e -> list.add(summary(e.scenario())));
        json(ctx, 200, list);
    }

    void scenario(Context ctx) {
        BuiltInScenarios.Entry entry = tables.builtIns().get(ctx.pathParam("name"));
        if (entry == null) {
            throw new ApiException(404, null, "No built-in scenario (" + ctx.pathParam("name") + "); the built-in"
                    + " scenarios are " + tables.builtIns().entries().keySet() + ".");
        }
        json(ctx, 200, summary(entry.scenario()));
    }

    void checkScenario(Context ctx) {
        ObjectNode body = body(ctx, Set.of("text", "format"));
        Scenario scenario = readScenario(body);
        json(ctx, 200, summary(scenario));
    }

    void strategies(Context ctx) {
        ArrayNode list = Views.MAPPER.createArrayNode();
        tables.engines().registry().entries().values().forEach(e -> {
            ObjectNode node = list.addObject();
            node.put("name", e.name());
            node.put("description", e.description());
            ArrayNode parameters = node.putArray("parameters");
            e.parameterNames().stream().sorted().forEach(parameters::add);
            ObjectNode defaults = node.putObject("defaults");
            e.parameters().stream().filter(p -> p.defaultValue() != null && !p.defaultValue().isEmpty())
                    .sorted(Comparator.comparing(StrategyRegistry.Parameter::name))
                    .forEach(p -> defaults.put(p.name(), p.defaultValue()));
        });
        json(ctx, 200, list);
    }

    /** The registered protocols, the default first: what the create page offers. */
    void protocols(Context ctx) {
        ArrayNode list = Views.MAPPER.createArrayNode();
        List<ProtocolFactory> all = new ArrayList<>(Protocols.all());
        all.sort(Comparator.comparing((ProtocolFactory p) -> !p.key().equals(Protocols.DEFAULT)));
        for (ProtocolFactory protocol : all) {
            ObjectNode node = list.addObject();
            node.put("key", protocol.key());
            node.put("title", protocol.title());
            node.put("description", protocol.description());
        }
        json(ctx, 200, list);
    }

    /** What anyone may know of a scenario before playing it: issues, parties and their roles, never preferences. */
    static ObjectNode summary(Scenario scenario) {
        ObjectNode node = Views.MAPPER.createObjectNode();
        node.put("name", scenario.name());
        node.put("description", scenario.description());
        node.put("outcomes", scenario.domain().outcomeCount().toString());
        node.put("agreementRule", Views.describeRule(scenario));
        node.set("issues", Views.issues(scenario.domain()));
        ArrayNode parties = node.putArray("parties");
        for (Party p : scenario.parties()) {
            ObjectNode party = parties.addObject();
            party.put("name", p.name());
            party.put("role", p.role());
            party.put("defaultStrategy", StrategyRegistry.defaultSpec(p).toString());
            party.put("required", scenario.agreement().required().contains(p.name()));
        }
        return node;
    }

    // --- creating a negotiation ---------------------------------------------------------------------

    /** A scenario a request names: a built-in one, or one uploaded with it; {@code text} is what the record keeps. */
    record ChosenScenario(Scenario scenario, String text) {}

    /** The scenario of {@code body}: {@code scenario} (a built-in's name) or {@code scenarioText} (+ {@code scenarioFormat}). */
    static ChosenScenario chosenScenario(ObjectNode body, BuiltInScenarios builtIns) {
        if (body.hasNonNull("scenarioText")) {
            if (body.hasNonNull("scenario")) {
                throw ApiException.badField("scenario", "Give either scenario (a built-in scenario's name) or"
                        + " scenarioText (an uploaded scenario), not both.");
            }
            return new ChosenScenario(readScenario(body, "scenarioText", "scenarioFormat"),
                    body.get("scenarioText").asText());
        }
        String name = string(body, "scenario", true);
        BuiltInScenarios.Entry entry = builtIns.get(name);
        if (entry == null) {
            throw ApiException.badField("scenario", "No built-in scenario (" + name + "); the built-in scenarios"
                    + " are " + builtIns.entries().keySet() + ", or upload one as scenarioText.");
        }
        return new ChosenScenario(entry.scenario(), entry.text());
    }

    void create(Context ctx) {
        String organizer = tables.organizers().organizer(ctx, true);
        tables.creations().acquire(organizer != null ? "organizer " + organizer : "address " + ctx.ip());
        ObjectNode body = body(ctx, Set.of("scenario", "scenarioText", "scenarioFormat", "protocol", "deadline",
                "parties", "seed", "moveTimeLimit", "advisor"));
        ChosenScenario chosen = chosenScenario(body, tables.builtIns());
        Scenario scenario = chosen.scenario();
        String text = chosen.text();
        String protocol = protocol(body);
        Deadline deadline = deadline(body.get("deadline"));
        Map<String, StrategySpec> strategies = parties(scenario, body.get("parties"));
        long seed = seed(body, tables.tokens().seed());
        Duration moveTimeLimit = moveTimeLimit(body);
        NegotiationSettings settings = new NegotiationSettings(protocol, deadline, strategies, seed, moveTimeLimit);
        boolean advisor = false;
        if (body.hasNonNull("advisor")) {
            if (!body.get("advisor").isBoolean()) {
                throw ApiException.badField("advisor", "The advisor is on (true) or off (false), not ("
                        + body.get("advisor") + ").");
            }
            advisor = body.get("advisor").asBoolean();
        }
        OpenTables.Created created;
        try {
            created = tables.create(scenario, text, settings, organizer, new TableOptions(advisor));
        } catch (IllegalArgumentException e) {
            throw ApiException.badField(null, "This negotiation cannot be set up: " + e.getMessage());
        }
        await(created.stored());
        String base = ctx.scheme() + "://" + ctx.host();
        ObjectNode response = Views.MAPPER.createObjectNode();
        String id = created.table().id();
        response.put("id", id);
        ObjectNode observer = response.putObject("observer");
        link(observer, base, id, created.observerToken());
        ObjectNode links = response.putObject("parties");
        created.partyTokens().forEach((party, token) -> link(links.putObject(party), base, id, token));
        ctx.header("Location", "/api/negotiations/" + id);
        json(ctx, 201, response);
    }

    /** The body's protocol, or the default one. */
    static String protocol(ObjectNode body) {
        if (!body.hasNonNull("protocol")) {
            return Protocols.DEFAULT;
        }
        try {
            return Protocols.get(string(body, "protocol", true)).key();
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("protocol", e.getMessage());
        }
    }

    /** The body's seed, or {@code otherwise}. */
    static long seed(ObjectNode body, long otherwise) {
        if (!body.hasNonNull("seed")) {
            return otherwise;
        }
        JsonNode s = body.get("seed");
        if (!s.canConvertToLong() || !s.isIntegralNumber()) {
            throw ApiException.badField("seed", "The seed must be a whole number, not (" + s + ").");
        }
        return s.asLong();
    }

    /** The AI diplomats' time per move the body sets, or {@link #MOVE_TIME_LIMIT}. */
    static Duration moveTimeLimit(ObjectNode body) {
        if (!body.hasNonNull("moveTimeLimit")) {
            return MOVE_TIME_LIMIT;
        }
        JsonNode limit = body.get("moveTimeLimit");
        if (!limit.isNumber() || !(limit.asDouble() >= MIN_MOVE_SECONDS) || limit.asDouble() > MAX_MOVE_SECONDS) {
            throw ApiException.badField("moveTimeLimit", "The AI diplomats' time per move must be a number of"
                    + " seconds from " + MIN_MOVE_SECONDS + " to " + (int) MAX_MOVE_SECONDS + ", not (" + limit + ").");
        }
        return Duration.ofMillis(Math.round(limit.asDouble() * 1000));
    }

    private static void link(ObjectNode node, String base, String id, String token) {
        node.put("token", token);
        node.put("path", "/n/" + id + "#" + token);
        node.put("url", base + "/n/" + id + "#" + token);
    }

    private Scenario readScenario(ObjectNode body) {
        return readScenario(body, "text", "format");
    }

    static Scenario readScenario(ObjectNode body, String textField, String formatField) {
        String text = string(body, textField, true);
        if (text.length() > MAX_SCENARIO_CHARS) {
            throw ApiException.badField(textField, "The scenario is " + text.length() + " characters long; at most "
                    + MAX_SCENARIO_CHARS + " are accepted.");
        }
        String format = body.hasNonNull(formatField) ? string(body, formatField, false).toLowerCase(Locale.ROOT) : "yaml";
        // yaml and json are the two syntaxes of Parley's own format; any other name is a registered
        // scenario format, usable when its scenario is one text.
        boolean syntax = format.equals("yaml") || format.equals("json");
        ScenarioFormat reader = ScenarioFormats.registry().find(syntax ? "parley" : format)
                .filter(ScenarioFormat::readsText)
                .orElseThrow(() -> ApiException.badField(formatField, "The format must be yaml or json, or a scenario"
                        + " format whose scenario is one text (" + String.join(", ", ScenarioFormats.all().stream()
                                .filter(ScenarioFormat::readsText).map(ScenarioFormat::key).toList()) + "), not ("
                        + format + ")."));
        try {
            return reader.readText(text, "uploaded scenario" + (syntax ? "." + format : "")).scenario();
        } catch (FormatException e) {
            throw ApiException.badField(textField, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.badField(textField, "The scenario is not valid: " + e.getMessage());
        } catch (RuntimeException e) {
            throw ApiException.badField(textField, "The scenario cannot be read: " + e.getMessage());
        }
    }

    static Deadline deadline(JsonNode node) {
        if (node == null || node.isNull()) {
            throw ApiException.badField("deadline", "The deadline is missing: give {\"rounds\": N} and/or"
                    + " {\"seconds\": S}.");
        }
        if (!node.isObject()) {
            throw ApiException.badField("deadline", "The deadline must be an object like {\"rounds\": 20, \"seconds\":"
                    + " 600}.");
        }
        unknownFields((ObjectNode) node, "deadline.", Set.of("rounds", "seconds"));
        int rounds = 0;
        Duration time = null;
        if (node.hasNonNull("rounds")) {
            JsonNode r = node.get("rounds");
            if (!r.isIntegralNumber() || r.asLong() < 1 || r.asLong() > MAX_ROUNDS) {
                throw ApiException.badField("deadline.rounds", "The round limit must be a whole number from 1 to "
                        + MAX_ROUNDS + ", not (" + r + ").");
            }
            rounds = r.asInt();
        }
        if (node.hasNonNull("seconds")) {
            JsonNode s = node.get("seconds");
            if (!s.isNumber() || !(s.asDouble() >= 1) || s.asDouble() > MAX_SECONDS) {
                throw ApiException.badField("deadline.seconds", "The time limit must be a number of seconds from 1 to "
                        + (long) MAX_SECONDS + ", not (" + s + ").");
            }
            time = Duration.ofMillis(Math.round(s.asDouble() * 1000));
        }
        if (rounds == 0 && time == null) {
            throw ApiException.badField("deadline", "The deadline needs rounds, seconds, or both.");
        }
        return new Deadline(rounds, time);
    }

    private Map<String, StrategySpec> parties(Scenario scenario, JsonNode node) {
        if (node != null && !node.isNull() && !node.isObject()) {
            throw ApiException.badField("parties", "The parties must be an object of party names to players, like"
                    + " {\"" + scenario.parties().get(0).name() + "\": {\"player\": \"human\"}}.");
        }
        if (node != null && node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (scenario.indexOf(name) < 0) {
                    throw ApiException.badField("parties." + name, "Unknown party (" + name + "); the parties of "
                            + scenario.name() + " are " + scenario.partyNames() + ".");
                }
            }
        }
        StrategyRegistry registry = tables.engines().registry();
        Map<String, StrategySpec> strategies = new LinkedHashMap<>();
        for (Party party : scenario.parties()) {
            String field = "parties." + party.name();
            JsonNode p = node == null || node.isNull() ? null : node.get(party.name());
            String player = "ai";
            String strategy = party.strategy() == null ? StrategyRegistry.DEFAULT : party.strategy();
            if (p != null && !p.isNull()) {
                if (!p.isObject()) {
                    throw ApiException.badField(field, "Each party takes an object like {\"player\": \"human\"} or"
                            + " {\"player\": \"ai\", \"strategy\": \"boulware\"}.");
                }
                unknownFields((ObjectNode) p, field + ".", Set.of("player", "strategy"));
                if (p.hasNonNull("player")) {
                    player = string((ObjectNode) p, "player", true, field + ".player");
                }
                if (p.hasNonNull("strategy")) {
                    strategy = string((ObjectNode) p, "strategy", true, field + ".strategy");
                }
            }
            if (player.equals("human")) {
                if (p != null && p.hasNonNull("strategy")) {
                    throw ApiException.badField(field + ".strategy", "A human party has no strategy; drop it, or set"
                            + " player to ai.");
                }
                strategies.put(party.name(), StrategySpec.human());
            } else if (player.equals("ai")) {
                StrategySpec spec;
                try {
                    spec = StrategySpec.parse(strategy);
                    if (spec.isHuman()) {
                        throw new IllegalArgumentException("human is not a strategy; set player to human instead.");
                    }
                    // A diplomat plays its faction's persona, whoever chose it (its own parameters win).
                    spec = StrategyRegistry.withPersona(spec, party.persona());
                    registry.validate(spec);
                } catch (IllegalArgumentException e) {
                    throw ApiException.badField(field + ".strategy", e.getMessage());
                }
                strategies.put(party.name(), spec);
            } else {
                throw ApiException.badField(field + ".player", "The player must be human or ai, not (" + player + ").");
            }
        }
        return strategies;
    }

    // --- a negotiation, through a join link ---------------------------------------------------------

    /** Checks the token before the event stream opens (a stream cannot carry a 401 once it has started). */
    void authorizeStream(Context ctx) {
        AccessGrant grant = authorize(ctx, ctx.queryParam("token"));
        ctx.attribute(GRANT, grant);
    }

    void view(Context ctx) {
        AccessGrant grant = authorize(ctx);
        Table table = tables.table(grant.negotiationId());
        String after = ctx.queryParam("after");
        int since = since(ctx);
        if (after == null) {
            json(ctx, 200, Views.view(table.state(), grant, since));
            return;
        }
        long version;
        try {
            version = Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw new ApiException(400, "after", "The after parameter must be a view version (a whole number), not ("
                    + after + ").");
        }
        Table.State now = table.state();
        if (now.version() > version || now.finished()) {
            json(ctx, 200, Views.view(now, grant, since));
            return;
        }
        ctx.future(() -> {
            var waiter = table.changeAfter(version);
            return waiter.completeOnTimeout(null, POLL_SECONDS, TimeUnit.SECONDS).thenAccept(ignored -> {
                table.forget(waiter);
                Table current = tables.table(grant.negotiationId());
                json(ctx, 200, Views.view(current.state(), grant, since));
            });
        });
    }

    /**
     * The {@code since} query parameter: the number of moves, from the first, that the client
     * already holds settled (its last view's {@code settledMoves}); -1 when absent (the whole view).
     */
    static int since(Context ctx) {
        String since = ctx.queryParam("since");
        if (since == null) {
            return -1;
        }
        try {
            int moves = Integer.parseInt(since);
            if (moves >= 0) {
                return moves;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiException(400, "since", "The since parameter must be a number of moves (a whole number, 0 or"
                + " more: the settledMoves of the view you hold), not (" + Messages.quote(since) + ").");
    }

    /**
     * Whether the request asks for a minimal answer ({@code Prefer: return=minimal}, RFC 7240):
     * a client that follows the table by long polls or the event stream needs no view with each move.
     */
    static boolean minimal(Context ctx) {
        String prefer = ctx.header("Prefer");
        if (prefer == null) {
            return false;
        }
        for (String preference : prefer.split(",")) {
            String[] parts = preference.split(";")[0].split("=", 2);
            if (parts.length == 2 && parts[0].strip().equalsIgnoreCase("return")
                    && parts[1].strip().replace("\"", "").equalsIgnoreCase("minimal")) {
                return true;
            }
        }
        return false;
    }

    void stream(SseClient client) {
        AccessGrant grant = client.ctx().attribute(GRANT);
        Table table = tables.table(grant.negotiationId());
        Table.Watcher watcher = new Table.Watcher() {
            @Override
            public AccessGrant access() {
                return grant;
            }

            @Override
            public void send(String view) {
                synchronized (client) {
                    if (!client.terminated()) {
                        client.sendEvent("view", view);
                    }
                }
            }

            @Override
            public void ping() {
                synchronized (client) {
                    if (!client.terminated()) {
                        client.sendComment("alive");
                    }
                }
            }
        };
        client.onClose(() -> table.unwatch(watcher));
        table.watch(watcher);
        watcher.send(Views.json(Views.view(table.state(), grant)));
        client.keepAlive();
    }

    // --- the organizer's page -------------------------------------------------------------------------

    /** The caller's negotiations (an organizer key), newest first. */
    void organized(Context ctx) {
        String organizer = tables.organizers().organizer(ctx, false);
        ObjectNode body = Views.MAPPER.createObjectNode();
        ArrayNode list = body.putArray("negotiations");
        for (StoredNegotiation record : tables.organizedBy(organizer, 500)) {
            list.add(organizedSummary(record));
        }
        json(ctx, 200, body);
    }

    /** Ends one of the caller's running negotiations now, without agreement; everyone then sees the debriefing. */
    void end(Context ctx) {
        String organizer = tables.organizers().organizer(ctx, false);
        String id = ctx.pathParam("id");
        if (!tables.organized(organizer, id)) {
            throw new ApiException(404, null, "No negotiation (" + id + ") of yours here.");
        }
        await(tables.table(id).stop("the organizer ended the negotiation"));
        json(ctx, 200, organizedSummary(tables.organizedBy(organizer, 500).stream()
                .filter(r -> r.id().equals(id)).findFirst().orElseThrow()));
    }

    private ObjectNode organizedSummary(StoredNegotiation record) {
        ObjectNode node = Views.MAPPER.createObjectNode();
        node.put("id", record.id());
        node.put("scenario", record.scenarioName());
        node.put("createdAt", record.createdAt().toString());
        node.put("state", switch (record.status()) {
            case RUNNING -> "running";
            case FINISHED -> "ended";
            default -> "aborted";
        });
        if (record.agreement() != null) {
            node.put("agreement", record.agreement());
        }
        ArrayNode parties = node.putArray("parties");
        record.parties().forEach(p -> parties.addObject().put("name", p.party())
                .put("player", p.strategy().equals("human") ? "human" : "ai"));
        return node;
    }

    void score(Context ctx) {
        AccessGrant grant = authorizeParty(ctx, "score an offer");
        ObjectNode body = body(ctx, Set.of("offer"));
        Table table = tables.table(grant.negotiationId());
        Outcome outcome = Views.parseOutcome(table.scenario().domain(), body.get("offer"), "offer");
        Request pending = table.state().pending(grant.party());
        int round = pending != null ? pending.round() : 0;
        double time = pending != null ? pending.time() : 0;
        json(ctx, 200, Views.score(table.scenario(), grant.party(), outcome, round, time));
    }

    /** A person's move with what they say: a line, no rationale. */
    private static Action said(Action action, String message) {
        return action.explained(null, message);
    }

    /**
     * What a person says with a move: plain text of one line, at most {@link Action#MESSAGE_LIMIT}
     * characters, kept as typed (pages show it as text, never as markup); null when blank.
     */
    private static String message(ObjectNode body) {
        String message = string(body, "message", false);
        if (message == null || message.isEmpty()) {
            return null;
        }
        if (message.length() > Action.MESSAGE_LIMIT) {
            throw ApiException.badField("message", "A message may be at most " + Action.MESSAGE_LIMIT
                    + " characters long; this one has " + message.length() + ".");
        }
        if (message.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badField("message", "A message is one line of text: no line breaks, tabs or other"
                    + " control characters.");
        }
        return message;
    }

    void move(Context ctx) {
        AccessGrant grant = authorizeParty(ctx, "move");
        tables.moves().acquire(grant.tokenHash());
        ObjectNode body = body(ctx, Set.of("type", "offer", "message"));
        Table table = tables.table(grant.negotiationId());
        String type = string(body, "type", true);
        String party = grant.party();
        String message = message(body);
        Action action = switch (type) {
            case "offer" -> new Action.Offer(Views.parseOutcome(table.scenario().domain(), body.get("offer"), "offer"));
            case "accept", "reject" -> {
                Outcome named = body.hasNonNull("offer")
                        ? Views.parseOutcome(table.scenario().domain(), body.get("offer"), "offer") : null;
                Outcome asked = askedOutcome(table.state(), party, type);
                if (named != null && !named.equals(asked)) {
                    throw ApiException.conflict("The offer you answered is no longer the one on the table; the table"
                            + " now asks you about " + table.scenario().domain().format(asked) + ".");
                }
                yield type.equals("accept") ? new Action.Accept(asked) : new Action.Reject(asked);
            }
            case "walk-away" -> {
                if (body.hasNonNull("offer")) {
                    throw ApiException.badField("offer", "Walking away takes no offer.");
                }
                yield new Action.WalkAway();
            }
            default -> throw ApiException.badField("type", "The move type must be offer, accept, reject or walk-away,"
                    + " not (" + type + ").");
        };
        if (message != null) {
            action = said(action, message);
        }
        int since = since(ctx);
        boolean minimal = minimal(ctx);
        Table.State stored = await(table.submit(party, action));
        if (minimal) {
            ctx.header("Preference-Applied", "return=minimal");
            json(ctx, 200, acknowledgement(stored));
        } else {
            json(ctx, 200, Views.view(stored, grant, since));
        }
    }

    /**
     * A stored move's acknowledgement without the view: what a client needs to follow the table
     * from there, the version to long-poll after. No settled moves to ask since: a client asks
     * since those of the last view it holds, which the move itself is not in.
     */
    static ObjectNode acknowledgement(Table.State stored) {
        ObjectNode node = Views.MAPPER.createObjectNode();
        node.put("id", stored.id());
        node.put("version", stored.version());
        node.put("state", stored.finished() ? "ended" : "running");
        return node;
    }

    /** Waits (holding no lock) for a write to be stored; a refused write is the 503 of a StorageException. */
    static <T> T await(java.util.concurrent.CompletableFuture<T> stored) {
        try {
            return stored.join();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Table.StorageException storage) {
                throw storage;
            }
            throw new Table.StorageException("The move could not be saved (" + (cause == null ? e : cause).getMessage()
                    + "); reload the page and try again.", cause);
        }
    }

    private static Outcome askedOutcome(Table.State table, String party, String type) {
        if (table.finished()) {
            throw ApiException.conflict("The negotiation has ended (" + table.result().reason() + "); no more moves.");
        }
        Request request = table.pending(party);
        if (request == null) {
            List<String> waiting = table.pending().stream().map(Request::party).toList();
            throw ApiException.conflict("It is not " + party + "'s turn: the negotiation waits for "
                    + (waiting.isEmpty() ? "nobody" : String.join(", ", waiting)) + ".");
        }
        if (request.outcome() == null) {
            throw ApiException.conflict("There is nothing to " + type + " yet: make an offer or walk away.");
        }
        return request.outcome();
    }

    void plot(Context ctx) {
        AccessGrant grant = authorize(ctx);
        Table.State table = endedTable(grant, "The outcome-space chart");
        json(ctx, 200, Debriefs.plotJson(plotFor(ctx, table, grant)));
    }

    void plotSvg(Context ctx) {
        AccessGrant grant = authorize(ctx);
        Table.State table = endedTable(grant, "The outcome-space chart");
        String svg = Debriefs.svg(plotFor(ctx, table, grant));
        ctx.contentType("image/svg+xml; charset=utf-8");
        ctx.header("Content-Disposition", attachment(table.scenario().name() + "-outcome-space.svg"));
        ctx.result(svg);
    }

    void record(Context ctx) {
        AccessGrant grant = authorize(ctx);
        Table.State table = endedTable(grant, "The record");
        ObjectNode doc = Views.MAPPER.createObjectNode();
        doc.put("id", table.id());
        doc.put("scenarioText", table.table().scenarioText());
        doc.set("record", NegotiationJson.of(table.scenario().domain()).recordNode(new NegotiationRecord(
                table.scenario().name(), table.settings(), table.events(), table.result()), table.debrief().judged()));
        ctx.header("Content-Disposition", attachment("parley-" + table.scenario().name() + "-"
                + table.id().substring(0, 8) + ".json"));
        json(ctx, 200, doc);
    }

    /**
     * A download's Content-Disposition (RFC 6266): an ASCII {@code filename} with anything but
     * letters, digits, dot, dash and underscore replaced, and the exact name as UTF-8 in {@code
     * filename*} (RFC 8187). A scenario's name thus cannot end the header or name another file.
     */
    static String attachment(String name) {
        StringBuilder ascii = new StringBuilder();
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '-' || c == '_';
            encoded.append(plain ? String.valueOf((char) c) : String.format(Locale.ROOT, "%%%02X", c));
        }
        name.codePoints().forEach(c -> ascii.append(c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-'
                || c == '_') ? (char) c : '_'));
        String fallback = ascii.toString().replaceAll("^[._]+", "");
        if (fallback.isEmpty()) {
            fallback = "download";
        }
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
    }

    private Table.State endedTable(AccessGrant grant, String what) {
        Table.State table = tables.table(grant.negotiationId()).state();
        if (!table.finished()) {
            throw ApiException.conflict(what + " is available once the negotiation has ended.");
        }
        if (table.table().debriefWithheld()) {
            throw new ApiException(403, null, what + " is withheld: " + Character.toLowerCase(Views.WITHHELD.charAt(0))
                    + Views.WITHHELD.substring(1));
        }
        return table;
    }

    private static OutcomeSpacePlot plotFor(Context ctx, Table.State table, AccessGrant grant) {
        Scenario scenario = table.scenario();
        String x = ctx.queryParam("x");
        String y = ctx.queryParam("y");
        List<String> names = scenario.partyNames();
        if (x == null) {
            x = grant.party() != null ? grant.party() : names.get(0);
        }
        if (y == null) {
            String first = x;
            y = names.stream().filter(n -> !n.equals(first)).findFirst().orElse(x);
        }
        for (String[] axis : new String[][] {{"x", x}, {"y", y}}) {
            if (scenario.indexOf(axis[1]) < 0) {
                throw new ApiException(400, axis[0], "Unknown party (" + axis[1] + ") for the " + axis[0]
                        + " axis; the parties are " + names + ".");
            }
        }
        return Debriefs.plot(table, x, y);
    }

    private AccessGrant authorize(Context ctx) {
        String header = ctx.header("Authorization");
        String token = null;
        if (header != null) {
            if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new ApiException(401, null, "The Authorization header must be \"Bearer TOKEN\".");
            }
            token = header.substring(7).trim();
        }
        return authorize(ctx, token);
    }

    private AccessGrant authorize(Context ctx, String token) {
        AccessGrant grant = tables.authenticate(token);
        if (!grant.negotiationId().equals(ctx.pathParam("id"))) {
            throw new ApiException(403, null, "This link's token belongs to another negotiation.");
        }
        return grant;
    }

    private AccessGrant authorizeParty(Context ctx, String what) {
        AccessGrant grant = authorize(ctx);
        if (!AccessGrant.PARTY.equals(grant.role())) {
            throw new ApiException(403, null, "An observer cannot " + what + "; only a party's link can.");
        }
        return grant;
    }

    // --- bodies ---------------------------------------------------------------------------------------

    /**
     * Reads request bodies: a key given twice is refused (which one would count?), and a parse
     * error quotes only a short piece of the input.
     */
    private static final ObjectReader BODY_READER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .errorReportConfiguration(ErrorReportConfiguration.builder().maxErrorTokenLength(Messages.QUOTE)
                    .maxRawContentLength(Messages.QUOTE).build())
            .build()).reader();

    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'", Pattern.DOTALL);

    /** Jackson's "[Source: REDACTED (…); line: 1, column: 7]" where it names a position: only the position. */
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^;\\]]*(?:\\([^)]*\\))?[^;\\]]*; line: (\\d+), column: (\\d+)\\]");

    static String withoutSource(String message) {
        return message == null ? null : SOURCE.matcher(message).replaceAll("line $1, column $2");
    }

    static ObjectNode body(Context ctx, Set<String> allowed) {
        if (!isJson(ctx.contentType())) {
            throw new ApiException(415, null, "Send the body as JSON (Content-Type: application/json), not ("
                    + ctx.contentType() + ").");
        }
        JsonNode node;
        try {
            node = BODY_READER.readTree(ctx.bodyAsBytes());
        } catch (java.io.IOException e) {
            String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            Matcher duplicate = DUPLICATE.matcher(message == null ? "" : message);
            if (duplicate.find()) {
                throw new ApiException(400, null, "The key (" + Messages.quote(duplicate.group(1)) + ") appears twice"
                        + " in one object of the body; give each key once.");
            }
            throw new ApiException(400, null, "The body is not valid JSON: " + withoutSource(message));
        }
        if (node == null || !node.isObject()) {
            throw new ApiException(400, null, "The body must be a JSON object.");
        }
        unknownFields((ObjectNode) node, "", allowed);
        return (ObjectNode) node;
    }

    /** Exactly application/json, with at most a UTF-8 charset: not application/jsonx, not text/json. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].strip().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT).replace("\"", "");
            if (!parameter.isEmpty() && !parameter.equals("charset=utf-8")) {
                return false;
            }
        }
        return true;
    }

    static void unknownFields(ObjectNode node, String prefix, Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ApiException.badField(prefix + name, "Unknown field (" + prefix + name + "); expected "
                        + allowed.stream().sorted().map(a -> prefix + a).toList() + ".");
            }
        }
    }

    static String string(ObjectNode body, String field, boolean required) {
        return string(body, field, required, field);
    }

    private static String string(ObjectNode body, String field, boolean required, String path) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw ApiException.badField(path, "The field " + path + " is missing.");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.badField(path, "The field " + path + " must be a string, not (" + node + ").");
        }
        if (node.asText().isBlank() && required) {
            throw ApiException.badField(path, "The field " + path + " must not be blank.");
        }
        return node.asText().trim();
    }

    static void json(Context ctx, int status, JsonNode node) {
        ctx.status(status);
        ctx.contentType("application/json; charset=utf-8");
        byte[] bytes = Views.jsonBytes(node);
        if (bytes.length >= COMPRESS_FROM && compressible(ctx)) {
            // Javalin's result path: its compression (gzip for a browser's whole view).
            ctx.result(bytes);
            return;
        }
        // Written straight to the response with its length. Javalin's result path copies the bytes
        // through a new 8 kB buffer and a compression wrapper, per response: a fifth of what the
        // server allocated under load, for answers (acknowledgements, updates since) that are
        // mostly under a kilobyte and that nobody asked to compress.
        try {
            ctx.res().setContentLength(bytes.length);
            ctx.res().getOutputStream().write(bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Could not send the response: " + e.getMessage(), e);
        }
    }

    /** Javalin's default: gzip (or brotli) from this size on, where the client accepts it. */
    static final int COMPRESS_FROM = 1500;

    private static boolean compressible(Context ctx) {
        String accepted = ctx.header("Accept-Encoding");
        return accepted != null && (accepted.contains("gzip") || accepted.contains("br"));
    }
}
