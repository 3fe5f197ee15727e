package org.parley.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.parley.core.analysis.CoalitionAnalysis;
import org.parley.core.analysis.Debriefer;
import org.parley.core.analysis.FrontierPoint;
import org.parley.core.analysis.NegotiationDebrief;
import org.parley.core.analysis.OutcomeSample;
import org.parley.core.analysis.RuleAnalysis;
import org.parley.core.analysis.SolutionConcept;
import org.parley.core.analysis.SolutionConcepts;
import org.parley.core.model.Outcome;
import org.parley.core.model.OutcomeSpace;
import org.parley.core.model.Party;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.Result;
import org.parley.io.json.NegotiationJson;
import org.parley.plot.Charts;
import org.parley.plot.ConceptPoint;
import org.parley.plot.OutcomeSpacePlot;
import org.parley.plot.Point;

/**
 * The debriefing after the end: everyone's preferences and scores, and the negotiation judged
 * under its agreement rule ({@link NegotiationDebrief}): the frontier and the point of every
 * solution concept of the coalition that signed the deal (without a deal, of the winning coalition
 * nearest to one), the distances of the result to them and to the rule's frontier, the coalitions
 * that could have done better for all their members, and, without a deal, why not and how far apart
 * the last offers were; the outcome space of any two parties with the path of offers, as JSON for
 * the page and as an SVG chart drawn by parley-plot. All of it is private (it reveals every
 * party's preferences), so it exists only once the negotiation has ended.
 */
final class Debriefs {

    /** Outcome spaces larger than this are sampled for the chart (uniformly, stratified: {@link OutcomeSample}). */
    static final int PLOT_LIMIT = 6000;

    /**
     * The debriefing JSON, the debrief it shows ({@code judged}, as a record keeps it) and the
     * coalition measured against (null when there is none: no exact analysis, or no winning
     * coalition accepts anything), computed once per ended negotiation.
     */
    record Debrief(ObjectNode json, NegotiationDebrief judged, CoalitionAnalysis coalition) {}

    private Debriefs() {}

    static Debrief compute(Table.State table) {
        Scenario scenario = table.scenario();
        Result result = table.result();
        Debriefer debriefer = table.table().debriefer();
        NegotiationDebrief judged = debriefer.debrief(result, table.events());
        RuleAnalysis rule = debriefer.analysis().orElse(null);
        CoalitionAnalysis coalition = debriefer.coalition(result).orElse(null);
        ObjectNode json = Views.MAPPER.createObjectNode();
        ArrayNode parties = json.putArray("parties");
        for (Party p : scenario.parties()) {
            ObjectNode node = parties.addObject();
            node.put("name", p.name());
            node.put("role", p.role());
            var spec = table.settings().strategy(p.name());
            node.put("player", spec.isHuman() ? "human" : "ai");
            if (!spec.isHuman()) {
                node.put("strategy", spec.toString());
            }
            node.put("signed", result.signers().contains(p.name()));
            Result.Payoff payoff = result.payoff(p.name());
            node.put("points", Views.points(payoff.utility()));
            node.put("discountedPoints", Views.points(payoff.discounted()));
            node.set("preferences", Views.preferences(scenario, p.name()));
        }
        ObjectNode a = json.putObject("analysis");
        a.put("rule", judged.rule());
        if (rule == null) {
            a.put("note", "No exact analysis: " + judged.note().replaceFirst("^no exact analysis: ", ""));
        } else {
            a.put("unanimous", rule.unanimous());
            a.put("outcomes", rule.outcomes().toString());
            rule.coalition(scenario.partyNames()).flatMap(CoalitionAnalysis::acceptable)
                    .ifPresent(n -> a.put("acceptable", n.toString()));
            rule.passing().ifPresent(n -> a.put("passing", n.toString()));
            ArrayNode members = a.putArray("coalition");
            judged.coalition().forEach(members::add);
            a.put("frontierOutcomes", coalition == null ? 0 : coalition.analysis().pareto().count());
            ArrayNode concepts = a.putArray("concepts");
            for (SolutionConcept concept : SolutionConcepts.registered()) {
                concepts.addObject().put("key", concept.key()).put("name", concept.displayName());
                judged.concept(concept.key()).ifPresent(c -> a.set(concept.key(), point(scenario, c)));
            }
            double welfare = 0;
            for (Party p : scenario.parties()) {
                welfare += result.payoff(p.name()).utility();
            }
            a.put("socialWelfare", Views.points(welfare));
            if (!Double.isNaN(judged.pareto())) {
                a.put("distanceToPareto", Views.points(judged.pareto()));
                for (NegotiationDebrief.Concept c : judged.concepts()) {
                    a.put(SolutionConcepts.prefixed("distanceTo", c.key()), Views.points(c.distance()));
                }
            }
            if (!Double.isNaN(judged.ruleFrontier())) {
                a.put("distanceToRuleFrontier", Views.points(judged.ruleFrontier()));
            }
        }
        // The debrief itself, as records keep it (utilities in [0, 1]): better coalitions, why no deal, last offers.
        json.set("deal", NegotiationJson.of(scenario.domain()).debriefNode(judged));
        json.set("messages", conversation(table.events()));
        return new Debrief(json, judged, coalition);
    }

