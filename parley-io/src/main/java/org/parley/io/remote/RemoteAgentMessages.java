package org.parley.io.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.core.model.Outcome;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Move;
import org.parley.core.negotiation.Rationale;
import org.parley.core.negotiation.Request;
import org.parley.core.strategy.BidSpace;
import org.parley.core.strategy.Setup;
import org.parley.io.FormatException;
import org.parley.io.ScenarioWriter;
import org.parley.io.json.NegotiationJson;

/**
 * The JSON messages of the remote agent protocol, version {@value #VERSION} (docs/agents.md): what
 * Parley sends at the start, at each turn and at the end, and how it reads the agent's answer.
 * Outcomes are objects from issue name to option name (discrete issues) or number, as in records;
 * each outcome sent comes with the agent's own utility of it, so an agent need not evaluate its
 * preferences itself. Nothing sent concerns another party's preferences.
 */
final class RemoteAgentMessages {

    static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Setup setup;
    private final NegotiationJson json;
    private final String session;

    RemoteAgentMessages(Setup setup, String session) {
        this.setup = setup;
        this.json = NegotiationJson.of(setup.domain());
        this.session = session;
    }

    /** The session's opening: who the agent plays, the table's rules, its own preferences and a ladder of bids. */
    ObjectNode start(int maxBids, long seed) {
        ObjectNode node = header("start");
        node.put("protocolVersion", VERSION);
        node.put("self", setup.self());
        ArrayNode parties = node.putArray("parties");
        setup.parties().forEach(parties::add);
        node.put("protocol", setup.protocol());
        ObjectNode deadline = node.putObject("deadline");
        if (setup.deadline().hasRounds()) {
            deadline.put("rounds", setup.deadline().rounds());
        } else {
            deadline.putNull("rounds");
        }
        if (setup.deadline().hasTime()) {
            deadline.put("seconds", setup.deadline().time().toMillis() / 1000.0);
        } else {
            deadline.putNull("seconds");
        }
        if (setup.moveTimeLimit() != null) {
            node.put("moveTimeLimitMillis", setup.moveTimeLimit().toMillis());
        } else {
            node.putNull("moveTimeLimitMillis");
        }
        ObjectNode agreement = node.putObject("agreement");
        agreement.put("quorum", setup.rule().quorum());
        ArrayNode required = agreement.putArray("required");
        setup.parties().stream().filter(setup.rule().required()::contains).forEach(required::add);
        node.set("issues", MAPPER.valueToTree(ScenarioWriter.issuesTree(setup.domain())));
        node.set("preferences", MAPPER.valueToTree(ScenarioWriter.preferencesTree(setup.preferences(), setup.domain())));
        node.put("reservation", setup.reservation());
        ArrayNode bids = node.putArray("bids");
        for (Outcome bid : ladder(setup.bids(), maxBids)) {
            ObjectNode b = bids.addObject();
            b.set("outcome", json.outcomeNode(bid));
            b.put("utility", setup.bids().utility(bid));
        }
        node.put("seed", seed);
        // Its own trust in each opponent from earlier dealings (a world); empty elsewhere.
        ObjectNode trust = node.putObject("trust");
        setup.parties().stream().filter(setup.trust()::containsKey).forEach(p -> trust.put(p, setup.trust().get(p)));
        return node;
    }

    /** A turn: the public moves since the last message, then what the protocol asks. */
    ObjectNode act(List<Move> moves, Request request) {
        ObjectNode node = header("act");
        node.set("moves", moves(moves));
        ObjectNode r = node.putObject("request");
        r.put("kind", request.kind().name().toLowerCase(Locale.ROOT));
        r.put("round", request.round());
        r.put("time", request.time());
        putOutcome(r, "outcome", request.outcome());
        putOutcome(r, "reference", request.reference());
        if (request.proposer() != null) {
            r.put("proposer", request.proposer());
        } else {
            r.putNull("proposer");
        }
        return node;
    }

    /** The end: the moves the agent has not been sent, and the agreement (null for none). */
    ObjectNode end(List<Move> moves, Outcome agreement) {
        ObjectNode node = header("end");
        node.set("moves", moves(moves));
        putOutcome(node, "agreement", agreement);
        return node;
    }

