package org.parley.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.parley.core.model.AgreementRule;
import org.parley.core.model.OutcomeSpace;
import org.parley.core.model.Scenario;

/**
 * The analysis under a rule agrees with enumerating every (outcome, signer set) on random
 * scenarios of 2–5 parties with quorum rules, required signers, hard constraints, reservation
 * values and many ties; under unanimity it is today's analysis.
 */
class RuleAnalyzerProperties {

    private static final int LIST = 10_000;
    private static final int STEPS = OutcomeSpace.DEFAULT_REAL_STEPS;

    record Case(Scenario scenario, AgreementRule rule) {
        @Override
        public String toString() {
            return "rule " + rule + " on " + scenario.partyNames() + " seed-built scenario";
        }
    }

    /** A random rule: quorum 1..k, a random subset of at most quorum parties required. */
    static AgreementRule rule(Random random, List<String> parties) {
        int quorum = 1 + random.nextInt(parties.size());
        List<String> shuffled = new ArrayList<>(parties);
        Collections.shuffle(shuffled, random);
        int required = random.nextInt(quorum + 1);
        return new AgreementRule(quorum, Set.copyOf(shuffled.subList(0, required)));
    }

    static Scenario withRule(Scenario scenario, AgreementRule rule) {
        return new Scenario(scenario.name(), scenario.description(), scenario.domain(), scenario.parties(), rule,
                scenario.coalition());
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.randomValue(random -> {
            int k = 2 + random.nextInt(4);
            Scenario scenario = RandomScenarios.scenario(random, k);
            AgreementRule rule = rule(random, scenario.partyNames());
            return new Case(withRule(scenario, rule), rule);
        });
    }

    @Property(tries = 1500)
    void agreesWithBruteForce(@ForAll("cases") Case c) {
        RuleAnalysis fast = RuleAnalyzer.analyze(c.scenario(), STEPS, LIST);
        BruteForceRuleAnalysis.Result oracle = BruteForceRuleAnalysis.analyze(c.scenario(), c.rule(), STEPS);

        assertThat(fast.passing()).contains(BigInteger.valueOf(oracle.passing()));
        assertThat(fast.winning()).extracting(CoalitionAnalysis::members)
                .containsExactlyInAnyOrderElementsOf(oracle.winning().stream().map(BruteForceRuleAnalysis.Coalition::members).toList());
        assertThat(fast.minimal()).extracting(CoalitionAnalysis::members)
                .containsExactlyInAnyOrderElementsOf(oracle.minimal());
        for (BruteForceRuleAnalysis.Coalition expected : oracle.winning()) {
            CoalitionAnalysis actual = fast.coalition(expected.members()).orElseThrow();
            assertThat(actual.acceptable()).as("acceptable of %s", expected.members())
                    .contains(BigInteger.valueOf(expected.acceptable()));
            assertThat(actual.frontier()).as("frontier of %s", expected.members()).isEqualTo(expected.frontier());
        }
        for (CoalitionAnalysis coalition : fast.minimal()) {
            checkPoints(c.scenario(), coalition, oracle);
        }

        assertThat(fast.frontier().points()).extracting(RuleFrontier.Point::vector)
                .isEqualTo(oracle.frontier().stream().map(BruteForceRuleAnalysis.Vector::vector).toList());
        long pairs = 0;
        for (int j = 0; j < oracle.frontier().size(); j++) {
            Map<List<String>, Long> reach = new LinkedHashMap<>();
            for (RuleFrontier.Reach r : fast.frontier().points().get(j).reach()) {
                assertThat(r.coalition().lift(r.point()).fixed()).isEqualTo(
                        fast.frontier().points().get(j).vector().fixed());
                reach.put(r.signers(), r.count());
                assertThat(r.outcomes(LIST)).hasSize((int) r.count());
            }
            assertThat(reach).isEqualTo(oracle.frontier().get(j).reach());
            pairs += oracle.frontier().get(j).vector().count();
        }
        assertThat(fast.frontier().pairs()).isEqualTo(pairs);
        assertThat(fast.noDeal()).isEqualTo(oracle.passing() == 0);
    }

    /**
     * The concept points of a minimal coalition are those of the enumerating analysis of its
     * members, lifted; every tied vector is on the coalition's own frontier over all parties.
     */
    private static void checkPoints(Scenario scenario, CoalitionAnalysis coalition, BruteForceRuleAnalysis.Result oracle) {
        Analysis expected = new BruteForceParetoFrontier().analyze(
                AnalysisProblem.of(scenario, coalition.members(), STEPS), LIST);
        var actualPoints = coalition.analysis().points();
        assertThat(actualPoints.keySet()).isEqualTo(expected.points().keySet());
        Set<FrontierPoint> frontier = new HashSet<>(oracle.winning().stream()
                .filter(w -> w.members().equals(coalition.members())).findFirst().orElseThrow().frontier());
        for (var entry : actualPoints.entrySet()) {
            BargainingPoint actual = entry.getValue();
            BargainingPoint want = expected.points().get(entry.getKey());
            assertThat(coalition.lift(actual.point())).isEqualTo(coalition.lift(want.point()));
            assertThat(coalition.lift(actual.tiedPoints())).isEqualTo(coalition.lift(want.tiedPoints()));
            assertThat(actual.ties()).isEqualTo(want.ties());
            assertThat(frontier).containsAll(coalition.lift(actual.tiedPoints()));
        }
    }

    record DealCase(Scenario scenario, AgreementRule rule, long rank, int signerChoice) {}

