package org.parley.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.parley.core.model.AgreementRule;
import org.parley.core.model.Outcome;
import org.parley.core.model.OutcomeSpace;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.Result;

/**
 * Debriefs of random deals and failed negotiations on random scenarios of 2–5 parties with quorum
 * rules and required signers, against enumerating every (outcome, signer set)
 * ({@link BruteForceRuleAnalysis}) and every coalition's outcomes ({@link BruteForceParetoFrontier});
 * under unanimity against the all-party analysis.
 */
class NegotiationDebriefProperties {

    private static final int STEPS = OutcomeSpace.DEFAULT_REAL_STEPS;
    private static final double EPS = 1e-9;

    /** A scenario under a rule, and a negotiation's end: a deal (an outcome, a winning signer set) or none. */
    record Case(Scenario scenario, AgreementRule rule, boolean deal, long seed) {
        @Override
        public String toString() {
            return (deal ? "deal" : "no deal") + " under " + rule + " on " + scenario.partyNames() + ", seed " + seed;
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.randomValue(random -> {
            Scenario scenario = RandomScenarios.scenario(random, 2 + random.nextInt(4));
            AgreementRule rule = random.nextInt(5) == 0 ? AgreementRule.unanimity(scenario.partyNames())
                    : RuleAnalyzerProperties.rule(random, scenario.partyNames());
            return new Case(RuleAnalyzerProperties.withRule(scenario, rule), rule, random.nextBoolean(), random.nextLong());
        });
    }

    @Property(tries = 700)
    void agreesWithBruteForce(@ForAll("cases") Case c) {
        Scenario scenario = c.scenario();
        Random random = new Random(c.seed());
        BruteForceRuleAnalysis.Result oracle = BruteForceRuleAnalysis.analyze(scenario, c.rule(), STEPS);
        AnalysisProblem all = AnalysisProblem.of(scenario, null, STEPS);
        OutcomeSpace space = all.space();
        List<String> names = scenario.partyNames();
        int n = names.size();

        long[] payoff = CoalitionAnalysis.reservations(scenario);
        List<String> signers = List.of();
        Result result;
        List<Event> events = new ArrayList<>();
        if (c.deal()) {
            BruteForceRuleAnalysis.Coalition signing = oracle.winning().get(random.nextInt(oracle.winning().size()));
            signers = signing.members();
            Outcome agreement = space.outcome((long) (random.nextDouble() * space.count().longValueExact()));
            long[] u = DealAssessment.onGridUtilities(all, agreement);
            for (int i = 0; i < n; i++) {
                if (signers.contains(names.get(i))) {
                    payoff[i] = u[i];
                }
            }
            result = new Result(true, agreement, signers, payoffs(scenario, payoff), 3, 0.3, Result.Ending.AGREEMENT, "");
        } else {
            for (int e = 0; e < random.nextInt(6); e++) {
                String party = names.get(random.nextInt(n));
                Outcome offer = space.outcome((long) (random.nextDouble() * space.count().longValueExact()));
                events.add(new Event(e, e / 10.0, party, new Action.Offer(offer),
                        scenario.party(party).preferences().utility(offer)));
            }
            result = new Result(false, null, List.of(), payoffs(scenario, payoff), 10, 1, Result.Ending.DEADLINE, "");
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = FixedPoint.toUtility(payoff[i]);
        }

        Debriefer debriefer = new Debriefer(scenario);
        NegotiationDebrief debrief = debriefer.debrief(result, events);
        assertThat(debrief.note()).isEmpty();
        // What tournaments ask for alone: the same distances.
        Analysis.Distances distances = debriefer.distances(result);
        assertThat(distances.pareto()).isCloseTo(debrief.pareto(), within(EPS));
        assertThat(distances.concepts().keySet()).containsExactlyElementsOf(SolutionConcepts.registered().keys());
        for (String key : SolutionConcepts.registered().keys()) {
            assertThat(distances.to(key)).as(key).isCloseTo(debrief.distance(key), within(EPS));
        }
        assertThat(debrief.signers()).isEqualTo(signers);
        assertThat(debrief.ruleFrontier()).isCloseTo(nearestOrNaN(
                oracle.frontier().stream().map(BruteForceRuleAnalysis.Vector::vector).toList(), v), within(EPS));

        // The coalition measured against: the signers, or the winning set nearest to no deal.
        if (c.deal()) {
            assertThat(debrief.coalition()).isEqualTo(signers);
        } else {
            double nearest = Double.NaN;
            for (BruteForceRuleAnalysis.Coalition w : oracle.winning()) {
                double d = Analysis.nearest(w.frontier(), v);
                nearest = Double.isNaN(nearest) || d < nearest ? d : nearest;
            }
            if (Double.isNaN(nearest)) {
                assertThat(debrief.coalition()).isEmpty();
            } else {
                assertThat(oracle.winning()).extracting(BruteForceRuleAnalysis.Coalition::members)
                        .contains(debrief.coalition());
            }
            assertThat(debrief.pareto()).isCloseTo(nearest, within(EPS));
        }
        if (!debrief.coalition().isEmpty()) {
            BruteForceRuleAnalysis.Coalition own = oracle.winning().stream()
                    .filter(w -> w.members().equals(debrief.coalition())).findFirst().orElseThrow();
            assertThat(debrief.pareto()).isCloseTo(nearestOrNaN(own.frontier(), v), within(EPS));
            checkConcepts(scenario, debrief, own.members(), v);
        }

        // Better coalitions: every other winning set whose members could all have done strictly better.
        Map<List<String>, Long> bestMargins = new LinkedHashMap<>();
        for (BruteForceRuleAnalysis.Coalition w : oracle.winning()) {
            if (w.members().equals(signers)) {
                continue;
            }
            for (long r = 0; r < space.count().longValueExact(); r++) {
                long margin = margin(scenario, all, space.outcome(r), w.members(), payoff);
                if (margin > 0) {
                    bestMargins.merge(w.members(), margin, Math::max);
                }
            }
        }
        assertThat(debrief.betterCoalitions()).extracting(DealAssessment.BetterCoalition::members)
                .containsExactlyInAnyOrderElementsOf(bestMargins.keySet());
        for (DealAssessment.BetterCoalition better : debrief.betterCoalitions()) {
            assertThat(margin(scenario, all, better.outcome(), better.members(), payoff))
                    .as("the smallest gain of %s", better.members()).isEqualTo(bestMargins.get(better.members()));
            for (String member : better.members()) {
                assertThat(better.baseline().get(member)).isCloseTo(v[scenario.indexOf(member)], within(EPS));
                assertThat(better.utilities().get(member)).isCloseTo(
                        scenario.party(member).preferences().utility(better.outcome()), within(EPS));
            }
        }

        // Without a deal: what blocks each minimal winning set, and the last offers.
        if (c.deal()) {
            assertThat(debrief.whyNoDeal()).isEmpty();
            assertThat(debrief.lastOffers()).isNull();
        } else {
            assertThat(debrief.whyNoDeal()).extracting(WhyNoDeal.CoalitionBlockers::members)
                    .containsExactlyInAnyOrderElementsOf(oracle.minimal());
            for (WhyNoDeal.CoalitionBlockers blockers : debrief.whyNoDeal()) {
                long acceptable = oracle.winning().stream().filter(w -> w.members().equals(blockers.members()))
                        .findFirst().orElseThrow().acceptable();
                assertThat(blockers.feasible()).as("%s feasible", blockers.members()).isEqualTo(acceptable > 0);
            }
            assertThat(debrief.lastOffers()).isEqualTo(LastOffers.of(scenario, LastOffers.lastOffers(events)));
        }

        Statistics.label("end").collect(c.deal() ? "deal" : "no deal");
        Statistics.label("better coalitions").collect(!debrief.betterCoalitions().isEmpty());
        Statistics.label("a minimal set blocked").collect(debrief.whyNoDeal().stream().anyMatch(b -> !b.feasible()));
        Statistics.label("concept off its point").collect(debrief.concepts().stream().anyMatch(k -> k.distance() > 0));

        // Under unanimity, the figures of the all-party analysis.
        if (c.rule().isUnanimity(n)) {
            Analysis.Distances today = OutcomeAnalyzer.analyze(all, 1).distances(
                    c.deal() ? all.utilities(result.outcome()) : reservations(scenario));
            assertThat(debrief.pareto()).isCloseTo(today.pareto(), within(EPS));
            for (String key : SolutionConcepts.registered().keys()) {
                assertThat(debrief.distance(key)).as(key).isCloseTo(today.to(key), within(EPS));
            }
        }
    }

