package org.parley.core.tournament;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.parley.core.analysis.AnalysisProblem;
import org.parley.core.analysis.NegotiationDebrief;
import org.parley.core.analysis.OutcomeAnalyzer;
import org.parley.core.analysis.SolutionConcepts;
import org.parley.core.model.AgreementRule;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.Domain;
import org.parley.core.model.Party;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.NegotiationRecord;
import org.parley.core.negotiation.Result;
import org.parley.core.negotiation.StrategySpec;
import org.parley.core.preference.Discount;
import org.parley.core.preference.LinearAdditiveUtility;
import org.parley.core.preference.Preferences;
import org.parley.core.strategy.StrategyRegistry;

class TournamentRunnerTest {

    /** Two parties with opposed interests on two issues of three options, and a third who cares little. */
    static Scenario scenario(int parties) {
        Domain domain = new Domain(List.of(new DiscreteIssue("a", List.of("x", "y", "z")),
                new DiscreteIssue("b", List.of("x", "y", "z"))));
        List<Party> list = new ArrayList<>();
        double[][][] points = {{{50, 25, 0}, {50, 30, 0}}, {{0, 25, 50}, {0, 20, 50}}, {{10, 10, 10}, {0, 45, 90}}};
        for (int p = 0; p < parties; p++) {
            list.add(new Party("p" + p, "", new Preferences(LinearAdditiveUtility.fromPoints(domain, points[p], 100),
                    List.of(), 0.2, Discount.perRound(0.99)), null));
        }
        return new Scenario("toy-" + parties, domain, list);
    }

    static TournamentPlan plan(long seed) {
        return new TournamentPlan(List.of(scenario(2), scenario(3)),
                List.of(StrategySpec.parse("boulware"), StrategySpec.parse("conceder"), StrategySpec.parse("random"),
                        StrategySpec.parse("micro")),
                2, false, "sao", Deadline.rounds(30), null, seed);
    }

    static Map<Integer, MatchResult> run(TournamentPlan plan, int threads) throws InterruptedException {
        Map<Integer, MatchResult> results = Collections.synchronizedMap(new TreeMap<>());
        new TournamentRunner(plan, new StrategyRegistry()).run(new HashSet<>(), threads, (r, record) -> results.put(r.index(), r));
        return results;
    }

    /** A result without its wall-clock time, the one figure allowed to differ. */
    static MatchResult timeless(MatchResult r) {
        return new MatchResult(r.match(), r.scenario(), r.parties(), r.strategies(), r.agreement(), r.ending(), r.rounds(),
                r.time(), 0, r.utilities(), r.discounted(), r.reservations(), r.socialWelfare(), r.distancePareto(), r.distances(),
                r.finalOffer());
    }

    @Test
    void theOrderAndTheSeedsFollowFromThePlanAlone() {
        TournamentPlan plan = plan(9);
        List<Match> matches = plan.matches();
        // 4·3 ordered pairs + 4·3·2 ordered triples, twice each.
        assertThat(plan.size()).isEqualTo(2 * (12 + 24)).isEqualTo(matches.size());
        for (int i = 0; i < matches.size(); i++) {
            assertThat(matches.get(i).index()).isEqualTo(i);
            assertThat(matches.get(i).seed()).isEqualTo(Seeds.derive(9, i));
        }
        assertThat(matches.get(0).assignment()).containsExactly(0, 1);
        assertThat(matches.get(1).assignment()).containsExactly(0, 1);
        assertThat(matches.get(1).repetition()).isEqualTo(1);
        assertThat(matches.get(24).scenario()).isEqualTo(1);
        assertThat(matches.get(24).assignment()).containsExactly(0, 1, 2);
        assertThat(matches.stream().map(Match::seed).distinct().count()).isEqualTo(matches.size());
        assertThat(plan.settings(matches.get(3)).strategies().values()).extracting(StrategySpec::name)
                .containsExactly("boulware", "random");
    }

    @Test
    void resultsAreTheSameWhateverTheThreadCount() throws InterruptedException {
        Map<Integer, MatchResult> one = run(plan(5), 1);
        TournamentRunner whole = new TournamentRunner(plan(5), new StrategyRegistry());
        assertThat(whole.run(new HashSet<>(), 2, (r, record) -> {})).isEqualTo(plan(5).size());
        // A run that ends by itself was not stopped (the CLI would report an interruption).
        assertThat(whole.stopped()).isFalse();
        Map<Integer, MatchResult> three = run(plan(5), 3);
        assertThat(one.keySet()).hasSize(plan(5).size());
        assertThat(three.values().stream().map(TournamentRunnerTest::timeless).toList())
                .isEqualTo(one.values().stream().map(TournamentRunnerTest::timeless).toList());
        Map<Integer, MatchResult> other = run(plan(6), 2);
        assertThat(other.values().stream().map(TournamentRunnerTest::timeless).toList())
                .isNotEqualTo(one.values().stream().map(TournamentRunnerTest::timeless).toList());
    }

