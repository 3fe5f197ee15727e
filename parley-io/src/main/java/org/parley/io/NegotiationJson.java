package org.parley.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.parley.core.model.Domain;
import org.parley.core.model.Outcome;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.NegotiationRecord;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.ProtocolType;
import org.parley.core.negotiation.Result;
import org.parley.core.negotiation.StrategySpec;
import org.parley.io.tree.Node;
import org.parley.io.tree.Node.MapNode;
import org.parley.io.tree.TreeReader;

/**
 * Negotiation records as JSON, both ways: what {@code parley run --json} prints, what a store keeps
 * and what a server sends. Outcomes are written as issue → option (or number) in issue order, so a
 * record reads without the scenario at hand, and read back against the scenario's domain. The
 * format is documented in docs/negotiation-record.md. Output is deterministic: same record, same
 * bytes.
 */
public final class NegotiationJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private NegotiationJson() {}

    /** The record as indented JSON text. */
    public static String write(NegotiationRecord record, Domain domain) {
        return text(record(record, domain));
    }

    public static String text(com.fasterxml.jackson.databind.JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON: " + e.getMessage(), e);
        }
    }

    public static ObjectNode record(NegotiationRecord record, Domain domain) {
        ObjectNode node = NODES.objectNode();
        node.put("scenario", record.scenario());
        node.set("settings", settings(record.settings()));
        ArrayNode events = node.putArray("events");
        for (Event event : record.events()) {
            events.add(event(event, domain));
        }
        if (record.result() != null) {
            node.set("result", result(record.result(), domain));
        } else {
            node.putNull("result");
        }
        return node;
    }

    public static ObjectNode settings(NegotiationSettings settings) {
        ObjectNode node = NODES.objectNode();
        node.put("protocol", settings.protocol().key());
        ObjectNode deadline = node.putObject("deadline");
        if (settings.deadline().hasRounds()) {
            deadline.put("rounds", settings.deadline().rounds());
        }
        if (settings.deadline().hasTime()) {
            deadline.put("timeMillis", settings.deadline().time().toMillis());
        }
        ObjectNode strategies = node.putObject("strategies");
        settings.strategies().forEach((party, spec) -> strategies.put(party, spec.toString()));
        node.put("seed", settings.seed());
        if (settings.moveTimeLimit() != null) {
            node.put("moveTimeLimitMillis", settings.moveTimeLimit().toMillis());
        }
        return node;
    }

    public static ObjectNode event(Event event, Domain domain) {
        ObjectNode node = NODES.objectNode();
        node.put("round", event.round());
        node.put("time", event.time());
        node.put("party", event.party());
        Action action = event.action();
        node.put("action", actionName(action));
        if (action.outcome() != null) {
            node.set("offer", outcome(action.outcome(), domain));
        }
        if (event.hasUtility()) {
            node.put("utility", event.utility());
        }
        if (action instanceof Action.Misbehaviour m) {
            node.put("kind", m.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            node.put("reason", m.reason());
        }
        return node;
    }

    public static ObjectNode result(Result result, Domain domain) {
        ObjectNode node = NODES.objectNode();
        node.put("agreement", result.agreement());
        if (result.outcome() != null) {
            node.set("outcome", outcome(result.outcome(), domain));
        } else {
            node.putNull("outcome");
        }
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

    public static ObjectNode outcome(Outcome outcome, Domain domain) {
        ObjectNode node = NODES.objectNode();
        domain.format(outcome).forEach(node::put);
        return node;
    }

    private static String actionName(Action action) {
        if (action instanceof Action.Offer) {
            return "offer";
        } else if (action instanceof Action.Accept) {
            return "accept";
        } else if (action instanceof Action.Reject) {
            return "reject";
        } else if (action instanceof Action.WalkAway) {
            return "walk-away";
        } else if (action instanceof Action.Ratify) {
            return "ratify";
        }
        return "misbehaviour";
    }

    // ---------------------------------------------------------------------------------------------

    /** Reads a record written by {@link #write}; outcomes are checked against {@code domain}. */
    public static NegotiationRecord read(String text, String source, Domain domain) {
        MapNode root = TreeReader.readJson(text, source).asMap();
        root.allowOnly(Set.of("scenario", "settings", "events", "result", "analysis"));
        String scenario = root.require("scenario").asString();
        NegotiationSettings settings = readSettings(root.require("settings"));
        List<Event> events = new ArrayList<>();
        for (Node item : root.require("events").asList().items()) {
            events.add(readEvent(item, domain));
        }
        Node resultNode = root.get("result");
        Result result = resultNode == null || isNull(resultNode) ? null : readResult(resultNode, domain);
        return new NegotiationRecord(scenario, settings, events, result);
    }

    public static NegotiationSettings readSettings(Node node) {
        MapNode map = node.asMap();
        map.allowOnly(Set.of("protocol", "deadline", "strategies", "seed", "moveTimeLimitMillis"));
        try {
            ProtocolType protocol = ProtocolType.parse(map.require("protocol").asString());
            MapNode deadlineNode = map.require("deadline").asMap();
            deadlineNode.allowOnly(Set.of("rounds", "timeMillis"));
            int rounds = deadlineNode.has("rounds") ? deadlineNode.get("rounds").asInt() : 0;
            Duration time = deadlineNode.has("timeMillis") ? Duration.ofMillis(deadlineNode.get("timeMillis").asLong()) : null;
            Map<String, StrategySpec> strategies = new LinkedHashMap<>();
            for (var entry : map.require("strategies").asMap().entries().entrySet()) {
                strategies.put(entry.getKey(), StrategySpec.parse(entry.getValue().asString()));
            }
            Duration limit = map.has("moveTimeLimitMillis") ? Duration.ofMillis(map.get("moveTimeLimitMillis").asLong()) : null;
            return new NegotiationSettings(protocol, new Deadline(rounds, time), strategies, map.require("seed").asLong(),
                    limit);
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    public static Event readEvent(Node node, Domain domain) {
        MapNode map = node.asMap();
        map.allowOnly(Set.of("round", "time", "party", "action", "offer", "utility", "kind", "reason"));
        String name = map.require("action").asString();
        Outcome outcome = map.has("offer") ? readOutcome(map.get("offer"), domain) : null;
        try {
            Action action = switch (name) {
                case "offer" -> new Action.Offer(outcome);
                case "accept" -> new Action.Accept(outcome);
                case "reject" -> new Action.Reject(outcome);
                case "ratify" -> new Action.Ratify(outcome);
                case "walk-away" -> new Action.WalkAway();
                case "misbehaviour" -> new Action.Misbehaviour(Action.Misbehaviour.Kind.valueOf(
                        map.require("kind").asString().toUpperCase(Locale.ROOT).replace('-', '_')),
                        map.getString("reason", ""));
                default -> throw map.get("action").error("expected offer, accept, reject, ratify, walk-away or"
                        + " misbehaviour, found (" + name + ")");
            };
            double utility = map.has("utility") ? map.get("utility").asDouble() : Double.NaN;
            return new Event(map.require("round").asInt(), map.require("time").asDouble(), map.require("party").asString(),
                    action, utility);
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    public static Result readResult(Node node, Domain domain) {
        MapNode map = node.asMap();
        map.allowOnly(Set.of("agreement", "outcome", "signers", "payoffs", "rounds", "time", "ending", "reason",
                "distances"));
        Outcome outcome = map.has("outcome") && !isNull(map.get("outcome")) ? readOutcome(map.get("outcome"), domain) : null;
        Map<String, Result.Payoff> payoffs = new LinkedHashMap<>();
        for (var entry : map.require("payoffs").asMap().entries().entrySet()) {
            MapNode p = entry.getValue().asMap();
            payoffs.put(entry.getKey(), new Result.Payoff(p.require("utility").asDouble(), p.require("discounted").asDouble()));
        }
        try {
            return new Result(map.require("agreement").asBoolean(), outcome, map.require("signers").asStringList(), payoffs,
                    map.require("rounds").asInt(), map.require("time").asDouble(),
                    Result.Ending.valueOf(map.require("ending").asString().toUpperCase(Locale.ROOT).replace('-', '_')),
                    map.getString("reason", ""));
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    public static Outcome readOutcome(Node node, Domain domain) {
        Map<String, String> values = new LinkedHashMap<>();
        for (var entry : node.asMap().entries().entrySet()) {
            values.put(entry.getKey(), entry.getValue().asString());
        }
        try {
            return domain.outcome(values);
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    private static boolean isNull(Node node) {
        return node instanceof Node.ScalarNode scalar && scalar.value() == null;
    }
}
