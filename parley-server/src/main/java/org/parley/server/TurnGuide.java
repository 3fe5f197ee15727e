package org.parley.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.parley.core.model.AgreementRule;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.Request;
import org.parley.core.protocol.Protocols;

/**
 * What a person at the table is told about the protocol: the rules of a turn in one line, who
 * moves now and next, and what pressing "Accept" will do under the agreement rule.
 *
 * <p>Everything here is worked out from public facts only: the protocol, the agreement rule, the
 * parties' names, the published moves and the request put to the viewer. So it may appear in any
 * party's view, and says nothing of anyone's preferences.
 */
final class TurnGuide {

    private TurnGuide() {}

    /**
     * The protocol in one line, with the state of play: for stacked alternating offers, "the parties
     * take turns in a fixed order (federation → kaldari → vethari), one round being one turn each;
     * ... Now: kaldari; next: vethari."
     */
    static String protocolLine(Table.State table) {
        List<String> seated = seated(table);
        String order = String.join(" → ", seated);
        int n = seated.size();
        String line = switch (table.settings().protocol()) {
            case "sao" -> "Stacked alternating offers: the parties take turns in a fixed order (" + order + "), one round"
                    + " being one turn each of the " + n + " at the table; at a turn a party accepts the offer on the"
                    + " table, replaces it with its own, or walks away.";
            case "amop" -> "Alternating multiple offers: each round every party at the table (" + order + ") makes a"
                    + " proposal, sealed until all are in; then each votes yes or no on every other proposal, and the"
                    + " votes are revealed together.";
            case "mediated" -> "Single-text mediation: each round the mediator proposes a change to one text and every"
                    + " party (" + order + ") votes yes or no on it; in the last round the text is put to a final vote"
                    + " to sign.";
            default -> {
                var protocol = Protocols.get(table.settings().protocol());
                yield capitalised(protocol.title()) + ": " + protocol.description() + ".";
            }
        };
        if (table.finished()) {
            return line;
        }
        List<String> waiting = table.pending().stream().map(Request::party).toList();
        if (waiting.isEmpty()) {
            return line;
        }
        if (table.settings().protocol().equals("sao") && waiting.size() == 1) {
            String now = waiting.get(0);
            int at = seated.indexOf(now);
            String next = at < 0 || n < 2 ? null : seated.get((at + 1) % n);
            return line + " Now: " + now + (next == null ? "" : "; next: " + next) + ".";
        }
        Request first = table.pending().get(0);
        String phase = switch (first.kind()) {
            case PROPOSE -> "proposals";
            case RESPOND -> "answers";
            case VOTE -> "votes";
            case RATIFY -> "the final vote";
        };
        return line + " Now: " + phase + " from " + and(waiting) + ".";
    }

    /**
     * What accepting the outcome put to {@code party} does, or null when it is not the party's turn
     * to answer one: {@code closes} (whether the deal is then signed at once), {@code signers} (who
     * would sign with it), {@code outside} (who would be left out, with their walk-away values) and
     * {@code text}, the sentence the page shows by the Accept button.
     */
    static ObjectNode acceptEffect(Table.State table, String party) {
        Request request = party == null ? null : table.pending(party);
        if (request == null || request.outcome() == null || request.kind() == Request.Kind.PROPOSE) {
            return null;
        }
        Scenario scenario = table.scenario();
        AgreementRule rule = scenario.agreement();
        List<String> names = scenario.partyNames();
        String rules = rule.describe(names);
        ObjectNode node = Views.MAPPER.createObjectNode();
        switch (request.kind()) {
            case RESPOND -> {
                // Stacked alternating offers: the proposer and those who accepted since sign the standing offer.
                Set<String> signers = standingSigners(table, request);
                signers.add(party);
                boolean closes = rule.stands(signers);
                List<String> outside = names.stream().filter(p -> !signers.contains(p)).toList();
                List<String> ordered = names.stream().filter(signers::contains).toList();
                node.put("closes", closes);
                list(node.putArray("signers"), ordered);
                list(node.putArray("outside"), outside);
                if (closes) {
                    node.put("text", "Accepting closes the deal now for " + and(ordered) + (outside.isEmpty() ? "."
                            : "; " + and(outside) + (outside.size() == 1 ? " stays" : " stay") + " out with "
                            + (outside.size() == 1 ? "its" : "their") + " walk-away value" + (outside.size() == 1 ? "."
                            : "s.")));
                } else {
                    List<String> others = ordered.stream().filter(p -> !p.equals(party)).toList();
                    node.put("text", "Accepting adds your signature to " + request.proposer() + "’s offer (signed so far"
                            + " by " + and(others) + "); it is not a deal yet: the rule (" + rules + ") needs more"
                            + " signatures, and the parties still to move may accept it or replace it.");
                }
            }
            case VOTE -> {
                boolean text = Event.MEDIATOR.equals(request.proposer());
                node.put("closes", false);
                node.put("text", text
                        ? "Voting yes supports replacing the text with this change; the text changes if the yes-votes"
                                + " meet the rule (" + rules + "). No deal is signed until the final vote."
                        : "Voting yes signs " + request.proposer() + "’s proposal; when all votes are in, it passes if"
                                + " its signers meet the rule (" + rules + "), and those who voted no stay out with their"
                                + " walk-away values.");
            }
            case RATIFY -> {
                node.put("closes", false);
                node.put("text", "Signing: when all votes are in, the deal stands if those who sign meet the rule ("
                        + rules + "); whoever does not sign stays out with its walk-away value.");
            }
            default -> throw new IllegalStateException(request.kind().toString());
        }
        return node;
    }

    /** The parties at the table (not yet left, as published), in table order. */
    private static List<String> seated(Table.State table) {
        Set<String> gone = new LinkedHashSet<>();
        List<Event> events = table.events();
        for (int i = 0; i < table.published() && i < events.size(); i++) {
            if (events.get(i).action().leavesTable()) {
                gone.add(events.get(i).party());
            }
        }
        return table.scenario().partyNames().stream().filter(p -> !gone.contains(p)).toList();
    }

    /**
     * Who signs the offer the request puts to its party: its proposer and whoever accepted it since,
     * still at the table (as stacked alternating offers counts them), read from the published log.
     */
    private static Set<String> standingSigners(Table.State table, Request request) {
        List<Event> events = table.events();
        int last = Math.min(table.published(), events.size());
        int offered = -1;
        for (int i = last - 1; i >= 0; i--) {
            Event e = events.get(i);
            if (e.action() instanceof Action.Offer && e.party().equals(request.proposer())) {
                offered = i;
                break;
            }
        }
        Set<String> signers = new LinkedHashSet<>();
        if (request.proposer() != null) {
            signers.add(request.proposer());
        }
        for (int i = offered + 1; offered >= 0 && i < last; i++) {
            Event e = events.get(i);
            if (e.action() instanceof Action.Accept) {
                signers.add(e.party());
            } else if (e.action().leavesTable()) {
                signers.remove(e.party());
            }
        }
        return signers;
    }

    private static void list(ArrayNode array, List<String> names) {
        names.forEach(array::add);
    }

    /** "a", "a and b", "a, b and c". */
    static String and(List<String> names) {
        if (names.isEmpty()) {
            return "nobody";
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        List<String> head = new ArrayList<>(names.subList(0, names.size() - 1));
        return String.join(", ", head) + " and " + names.get(names.size() - 1);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