    /** What the parties said to each other, move by move, in order: the conversation to talk over afterwards. */
    static ArrayNode conversation(List<Event> events) {
        ArrayNode said = Views.MAPPER.createArrayNode();
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            if (e.action().message() != null) {
                said.addObject().put("seq", i).put("round", e.round()).put("party", e.party())
                        .put("action", e.action().key()).put("message", e.action().message());
            }
        }
        return said;
    }

    /** A concept's point of the coalition: its outcome, each member's points, and its ties. */
    private static ObjectNode point(Scenario scenario, NegotiationDebrief.Concept concept) {
        ObjectNode node = Views.MAPPER.createObjectNode();
        node.set("outcome", Views.outcome(scenario.domain(), concept.outcome()));
        ObjectNode points = node.putObject("points");
        concept.utilities().forEach((party, u) -> points.put(party, Views.points(u)));
        node.put("ties", concept.ties());
        return node;
    }

    /** The chart data for parties {@code x} and {@code y}: utilities in [0, 1]. */
    static OutcomeSpacePlot plot(Table.State table, String x, String y) {
        Scenario scenario = table.scenario();
        int xi = scenario.indexOf(x);
        int yi = scenario.indexOf(y);
        var xp = scenario.parties().get(xi).preferences();
        var yp = scenario.parties().get(yi).preferences();
        Sample sample = sample(scenario, x, y);
        List<Point> outcomes = sample.outcomes();
        List<Point> acceptable = sample.acceptable();
        Debrief debrief = table.debrief();
        List<Point> frontier = new ArrayList<>();
        List<ConceptPoint> concepts = new ArrayList<>();
        // The frontier and points of the coalition the debrief measures against, seen on these two
        // axes (a party outside it at its reservation value).
        CoalitionAnalysis coalition = debrief.coalition();
        if (coalition != null) {
            List<Point> projected = new ArrayList<>();
            for (FrontierPoint f : coalition.frontier()) {
                projected.add(new Point(f.utility(xi), f.utility(yi)));
            }
            frontier = Point.front(projected);
            for (SolutionConcept concept : coalition.analysis().concepts()) {
                coalition.analysis().point(concept.key()).ifPresent(p -> {
                    FrontierPoint lifted = coalition.lift(p.point());
                    concepts.add(new ConceptPoint(concept.key(), concept.displayName(),
                            new Point(lifted.utility(xi), lifted.utility(yi))));
                });
            }
        }
        Map<String, List<Point>> offers = new LinkedHashMap<>();
        for (Party p : scenario.parties()) {
            offers.put(p.name(), new ArrayList<>());
        }
        for (Event e : table.events()) {
            if (e.action() instanceof Action.Offer offer) {
                offers.computeIfAbsent(e.party(), k -> new ArrayList<>())
                        .add(new Point(xp.utility(offer.outcome()), yp.utility(offer.outcome())));
            }
        }
        Result result = table.result();
        // Each axis shows what the party got: a party that did not sign keeps its walk-away value,
        // whatever the deal would have given it.
        Point agreement = result.agreement()
                ? new Point(result.payoff(x).utility(), result.payoff(y).utility()) : null;
        return new OutcomeSpacePlot(scenario.name() + ": " + x + " and " + y, x, y, outcomes, acceptable, frontier,
                concepts, xp.reservation(), yp.reservation(), offers, agreement, sample.description());
    }

    /** The chart's dots for parties {@code x} and {@code y}: the others, those passing, and what they are of the space. */
    record Sample(List<Point> outcomes, List<Point> acceptable, String description) {}

    /**
     * A uniform, stratified sample of the outcome space ({@link OutcomeSample}) seen by parties
     * {@code x} and {@code y}, split by whether an outcome passes under the agreement rule: the
     * parties that accept it (no hard constraint broken, utility at or above the reservation) may
     * sign it; under unanimity, acceptable to everyone.
     */
    static Sample sample(Scenario scenario, String x, String y) {
        var xp = scenario.party(x).preferences();
        var yp = scenario.party(y).preferences();
        OutcomeSample sample = OutcomeSample.of(scenario.domain(), OutcomeSpace.DEFAULT_REAL_STEPS, PLOT_LIMIT, o -> {
            List<String> accepting = new ArrayList<>();
            for (Party p : scenario.parties()) {
                if (p.preferences().acceptable(o)) {
                    accepting.add(p.name());
                }
            }
            return scenario.agreement().stands(accepting);
        });
        List<Point> outcomes = new ArrayList<>();
        List<Point> acceptable = new ArrayList<>();
        for (int k = 0; k < sample.outcomes().size(); k++) {
            Outcome o = sample.outcomes().get(k);
            (sample.acceptable().get(k) ? acceptable : outcomes).add(new Point(xp.utility(o), yp.utility(o)));
        }
        return new Sample(outcomes, acceptable, sample.describe());
    }

    static ObjectNode plotJson(OutcomeSpacePlot plot) {
        ObjectNode node = Views.MAPPER.createObjectNode();
        node.put("x", plot.xParty());
        node.put("y", plot.yParty());
        node.put("sample", plot.sample());
        node.set("outcomes", points(plot.outcomes()));
        node.set("acceptable", points(plot.acceptable()));
        node.set("frontier", points(plot.frontier()));
        // The list the page draws from, in order; each point also under its key, as before the list.
        ArrayNode concepts = node.putArray("concepts");
        for (ConceptPoint concept : plot.concepts()) {
            concepts.addObject().put("key", concept.key()).put("name", concept.name()).set("point", pair(concept.point()));
            node.set(concept.key(), pair(concept.point()));
        }
        if (plot.agreement() != null) {
            node.set("agreement", pair(plot.agreement()));
        }
        ObjectNode reservations = node.putObject("reservations");
        reservations.put("x", Views.points(plot.xReservation()));
        reservations.put("y", Views.points(plot.yReservation()));
        ObjectNode offers = node.putObject("offers");
        plot.offers().forEach((party, list) -> offers.set(party, points(list)));
        return node;
    }

    static String svg(OutcomeSpacePlot plot) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(Charts.outcomeSpace(plot), out,
                    VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Points as [x, y] pairs in points (0–100), rounded for the wire. */
    static ArrayNode points(List<Point> points) {
        ArrayNode array = Views.MAPPER.createArrayNode();
        for (Point p : points) {
            array.add(pair(p));
        }
        return array;
    }

    static ArrayNode pair(Point p) {
        ArrayNode a = Views.MAPPER.createArrayNode();
        a.add(Math.round(p.x() * 1e4) / 1e2);
        a.add(Math.round(p.y() * 1e4) / 1e2);
        return a;
    }
}
