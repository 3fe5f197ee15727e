package org.parley.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.parley.core.analysis.Analysis;
import org.parley.core.analysis.AnalysisProblem;
import org.parley.core.analysis.BargainingPoint;
import org.parley.core.analysis.FrontierPoint;
import org.parley.core.analysis.OutcomeAnalyzer;
import org.parley.core.analysis.OutcomeSample;
import org.parley.core.analysis.SolutionConcept;
import org.parley.core.analysis.SolutionConcepts;
import org.parley.core.model.Outcome;
import org.parley.core.model.OutcomeSpace;
import org.parley.core.model.Party;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.Result;
import org.parley.plot.Charts;
import org.parley.plot.ConceptPoint;
import org.parley.plot.OutcomeSpacePlot;
import org.parley.plot.Point;

/**
 * The debriefing after the end: everyone's preferences and scores, the exact analysis (Pareto
 * frontier, the point of every solution concept, distances of the result to them), and the outcome
 * space of any two parties with the path of offers, as JSON for the page and as an SVG chart drawn
 * by parley-plot.
 */
final class Debriefs {

    /** Outcome spaces larger than this are sampled for the chart (uniformly, stratified: {@link OutcomeSample}). */
    static final int PLOT_LIMIT = 6000;

    /** The analysis and the debriefing JSON, computed once per ended negotiation. */
    record Debrief(ObjectNode json, Analysis analysis, String analysisNote) {}

    private Debriefs() {}

    static Debrief compute(Table.State table) {
        Scenario scenario = table.scenario();
        Result result = table.result();
        Analysis found = null;
        String note = "";
        try {
            found = OutcomeAnalyzer.analyze(AnalysisProblem.of(scenario), 1);
        } catch (IllegalArgumentException e) {
            note = e.getMessage();
        }
        Analysis analysis = found;
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
        if (analysis == null) {
            a.put("note", "No exact analysis: " + note);
        } else {
            a.put("outcomes", analysis.outcomes().toString());
            analysis.acceptable().ifPresent(n -> a.put("acceptable", n.toString()));
            a.put("frontierOutcomes", analysis.pareto().count());
            ArrayNode concepts = a.putArray("concepts");
            for (SolutionConcept concept : analysis.concepts()) {
                concepts.addObject().put("key", concept.key()).put("name", concept.displayName());
                analysis.point(concept.key()).ifPresent(p -> a.set(concept.key(), point(scenario, analysis, p)));
            }
            double[] achieved = new double[scenario.parties().size()];
            double welfare = 0;
            for (int i = 0; i < achieved.length; i++) {
                achieved[i] = result.payoff(scenario.parties().get(i).name()).utility();
                welfare += achieved[i];
            }
            a.put("socialWelfare", Views.points(welfare));
            if (!analysis.pareto().isEmpty()) {
                Analysis.Distances d = analysis.distances(achieved);
                a.put("distanceToPareto", Views.points(d.pareto()));
                d.concepts().forEach((key, distance) -> a.put(SolutionConcepts.prefixed("distanceTo", key),
                        Views.points(distance)));
            }
        }
        return new Debrief(json, analysis, note);
    }

    private static ObjectNode point(Scenario scenario, Analysis analysis, BargainingPoint p) {
        ObjectNode node = Views.MAPPER.createObjectNode();
        node.set("outcome", Views.outcome(scenario.domain(), p.outcome()));
        ObjectNode points = node.putObject("points");
        List<String> names = analysis.problem().parties();
        for (int i = 0; i < names.size(); i++) {
            points.put(names.get(i), Views.points(p.point().utility(i)));
        }
        node.put("ties", p.ties());
        return node;
    }

    /** The chart data for parties {@code x} and {@code y}: utilities in [0, 1]. */
    static OutcomeSpacePlot plot(Table.State table, String x, String y) {
        Scenario scenario = table.scenario();
        int xi = scenario.indexOf(x);
        int yi = scenario.indexOf(y);
        var xp = scenario.parties().get(xi).preferences();
        var yp = scenario.parties().get(yi).preferences();
        // Acceptable to everyone: no party's hard constraint broken, every utility at or above its reservation.
        OutcomeSample sample = OutcomeSample.of(scenario.domain(), OutcomeSpace.DEFAULT_REAL_STEPS, PLOT_LIMIT, o -> {
            for (Party p : scenario.parties()) {
                if (!p.preferences().acceptable(o)) {
                    return false;
                }
            }
            return true;
        });
        List<Point> outcomes = new ArrayList<>();
        List<Point> acceptable = new ArrayList<>();
        for (int k = 0; k < sample.outcomes().size(); k++) {
            Outcome o = sample.outcomes().get(k);
            (sample.acceptable().get(k) ? acceptable : outcomes).add(new Point(xp.utility(o), yp.utility(o)));
        }
        Debrief debrief = table.debrief();
        List<Point> frontier = new ArrayList<>();
        List<ConceptPoint> concepts = new ArrayList<>();
        if (debrief.analysis() != null) {
            Analysis analysis = debrief.analysis();
            int ax = analysis.problem().parties().indexOf(x);
            int ay = analysis.problem().parties().indexOf(y);
            List<Point> projected = new ArrayList<>();
            for (FrontierPoint f : analysis.pareto().points()) {
                projected.add(new Point(f.utility(ax), f.utility(ay)));
            }
            frontier = frontier2d(projected);
            for (SolutionConcept concept : analysis.concepts()) {
                analysis.point(concept.key()).ifPresent(p -> concepts.add(new ConceptPoint(concept.key(),
                        concept.displayName(), new Point(p.point().utility(ax), p.point().utility(ay)))));
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
        Point agreement = result.agreement()
                ? new Point(xp.utility(result.outcome()), yp.utility(result.outcome())) : null;
        return new OutcomeSpacePlot(scenario.name() + ": " + x + " and " + y, x, y, outcomes, acceptable, frontier,
                concepts, xp.reservation(), yp.reservation(), offers, agreement, sample.describe());
    }

    /** The points no other point beats on both axes, by increasing x. */
    static List<Point> frontier2d(List<Point> points) {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(Point::x).reversed().thenComparing(Point::y, Comparator.reverseOrder()));
        List<Point> front = new ArrayList<>();
        double bestY = Double.NEGATIVE_INFINITY;
        for (Point p : sorted) {
            if (p.y() > bestY) {
                front.add(p);
                bestY = p.y();
            }
        }
        front.sort(Comparator.comparingDouble(Point::x));
        return front;
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
    private static ArrayNode points(List<Point> points) {
        ArrayNode array = Views.MAPPER.createArrayNode();
        for (Point p : points) {
            array.add(pair(p));
        }
        return array;
    }

    private static ArrayNode pair(Point p) {
        ArrayNode a = Views.MAPPER.createArrayNode();
        a.add(Math.round(p.x() * 1e4) / 1e2);
        a.add(Math.round(p.y() * 1e4) / 1e2);
        return a;
    }
}