    @Provide
    Arbitrary<DealCase> deals() {
        return Arbitraries.randomValue(random -> {
            int k = 2 + random.nextInt(4);
            Scenario scenario = RandomScenarios.scenario(random, k);
            AgreementRule rule = rule(random, scenario.partyNames());
            long count = scenario.domain().outcomeCount().longValueExact();
            return new DealCase(withRule(scenario, rule), rule, (long) (random.nextDouble() * count),
                    random.nextInt(1 << 20));
        });
    }

    /**
     * A deal (random outcome, random winning signer set) judged against its coalition: the better
     * coalitions are exactly the other winning sets with an outcome all members accept and strictly
     * prefer to their payoff from the deal (found by enumeration), and the distances are those to
     * the enumerated frontiers.
     */
    @Property(tries = 800)
    void dealAssessmentAgreesWithEnumeration(@ForAll("deals") DealCase c) {
        RuleAnalysis analysis = RuleAnalyzer.analyze(c.scenario(), STEPS, 5);
        BruteForceRuleAnalysis.Result oracle = BruteForceRuleAnalysis.analyze(c.scenario(), c.rule(), STEPS);
        List<String> signers = oracle.winning().get(c.signerChoice() % oracle.winning().size()).members();
        AnalysisProblem all = AnalysisProblem.of(c.scenario(), null, STEPS);
        var space = all.space();
        var agreement = space.outcome(c.rank());
        List<String> names = c.scenario().partyNames();
        long[] payoff = DealAssessment.onGridUtilities(all, agreement);
        for (int i = 0; i < names.size(); i++) {
            if (!signers.contains(names.get(i))) {
                payoff[i] = FixedPoint.of(c.scenario().parties().get(i).preferences().reservation());
            }
        }
        DealAssessment deal = DealAssessment.assess(analysis, agreement, signers);

        Set<List<String>> expected = new HashSet<>();
        for (BruteForceRuleAnalysis.Coalition w : oracle.winning()) {
            if (w.members().equals(signers)) {
                continue;
            }
            for (long r = 0; r < space.count().longValueExact(); r++) {
                if (acceptedAndBetter(c.scenario(), all, space.outcome(r), w.members(), payoff)) {
                    expected.add(w.members());
                    break;
                }
            }
        }
        assertThat(deal.betterCoalitions()).extracting(DealAssessment.BetterCoalition::members)
                .containsExactlyInAnyOrderElementsOf(expected);
        for (DealAssessment.BetterCoalition better : deal.betterCoalitions()) {
            assertThat(acceptedAndBetter(c.scenario(), all, better.outcome(), better.members(), payoff)).isTrue();
        }
        double[] full = new double[names.size()];
        for (int i = 0; i < full.length; i++) {
            full[i] = deal.utilities().get(names.get(i));
        }
        List<FrontierPoint> own = oracle.winning().stream().filter(w -> w.members().equals(signers)).findFirst()
                .orElseThrow().frontier();
        assertThat(deal.pareto()).isEqualTo(Analysis.nearest(own, full), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(deal.ruleFrontier()).isEqualTo(Analysis.nearest(
                oracle.frontier().stream().map(BruteForceRuleAnalysis.Vector::vector).toList(), full),
                org.assertj.core.api.Assertions.within(1e-9));
    }

    private static boolean acceptedAndBetter(Scenario scenario, AnalysisProblem all, org.parley.core.model.Outcome o,
            List<String> members, long[] payoff) {
        long[] u = DealAssessment.onGridUtilities(all, o);
        for (String member : members) {
            int i = scenario.indexOf(member);
            if (u[i] < all.threshold(i) || !scenario.parties().get(i).preferences().satisfiesConstraints(o)
                    || u[i] <= payoff[i]) {
                return false;
            }
        }
        return true;
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.randomValue(random -> RandomScenarios.scenario(random, 2 + random.nextInt(4)));
    }

    /** Under unanimity the figures are today's analysis of all parties. */
    @Property(tries = 800)
    void unanimityIsTodaysAnalysis(@ForAll("scenarios") Scenario scenario) {
        RuleAnalysis rule = RuleAnalyzer.analyze(scenario, AgreementRule.unanimity(scenario.partyNames()), STEPS, LIST);
        Analysis today = OutcomeAnalyzer.analyze(AnalysisProblem.of(scenario, null, STEPS), LIST);
        assertThat(rule.unanimous()).isTrue();
        assertThat(rule.passing()).isEqualTo(today.acceptable());
        assertThat(rule.outcomes()).isEqualTo(today.outcomes());
        assertThat(rule.winning()).hasSize(1);
        assertThat(rule.minimal()).hasSize(1);
        CoalitionAnalysis all = rule.minimal().get(0);
        assertThat(all.members()).isEqualTo(scenario.partyNames());
        assertThat(all.acceptable()).isEqualTo(today.acceptable());
        assertThat(all.frontier()).isEqualTo(today.pareto().points());
        assertThat(all.analysis().points().keySet()).isEqualTo(today.points().keySet());
        for (var entry : today.points().entrySet()) {
            BargainingPoint mine = all.analysis().points().get(entry.getKey());
            assertThat(mine.point()).isEqualTo(entry.getValue().point());
            assertThat(mine.ties()).isEqualTo(entry.getValue().ties());
            assertThat(mine.tiedOutcomes()).isEqualTo(entry.getValue().tiedOutcomes());
        }
        assertThat(rule.frontier().points()).extracting(RuleFrontier.Point::vector)
                .isEqualTo(today.pareto().points());
        for (RuleFrontier.Point point : rule.frontier().points()) {
            assertThat(point.reach()).singleElement().satisfies(r -> assertThat(r.signers()).isEqualTo(scenario.partyNames()));
        }
        assertThat(rule.frontier().pairs()).isEqualTo(today.pareto().count());
    }
}