    @Test
    void measuresTheGeniusColumnsFromTheResult() {
        TournamentPlan plan = plan(1);
        TournamentRunner runner = new TournamentRunner(plan, new StrategyRegistry());
        for (Match match : plan.matches().subList(0, 30)) {
            NegotiationRecord record = runner.play(match);
            MatchResult r = runner.measure(match, record, 7);
            Result result = record.result();
            assertThat(r.agreement()).isEqualTo(result.agreement());
            assertThat(r.millis()).isEqualTo(7);
            double sum = 0;
            for (int p = 0; p < r.parties().size(); p++) {
                assertThat(r.utilities().get(p)).isEqualTo(result.payoff(r.parties().get(p)).utility());
                assertThat(r.reservations().get(p)).isEqualTo(0.2);
                assertThat(r.advantage(p)).isEqualTo(r.utilities().get(p) - 0.2);
                if (!result.agreement()) {
                    assertThat(r.advantage(p)).isZero();
                }
                sum += r.utilities().get(p);
            }
            assertThat(r.socialWelfare()).isCloseTo(sum, within(1e-12));
            // Unanimity: the distances are those of the payoffs to the all-party analysis.
            double[] u = r.utilities().stream().mapToDouble(Double::doubleValue).toArray();
            var all = OutcomeAnalyzer.analyze(AnalysisProblem.of(plan.scenarios().get(match.scenario())), 0).distances(u);
            assertThat(r.distancePareto()).isCloseTo(all.pareto(), within(1e-12));
            // Every registered concept, each point on the frontier, so no nearer than the frontier.
            assertThat(r.distances().keySet()).containsExactlyElementsOf(SolutionConcepts.registered().keys());
            for (String key : SolutionConcepts.registered().keys()) {
                assertThat(r.distance(key)).as(key).isCloseTo(all.to(key), within(1e-12))
                        .isGreaterThanOrEqualTo(r.distancePareto() - 1e-12);
            }
            if (result.agreement()) {
                assertThat(r.finalOffer()).isEqualTo(result.outcome());
            } else {
                assertThat(r.finalOffer()).isNotNull();
            }
        }
    }

    /**
     * Under a quorum rule a deal is measured against the coalition that signed it, as its debrief
     * says, not against the frontier of all parties.
     */
    @Test
    void aQuorumDealIsMeasuredAgainstItsSigners() {
        Scenario three = scenario(3);
        Scenario twoOfThree = new Scenario(three.name(), three.description(), three.domain(), three.parties(),
                new AgreementRule(2, Set.of()), null);
        TournamentPlan plan = new TournamentPlan(List.of(twoOfThree), List.of(StrategySpec.parse("boulware"),
                StrategySpec.parse("conceder"), StrategySpec.parse("random")), 2, false, "sao", Deadline.rounds(30),
                null, 4);
        TournamentRunner runner = new TournamentRunner(plan, new StrategyRegistry());
        int quorumDeals = 0;
        for (Match match : plan.matches()) {
            NegotiationRecord record = runner.play(match);
            MatchResult r = runner.measure(match, record, 0);
            NegotiationDebrief debrief = NegotiationDebrief.of(twoOfThree, record.result(), record.events());
            assertThat(r.distancePareto()).isCloseTo(debrief.pareto(), within(1e-12));
            for (String key : SolutionConcepts.registered().keys()) {
                assertThat(r.distance(key)).as(key).isCloseTo(debrief.distance(key), within(1e-12));
            }
            quorumDeals += record.result().agreement() && record.result().signers().size() == 2 ? 1 : 0;
        }
        assertThat(quorumDeals).as("deals signed by two of the three").isPositive();
    }

    @Test
    void stopLetsRunningNegotiationsFinishAndStartsNoMore() throws InterruptedException {
        TournamentPlan plan = plan(3);
        TournamentRunner runner = new TournamentRunner(plan, new StrategyRegistry());
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        int ran = runner.run(new HashSet<>(), 2, (r, record) -> {
            seen.add(r.index());
            if (seen.size() == 5) {
                runner.stop();
            }
        });
        assertThat(ran).isEqualTo(seen.size()).isBetween(5, 6);
        // The rest runs on a resume, and the union is the whole tournament, each once.
        TournamentRunner again = new TournamentRunner(plan, new StrategyRegistry());
        List<Integer> rest = Collections.synchronizedList(new ArrayList<>());
        again.run(new HashSet<>(seen), 2, (r, record) -> rest.add(r.index()));
        List<Integer> all = new ArrayList<>(seen);
        all.addAll(rest);
        assertThat(all).doesNotHaveDuplicates().hasSize(plan.size());
    }

