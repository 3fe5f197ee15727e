package org.parley.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.Domain;
import org.parley.core.model.IntegerIssue;
import org.parley.core.model.Issue;
import org.parley.core.model.Outcome;
import org.parley.core.model.Party;
import org.parley.core.model.RealIssue;
import org.parley.core.model.Scenario;
import org.parley.core.model.Tolerances;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.Move;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Request;
import org.parley.core.negotiation.Result;
import org.parley.core.preference.Constraint;
import org.parley.core.preference.PlainWords;
import org.parley.core.preference.Discount;
import org.parley.core.preference.LinearAdditiveUtility;
import org.parley.core.preference.PiecewiseLinearValueFunction;
import org.parley.core.preference.Preferences;
import org.parley.core.preference.ValueFunction;
import org.parley.core.protocol.Protocols;
import org.parley.io.json.NegotiationJson;
import org.parley.store.AccessGrant;

/**
 * What each client may see, as JSON. The one rule: a party's private preferences (weights, points,
 * reservation, constraints, discount, its utility of anything) appear only in that party's own view,
 * and in everyone's view once the negotiation has ended (the debriefing), or, for a negotiation of
 * a world played in the browser, once the world has ended. Observers see the public record until then. Every number a party sees about an outcome is its own score of it.
 */
final class Views {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Views() {}

