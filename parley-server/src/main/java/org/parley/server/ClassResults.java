package org.parley.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.parley.core.analysis.NegotiationDebrief;
import org.parley.core.analysis.RuleAnalysis;
import org.parley.core.analysis.RuleFrontier;
import org.parley.core.model.Domain;
import org.parley.core.model.Party;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.Request;
import org.parley.core.negotiation.Result;
import org.parley.plot.Point;
import org.parley.store.ClassSession;

/**
 * What the facilitator's dashboard shows of a class: each table live (what its observer link would
 * show, no party's preferences while it runs), and the results of the tables that have ended (each
 * role's score, the deals on one chart, the averages per role, the distance of each deal to the
 * frontier under the agreement rule); the same as CSV; and the slips with the join codes.
 */
final class ClassResults {

    private ClassResults() {}

    /** A table as it is now: round, whose turn, time left, the last move, who accepted; its result once ended. */
    static void live(ObjectNode node, Table.State table) {
        List<Request> pending = table.pending();
        List<Event> events = table.events();
        int published = Math.min(table.published(), events.size());
        int round = !pending.isEmpty() ? pending.get(0).round()
                : published == 0 ? 0 : events.get(published - 1).round();
        if (table.finished()) {
            round = Math.max(0, table.result().rounds() - 1);
        }
        node.put("state", table.finished() ? "ended" : "running");
        node.put("round", round);
        if (table.settings().deadline().hasRounds()) {
            node.put("rounds", table.settings().deadline().rounds());
        }
        long left = table.timeLeftMillis();
        if (left >= 0) {
            node.put("timeLeftMs", left);
        }
        ArrayNode waiting = node.putArray("waitingFor");
        pending.forEach(r -> waiting.add(r.party()));
        // Only what everyone may see: a sealed move (a vote not yet revealed) is not shown here either.
        if (published > 0) {
            Event last = events.get(published - 1);
            node.putObject("lastMove").put("party", last.party()).put("action", last.action().key())
                    .put("round", last.round());
        }
        ArrayNode accepted = node.putArray("accepted");
        if (!table.finished()) {
            // Who has accepted the offer on the table so far: the accepts since the last offer.
            Set<String> yes = new LinkedHashSet<>();
            for (int i = 0; i < published; i++) {
                Action action = events.get(i).action();
                if (action instanceof Action.Offer) {
                    yes.clear();
                    yes.add(events.get(i).party());
                } else if (action instanceof Action.Accept) {
                    yes.add(events.get(i).party());
                }
            }
            if (yes.size() > 1) {
                yes.forEach(accepted::add);
            }
            return;
        }
        Result result = table.result();
        Scenario scenario = table.scenario();
        node.put("agreement", result.agreement());
        node.put("ending", result.ending().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        node.put("reason", result.reason());
        node.put("roundsPlayed", result.rounds());
        ArrayNode signers = node.putArray("signers");
        result.signers().forEach(signers::add);
        if (result.outcome() != null) {
            node.set("outcome", Views.outcome(scenario.domain(), result.outcome()));
        }
        ObjectNode points = node.putObject("points");
        for (Party p : scenario.parties()) {
            points.put(p.name(), Views.points(result.payoff(p.name()).utility()));
        }
        NegotiationDebrief judged = table.debrief().judged();
        if (!Double.isNaN(judged.pareto())) {
            node.put("distanceToPareto", Views.points(judged.pareto()));
        }
        if (!Double.isNaN(judged.ruleFrontier())) {
            node.put("distanceToRuleFrontier", Views.points(judged.ruleFrontier()));
        }
    }

    /** The class's results so far: how many tables ended and agreed, and per role the average score. */
    static ObjectNode summary(Scenario scenario, ClassSession session, List<Table.State> states) {
        ObjectNode node = Views.MAPPER.createObjectNode();
        int ended = 0;
        int agreements = 0;
        double ruleDistance = 0;
        int ruleDistances = 0;
        for (Table.State state : states) {
            if (state.finished()) {
                ended++;
                if (state.result().agreement()) {
                    agreements++;
                }
                double d = state.debrief().judged().ruleFrontier();
                if (!Double.isNaN(d)) {
                    ruleDistance += d;
                    ruleDistances++;
                }
            }
        }
        node.put("tables", states.size());
        node.put("ended", ended);
        node.put("agreements", agreements);
        if (ruleDistances > 0) {
            node.put("averageDistanceToRuleFrontier", Views.points(ruleDistance / ruleDistances));
        }
        ArrayNode roles = node.putArray("roles");
        for (Party party : scenario.parties()) {
            double all = 0;
            double human = 0;
            int humans = 0;
            int signed = 0;
            for (int t = 0; t < states.size(); t++) {
                Table.State state = states.get(t);
                if (!state.finished()) {
                    continue;
                }
                double points = state.result().payoff(party.name()).utility();
                all += points;
                if (session.tables().get(t).seats().stream().anyMatch(s -> s.party().equals(party.name()) && s.human())) {
                    human += points;
                    humans++;
                }
                if (state.result().signers().contains(party.name())) {
                    signed++;
                }
            }
            ObjectNode role = roles.addObject();
            role.put("party", party.name());
            role.put("role", party.role());
            role.put("reservation", Views.points(party.preferences().reservation()));
            role.put("tables", ended);
            role.put("signed", signed);
            if (ended > 0) {
                role.put("average", Views.points(all / ended));
            }
            role.put("studentTables", humans);
            if (humans > 0) {
                role.put("studentAverage", Views.points(human / humans));
            }
        }
        return node;
    }

    /**
     * The class's deals on one chart of parties {@code x} and {@code y}: a sample of the outcome
     * space, the frontier under the agreement rule (over every signer set the rule lets stand, a
     * party outside a deal at its walk-away value) seen on these two axes, and each ended table's
     * result (a table without a deal at both walk-away values).
     */
    static ObjectNode plot(Scenario scenario, Optional<RuleAnalysis> analysis, List<Table.State> states,
            ClassSession session, String x, String y) {
        int xi = scenario.indexOf(x);
        int yi = scenario.indexOf(y);
        Debriefs.Sample sample = Debriefs.sample(scenario, x, y);
        ObjectNode node = Views.MAPPER.createObjectNode();
        node.put("x", x);
        node.put("y", y);
        node.put("sample", sample.description());
        node.set("outcomes", Debriefs.points(sample.outcomes()));
        node.set("acceptable", Debriefs.points(sample.acceptable()));
        List<Point> frontier = new ArrayList<>();
        if (analysis.isPresent()) {
            RuleFrontier rule = analysis.get().frontier();
            List<Point> projected = new ArrayList<>();
            for (RuleFrontier.Point p : rule.points()) {
                projected.add(new Point(p.vector().utility(xi), p.vector().utility(yi)));
            }
            frontier = Point.front(projected);
        } else {
            node.put("note", "No exact frontier: the scenario is beyond the exact analysis's limits.");
        }
        node.set("frontier", Debriefs.points(frontier));
        ObjectNode reservations = node.putObject("reservations");
        double xr = scenario.party(x).preferences().reservation();
        double yr = scenario.party(y).preferences().reservation();
        reservations.put("x", Views.points(xr));
        reservations.put("y", Views.points(yr));
        ArrayNode deals = node.putArray("deals");
        for (int t = 0; t < states.size(); t++) {
            Table.State state = states.get(t);
            if (!state.finished()) {
                continue;
            }
            Result result = state.result();
            ObjectNode deal = deals.addObject();
            deal.put("table", session.tables().get(t).number());
            deal.put("agreement", result.agreement());
            deal.set("point", Debriefs.pair(new Point(result.payoff(x).utility(), result.payoff(y).utility())));
            ArrayNode signers = deal.putArray("signers");
            result.signers().forEach(signers::add);
        }
        return node;
    }

    /** One row per table: its state and result, each party's player and score, the distances, the deal. */
    static String resultsCsv(Scenario scenario, ClassSession session, List<Table.State> states) {
        Domain domain = scenario.domain();
        List<String> header = new ArrayList<>(List.of("table", "negotiation", "state", "agreement", "ending", "rounds",
                "signers"));
        for (Party p : scenario.parties()) {
            header.add(p.name() + " player");
            header.add(p.name() + " points");
        }
        header.add("distance to pareto");
        header.add("distance to rule frontier");
        domain.issues().forEach(issue -> header.add(issue.name()));
        StringBuilder csv = new StringBuilder();
        row(csv, header);
        for (int t = 0; t < states.size(); t++) {
            Table.State state = states.get(t);
            ClassSession.Table table = session.tables().get(t);
            List<String> cells = new ArrayList<>();
            cells.add(Integer.toString(table.number()));
            cells.add(table.negotiationId());
            Result result = state.result();
            cells.add(state.finished() ? "ended" : "running");
            cells.add(result == null ? "" : Boolean.toString(result.agreement()));
            cells.add(result == null ? "" : result.ending().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            cells.add(result == null ? "" : Integer.toString(result.rounds()));
            cells.add(result == null ? "" : String.join(" ", result.signers()));
            for (ClassSession.Seat seat : table.seats()) {
                cells.add(seat.human() ? "student " + seat.student() : "ai " + state.settings().strategy(seat.party()));
                cells.add(result == null ? "" : number(Views.points(result.payoff(seat.party()).utility())));
            }
            NegotiationDebrief judged = result == null ? null : state.debrief().judged();
            cells.add(judged == null || Double.isNaN(judged.pareto()) ? "" : number(Views.points(judged.pareto())));
            cells.add(judged == null || Double.isNaN(judged.ruleFrontier()) ? ""
                    : number(Views.points(judged.ruleFrontier())));
            for (int i = 0; i < domain.size(); i++) {
                cells.add(result == null || result.outcome() == null ? ""
                        : domain.format(result.outcome()).get(domain.issue(i).name()));
            }
            row(csv, cells);
        }
        return csv.toString();
    }

    /** One row per student: the seat, the code and the link that opens it. */
    static String seatsCsv(Scenario scenario, ClassSession session, String base) {
        StringBuilder csv = new StringBuilder();
        row(csv, List.of("student", "table", "party", "role", "code", "join link"));
        for (Seated s : seated(session)) {
            row(csv, List.of(Integer.toString(s.seat().student()), Integer.toString(s.table()), s.seat().party(),
                    scenario.party(s.seat().party()).role(), s.seat().code(), base + "/join#" + s.seat().code()));
        }
        return csv.toString();
    }

    /** The join slips, one per student in student order, as XHTML to print (or render as PDF) and cut. */
    static String slips(Scenario scenario, ClassSession session, String base) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\" />")
                .append("<title>").append(escape(session.name())).append(": join codes</title><style>").append(SLIP_STYLE)
                .append("</style></head><body>\n<h1>").append(escape(session.name())).append("</h1>\n<p class=\"intro\">")
                .append(escape(scenario.name())).append(": ").append(session.students()).append(" students at ")
                .append(session.tables().size()).append(" tables. Cut along the lines and hand each student their slip;"
                        + " a code opens that student's seat only.</p>\n");
        for (Seated s : seated(session)) {
            Party party = scenario.party(s.seat().party());
            h.append("<div class=\"slip\"><p class=\"student\">Student ").append(s.seat().student()).append(" · Table ")
                    .append(s.table()).append("</p><p class=\"party\">You play <strong>").append(escape(party.name()))
                    .append("</strong>").append(party.role().isEmpty() ? "" : " (" + escape(party.role()) + ")")
                    .append("</p><p class=\"code\">").append(escape(s.seat().code())).append("</p><p class=\"how\">Go to <strong>")
                    .append(escape(base)).append("/join</strong> and type your code.</p></div>\n");
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private record Seated(int table, ClassSession.Seat seat) {}

    private static List<Seated> seated(ClassSession session) {
        List<Seated> all = new ArrayList<>();
        for (ClassSession.Table table : session.tables()) {
            for (ClassSession.Seat seat : table.seats()) {
                if (seat.human()) {
                    all.add(new Seated(table.number(), seat));
                }
            }
        }
        all.sort(java.util.Comparator.comparingInt(s -> s.seat().student()));
        return all;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /**
     * One CSV line (RFC 4180): a cell with a comma, quote or line break is quoted; a text cell that a
     * spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe.
     */
    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String cell = cells.get(i) == null ? "" : cells.get(i);
            if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?[0-9.]+")) {
                cell = "'" + cell;
            }
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                cell = "\"" + cell.replace("\"", "\"\"") + "\"";
            }
            csv.append(cell);
        }
        csv.append("\r\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final String SLIP_STYLE = """
            @page { size: A4; margin: 12mm; }
            body { font-family: 'DejaVu Sans', sans-serif; font-size: 10.5pt; color: #1f2430; }
            h1 { font-size: 15pt; margin: 0 0 1mm 0; }
            .intro { margin: 0 0 4mm 0; color: #4a5468; }
            .slip { border: 1px dashed #7b8497; padding: 3mm 4mm; margin: 0 0 3mm 0; page-break-inside: avoid; }
            .slip p { margin: 0.6mm 0; }
            .student { color: #4a5468; font-size: 9.5pt; }
            .party { font-size: 11.5pt; }
            .code { font-family: 'DejaVu Sans Mono', monospace; font-size: 20pt; font-weight: bold; letter-spacing: 1.5pt; }
            .how { font-size: 9.5pt; }
            """;
}