    private ObjectNode header(String type) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", type);
        node.put("session", session);
        return node;
    }

    private ArrayNode moves(List<Move> moves) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Move move : moves) {
            ObjectNode m = array.addObject();
            m.put("round", move.round());
            m.put("time", move.time());
            m.put("party", move.party());
            m.put("action", NegotiationJson.actionName(move.action()));
            if (move.action().outcome() != null) {
                putOutcome(m, "outcome", move.action().outcome());
            }
            if (move.action().message() != null) {
                m.put("message", move.action().message());
            }
            if (move.action() instanceof Action.Misbehaviour misbehaviour) {
                m.put("reason", misbehaviour.reason().key());
            }
        }
        return array;
    }

    /**
     * The outcome and, beside it, the agent's own utility of it and whether it keeps the agent's
     * hard constraints ({@code utility} and {@code feasible} for the field {@code outcome},
     * {@code <field>Utility} and {@code <field>Feasible} for another); null when none.
     */
    private void putOutcome(ObjectNode node, String field, Outcome outcome) {
        if (outcome == null) {
            node.putNull(field);
            return;
        }
        node.set(field, json.outcomeNode(outcome));
        boolean plain = field.equals("outcome");
        node.put(plain ? "utility" : field + "Utility", setup.utility(outcome));
        node.put(plain ? "feasible" : field + "Feasible", setup.preferences().satisfiesConstraints(outcome));
    }

    /**
     * The agent's answer to {@code request} as an action; anything the protocol does not allow is
     * a {@link RemoteAgentException} saying what was wrong and where.
     */
    Action action(String body, Request request) {
        JsonNode node;
        try {
            node = NegotiationJson.parse(body, "the reply");
        } catch (FormatException e) {
            throw new RemoteAgentException("its reply is not JSON (" + e.getMessage() + "): " + excerpt(body));
        }
        if (!node.isObject()) {
            throw new RemoteAgentException("its reply must be a JSON object like {\"action\": \"offer\", \"outcome\": {...}},"
                    + " not: " + excerpt(body));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!List.of("action", "outcome", "message", "rationale").contains(name)) {
                throw new RemoteAgentException("its reply has an unknown field (" + name + "); the fields are action,"
                        + " outcome, message and rationale.");
            }
        }
        JsonNode action = node.get("action");
        if (action == null || !action.isTextual()) {
            throw new RemoteAgentException("its reply names no action (a string: offer, accept, reject or walk-away): "
                    + excerpt(body));
        }
        JsonNode outcomeNode = node.get("outcome");
        Outcome outcome = outcomeNode == null || outcomeNode.isNull() ? null : outcome(outcomeNode);
        String message = message(node.get("message"));
        Rationale rationale = rationale(node.get("rationale"));
        try {
            return switch (action.asText()) {
                case "offer" -> {
                    if (outcome == null) {
                        throw new RemoteAgentException("its offer has no outcome.");
                    }
                    yield new Action.Offer(outcome, rationale, message);
                }
                case "accept" -> new Action.Accept(vote(outcome, request, "accept"), rationale, message);
                case "reject" -> new Action.Reject(vote(outcome, request, "reject"), rationale, message);
                case "walk-away" -> new Action.WalkAway(rationale, message);
                default -> throw new RemoteAgentException("its reply's action (" + action.asText() + ") is not one of"
                        + " offer, accept, reject, walk-away.");
            };
        } catch (IllegalArgumentException e) {
            throw new RemoteAgentException("its reply's message: " + e.getMessage());
        }
    }

    private static String message(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new RemoteAgentException("its reply's message must be a string, not " + excerpt(node.toString()));
        }
        return node.asText();
    }

    /** {"kind": "concession", "terms": {"issue": "price"}, "figures": {"target": 0.7}}, every part but kind optional. */
    private static Rationale rationale(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject() || !node.path("kind").isTextual()) {
            throw new RemoteAgentException("its reply's rationale must be an object with a kind, like {\"kind\":"
                    + " \"concession\"}, not " + excerpt(node.toString()));
        }
        Map<String, String> terms = new LinkedHashMap<>();
        node.path("terms").fields().forEachRemaining(e -> terms.put(e.getKey(), e.getValue().asText()));
        Map<String, Double> figures = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("figures").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNumber()) {
                throw new RemoteAgentException("its reply's rationale figure (" + e.getKey() + ") must be a number.");
            }
            figures.put(e.getKey(), e.getValue().asDouble());
        }
        try {
            return new Rationale(node.get("kind").asText(), terms, figures);
        } catch (IllegalArgumentException e) {
            throw new RemoteAgentException("its reply's rationale: " + e.getMessage());
        }
    }

    /** A vote concerns the outcome put to the party; the reply may leave it out. */
    private static Outcome vote(Outcome given, Request request, String what) {
        if (given != null) {
            return given;
        }
        if (request.outcome() == null) {
            throw new RemoteAgentException("it answers " + what + " when asked to " + request.kind().name()
                    .toLowerCase(Locale.ROOT) + ", and names no outcome.");
        }
        return request.outcome();
    }

    private Outcome outcome(JsonNode node) {
        try {
            return json.outcome(node, "outcome");
        } catch (FormatException | IllegalArgumentException e) {
            throw new RemoteAgentException("its reply's outcome does not fit the domain: " + e.getMessage());
        }
    }

    static String excerpt(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return flat.length() <= 200 ? "(" + flat + ")" : "(" + flat.substring(0, 200) + "...)";
    }

    /**
     * Up to {@code max} feasible bids spread over the utility range, best first: every bid when
     * the space lists no more than that many distinct ones, else the first bid at or above each of
     * {@code max} evenly spaced targets.
     */
    static List<Outcome> ladder(BidSpace bids, int max) {
        List<Outcome> ladder = new ArrayList<>();
        if (bids.isEmpty() || max < 1) {
            return ladder;
        }
        Outcome current = bids.best();
        while (current != null && ladder.size() <= max) {
            ladder.add(current);
            current = bids.next(current);
        }
        if (ladder.size() <= max) {
            return ladder;
        }
        ladder.clear();
        double hi = bids.max();
        double lo = bids.min();
        java.util.Set<Outcome> seen = new java.util.HashSet<>();
        for (int k = 0; k < max; k++) {
            double target = max == 1 ? hi : hi - (hi - lo) * k / (max - 1);
            Outcome bid = bids.atLeast(target);
            if (seen.add(bid)) {
                ladder.add(bid);
            }
        }
        return ladder;
    }
}
