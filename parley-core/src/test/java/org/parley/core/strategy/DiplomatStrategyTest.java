package org.parley.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.parley.core.TestScenarios;
import org.parley.core.engine.Negotiation;
import org.parley.core.generate.ScenarioGenerator;
import org.parley.core.model.Outcome;
import org.parley.core.model.Persona;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.Move;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Rationale;
import org.parley.core.negotiation.Request;
import org.parley.core.negotiation.Result;
import org.parley.core.negotiation.StrategySpec;

class DiplomatStrategyTest {

    /* Five issues of five options: fine enough that a concession shows in the bids. */
    private static final Scenario TALKS = ScenarioGenerator.generate(new ScenarioGenerator.Settings(2, 5, 5, 3));
    private static final int ROUNDS = 100;

    /** One run of the diplomat (party-1) against a scripted opponent; the scripted offers as levels of the diplomat's own utility. */
    private record Run(List<Double> opponent, List<Double> diplomat, List<Action> actions) {}

    private static Run play(double[] levels) {
        return play(new StrategyRegistry().create(new StrategySpec("diplomat")), levels);
    }

    private static Run play(Strategy diplomat, double[] levels) {
        Setup setup = new Setup("party-1", TALKS.partyNames(), TALKS.domain(), TALKS.party("party-1").preferences(),
                BidSpace.of(TALKS.domain(), TALKS.party("party-1").preferences()), TALKS.agreement(), "sao",
                Deadline.rounds(ROUNDS), new SplittableRandom(7));
        diplomat.start(setup);
        BidSpace bids = setup.bids();
        List<Double> opponent = new ArrayList<>();
        List<Double> mine = new ArrayList<>();
        List<Action> actions = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            double t = (double) round / ROUNDS;
            Outcome theirs = bids.atLeast(levels[round]);
            diplomat.observe(new Move(round, t, "party-2", new Action.Offer(theirs)));
            Action action = diplomat.act(new Request("party-1", Request.Kind.RESPOND, round, t, theirs, null, "party-2"));
            actions.add(action);
            if (!(action instanceof Action.Offer offer)) {
                break;
            }
            diplomat.observe(new Move(round, t, "party-1", action));
            opponent.add(setup.utility(theirs));
            mine.add(setup.utility(offer.outcome()));
        }
        return new Run(opponent, mine, actions);
    }

    /*
     * Reciprocity: an opponent that concedes in irregular steps (measured in the diplomat's own
     * utility), and the diplomat's concession at its next move. Their correlation must exceed 0.5.
     */
    @Test
    void answersConcessionsInProportion() {
        Run run = play(stepwise());
        List<Double> theirs = new ArrayList<>();
        List<Double> ours = new ArrayList<>();
        for (int k = 1; k < run.diplomat().size(); k++) {
            theirs.add(run.opponent().get(k) - run.opponent().get(k - 1));
            ours.add(run.diplomat().get(k - 1) - run.diplomat().get(k));
        }
        assertThat(theirs.size()).as("rounds before an agreement").isGreaterThan(20);
        assertThat(correlation(theirs, ours)).isGreaterThan(0.5);
        assertThat(run.actions()).filteredOn(a -> a.rationale() != null
                && a.rationale().kind().equals(Rationale.CONCESSION_ANSWERED)).isNotEmpty();
    }

    /* A world's trust hook: concessions by a partner it does not trust at all earn no answer, only the deadline plan. */
    @Test
    void concessionsOfAnUntrustedPartnerAreNotAnswered() {
        Run trusting = play(new DiplomatStrategy(Persona.DEFAULT, true), stepwise());
        Run wary = play(new DiplomatStrategy(Persona.DEFAULT, true, party -> 0), stepwise());
        TimeDependentBidding plan = plan();
        int rounds = Math.min(trusting.diplomat().size(), wary.diplomat().size());
        assertThat(rounds).isGreaterThan(20);
        double gap = 0;
        for (int round = 0; round < rounds; round++) {
            assertThat(wary.diplomat().get(round)).as("round %d", round)
                    .isGreaterThanOrEqualTo(plan.target((double) round / ROUNDS) - 1e-9);
            gap = Math.max(gap, wary.diplomat().get(round) - trusting.diplomat().get(round));
        }
        assertThat(gap).as("how much more the trusting diplomat conceded at most").isGreaterThan(0.05);
        assertThat(wary.actions()).noneMatch(a -> a.rationale() != null
                && a.rationale().kind().equals(Rationale.CONCESSION_ANSWERED));
    }

    /** The scripted opponent that concedes in irregular steps every third round, as levels of the diplomat's utility. */
    private static double[] stepwise() {
        double[] levels = new double[ROUNDS];
        SplittableRandom steps = new SplittableRandom(11);
        double level = 0.1;
        for (int round = 0; round < ROUNDS; round++) {
            if (round > 0 && round % 3 == 0) {
                level += 0.06 * steps.nextDouble();
            }
            levels[round] = Math.min(level, 0.45);
        }
        return levels;
    }

    /* Against an opponent that never moves it concedes no more than its deadline plan: its offers stay on the time curve. */
    @Test
    void againstAStoneWallItFollowsOnlyItsDeadlinePlan() {
        double[] levels = new double[ROUNDS];
        java.util.Arrays.fill(levels, 0.1);
        Run run = play(levels);
        TimeDependentBidding plan = plan();
        // It takes the wall's offer only once its own plan has come down to it, near the end.
        assertThat(run.diplomat().size()).isGreaterThan(90);
        for (int round = 0; round < run.diplomat().size(); round++) {
            assertThat(run.diplomat().get(round)).as("round %d", round)
                    .isGreaterThanOrEqualTo(plan.target((double) round / ROUNDS) - 1e-9);
        }
    }

    /** The default diplomat's deadline plan as a time-dependent curve (no discount in TALKS). */
    private static TimeDependentBidding plan() {
        TimeDependentBidding plan = new TimeDependentBidding(Math.pow(3, 1 - 2 * Persona.DEFAULT.patience()));
        plan.start(new Setup("party-1", TALKS.partyNames(), TALKS.domain(), TALKS.party("party-1").preferences(),
                BidSpace.of(TALKS.domain(), TALKS.party("party-1").preferences()), TALKS.agreement(), "sao",
                Deadline.rounds(ROUNDS), new SplittableRandom(1)), null);
        return plan;
    }

    /** Three parties under unanimity: the diplomat (party-1) courts both others. */
    private static final Scenario TABLE = ScenarioGenerator.generate(new ScenarioGenerator.Settings(3, 5, 5, 3));

    /**
     * The default diplomat of party-1 at {@code scenario}'s table after {@code rounds} rounds in
     * which each other party offered, in order, the outcome at the level (of the diplomat's own
     * utility) its script gives for that round.
     */
    private static DiplomatStrategy watch(Scenario scenario, int rounds, Map<String, java.util.function.IntToDoubleFunction> scripts) {
        DiplomatStrategy diplomat = new DiplomatStrategy(Persona.DEFAULT, true);
        Setup setup = StrategyFixtures.setup(scenario, "party-1");
        diplomat.start(setup);
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, java.util.function.IntToDoubleFunction> script : scripts.entrySet()) {
                Outcome offer = setup.bids().atLeast(script.getValue().applyAsDouble(round));
                diplomat.observe(StrategyFixtures.offer(script.getKey(), offer, round / 100.0));
            }
        }
        return diplomat;
    }

    /* With several partners the coalition has come only as far as its most distant member: one partner's concessions alone earn no answer. */
    @Test
    void withSeveralPartnersItAnswersTheLeastConcession() {
        java.util.function.IntToDoubleFunction conceding = round -> 0.1 + 0.01 * round;
        java.util.function.IntToDoubleFunction wall = round -> 0.1;
        DiplomatStrategy one = watch(TABLE, 40, Map.of("party-2", conceding, "party-3", wall));
        assertThat(one.partners()).containsExactlyInAnyOrder("party-2", "party-3");
        assertThat(one.reciprocity()).isEqualTo(0);
        assertThat(one.target(0.4)).as("as if it had seen no offer").isEqualTo(watch(TABLE, 0, Map.of()).target(0.4));
        DiplomatStrategy both = watch(TABLE, 40, Map.of("party-2", conceding, "party-3", round -> 0.1 + 0.005 * round));
        // party-3 came about 0.18 (its window's mean trails its latest offer); party-2 twice as far.
        assertThat(both.reciprocity()).isBetween(0.1, 0.2);
    }

    /*
     * With several partners an offer's worth to the diplomat varies with whom it courts: a partner
     * whose offers swing between two levels without a trend has conceded nothing, although its
     * best offer lies far above its first.
     */
    @Test
    void aPartnersSwingsAreNoConcession() {
        java.util.function.IntToDoubleFunction swinging = round -> round % 2 == 0 ? 0.1 : 0.6;
        DiplomatStrategy diplomat = watch(TABLE, 40, Map.of("party-2", swinging, "party-3", swinging));
        assertThat(diplomat.reciprocity()).isLessThan(0.02);
    }

    /*
     * Under a discount, facing one opponent that will not come near its walk-away value, the
     * diplomat warns and leaves once its plan is spent; with several opponents it stays (their
     * trend is no forecast there, and under unanimity its leaving would end the talks for all).
     */
    @Test
    void itWalksAwayOnItsProspectOnlyFacingOneOpponent() {
        for (int parties : new int[] {2, 3}) {
            // The first generated table where some outcome lies below the diplomat's walk-away value.
            Setup setup = null;
            for (int seed = 1; setup == null || setup.acceptable(worst(setup)); seed++) {
                setup = StrategyFixtures.setup(ScenarioGenerator.generate(new ScenarioGenerator.Settings(parties, 5, 5, seed,
                        0.6, 0, 0.97, 0)), "party-1");
            }
            DiplomatStrategy diplomat = new DiplomatStrategy(Persona.DEFAULT, true);
            diplomat.start(setup);
            Outcome low = worst(setup);
            List<String> kinds = new ArrayList<>();
            for (int round = 0; round < ROUNDS && !kinds.contains(Rationale.WALK_AWAY); round++) {
                double t = (double) round / ROUNDS;
                for (String other : setup.opponents()) {
                    diplomat.observe(StrategyFixtures.offer(other, low, t));
                }
                Action action = diplomat.act(StrategyFixtures.respond("party-1", low, setup.opponents().get(0), t));
                kinds.add(action.rationale().kind());
                diplomat.observe(new Move(round, t, "party-1", action));
            }
            if (parties == 2) {
                assertThat(kinds).as("facing one").contains(Rationale.WALK_AWAY_THREAT, Rationale.WALK_AWAY);
            } else {
                assertThat(kinds).as("facing two").doesNotContain(Rationale.WALK_AWAY_THREAT, Rationale.WALK_AWAY);
            }
        }
    }

    /*
     * With several partners, their best offers so far are different outcomes that no one offer need
     * match: two partners that once offered it 0.9 and 0.92 and then far less do not hold its aim up
     * at 0.9 to the deadline.
     */
    @Test
    void withSeveralPartnersTheirBestOffersAreNoFloor() {
        java.util.function.IntToDoubleFunction high = round -> round == 0 ? 0.9 : 0.1;
        java.util.function.IntToDoubleFunction higher = round -> round == 0 ? 0.92 : 0.1;
        DiplomatStrategy diplomat = watch(TABLE, 90, Map.of("party-2", high, "party-3", higher));
        Setup setup = StrategyFixtures.setup(TABLE, "party-1");
        Action late = diplomat.act(StrategyFixtures.propose("party-1", 0.95));
        assertThat(setup.utility(late.outcome())).isLessThan(0.85);
    }

    /*
     * Once its plan is spent, with several opponents it signs an acceptable offer below its target
     * (a counter would have to collect every signature again); facing one it still counters.
     */
    @Test
    void itsPlanSpentItSignsAnAcceptableOfferAtAMultiPartyTable() {
        for (Scenario scenario : List.of(TABLE, TALKS)) {
            Setup setup = StrategyFixtures.setup(scenario, "party-1");
            DiplomatStrategy diplomat = new DiplomatStrategy(Persona.DEFAULT, true);
            diplomat.start(setup);
            Outcome offered = setup.bids().atLeast(setup.reservation());
            double t = 0.97;
            assertThat(setup.acceptable(offered)).isTrue();
            assertThat(setup.utility(offered)).isLessThan(diplomat.target(t) - 0.005);
            Action action = diplomat.act(StrategyFixtures.respond("party-1", offered, "party-2", t));
            if (scenario == TABLE) {
                assertThat(action).as("two opponents").isInstanceOf(Action.Accept.class);
            } else {
                assertThat(action).as("one opponent").isInstanceOf(Action.Offer.class);
            }
        }
    }

    /** The outcome of least own utility (issue by issue: the generated utilities are additive). */
    private static Outcome worst(Setup setup) {
        Outcome outcome = setup.bids().best();
        for (int i = 0; i < setup.domain().size(); i++) {
            org.parley.core.model.DiscreteIssue issue = (org.parley.core.model.DiscreteIssue) setup.domain().issue(i);
            for (int o = 0; o < issue.options().size(); o++) {
                if (setup.utility(outcome.with(i, o)) < setup.utility(outcome)) {
                    outcome = outcome.with(i, o);
                }
            }
        }
        return outcome;
    }

    /* Every move says why; the kinds are the documented ones. */
    @Test
    void everyMoveHasARationale() {
        Run run = play(new double[ROUNDS]);
        assertThat(run.actions()).allSatisfy(a -> assertThat(a.rationale()).isNotNull());
        assertThat(run.actions().get(0).rationale().kind()).isEqualTo(Rationale.OPENING);
    }

    @Test
    void inTavrikTheFederationCourtsTheKaldariAlone() {
        Scenario tavrik = TestScenarios.tavrikAccord();
        DiplomatStrategy federation = new DiplomatStrategy(Persona.DEFAULT, true);
        federation.start(StrategyFixtures.setup(tavrik, "federation"));
        assertThat(federation.partners()).containsExactly("kaldari");
        DiplomatStrategy vethari = new DiplomatStrategy(Persona.DEFAULT, true);
        vethari.start(StrategyFixtures.setup(tavrik, "vethari"));
        assertThat(vethari.partners()).containsExactly("federation", "kaldari");
    }

    /* A hardliner names a term it keeps, never one its own hard constraints name. */
    @Test
    void aHardlinerKeepsATermNoConstraintOfItsOwnNames() {
        Scenario tavrik = TestScenarios.tavrikAccord();
        Setup setup = StrategyFixtures.setup(tavrik, "federation");
        Strategy hardliner = new StrategyRegistry().create(StrategySpec.parse("diplomat:style=hardliner"));
        hardliner.start(setup);
        Action first = hardliner.act(StrategyFixtures.propose("federation", 0));
        assertThat(first.rationale().kind()).isEqualTo(Rationale.NON_NEGOTIABLE);
        String issue = first.rationale().terms().get("issue");
        assertThat(issue).isNotEqualTo("authority");
        int index = tavrik.domain().indexOf(issue);
        for (int round = 1; round < 60; round++) {
            Action offer = hardliner.act(StrategyFixtures.propose("federation", round / 100.0));
            hardliner.observe(new Move(round, round / 100.0, "federation", offer));
            assertThat(offer.outcome().value(index)).isEqualTo(first.outcome().value(index));
        }
    }

    /* Self-play on the three built-ins, as a smoke test of the whole: all three agree. */
    @Test
    void diplomatsAgreeWithEachOther() {
        for (Scenario scenario : List.of(TestScenarios.cardassianTalks(), TestScenarios.tavrikAccord(),
                TestScenarios.trinityStation())) {
            Map<String, StrategySpec> strategies = new java.util.LinkedHashMap<>();
            for (String party : scenario.partyNames()) {
                strategies.put(party, new StrategySpec("diplomat"));
            }
            Result result = Negotiation.run(scenario, new NegotiationSettings("sao", Deadline.rounds(100), strategies, 1,
                    null));
            assertThat(result.agreement()).as(scenario.name()).isTrue();
        }
    }

    /* A server restart replays the log: the diplomat must make the same moves, reasons and lines again. */
    @Test
    void aResumedNegotiationReplaysTheDiplomatsMoves() {
        Scenario scenario = TestScenarios.tavrikAccord();
        Map<String, StrategySpec> strategies = new java.util.LinkedHashMap<>();
        for (String party : scenario.partyNames()) {
            strategies.put(party, new StrategySpec("diplomat"));
        }
        NegotiationSettings settings = new NegotiationSettings("sao", Deadline.rounds(100), strategies, 11, null);
        Negotiation full = Negotiation.start(scenario, settings);
        full.run();
        List<org.parley.core.negotiation.Event> log = full.session().events();
        for (int cut : new int[] {1, log.size() / 2, log.size() - 1}) {
            Negotiation resumed = Negotiation.resume(scenario, settings, log.subList(0, cut), new StrategyRegistry(),
                    new org.parley.core.engine.BidSpaceCache());
            resumed.run();
            assertThat(resumed.session().events()).as("cut at " + cut).isEqualTo(log);
        }
    }

    private static double correlation(List<Double> x, List<Double> y) {
        int n = x.size();
        double mx = x.stream().mapToDouble(d -> d).average().orElse(0);
        double my = y.stream().mapToDouble(d -> d).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x.get(i) - mx) * (y.get(i) - my);
            sxx += (x.get(i) - mx) * (x.get(i) - mx);
            syy += (y.get(i) - my) * (y.get(i) - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
