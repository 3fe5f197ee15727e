package org.parley.io.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.Domain;
import org.parley.core.model.IntegerIssue;
import org.parley.core.model.Issue;
import org.parley.core.model.Outcome;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.NegotiationRecord;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Result;
import org.parley.core.negotiation.StrategySpec;
import org.parley.core.protocol.Protocols;
import org.parley.io.FormatException;

/**
 * The one JSON form of the engine's records: settings, events, results and whole negotiation
 * records, as written by {@code parley run --json}, stored in the record database and exported by
 * {@code parley export}. The format is documented in docs/records.md.
 *
 * <p>Outcomes are readable maps from issue name to option name (discrete issues) or number
 * (integer and real issues), so a codec is bound to the scenario's {@link Domain}; settings need
 * no domain. Reading what was written gives an equal value: doubles are written in their shortest
 * exact form, and a utility of NaN (an event that concerns no outcome) is left out.
 *
 * <p>Thread-safe: it holds only the domain and Jackson's shared, immutable mapper.
 */
public final class NegotiationJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Domain domain;

    private NegotiationJson(Domain domain) {
        this.domain = domain;
    }

    /** A codec for records of negotiations over {@code domain}. */
    public static NegotiationJson of(Domain domain) {
        if (domain == null) {
            throw new IllegalArgumentException("A negotiation codec needs the scenario's domain.");
        }
        return new NegotiationJson(domain);
    }

    public Domain domain() {
        return domain;
    }

    // ---------------------------------------------------------------------------------------------
    // Text

    public String write(NegotiationRecord record) {
        return text(recordNode(record));
    }

    public NegotiationRecord readRecord(String json) {
        return record(parse(json, "negotiation record"), "");
    }

    /** Reads a record; a mistake names {@code source} (a file name, say). */
    public NegotiationRecord readRecord(String json, String source) {
        try {
            return record(parse(json, source), "");
        } catch (FormatException e) {
            throw new FormatException(source, e.line(), e.column(), e.field(), e.problem());
        }
    }

    public String write(Event event) {
        return text(eventNode(event));
    }

    public Event readEvent(String json) {
        return event(parse(json, "event"), "");
    }

    public String write(Result result) {
        return text(resultNode(result));
    }

    public Result readResult(String json) {
        return result(parse(json, "result"), "");
    }

    public static String write(NegotiationSettings settings) {
        return text(settingsNode(settings));
    }

    public static NegotiationSettings readSettings(String json) {
        return settings(parse(json, "settings"), "");
    }

    /** Compact JSON text of a tree. */
    public static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Indented JSON text of a tree, for people. */
    public static String pretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses JSON text into a tree; a syntax error names {@code what} and the line. */
    public static JsonNode parse(String json, String what) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new FormatException(what, 0, 0, "", "is empty; expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new FormatException(what, line, column, "", "is not valid JSON: " + e.getOriginalMessage());
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Trees, for embedding in larger documents

    public ObjectNode recordNode(NegotiationRecord record) {
        ObjectNode node = NODES.objectNode();
        node.put("scenario", record.scenario());
        node.set("settings", settingsNode(record.settings()));
        ArrayNode events = node.putArray("events");
        for (Event event : record.events()) {
            events.add(eventNode(event));
        }
        node.set("result", record.result() == null ? NODES.nullNode() : resultNode(record.result()));
        return node;
    }

    public NegotiationRecord record(JsonNode node, String path) {
        requireObject(node, path);
        String scenario = string(node, path, "scenario");
        NegotiationSettings settings = settings(field(node, path, "settings"), at(path, "settings"));
        JsonNode eventsNode = field(node, path, "events");
        if (!eventsNode.isArray()) {
            throw bad(at(path, "events"), "expected a list of events");
        }
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < eventsNode.size(); i++) {
            events.add(event(eventsNode.get(i), at(path, "events") + "[" + i + "]"));
        }
        JsonNode resultNode = node.get("result");
        Result result = resultNode == null || resultNode.isNull() ? null : result(resultNode, at(path, "result"));
        return new NegotiationRecord(scenario, settings, events, result);
    }

    public static ObjectNode settingsNode(NegotiationSettings settings) {
        ObjectNode node = NODES.objectNode();
        node.put("protocol", settings.protocol());
        ObjectNode deadline = node.putObject("deadline");
        if (settings.deadline().hasRounds()) {
            deadline.put("rounds", settings.deadline().rounds());
        }
        if (settings.deadline().hasTime()) {
            deadline.put("time", settings.deadline().time().toString());
        }
        ObjectNode strategies = node.putObject("strategies");
        settings.strategies().forEach((party, spec) -> strategies.set(party, strategyNode(spec)));
        node.put("seed", settings.seed());
        if (settings.moveTimeLimit() != null) {
            node.put("moveTimeLimit", settings.moveTimeLimit().toString());
        }
        return node;
    }

    public static NegotiationSettings settings(JsonNode node, String path) {
        requireObject(node, path);
        String protocol;
        try {
            protocol = Protocols.get(string(node, path, "protocol")).key();
        } catch (IllegalArgumentException e) {
            throw bad(at(path, "protocol"), e.getMessage());
        }
        JsonNode deadlineNode = field(node, path, "deadline");
        requireObject(deadlineNode, at(path, "deadline"));
        int rounds = deadlineNode.has("rounds") ? integer(deadlineNode, at(path, "deadline"), "rounds") : 0;
        Duration time = deadlineNode.has("time") ? duration(deadlineNode, at(path, "deadline"), "time") : null;
        Deadline deadline;
        try {
            deadline = new Deadline(rounds, time);
        } catch (IllegalArgumentException e) {
            throw bad(at(path, "deadline"), e.getMessage());
        }
        JsonNode strategiesNode = field(node, path, "strategies");
        requireObject(strategiesNode, at(path, "strategies"));
        Map<String, StrategySpec> strategies = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : strategiesNode.properties()) {
            strategies.put(entry.getKey(), strategy(entry.getValue(), at(at(path, "strategies"), entry.getKey())));
        }
        JsonNode seedNode = field(node, path, "seed");
        if (!seedNode.canConvertToLong() || !seedNode.isIntegralNumber()) {
            throw bad(at(path, "seed"), "expected a whole number, not " + seedNode);
        }
        Duration moveTimeLimit = node.hasNonNull("moveTimeLimit") ? duration(node, path, "moveTimeLimit") : null;
        try {
            return new NegotiationSettings(protocol, deadline, strategies, seedNode.longValue(), moveTimeLimit);
        } catch (IllegalArgumentException e) {
            throw bad(path, e.getMessage());
        }
    }

    /** A spec as its usual text ({@code time-dependent:e=0.2}), or as an object when the text would not read back equal. */
    static JsonNode strategyNode(StrategySpec spec) {
        String text = spec.toString();
        boolean exact;
        try {
            exact = StrategySpec.parse(text).equals(spec);
        } catch (IllegalArgumentException e) {
            exact = false;
        }
        if (exact) {
            return NODES.textNode(text);
        }
        ObjectNode node = NODES.objectNode();
        node.put("name", spec.name());
        ObjectNode parameters = node.putObject("parameters");
        spec.parameters().forEach(parameters::put);
        return node;
    }

    static StrategySpec strategy(JsonNode node, String path) {
        try {
            if (node.isTextual()) {
                return StrategySpec.parse(node.textValue());
            }
            if (node.isObject()) {
                Map<String, String> parameters = new LinkedHashMap<>();
                JsonNode p = node.get("parameters");
                if (p != null && !p.isNull()) {
                    requireObject(p, at(path, "parameters"));
                    p.properties().forEach(e -> parameters.put(e.getKey(), e.getValue().asText()));
                }
                return new StrategySpec(string(node, path, "name"), parameters);
            }
        } catch (IllegalArgumentException e) {
            throw bad(path, e.getMessage());
        }
        throw bad(path, "expected a strategy such as \"boulware\" or \"time-dependent:e=0.2\", not " + node);
    }

    public ObjectNode eventNode(Event event) {
        ObjectNode node = NODES.objectNode();
        node.put("round", event.round());
        node.put("time", event.time());
        node.put("party", event.party());
        Action action = event.action();
        node.put("action", action.key());
        if (action instanceof Action.Misbehaviour m) {
            node.put("kind", m.reason().key());
            node.put("reason", m.detail());
        } else if (action.outcome() != null) {
            node.set("outcome", outcomeNode(action.outcome()));
        }
        if (event.hasUtility()) {
            node.put("utility", event.utility());
        }
        return node;
    }

    public Event event(JsonNode node, String path) {
        requireObject(node, path);
        int round = integer(node, path, "round");
        double time = number(node, path, "time");
        String party = string(node, path, "party");
        String name = string(node, path, "action");
        Action action = switch (name) {
            case "offer" -> new Action.Offer(outcome(field(node, path, "outcome"), at(path, "outcome")));
            case "accept" -> new Action.Accept(outcome(field(node, path, "outcome"), at(path, "outcome")));
            case "reject" -> new Action.Reject(outcome(field(node, path, "outcome"), at(path, "outcome")));
            case "ratify" -> new Action.Ratify(outcome(field(node, path, "outcome"), at(path, "outcome")));
            case "walk-away" -> new Action.WalkAway();
            case "misbehaviour" -> new Action.Misbehaviour(misbehaviourReason(node, path),
                    node.hasNonNull("reason") ? string(node, path, "reason") : "");
            default -> throw bad(at(path, "action"), "unknown action (" + name
                    + "); expected offer, accept, reject, ratify, walk-away or misbehaviour");
        };
        double utility = node.hasNonNull("utility") ? number(node, path, "utility") : Double.NaN;
        try {
            return new Event(round, time, party, action, utility);
        } catch (IllegalArgumentException e) {
            throw bad(path, e.getMessage());
        }
    }

    private static Action.Misbehaviour.Reason misbehaviourReason(JsonNode node, String path) {
        try {
            return Action.Misbehaviour.Reason.of(string(node, path, "kind"));
        } catch (IllegalArgumentException e) {
            throw bad(at(path, "kind"), e.getMessage());
        }
    }

    public ObjectNode resultNode(Result result) {
        ObjectNode node = NODES.objectNode();
        node.put("agreement", result.agreement());
        node.set("outcome", result.outcome() == null ? NODES.nullNode() : outcomeNode(result.outcome()));
        ArrayNode signers = node.putArray("signers");
        result.signers().forEach(signers::add);
        ObjectNode payoffs = node.putObject("payoffs");
        result.payoffs().forEach((party, payoff) -> {
            ObjectNode p = payoffs.putObject(party);
            p.put("utility", payoff.utility());
            p.put("discounted", payoff.discounted());
        });
        node.put("rounds", result.rounds());
        node.put("time", result.time());
        node.put("ending", result.ending().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        node.put("reason", result.reason());
        return node;
    }

    public Result result(JsonNode node, String path) {
        requireObject(node, path);
        JsonNode agreementNode = field(node, path, "agreement");
        if (!agreementNode.isBoolean()) {
            throw bad(at(path, "agreement"), "expected true or false, not " + agreementNode);
        }
        JsonNode outcomeNode = node.get("outcome");
        Outcome outcome = outcomeNode == null || outcomeNode.isNull() ? null : outcome(outcomeNode, at(path, "outcome"));
        JsonNode signersNode = field(node, path, "signers");
        if (!signersNode.isArray()) {
            throw bad(at(path, "signers"), "expected a list of party names");
        }
        List<String> signers = new ArrayList<>();
        for (JsonNode signer : signersNode) {
            signers.add(signer.asText());
        }
        JsonNode payoffsNode = field(node, path, "payoffs");
        requireObject(payoffsNode, at(path, "payoffs"));
        Map<String, Result.Payoff> payoffs = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : payoffsNode.properties()) {
            String p = at(at(path, "payoffs"), entry.getKey());
            requireObject(entry.getValue(), p);
            payoffs.put(entry.getKey(), new Result.Payoff(number(entry.getValue(), p, "utility"),
                    number(entry.getValue(), p, "discounted")));
        }
        String ending = string(node, path, "ending");
        Result.Ending end;
        try {
            end = Result.Ending.valueOf(ending.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw bad(at(path, "ending"), "unknown ending (" + ending
                    + "); expected agreement, deadline, walk-away or not-ratified");
        }
        try {
            return new Result(agreementNode.booleanValue(), outcome, signers, payoffs, integer(node, path, "rounds"),
                    number(node, path, "time"), end, node.hasNonNull("reason") ? string(node, path, "reason") : "");
        } catch (IllegalArgumentException e) {
            throw bad(path, e.getMessage());
        }
    }

    /** An outcome as issue name → option name (discrete) or number (integer, real), in issue order. */
    public ObjectNode outcomeNode(Outcome outcome) {
        if (outcome.size() != domain.size()) {
            throw new IllegalArgumentException("The outcome " + outcome + " has " + outcome.size()
                    + " values; the domain has " + domain.size() + " issues " + domain.names() + ".");
        }
        ObjectNode node = NODES.objectNode();
        for (int i = 0; i < domain.size(); i++) {
            Issue issue = domain.issue(i);
            double x = outcome.value(i);
            if (issue instanceof DiscreteIssue discrete && discrete.contains(x)) {
                node.put(issue.name(), discrete.option((int) x));
            } else if (issue instanceof IntegerIssue && x == Math.rint(x) && Math.abs(x) < 0x1p53) {
                node.put(issue.name(), (long) x);
            } else {
                node.put(issue.name(), x);
            }
        }
        return node;
    }

    public Outcome outcome(JsonNode node, String path) {
        requireObject(node, path);
        double[] values = new double[domain.size()];
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (domain.indexOf(name) < 0) {
                throw bad(at(path, name), "unknown issue; the issues are " + domain.names());
            }
        }
        for (int i = 0; i < domain.size(); i++) {
            Issue issue = domain.issue(i);
            JsonNode value = node.get(issue.name());
            if (value == null || value.isNull()) {
                throw bad(at(path, issue.name()), "missing; an outcome gives a value for every issue " + domain.names());
            }
            if (issue instanceof DiscreteIssue discrete) {
                int index = value.isTextual() ? discrete.indexOf(value.textValue()) : -1;
                if (index < 0) {
                    throw bad(at(path, issue.name()), "no option (" + value.asText() + "); the options are "
                            + discrete.options());
                }
                values[i] = index;
            } else if (value.isNumber() && Double.isFinite(value.doubleValue())) {
                // Not range-checked: a record is history, read back as the engine wrote it (the
                // session checks every move against the domain when it is made).
                values[i] = value.doubleValue();
            } else {
                throw bad(at(path, issue.name()), "expected a number, not " + value);
            }
        }
        return new Outcome(values);
    }

    /** The outcome as issue → option/number in plain Java values (for other documents and tables). */
    public Map<String, Object> outcomeMap(Outcome outcome) {
        Map<String, Object> map = new LinkedHashMap<>();
        outcomeNode(outcome).properties().forEach(e -> map.put(e.getKey(),
                e.getValue().isTextual() ? e.getValue().textValue() : e.getValue().numberValue()));
        return map;
    }

    // ---------------------------------------------------------------------------------------------

    private static String at(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static FormatException bad(String path, String problem) {
        return new FormatException("negotiation JSON", 0, 0, path, problem);
    }

    private static void requireObject(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw bad(path, "expected an object, not " + (node == null ? "nothing" : node.getNodeType()
                    .name().toLowerCase(Locale.ROOT)));
        }
    }

    private static JsonNode field(JsonNode node, String path, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw bad(at(path, name), "missing");
        }
        return value;
    }

    private static String string(JsonNode node, String path, String name) {
        JsonNode value = field(node, path, name);
        if (!value.isTextual()) {
            throw bad(at(path, name), "expected text, not " + value);
        }
        return value.textValue();
    }

    private static int integer(JsonNode node, String path, String name) {
        JsonNode value = field(node, path, name);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw bad(at(path, name), "expected a whole number, not " + value);
        }
        return value.intValue();
    }

    private static double number(JsonNode node, String path, String name) {
        JsonNode value = field(node, path, name);
        if (!value.isNumber()) {
            throw bad(at(path, name), "expected a number, not " + value);
        }
        return value.doubleValue();
    }

    private static Duration duration(JsonNode node, String path, String name) {
        String text = string(node, path, name);
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw bad(at(path, name), "expected an ISO-8601 duration such as PT10S, not " + text);
        }
    }
}
