package org.parley.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.parley.core.analysis.DealAssessment;
import org.parley.core.analysis.LastOffers;
import org.parley.core.analysis.NegotiationDebrief;
import org.parley.core.analysis.SolutionConcept;
import org.parley.core.analysis.SolutionConcepts;
import org.parley.core.analysis.WhyNoDeal;
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

    /** The longest line of distances (the frontier and the first concepts fit on the first). */
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

    void print(NegotiationRecord record, NegotiationDebrief debrief) {
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
        result(record.result());
        if (record.result() != null && debrief != null) {
            debrief(debrief);
        }
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

    private void result(Result result) {
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
    }

    /**
     * The debrief in words: what the deal (or its absence) is measured against, how far it lies
     * from that coalition's frontier and bargaining points and from the rule's frontier, which other
     * coalitions could have done better for all their members, and, without a deal, why not and how
     * far apart the last offers were.
     */
    private void debrief(NegotiationDebrief debrief) {
        out.println();
        out.printf("debrief under the agreement rule: %s%n", debrief.rule());
        List<String> coalition = debrief.coalition();
        List<String> outside = scenario.partyNames().stream().filter(p -> !coalition.contains(p)).toList();
        if (debrief.agreement()) {
            out.printf("  measured against the coalition that signed it: %s%s%n", and(coalition),
                    outside.isEmpty() ? "" : " (" + and(outside) + " outside, at " + (outside.size() == 1 ? "its" : "their")
                            + " reservation value)");
        } else if (!coalition.isEmpty()) {
            out.printf("  no deal: everyone at its reservation value; measured against the coalition whose own"
                    + " frontier lies nearest: %s%n", and(coalition));
        }
        if (!coalition.isEmpty() && !Double.isNaN(debrief.pareto())) {
            List<String> parts = new ArrayList<>();
            parts.add("distance to " + (coalition.size() == 1 ? "its" : "their") + " Pareto frontier "
                    + format(debrief.pareto()));
            SolutionConcepts concepts = SolutionConcepts.registered();
            for (NegotiationDebrief.Concept concept : debrief.concepts()) {
                parts.add("to " + (coalition.size() == 1 ? "its " : "their ") + concepts.find(concept.key()).map(SolutionConcept::displayName).orElse(concept.key())
                        + " point " + format(concept.distance()));
            }
            wrap(parts);
        } else if (debrief.note().isEmpty()) {
            out.println("  nothing is acceptable to " + (coalition.isEmpty() ? "any coalition that may sign"
                    : and(coalition)) + ": no frontier to measure to");
        }
        if (!Double.isNaN(debrief.ruleFrontier())) {
            out.printf("  distance to the rule's frontier (the best deals any coalition that may sign could make) %s%n",
                    format(debrief.ruleFrontier()));
        }
        if (!debrief.note().isEmpty()) {
            out.printf("  (%s)%n", debrief.note());
        }
        if (debrief.betterCoalitions().isEmpty()) {
            if (debrief.note().isEmpty()) {
                out.println(debrief.agreement()
                        ? "  no other coalition that may sign could have done better for all of its members"
                        : "  no coalition that may sign had a deal better for all of its members than walking away");
            }
        } else {
            out.println(debrief.agreement()
                    ? "  could have done better for all of their members (each strictly better off than with this deal):"
                    : "  could have made a deal better for all of their members than walking away:");
            for (DealAssessment.BetterCoalition better : debrief.betterCoalitions()) {
                List<String> gains = new ArrayList<>();
                for (String member : better.members()) {
                    gains.add(String.format(Locale.ROOT, "%s %.3f instead of %.3f", member, better.utilities().get(member),
                            better.baseline().get(member)));
                }
                out.printf("    %s (%s):%n      %s%n", String.join(" + ", better.members()), String.join(", ", gains),
                        options(better.outcome()));
            }
        }
        if (!debrief.whyNoDeal().isEmpty()) {
            whyNoDeal(debrief.whyNoDeal());
        }
        if (debrief.lastOffers() != null) {
            lastOffers(debrief.lastOffers());
        }
    }

    private void whyNoDeal(List<WhyNoDeal.CoalitionBlockers> blockers) {
        if (blockers.stream().allMatch(WhyNoDeal.CoalitionBlockers::feasible)) {
            out.printf("  nothing blocked a deal: %s had outcomes all of %s members accept%n",
                    blockers.size() == 1 ? and(blockers.get(0).members()) : "every smallest coalition that may sign",
                    blockers.size() == 1 && blockers.get(0).members().size() == 1 ? "its" : "their");
            return;
        }
        out.println("  why no deal: the smallest sets of hard constraints and reservation values whose removal would");
        out.println("  let a deal through (removing a reservation value means lowering it to 0):");
        for (WhyNoDeal.CoalitionBlockers coalition : blockers) {
            out.printf("    %s:%s%n", String.join(" + ", coalition.members()),
                    coalition.feasible() ? " could agree (nothing blocks)" : "");
            for (List<WhyNoDeal.Blocker> set : coalition.minimalSets()) {
                out.printf("      - %s%n", String.join("; ", set.stream().map(WhyNoDeal.Blocker::toString).toList()));
            }
            if (!coalition.feasible() && coalition.minimalSets().isEmpty() && coalition.note().isEmpty()) {
                out.println("      - none found");
            }
            if (!coalition.note().isEmpty()) {
                out.printf("      (%s)%n", coalition.note());
            }
        }
    }

    private void lastOffers(LastOffers offers) {
        if (offers.offers().isEmpty()) {
            out.println("  last offers: no party made an offer of its own");
            return;
        }
        out.println("  how far apart the last offers were (each party's utility):");
        for (LastOffers.PartyGap gap : offers.parties()) {
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "    %-" + partyWidth + "s  ", gap.party()));
            text.append(Double.isNaN(gap.own()) ? "made no offer"
                    : String.format(Locale.ROOT, "own last offer %.3f", gap.own()));
            if (gap.closest() != null) {
                text.append(String.format(Locale.ROOT, "; best of the others': %s at %.3f", possessive(gap.closest()),
                        gap.best()));
                if (!Double.isNaN(gap.concession())) {
                    text.append(String.format(Locale.ROOT, " (%.3f %s)", Math.abs(gap.concession()),
                            gap.concession() >= 0 ? "less" : "more"));
                }
                text.append(gap.acceptsBest() ? ", acceptable to it"
                        : gap.shortfall() > 0 ? String.format(Locale.ROOT, ", %.3f below its reservation value",
                                gap.shortfall()) : ", but it breaks one of its hard constraints");
            }
            out.println(text);
        }
        for (LastOffers.OfferSupport offer : offers.offers()) {
            out.printf("    %s last offer: accepted by %s — %s%n", possessive(offer.offerer()),
                    offer.acceptedBy().isEmpty() ? "no one" : String.join(", ", offer.acceptedBy()),
                    offer.passes() ? "they could have signed it alone" : "not enough to pass under the rule");
        }
    }

    private static String possessive(String name) {
        return name + (name.endsWith("s") ? "'" : "'s");
    }

    /** "a", "a and b", "a, b and c". */
    private static String and(List<String> names) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
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
