package org.parley.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.core.analysis.Analysis;
import org.parley.core.analysis.AnalysisProblem;
import org.parley.core.analysis.Debriefer;
import org.parley.core.analysis.FrontierPoint;
import org.parley.core.analysis.OutcomeAnalyzer;
import org.parley.core.analysis.OutcomeSample;
import org.parley.core.analysis.SolutionConcept;
import org.parley.core.model.Outcome;
import org.parley.core.model.OutcomeSpace;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.NegotiationRecord;
import org.parley.core.preference.Preferences;
import org.parley.plot.ConceptPoint;
import org.parley.plot.OutcomeSpacePlot;
import org.parley.plot.Point;
import org.parley.plot.TimelinePlot;

/**
 * Builds the charts of one negotiation from its scenario and log: the outcome space as two parties
 * see it, and each party's utility over the rounds.
 */
final class NegotiationPlots {

    /** More outcomes than this are sampled (uniformly, stratified, with a fixed seed: {@link OutcomeSample}). */
    static final int SAMPLE = 4000;

    private NegotiationPlots() {}

    /**
     * The outcome space of parties {@code x} and {@code y}: every outcome (a fixed random sample of
     * {@value #SAMPLE} when there are more), those acceptable to both, the Pareto frontier and the
     * point of every solution concept of the coalition the debrief measures against (the signers of
     * the deal; without one, the winning coalition nearest to a deal), seen on the two axes, a party
     * outside it at its reservation value (for a record still running, the two parties' own
     * bargaining problem), the reservation values, each mover's offers in order, and the agreement.
     */
    static OutcomeSpacePlot outcomeSpace(Scenario scenario, NegotiationRecord record, String x, String y) {
        Preferences px = scenario.party(x).preferences();
        Preferences py = scenario.party(y).preferences();
        List<Point> outcomes = new ArrayList<>();
        List<Point> acceptable = new ArrayList<>();
        OutcomeSample sample = OutcomeSample.of(scenario.domain(), OutcomeSpace.DEFAULT_REAL_STEPS, SAMPLE,
                o -> px.acceptable(o) && py.acceptable(o));
        for (int k = 0; k < sample.outcomes().size(); k++) {
            Outcome outcome = sample.outcomes().get(k);
            Point point = new Point(px.utility(outcome), py.utility(outcome));
            (sample.acceptable().get(k) ? acceptable : outcomes).add(point);
        }
        List<Point> frontier = new ArrayList<>();
        List<ConceptPoint> concepts = new ArrayList<>();
        if (record.result() != null) {
            // The coalition the debrief measures against, seen on these two axes (a party outside it
            // at its reservation value); nothing when the analysis is beyond its limits.
            new Debriefer(scenario).coalition(record.result()).ifPresent(coalition -> {
                int xi = scenario.indexOf(x);
                int yi = scenario.indexOf(y);
                List<Point> projected = new ArrayList<>();
                for (FrontierPoint point : coalition.frontier()) {
                    projected.add(new Point(point.utility(xi), point.utility(yi)));
                }
                frontier.addAll(Point.front(projected));
                for (SolutionConcept concept : coalition.analysis().concepts()) {
                    coalition.analysis().point(concept.key()).ifPresent(p -> {
                        FrontierPoint lifted = coalition.lift(p.point());
                        concepts.add(new ConceptPoint(concept.key(), concept.displayName(),
                                new Point(lifted.utility(xi), lifted.utility(yi))));
                    });
                }
            });
        } else {
            // Still running: the two parties' own bargaining problem.
            try {
                Analysis analysis = OutcomeAnalyzer.analyze(AnalysisProblem.of(scenario, List.of(x, y),
                        OutcomeSpace.DEFAULT_REAL_STEPS), 1);
                for (FrontierPoint point : analysis.pareto().points()) {
                    frontier.add(new Point(point.utility(0), point.utility(1)));
                }
                for (SolutionConcept concept : analysis.concepts()) {
                    analysis.point(concept.key()).ifPresent(p -> concepts.add(new ConceptPoint(concept.key(),
                            concept.displayName(), new Point(p.point().utility(0), p.point().utility(1)))));
                }
            } catch (IllegalArgumentException beyondLimits) {
                // Drawn without the analysis.
            }
        }
        Map<String, List<Point>> offers = new LinkedHashMap<>();
        for (Event event : record.events()) {
            if (event.action() instanceof Action.Offer offer) {
                offers.computeIfAbsent(event.party(), p -> new ArrayList<>())
                        .add(new Point(px.utility(offer.outcome()), py.utility(offer.outcome())));
            }
        }
        // Each axis shows what the party got: a party that did not sign keeps its walk-away value.
        Point agreement = record.result() != null && record.result().agreement()
                ? new Point(record.result().payoff(x).utility(), record.result().payoff(y).utility()) : null;
        String title = scenario.name() + ": outcomes as " + x + " and " + y + " see them"
                + (record.result() == null ? "" : record.result().agreement() ? " — agreement in round "
                        + (record.result().rounds() - 1) : " — no agreement");
        return new OutcomeSpacePlot(title, x, y, outcomes, acceptable, frontier, concepts, px.reservation(),
                py.reservation(), offers, agreement, sample.describe());
    }

    /**
     * Each party's own utility of the outcomes it offered, round by round (its concession curve);
     * for a party that never offers (single-text mediation) the utility of the mediator's texts.
     */
    static TimelinePlot timeline(Scenario scenario, NegotiationRecord record) {
        Map<String, List<Point>> series = new LinkedHashMap<>();
        Map<String, Double> reservations = new LinkedHashMap<>();
        for (var party : scenario.parties()) {
            List<Point> own = new ArrayList<>();
            List<Point> texts = new ArrayList<>();
            for (Event event : record.events()) {
                if (event.action() instanceof Action.Offer offer) {
                    Point point = new Point(event.round(), party.preferences().utility(offer.outcome()));
                    if (event.party().equals(party.name())) {
                        own.add(point);
                    } else if (Event.MEDIATOR.equals(event.party())) {
                        texts.add(point);
                    }
                }
            }
            series.put(party.name(), own.isEmpty() ? texts : own);
            reservations.put(party.name(), party.preferences().reservation());
        }
        return new TimelinePlot(scenario.name() + ": each party's utility of its offers, by round", series, reservations);
    }
}