    /**
     * The coalition's concept points are those of enumerating its members' outcomes, and each
     * distance is to the nearest tied vector (over the members; non-members are at their
     * reservation value on both sides).
     */
    private static void checkConcepts(Scenario scenario, NegotiationDebrief debrief, List<String> members, double[] v) {
        Analysis expected = new BruteForceParetoFrontier().analyze(AnalysisProblem.of(scenario, members, STEPS), 1);
        assertThat(debrief.concepts()).extracting(NegotiationDebrief.Concept::key)
                .containsExactlyElementsOf(expected.points().keySet());
        double[] own = new double[members.size()];
        for (int p = 0; p < own.length; p++) {
            own[p] = v[scenario.indexOf(members.get(p))];
        }
        for (NegotiationDebrief.Concept concept : debrief.concepts()) {
            BargainingPoint want = expected.points().get(concept.key());
            assertThat(concept.distance()).as(concept.key()).isCloseTo(Analysis.nearest(want.tiedPoints(), own), within(EPS));
            assertThat(concept.ties()).as(concept.key()).isEqualTo(want.ties());
            assertThat(concept.utilities().keySet()).containsExactlyElementsOf(members);
            for (int p = 0; p < members.size(); p++) {
                assertThat(concept.utilities().get(members.get(p))).isEqualTo(want.point().utility(p));
                assertThat(scenario.party(members.get(p)).preferences().utility(concept.outcome()))
                        .isCloseTo(want.point().utility(p), within(EPS));
            }
        }
    }

    /**
     * The smallest gain, in units, of the members over {@code payoff} with {@code outcome} when all
     * of them accept it; 0 when one does not accept it.
     */
    private static long margin(Scenario scenario, AnalysisProblem all, Outcome outcome, List<String> members,
            long[] payoff) {
        long[] u = DealAssessment.onGridUtilities(all, outcome);
        long margin = Long.MAX_VALUE;
        for (String member : members) {
            int i = scenario.indexOf(member);
            if (u[i] < all.threshold(i) || !scenario.parties().get(i).preferences().satisfiesConstraints(outcome)) {
                return 0;
            }
            margin = Math.min(margin, u[i] - payoff[i]);
        }
        return margin;
    }

    private static double nearestOrNaN(List<FrontierPoint> points, double[] v) {
        return Analysis.nearest(points, v);
    }

    private static double[] reservations(Scenario scenario) {
        return scenario.parties().stream().mapToDouble(p -> p.preferences().reservation()).toArray();
    }

    private static Map<String, Result.Payoff> payoffs(Scenario scenario, long[] payoff) {
        Map<String, Result.Payoff> payoffs = new LinkedHashMap<>();
        for (int i = 0; i < payoff.length; i++) {
            double u = FixedPoint.toUtility(payoff[i]);
            payoffs.put(scenario.partyNames().get(i), new Result.Payoff(u, u));
        }
        return payoffs;
    }
}
