package org.parley.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.core.model.AgreementRule;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.Domain;
import org.parley.core.model.Outcome;
import org.parley.core.model.Party;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.Result;
import org.parley.core.preference.Discount;
import org.parley.core.preference.LinearAdditiveUtility;
import org.parley.core.preference.Preferences;

class NegotiationDebriefTest {

    /** 2 of 3, A required; A accepts a, b; B b, c; C (0.5) b, c, d. See {@link ThreeParties}. */
    private final Scenario scenario = ThreeParties.scenario(0.5, false, ThreeParties.twoOfThreeWithA());

    @Test
    void aDealIsJudgedAgainstTheCoalitionThatSignedIt() {
        // A and B sign b, the Nash point of their own coalition: nothing to improve for them, though
        // over all three parties (C at 0.6 with all signing) the rule's frontier lies 0.1 away.
        NegotiationDebrief debrief = NegotiationDebrief.of(scenario, deal(Outcome.of(1), "B", "A"), List.of());
        assertThat(debrief.rule()).isEqualTo("2 of 3, A required");
        assertThat(debrief.agreement()).isTrue();
        assertThat(debrief.signers()).containsExactly("A", "B");
        assertThat(debrief.coalition()).containsExactly("A", "B");
        assertThat(debrief.pareto()).isZero();
        assertThat(debrief.concepts()).extracting(NegotiationDebrief.Concept::key)
                .containsExactlyElementsOf(SolutionConcepts.registered().keys());
        assertThat(debrief.concepts()).allSatisfy(c -> {
            assertThat(c.distance()).isZero();
            assertThat(c.utilities()).containsExactly(Map.entry("A", 0.6), Map.entry("B", 0.5));
            assertThat(c.outcome()).isEqualTo(Outcome.of(1));
            assertThat(c.ties()).isEqualTo(1);
        });
        assertThat(debrief.distance(NashSolution.KEY)).isZero();
        assertThat(debrief.ruleFrontier()).isCloseTo(0.1, within(1e-12));
        assertThat(debrief.betterCoalitions()).isEmpty();
        assertThat(debrief.whyNoDeal()).isEmpty();
        assertThat(debrief.lastOffers()).isNull();
        assertThat(debrief.note()).isEmpty();
    }

    @Test
    void aPoorDealNamesTheCoalitionsThatCouldHaveDoneBetterForAllTheirMembers() {
        // d signed by A and C: A gets 0, C 1, B outside 0.45. A and B would both have done better with b.
        NegotiationDebrief debrief = NegotiationDebrief.of(scenario, deal(Outcome.of(3), "A", "C"), List.of());
        assertThat(debrief.coalition()).containsExactly("A", "C");
        assertThat(debrief.pareto()).isCloseTo(Math.sqrt(0.36 + 0.16), within(1e-12));
        assertThat(debrief.concepts()).allSatisfy(c ->
                assertThat(c.distance()).isCloseTo(Math.sqrt(0.36 + 0.16), within(1e-12)));
        assertThat(debrief.betterCoalitions()).singleElement().satisfies(better -> {
            assertThat(better.members()).containsExactly("A", "B");
            assertThat(better.outcome()).isEqualTo(Outcome.of(1));
            assertThat(better.baseline()).containsExactly(Map.entry("A", 0.0), Map.entry("B", 0.45));
        });
    }

    @Test
    void withoutADealItSaysWhichCoalitionsCouldHaveMadeOneAndHowFarApartTheLastOffersWere() {
        List<Event> events = List.of(offer(0, "A", 0), offer(0, "B", 2), offer(1, "C", 3), offer(1, "A", 1));
        NegotiationDebrief debrief = NegotiationDebrief.of(scenario, noDeal(), events);
        assertThat(debrief.agreement()).isFalse();
        assertThat(debrief.signers()).isEmpty();
        // From (0.5, 0.45, 0.5): A and B's frontier (0.6, 0.5) is nearest, A and C's (0.6, 0.6) next.
        assertThat(debrief.coalition()).containsExactly("A", "B");
        assertThat(debrief.pareto()).isCloseTo(Math.sqrt(0.01 + 0.0025), within(1e-12));
        assertThat(debrief.concepts()).allSatisfy(c -> assertThat(c.utilities()).containsOnlyKeys("A", "B"));
        // The rule's frontier is all three signing b: (0.6, 0.5, 0.6).
        assertThat(debrief.ruleFrontier()).isCloseTo(Math.sqrt(0.01 + 0.0025 + 0.01), within(1e-12));
        assertThat(debrief.betterCoalitions()).extracting(DealAssessment.BetterCoalition::members)
                .containsExactly(List.of("A", "B"), List.of("A", "C"), List.of("A", "B", "C"));
        assertThat(debrief.whyNoDeal()).extracting(WhyNoDeal.CoalitionBlockers::members)
                .containsExactly(List.of("A", "B"), List.of("A", "C"));
        assertThat(debrief.whyNoDeal()).allSatisfy(b -> assertThat(b.feasible()).isTrue());
        // A's last offer is b (its second), which A and B accept and may sign alone.
        assertThat(debrief.lastOffers()).isEqualTo(LastOffers.of(scenario,
                Map.of("A", Outcome.of(1), "B", Outcome.of(2), "C", Outcome.of(3))));
        assertThat(debrief.lastOffers().offers().get(0).passes()).isTrue();
    }

