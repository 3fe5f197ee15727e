package org.parley.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.parley.core.analysis.Analysis;
import org.parley.core.analysis.SolutionConcept;
import org.parley.core.analysis.SolutionConcepts;
import org.parley.core.model.Domain;
import org.parley.core.model.Outcome;
import org.parley.core.model.Party;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.NegotiationRecord;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Result;
import org.parley.core.protocol.Protocols;

/** The human-readable trace of a run: a header, one line per event, and the result. */
final class Trace {

    /** The longest line of distances (the frontier, Nash and Kalai–Smorodinsky fit on the first). */
    private static final int WIDTH = 110;

    private final Scenario scenario;
    private final NegotiationSettings settings;
    private final PrintWriter out;
    private final Domain domain;
    private final int partyWidth;

    Trace(Scenario scenario, NegotiationSettings settings, PrintWriter out) {
        this.scenario = scenario;
        this.settings = settings;
        this.out = out;
        this.domain = scenario.domain();
        int width = Event.MEDIATOR.length();
        for (String name : scenario.partyNames()) {
            width = Math.max(width, name.length());
        }
        this.partyWidth = width;
    }

    void print(NegotiationRecord record, Analysis.Distances distances) {
        header();
        String row = "%5s  %-" + partyWidth + "s  %-10s  %7s  %s";
        line(row, "round", "party", "action", "utility", "offer (" + String.join(" · ", domain.names()) + ")");
        boolean openingSeen = false;
        for (Event event : record.events()) {
            boolean mediator = Event.MEDIATOR.equals(event.party());
            String action = label(event.action(), mediator ? (openingSeen ? "proposes" : "opens") : "offer");
            openingSeen |= mediator;
            String detail;
            if (event.action() instanceof Action.Misbehaviour m) {
                detail = m.describe();
            } else {
                detail = event.offer() == null ? "" : options(event.offer());
            }
            line(row, event.round(), event.party(), action,
                    event.hasUtility() ? String.format(Locale.ROOT, "%.3f", event.utility()) : "", detail);
            said(event.action());
        }
        result(record.result(), distances);
    }

    /**
     * What the party said with the move, under it: the line in quotes and the kind of its reason in
     * brackets (the trace is the operator's view; the reason's figures stay in the record).
     */
    private void said(Action action) {
        String message = action.message();
        String kind = action.rationale() == null ? null : action.rationale().kind();
        if (message == null && kind == null) {
            return;
        }
        String text = (message == null ? "" : "\u201c" + message + "\u201d") + (kind == null ? "" : (message == null ? "" : "  ")
                + "[" + kind + "]");
        out.println((" ".repeat(7 + partyWidth + 2) + text).stripTrailing());
    }

    private void header() {
        out.printf(Locale.ROOT, "%s — %s, %d parties, deadline %s, seed %d%n", scenario.name(), Protocols.get(settings.protocol()).title(),
                scenario.parties().size(), settings.deadline(), settings.seed());
        var rule = scenario.agreement();
        out.printf("agreement rule: %s%n", rule.isUnanimity(scenario.parties().size()) ? "unanimity"
                : rule.quorum() + " of " + scenario.parties().size() + " must sign"
                        + (rule.required().isEmpty() ? "" : ", including " + String.join(" and ", sorted(rule.required()))));
        for (Party party : scenario.parties()) {
            var preferences = party.preferences();
            out.printf(Locale.ROOT, "  %-" + partyWidth + "s  plays %-24s reservation %.2f%s%n", party.name(),
                    settings.strategy(party.name()), preferences.reservation(),
                    preferences.discount().factor() < 1 ? String.format(Locale.ROOT, ", discount %s per %s",
                            preferences.discount().factor(), preferences.discount().basis()
                                    == org.parley.core.preference.Discount.Basis.PER_ROUND ? "round" : "unit of time") : "");
        }
        out.println();
    }

    private List<String> sorted(java.util.Set<String> names) {
        return scenario.partyNames().stream().filter(names::contains).toList();
    }

    private void result(Result result, Analysis.Distances distances) {
        out.println();
        if (result == null) {
            out.println("result: none yet — the negotiation was still running when it was last stored");
            return;
        }
        if (result.agreement()) {
            out.printf(Locale.ROOT, "result: agreement in round %d (%d rounds, t = %.2f), signed by %s%n", result.rounds() - 1,
                    result.rounds(), result.time(), String.join(", ", result.signers()));
            out.printf("  agreed: %s%n", options(result.outcome()));
        } else {
            out.printf(Locale.ROOT, "result: no agreement — %s (%d rounds, t = %.2f)%n", result.reason(), result.rounds(), result.time());
        }
        String row = "  %-" + partyWidth + "s  %7s  %10s  %11s  %s";
        line(row, "party", "utility", "discounted", "reservation", "");
        for (Party party : scenario.parties()) {
            Result.Payoff payoff = result.payoff(party.name());
            String note = result.agreement() && !result.signers().contains(party.name()) ? "outside the deal" : "";
            line(row, party.name(), String.format(Locale.ROOT, "%.3f", payoff.utility()),
                    String.format(Locale.ROOT, "%.3f", payoff.discounted()),
                    String.format(Locale.ROOT, "%.2f", party.preferences().reservation()), note);
        }
        if (distances == null) {
            out.println("  distances: the outcome space is beyond the analysis's limits");
        } else if (Double.isNaN(distances.pareto())) {
            out.println("  distances: n/a (nothing is acceptable to all)");
        } else {
            List<String> parts = new ArrayList<>();
            parts.add("distance to the Pareto frontier " + format(distances.pareto()));
            SolutionConcepts concepts = SolutionConcepts.registered();
            distances.concepts().forEach((key, value) -> parts.add("to the "
                    + concepts.find(key).map(SolutionConcept::displayName).orElse(key) + " point " + format(value)));
            wrap(parts);
        }
    }

    /** Comma-separated parts on lines of at most {@value #WIDTH} characters, continued lines indented. */
    private void wrap(List<String> parts) {
        StringBuilder line = new StringBuilder("  ");
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i) + (i < parts.size() - 1 ? "," : "");
            if (i > 0 && line.length() + 1 + part.length() > WIDTH) {
                out.println(line);
                line = new StringBuilder("    ");
            } else if (i > 0) {
                line.append(' ');
            }
            line.append(part);
        }
        out.println(line);
    }

    /** One line of a table, without the padding of an empty last column. */
    private void line(String format, Object... values) {
        out.println(String.format(Locale.ROOT, format, values).stripTrailing());
    }

    private static String format(double distance) {
        return String.format(Locale.ROOT, "%.3f", distance);
    }

    private String options(Outcome outcome) {
        return String.join(" · ", domain.format(outcome).values());
    }

    /** The action's label; an offer's depends on who makes it, and a ratification is a question put to the vote. */
    private static String label(Action action, String offer) {
        if (action instanceof Action.Offer) {
            return offer;
        }
        return action instanceof Action.Ratify ? action.label() + "?" : action.label();
    }
}