    @Test
    void aStrategyOverTheMoveLimitLeavesItsNegotiationsAndTheTournamentCompletes() throws InterruptedException {
        StrategyRegistry registry = new StrategyRegistry();
        registry.register(new StrategyRegistry.Entry("sleepy", "sleeps past the limit from round 2", java.util.Set.of(),
                p -> new org.parley.core.strategy.Strategy() {
                    final org.parley.core.strategy.Strategy honest = new StrategyRegistry().create(StrategySpec.parse("boulware"));

                    @Override
                    public void start(org.parley.core.strategy.Setup setup) {
                        honest.start(setup);
                    }

                    @Override
                    public org.parley.core.negotiation.Action act(org.parley.core.negotiation.Request request) {
                        if (request.round() >= 2) {
                            try {
                                Thread.sleep(2_000);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                        return honest.act(request);
                    }

                    @Override
                    public void observe(org.parley.core.negotiation.Move move) {
                        honest.observe(move);
                    }
                }));
        TournamentPlan plan = new TournamentPlan(List.of(scenario(2)), List.of(StrategySpec.parse("hardliner"),
                StrategySpec.parse("sleepy")), 1, false, "sao", Deadline.rounds(30), java.time.Duration.ofMillis(100), 1);
        Map<Integer, MatchResult> results = Collections.synchronizedMap(new TreeMap<>());
        Map<Integer, NegotiationRecord> records = Collections.synchronizedMap(new TreeMap<>());
        new TournamentRunner(plan, registry).run(new HashSet<>(), 2, (r, record) -> {
            results.put(r.index(), r);
            records.put(r.index(), record);
        });
        assertThat(results).hasSize(2);
        for (MatchResult r : results.values()) {
            // The sleeper is put out in round 2 and, with two parties, no deal is possible any more.
            assertThat(r.ending()).isEqualTo(Result.Ending.WALK_AWAY);
            assertThat(r.rounds()).isEqualTo(3);
            NegotiationRecord record = records.get(r.index());
            assertThat(record.result().reason()).contains("took longer than the limit of 100 ms");
            assertThat(record.events()).filteredOn(e -> e.action() instanceof org.parley.core.negotiation.Action.Misbehaviour m
                    && m.reason() == org.parley.core.negotiation.Action.Misbehaviour.Reason.TIMEOUT).hasSize(1);
        }
    }

    @Test
    void aStrategyThatNeverReturnsCostsOneThreadAndTheRestOfItsWorkGoesOn() throws InterruptedException {
        java.util.concurrent.atomic.AtomicBoolean release = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger stuck = new java.util.concurrent.atomic.AtomicInteger();
        StrategyRegistry registry = new StrategyRegistry();
        registry.register(new StrategyRegistry.Entry("spinner", "loops, deaf to interruption, at its first move",
                java.util.Set.of(), p -> new org.parley.core.strategy.Strategy() {
                    @Override
                    public void start(org.parley.core.strategy.Setup setup) {}

                    @Override
                    public org.parley.core.negotiation.Action act(org.parley.core.negotiation.Request request) {
                        stuck.incrementAndGet();
                        while (!release.get()) {
                            Thread.onSpinWait();
                        }
                        throw new IllegalStateException("released");
                    }

                    @Override
                    public void observe(org.parley.core.negotiation.Move move) {}
                }));
        try {
            // One thread, six negotiations, each with a spinner: each spinner keeps a thread for good,
            // and a new thread carries on the negotiation and then the ones after it.
            TournamentPlan plan = new TournamentPlan(List.of(scenario(2)), List.of(StrategySpec.parse("boulware"),
                    StrategySpec.parse("spinner")), 3, false, "sao", Deadline.rounds(30),
                    java.time.Duration.ofMillis(50), 1);
            Map<Integer, MatchResult> results = Collections.synchronizedMap(new TreeMap<>());
            int ran = new TournamentRunner(plan, registry).run(new HashSet<>(), 1, (r, record) -> results.put(r.index(), r));
            assertThat(ran).isEqualTo(6);
            assertThat(results.keySet()).containsExactly(0, 1, 2, 3, 4, 5);
            assertThat(results.values()).allMatch(r -> r.ending() == Result.Ending.WALK_AWAY && !r.agreement());
            assertThat(stuck.get()).isEqualTo(6);
        } finally {
            release.set(true);
        }
    }

    @Test
    void tooFewStrategiesForTheRolesIsAClearError() {
        assertThatThrownBy(() -> new TournamentPlan(List.of(scenario(3)), List.of(StrategySpec.parse("boulware"),
                StrategySpec.parse("micro")), 1, false, "sao", Deadline.rounds(10), null, 1))
                .hasMessageContaining("has 3 parties but there are only 2 strategies");
        assertThat(new TournamentPlan(List.of(scenario(3)), List.of(StrategySpec.parse("boulware"),
                StrategySpec.parse("micro")), 1, true, "sao", Deadline.rounds(10), null, 1).size()).isEqualTo(8);
    }
}