    @Test
    void whyNoDealNamesTheBlockersOfEachMinimalCoalition() {
        // C at 0.65 accepts only c and d, A only a and b: A and C cannot agree; A and B can (on b).
        Scenario strict = ThreeParties.scenario(0.65, false, ThreeParties.twoOfThreeWithA());
        NegotiationDebrief debrief = NegotiationDebrief.of(strict, noDeal(), List.of());
        assertThat(debrief.whyNoDeal()).hasSize(2);
        assertThat(debrief.whyNoDeal().get(0).feasible()).isTrue();
        WhyNoDeal.CoalitionBlockers ac = debrief.whyNoDeal().get(1);
        assertThat(ac.members()).containsExactly("A", "C");
        assertThat(ac.feasible()).isFalse();
        assertThat(ac.minimalSets()).isNotEmpty();
        assertThat(debrief.lastOffers().offers()).isEmpty();
    }

    @Test
    void underUnanimityTheFiguresAreTheAllPartyAnalysis() {
        Scenario unanimous = ThreeParties.scenario(0.5, false, AgreementRule.unanimity(List.of("A", "B", "C")));
        Analysis all = OutcomeAnalyzer.analyze(AnalysisProblem.of(unanimous, null, 11), 1);
        NegotiationDebrief deal = NegotiationDebrief.of(unanimous, deal(Outcome.of(1), "A", "B", "C"), List.of());
        Analysis.Distances expected = all.distances(Outcome.of(1));
        assertThat(deal.rule()).isEqualTo("unanimity (3 of 3)");
        assertThat(deal.pareto()).isEqualTo(expected.pareto());
        for (String key : SolutionConcepts.registered().keys()) {
            assertThat(deal.distance(key)).as(key).isEqualTo(expected.to(key));
        }
        NegotiationDebrief none = NegotiationDebrief.of(unanimous, noDeal(), List.of());
        Analysis.Distances fromReservations = all.distances(new double[] {0.5, 0.45, 0.5});
        assertThat(none.coalition()).containsExactly("A", "B", "C");
        assertThat(none.pareto()).isEqualTo(fromReservations.pareto());
        for (String key : SolutionConcepts.registered().keys()) {
            assertThat(none.distance(key)).as(key).isEqualTo(fromReservations.to(key));
        }
    }

    @Test
    void signersThatDoNotSatisfyTheRuleAreReportedNotMeasured() {
        NegotiationDebrief debrief = NegotiationDebrief.of(scenario, deal(Outcome.of(2), "B", "C"), List.of());
        assertThat(debrief.coalition()).containsExactly("B", "C");
        assertThat(debrief.pareto()).isNaN();
        assertThat(debrief.concepts()).isEmpty();
        assertThat(debrief.note()).contains("do not satisfy the agreement rule");
    }

    @Test
    void aScenarioBeyondTheAnalysisStillGetsItsLastOffers() {
        // 12 parties, 6 of them must sign: 2,510 winning signer sets, more than the analysis takes on.
        Domain domain = new Domain(List.of(new DiscreteIssue("x", List.of("a", "b"))));
        List<Party> parties = new ArrayList<>();
        Map<String, Result.Payoff> payoffs = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            var utility = LinearAdditiveUtility.fromPoints(domain, new double[][] {{i % 2, 1 - i % 2}}, 1);
            parties.add(new Party("p" + i, new Preferences(utility, List.of(), 0.5, Discount.NONE)));
            payoffs.put("p" + i, new Result.Payoff(0.5, 0.5));
        }
        Scenario big = new Scenario("big", "", domain, parties, new AgreementRule(6, Set.of()), null);
        Debriefer debriefer = new Debriefer(big);
        assertThat(debriefer.analysis()).isEmpty();
        NegotiationDebrief debrief = debriefer.debrief(new Result(false, null, List.of(), payoffs, 3, 1,
                Result.Ending.DEADLINE, "the deadline passed"), List.of(new Event(0, 0, "p0", new Action.Offer(Outcome.of(1)), 0)));
        assertThat(debrief.note()).startsWith("no exact analysis: ").contains("2510 signer sets");
        assertThat(debrief.pareto()).isNaN();
        assertThat(debrief.ruleFrontier()).isNaN();
        assertThat(debrief.lastOffers().offers()).singleElement().satisfies(o -> assertThat(o.offerer()).isEqualTo("p0"));
        assertThatThrownBy(() -> debriefer.debrief(null, List.of())).hasMessageContaining("has no result");
    }

    private Result deal(Outcome outcome, String... signers) {
        Map<String, Result.Payoff> payoffs = new LinkedHashMap<>();
        List<String> list = List.of(signers);
        for (Party party : scenario.parties()) {
            double u = list.contains(party.name()) ? party.preferences().utility(outcome) : party.preferences().reservation();
            payoffs.put(party.name(), new Result.Payoff(u, u));
        }
        return new Result(true, outcome, list, payoffs, 4, 0.4, Result.Ending.AGREEMENT, "");
    }

    private Result noDeal() {
        Map<String, Result.Payoff> payoffs = new LinkedHashMap<>();
        for (Party party : scenario.parties()) {
            double r = party.preferences().reservation();
            payoffs.put(party.name(), new Result.Payoff(r, r));
        }
        return new Result(false, null, List.of(), payoffs, 10, 1, Result.Ending.DEADLINE, "the deadline passed");
    }

    private Event offer(int round, String party, int option) {
        Outcome outcome = Outcome.of(option);
        return new Event(round, round / 10.0, party, new Action.Offer(outcome), scenario.party(party).preferences().utility(outcome));
    }
}