    static String json(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The node as UTF-8 JSON, written straight to bytes: a response body. Going through a String
     * first cost a third of the request threads' CPU under load, because the views hold text
     * outside Latin-1 (the scenario's dashes and quotes), which makes the JDK keep the string in
     * UTF-16 and encode it to UTF-8 a character at a time.
     */
    static byte[] jsonBytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The view for a join link: a party's or an observer's. */
    static ObjectNode view(Table.State table, AccessGrant access) {
        return view(table, access, -1);
    }

    /**
     * The view for a join link; with {@code since} ≥ 0, the part of it a client that holds an
     * earlier view still lacks: the moves from number {@code since} on (a client passes the {@code
     * settledMoves} of the view it holds), and none of what never changes during a negotiation
     * (the scenario, protocol, deadline, agreement rule, issues, the party's own preferences).
     * Without it, every long poll of a client at a table of 40 moves carried the whole history
     * again, each move with the caller's score of it: 10 kB a response on average under load, and
     * most of the server's work per request was building and writing it.
     */
    static ObjectNode view(Table.State table, AccessGrant access, int since) {
        String party = AccessGrant.PARTY.equals(access.role()) ? access.party() : null;
        Scenario scenario = table.scenario();
        boolean whole = since < 0;
        ObjectNode view = MAPPER.createObjectNode();
        view.put("id", table.id());
        view.put("version", table.version());
        if (!whole) {
            view.put("since", since);
        }
        ObjectNode you = view.putObject("you");
        you.put("role", access.role());
        if (party != null) {
            you.put("party", party);
        }
        if (whole) {
            publicInfo(view, table);
        }
        parties(view, table);
        if (party != null && whole) {
            view.set("preferences", table.table().part("preferences " + party, () -> preferences(scenario, party)));
        }
        boolean ended = table.finished();
        view.put("state", ended ? "ended" : "running");
        view.put("protocolLine", TurnGuide.protocolLine(table));
        status(view, table, party);
        view.put("settledMoves", table.published());
        view.set("moves", moves(table, party, Math.max(0, since)));
        if (ended) {
            view.set("result", result(scenario, table.result()));
            if (table.table().debriefWithheld()) {
                view.put("debriefWithheld", WITHHELD);
            } else {
                view.set("debrief", table.table().part("debrief", () -> table.debrief().json()));
            }
        }
        return view;
    }

    /** Said instead of the debriefing of a world's table while the world is in play. */
    static final String WITHHELD = "This negotiation is part of a world still in play: the other parties' briefs,"
            + " scores and the analysis are revealed when the world ends, since a later negotiation of the world may"
            + " seat the same powers with the same briefs.";

    private static void publicInfo(ObjectNode view, Table.State table) {
        Scenario scenario = table.scenario();
        NegotiationSettings settings = table.settings();
        ObjectNode s = view.putObject("scenario");
        s.put("name", scenario.name());
        s.put("description", scenario.description());
        ObjectNode protocol = view.putObject("protocol");
        protocol.put("key", settings.protocol());
        protocol.put("title", Protocols.get(settings.protocol()).title());
        ObjectNode deadline = view.putObject("deadline");
        if (settings.deadline().hasRounds()) {
            deadline.put("rounds", settings.deadline().rounds());
        }
        if (settings.deadline().hasTime()) {
            deadline.put("seconds", settings.deadline().time().toMillis() / 1000.0);
        }
        view.put("agreementRule", describeRule(scenario));
        view.put("advisor", table.table().options().advisor());
        view.set("issues", table.table().part("issues", () -> issues(scenario.domain())));
    }

    /** Who sits at the table, and who has left it. */
    private static void parties(ObjectNode view, Table.State table) {
        Scenario scenario = table.scenario();
        NegotiationSettings settings = table.settings();
        Set<String> gone = gone(table.events(), table.published());
        ArrayNode parties = view.putArray("parties");
        for (Party p : scenario.parties()) {
            ObjectNode node = parties.addObject();
            node.put("name", p.name());
            node.put("role", p.role());
            node.put("player", settings.strategy(p.name()).isHuman() ? "human" : "ai");
            node.put("required", scenario.agreement().required().contains(p.name()));
            node.put("left", gone.contains(p.name()));
        }
    }

    static ArrayNode issues(Domain domain) {
        ArrayNode issues = MAPPER.createArrayNode();
        for (Issue issue : domain.issues()) {
            ObjectNode node = issues.addObject();
            node.put("name", issue.name());
            if (issue instanceof DiscreteIssue d) {
                node.put("type", "discrete");
                ArrayNode options = node.putArray("options");
                d.options().forEach(options::add);
            } else if (issue instanceof IntegerIssue i) {
                node.put("type", "integer");
                node.put("min", i.min());
                node.put("max", i.max());
            } else {
                RealIssue r = (RealIssue) issue;
                node.put("type", "real");
                node.put("min", r.min());
                node.put("max", r.max());
            }
        }
        return issues;
    }

    static String describeRule(Scenario scenario) {
        int n = scenario.parties().size();
        if (scenario.agreement().isUnanimity(n)) {
            return "every party must sign";
        }
        List<String> required = scenario.partyNames().stream().filter(scenario.agreement().required()::contains).toList();
        String who = required.isEmpty() ? "" : String.join(" and ", required) + " must sign";
        int quorum = scenario.agreement().quorum();
        if (quorum > required.size()) {
            who += (who.isEmpty() ? "" : "; ") + "at least " + quorum + " of the " + n + " parties must sign";
        } else if (required.size() < n) {
            who += "; the others may sign or stay out";
        }
        return who;
    }

    /** A party's own preferences, in points (utility × 100). */
    static ObjectNode preferences(Scenario scenario, String party) {
        Preferences prefs = scenario.party(party).preferences();
        Domain domain = scenario.domain();
        ObjectNode node = MAPPER.createObjectNode();
        node.put("reservation", points(prefs.reservation()));
        ArrayNode issues = node.putArray("issues");
        double best = 0;
        if (prefs.utility() instanceof LinearAdditiveUtility la) {
            for (int i = 0; i < domain.size(); i++) {
                Issue issue = domain.issue(i);
                ObjectNode entry = issues.addObject();
                entry.put("name", issue.name());
                entry.put("weight", round(la.weight(i)));
                double top = 0;
                if (issue instanceof DiscreteIssue d) {
                    ArrayNode pts = entry.putArray("points");
                    for (int k = 0; k < d.options().size(); k++) {
                        double p = points(la.term(i, k));
                        pts.add(p);
                        top = Math.max(top, p);
                    }
                } else {
                    ArrayNode curve = entry.putArray("curve");
                    for (double[] xy : curve(issue, la.valueFunction(i))) {
                        double p = points(la.weight(i) * xy[1]);
                        curve.addArray().add(xy[0]).add(p);
                        top = Math.max(top, p);
                    }
                }
                entry.put("best", top);
                best += top;
            }
        }
        node.put("best", round(best));
        ArrayNode constraints = node.putArray("constraints");
        // In plain words ("the deal must set authority to federation"), not the file's rule syntax.
        for (Constraint c : prefs.constraints()) {
            constraints.add(PlainWords.constraint(c, domain));
        }
        Discount discount = prefs.discount();
        if (discount.factor() < 1) {
            ObjectNode d = node.putObject("discount");
            d.put("factor", discount.factor());
            d.put("per", discount.basis() == Discount.Basis.PER_ROUND ? "round" : "time");
        }
        return node;
    }

    private static List<double[]> curve(Issue issue, ValueFunction f) {
        List<double[]> points = new ArrayList<>();
        double min = issue instanceof IntegerIssue i ? i.min() : ((RealIssue) issue).min();
        double max = issue instanceof IntegerIssue i ? i.max() : ((RealIssue) issue).max();
        TreeSet<Double> xs = new TreeSet<>(List.of(min, max));
        if (f instanceof PiecewiseLinearValueFunction pl) {
            for (double x : pl.xs()) {
                if (x > min && x < max) {
                    xs.add(x);
                }
            }
        } else {
            for (int k = 1; k < 10; k++) {
                double x = min + (max - min) * k / 10;
                xs.add(issue instanceof IntegerIssue ? Math.rint(x) : x);
            }
        }
        for (double x : xs) {
            points.add(new double[] {x, f.value(x)});
        }
        return points;
    }

    /** What {@code outcome} gives {@code party}, now (round {@code round}, normalised time {@code time}). */
    static ObjectNode score(Scenario scenario, String party, Outcome outcome, int round, double time) {
        Preferences prefs = scenario.party(party).preferences();
        Domain domain = scenario.domain();
        double u = prefs.utility(outcome);
        ObjectNode node = MAPPER.createObjectNode();
        node.put("points", points(u));
        if (prefs.discount().factor() < 1) {
            node.put("discountedPoints", points(prefs.discount().apply(u, round, time)));
            node.put("discountedReservation", points(prefs.discount().apply(prefs.reservation(), round, time)));
        }
        boolean above = u >= prefs.reservation() - Tolerances.ACCEPTANCE;
        // The margin over the party's own walk-away value, in points (negative below it).
        node.put("margin", round(points(u) - points(prefs.reservation())));
        node.put("aboveReservation", above);
        ArrayNode broken = node.putArray("brokenConstraints");
        for (Constraint c : prefs.constraints()) {
            if (!c.satisfiedBy(outcome)) {
                broken.add(PlainWords.constraint(c, domain));
            }
        }
        node.put("acceptable", above && broken.isEmpty());
        if (prefs.utility() instanceof LinearAdditiveUtility la) {
            ArrayNode per = node.putArray("issues");
            for (int i = 0; i < domain.size(); i++) {
                ObjectNode e = per.addObject();
                e.put("issue", domain.issue(i).name());
                e.put("points", points(la.term(i, outcome.value(i))));
            }
        }
        return node;
    }

    private static void status(ObjectNode view, Table.State table, String party) {
        Scenario scenario = table.scenario();
        NegotiationSettings settings = table.settings();
        List<Request> pending = table.pending();
        List<Event> events = table.events();
        int round = !pending.isEmpty() ? pending.get(0).round() : events.isEmpty() ? 0 : events.get(events.size() - 1).round();
        if (table.finished() && table.result() != null) {
            round = Math.max(0, table.result().rounds() - 1);
        }
        view.put("round", round);
        if (settings.deadline().hasRounds()) {
            view.put("roundsLeft", Math.max(0, settings.deadline().rounds() - round - (table.finished() ? 1 : 0)));
        }
        long left = table.timeLeftMillis();
        if (left >= 0) {
            view.put("timeLeftMs", left);
        }
        ArrayNode waiting = view.putArray("waitingFor");
        for (Request r : pending) {
            waiting.add(r.party());
        }
        Request mine = party == null ? null : table.pending(party);
        if (mine == null) {
            view.putNull("turn");
            return;
        }
        ObjectNode turn = view.putObject("turn");
        turn.put("kind", mine.kind().name().toLowerCase(Locale.ROOT));
        turn.put("round", mine.round());
        if (mine.outcome() != null) {
            turn.set("offer", outcome(scenario.domain(), mine.outcome()));
            turn.set("score", score(scenario, party, mine.outcome(), mine.round(), mine.time()));
        }
        if (mine.reference() != null) {
            turn.set("reference", outcome(scenario.domain(), mine.reference()));
            turn.set("referenceScore", score(scenario, party, mine.reference(), mine.round(), mine.time()));
        }
        if (mine.proposer() != null) {
            turn.put("proposer", mine.proposer());
        }
        ObjectNode effect = TurnGuide.acceptEffect(table, party);
        if (effect != null) {
            turn.set("acceptEffect", effect);
        }
        if (table.table().options().advisor()) {
            ObjectNode advice = advice(table, party, mine);
            if (advice != null) {
                view.set("advice", advice);
            }
        }
    }

    /**
     * The advisor's counter-offers for a party at a turn where it may make an offer, about the offer
     * on the table (or, when it proposes, the latest offer by another party). The {@link Advisor}
     * is handed the party's own preferences and the published moves only.
     */
    private static ObjectNode advice(Table.State table, String party, Request mine) {
        if (mine.kind() != Request.Kind.PROPOSE && mine.kind() != Request.Kind.RESPOND) {
            return null;
        }
        Scenario scenario = table.scenario();
        List<Event> events = table.events();
        List<Move> moves = new ArrayList<>();
        for (int i = 0; i < table.published() && i < events.size(); i++) {
            moves.add(events.get(i).move());
        }
        Outcome reference = mine.outcome();
        String by = mine.proposer();
        for (int i = moves.size() - 1; reference == null && i >= 0; i--) {
            Move m = moves.get(i);
            if (m.action() instanceof Action.Offer offer && !m.party().equals(party) && !Event.MEDIATOR.equals(m.party())) {
                reference = offer.outcome();
                by = m.party();
            }
        }
        Advisor.Advice advice = Advisor.advise(scenario.domain(), scenario.partyNames(), scenario.agreement(), party,
                scenario.party(party).preferences(), moves, reference, by);
        if (advice == null) {
            return null;
        }
        ObjectNode node = MAPPER.createObjectNode();
        node.put("referenceBy", advice.referenceBy());
        node.set("reference", outcome(scenario.domain(), advice.reference()));
        ArrayNode learnt = node.putArray("learntFrom");
        advice.learntFrom().forEach(learnt::add);
        node.put("offersSeen", advice.offersSeen());
        ArrayNode suggestions = node.putArray("suggestions");
        Domain domain = scenario.domain();
        for (Advisor.Suggestion s : advice.suggestions()) {
            ObjectNode entry = suggestions.addObject();
            entry.set("offer", outcome(domain, s.outcome()));
            entry.set("score", score(scenario, party, s.outcome(), mine.round(), mine.time()));
            ArrayNode changes = entry.putArray("changes");
            ObjectNode from = outcome(domain, advice.reference());
            ObjectNode to = outcome(domain, s.outcome());
            for (int i : s.changed()) {
                String name = domain.issue(i).name();
                ObjectNode change = changes.addObject();
                change.put("issue", name);
                change.set("from", from.get(name));
                change.set("to", to.get(name));
            }
        }
        return node;
    }

    /** The moves from number {@code from} on that the viewer may see: the published ones, and its own sealed ones. */
    private static ArrayNode moves(Table.State table, String party, int from) {
        Scenario scenario = table.scenario();
        List<Event> events = table.events();
        int published = table.published();
        ArrayNode moves = MAPPER.createArrayNode();
        for (int i = from; i < events.size(); i++) {
            Event e = events.get(i);
            boolean sealed = i >= published;
            if (sealed && !e.party().equals(party)) {
                continue;
            }
            ObjectNode m = moves.addObject();
            m.put("seq", i);
            m.put("round", e.round());
            m.put("party", e.party());
            m.put("action", e.action().key());
            if (e.action() instanceof Action.Misbehaviour misbehaviour) {
                // Why an AI diplomat left (timeout, exception, invalid-move); its detail, which could
                // quote the strategy's own numbers, only in the record after the end.
                m.put("reason", misbehaviour.reason().key());
            }
            if (sealed) {
                m.put("sealed", true);
            }
            // What the party said is public; why it moved (the rationale and its figures) is not.
            if (e.action().message() != null) {
                m.put("message", e.action().message());
            }
            Outcome o = e.offer();
            if (o != null) {
                m.set("offer", table.table().part("offer " + i, () -> outcome(scenario.domain(), o)));
                if (party != null) {
                    m.set("score", table.table().part("score " + i + " " + party,
                            () -> score(scenario, party, o, e.round(), e.time())));
                }
            }
        }
        return moves;
    }

    private static Set<String> gone(List<Event> events, int published) {
        Set<String> gone = new HashSet<>();
        for (int i = 0; i < published && i < events.size(); i++) {
            Action a = events.get(i).action();
            if (a.leavesTable()) {
                gone.add(events.get(i).party());
            }
        }
        return gone;
    }

    static ObjectNode result(Scenario scenario, Result result) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("agreement", result.agreement());
        node.put("ending", result.ending().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        node.put("reason", result.reason());
        node.put("rounds", result.rounds());
        if (result.outcome() != null) {
            node.set("outcome", outcome(scenario.domain(), result.outcome()));
        }
        ArrayNode signers = node.putArray("signers");
        result.signers().forEach(signers::add);
        return node;
    }

    /** An outcome as issue → option name (discrete) or number, as in the negotiation records. */
    static ObjectNode outcome(Domain domain, Outcome outcome) {
        return NegotiationJson.of(domain).outcomeNode(outcome);
    }

    /**
     * Reads an outcome a client sent: an object giving every issue a value (an option's name, or a
     * number for a numeric issue). Errors name the field, e.g. {@code offer.pricing}.
     */
    static Outcome parseOutcome(Domain domain, JsonNode node, String field) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw ApiException.badField(field, "The " + field + " is missing: give an object with a value for every"
                    + " issue " + domain.names() + ".");
        }
        if (!node.isObject()) {
            throw ApiException.badField(field, "The " + field + " must be an object of issue names to values, like {\""
                    + domain.issue(0).name() + "\": ...}.");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (domain.indexOf(name) < 0) {
                throw ApiException.badField(field + "." + name, "Unknown issue (" + name + "); the issues are "
                        + domain.names() + ".");
            }
        }
        double[] values = new double[domain.size()];
        for (int i = 0; i < domain.size(); i++) {
            Issue issue = domain.issue(i);
            JsonNode value = node.get(issue.name());
            String path = field + "." + issue.name();
            if (value == null || value.isNull()) {
                throw ApiException.badField(path, "The issue (" + issue.name() + ") has no value" + expected(issue) + ".");
            }
            if (issue instanceof DiscreteIssue) {
                if (!value.isTextual()) {
                    throw ApiException.badField(path, "The issue (" + issue.name() + ") takes an option's name"
                            + expected(issue) + ", not (" + value + ").");
                }
            } else if (!value.isNumber()) {
                throw ApiException.badField(path, "The issue (" + issue.name() + ") takes a number" + expected(issue)
                        + ", not (" + value + ").");
            }
            try {
                values[i] = Domain.coordinate(issue, value.isNumber() ? value.numberValue() : value.asText());
            } catch (IllegalArgumentException e) {
                throw ApiException.badField(path, e.getMessage());
            }
        }
        return new Outcome(values);
    }

    private static String expected(Issue issue) {
        if (issue instanceof DiscreteIssue d) {
            return ": one of " + d.options();
        } else if (issue instanceof IntegerIssue i) {
            return ": an integer from " + i.min() + " to " + i.max();
        }
        RealIssue r = (RealIssue) issue;
        return ": a number from " + r.min() + " to " + r.max();
    }

    static double points(double utility) {
        return round(utility * 100);
    }

    /** Rounds away binary noise (0.35000000000000003) while keeping every meaningful digit. */
    static double round(double x) {
        return Math.round(x * 1e6) / 1e6;
    }
}
