package org.parley.core.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parley.core.model.Outcome;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.Result;

/**
 * What a finished negotiation is judged by, under the agreement rule it was held under: a value
 * (names, numbers, outcomes), so that it can be stored with the record and read back. Built by a
 * {@link Debriefer} from the scenario's {@link RuleAnalysis}; see there for how each figure is
 * found. All distances are Euclidean in utility space over all parties, a party outside the deal
 * (every party, without one) at its reservation value; NaN where there is nothing to measure to.
 *
 * <ul>
 *   <li>{@code rule}: the agreement rule in words ("2 of 3, federation and kaldari required").
 *   <li>{@code signers}: who signed, in scenario order; empty without a deal.
 *   <li>{@code coalition}: the winning signer set the deal is measured against: the signers; without
 *       a deal, the winning set whose own frontier lies nearest to the disagreement point (everyone
 *       at its reservation value), the first such set on ties (smallest sets first, then in
 *       scenario order); empty when no winning set can agree on anything.
 *   <li>{@code pareto}: the distance to that coalition's own Pareto frontier (non-members at their
 *       reservation value); {@code concepts}: to each of its solution-concept points, one per
 *       registered concept in the registry's order, with the point itself (its nearest tied vector
 *       is what the distance is measured to).
 *   <li>{@code ruleFrontier}: the distance to the rule's frontier over every winning signer set.
 *   <li>{@code betterCoalitions}: every other winning signer set with an outcome all its members
 *       accept and strictly prefer to what this negotiation gave them (see {@link DealAssessment}).
 *   <li>{@code whyNoDeal} and {@code lastOffers}, without a deal only: what blocks each minimal
 *       winning set ({@link WhyNoDeal}; feasible sets say so) and how far apart the last offers
 *       were ({@link LastOffers}); empty and null with a deal.
 *   <li>{@code note}: empty, or why a figure is missing (the analysis beyond its limits, signers
 *       that do not satisfy the rule).
 * </ul>
 */
public record NegotiationDebrief(
        String rule, List<String> signers, List<String> coalition, double pareto, List<Concept> concepts,
        double ruleFrontier, List<DealAssessment.BetterCoalition> betterCoalitions,
        List<WhyNoDeal.CoalitionBlockers> whyNoDeal, LastOffers lastOffers, String note) {

    public NegotiationDebrief {
        signers = List.copyOf(signers);
        coalition = List.copyOf(coalition);
        concepts = List.copyOf(concepts);
        betterCoalitions = List.copyOf(betterCoalitions);
        whyNoDeal = List.copyOf(whyNoDeal);
        note = note == null ? "" : note;
    }

    /**
     * The coalition's point of one solution concept ({@code key}) and the distance to it:
     * {@code utilities} the point's vector over the coalition's members, {@code outcome} its first
     * outcome, {@code ties} the number of outcomes the concept cannot tell apart.
     */
    public record Concept(String key, double distance, Map<String, Double> utilities, Outcome outcome, long ties) {

        public Concept {
            utilities = Collections.unmodifiableMap(new LinkedHashMap<>(utilities));
        }
    }

    /** The debrief of one negotiation; for many of one scenario, build a {@link Debriefer} once. */
    public static NegotiationDebrief of(Scenario scenario, Result result, List<Event> events) {
        return new Debriefer(scenario).debrief(result, events);
    }

    /** Whether the negotiation ended in a deal. */
    public boolean agreement() {
        return !signers.isEmpty();
    }

    /** The point of the concept with {@code key}, if the coalition has one. */
    public Optional<Concept> concept(String key) {
        return concepts.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    /** The distance to the concept's point; NaN when there is none. */
    public double distance(String key) {
        return concept(key).map(Concept::distance).orElse(Double.NaN);
    }
}
