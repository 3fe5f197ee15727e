package org.parley.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.core.TestScenarios;
import org.parley.core.engine.BidSpaceCache;
import org.parley.core.engine.Negotiation;
import org.parley.core.model.Outcome;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Result;
import org.parley.core.negotiation.StrategySpec;
import org.parley.core.protocol.Protocols;

/** The time-dependent strategies read the trust their setup carries, and only their own. */
class TrustInStrategiesTest {

    private final Scenario talks = TestScenarios.cardassianTalks(); // federation and union

    private Setup union(Map<String, Double> trust) {
        Setup s = StrategyFixtures.setup(talks, "union");
        return new Setup(s.self(), s.parties(), s.domain(), s.preferences(), s.bids(), s.rule(), s.protocol(),
                s.deadline(), s.moveTimeLimit(), s.random(), trust);
    }

    @Test
    void distrustRaisesTheWalkAwayValueTowardsTheBest() {
        // union: best 1.0, reservation 0.4. Trust 0.2 is distrust 1 - 0.2 / 0.5 = 0.6.
        Setup wary = union(Map.of("federation", 0.2));
        assertThat(wary.distrust()).isCloseTo(0.6, within(1e-12));
        assertThat(wary.guardedReservation(0.5)).isCloseTo(0.4 + 0.5 * 0.6 * 0.6, within(1e-12));
        assertThat(wary.guardedReservation(0)).isEqualTo(0.4);
        // A stranger (no trust given), or a trusted counterpart, changes nothing.
        assertThat(union(Map.of()).guardedReservation(0.5)).isEqualTo(0.4);
        assertThat(union(Map.of("federation", 0.8)).guardedReservation(0.5)).isEqualTo(0.4);
        assertThat(union(Map.of()).trust("federation")).isEqualTo(0.5);
    }

    @Test
    void aSetupRefusesTrustInSomeoneNotAtTheTable() {
        assertThatThrownBy(() -> union(Map.of("union", 0.3))).hasMessageContaining("not an opponent of union");
        assertThatThrownBy(() -> union(Map.of("kaldari", 0.3))).hasMessageContaining("not an opponent of union");
        assertThatThrownBy(() -> new NegotiationSettings("sao", Deadline.rounds(10), Map.of(), 1, null,
                Map.of("union", Map.of("federation", 1.5)))).hasMessageContaining("must lie in [0, 1]");
    }

    @Test
    void aTimeDependentBidderConcedesLessToADistrustedTable() {
        TimeDependentBidding trusting = new TimeDependentBidding(1, false, 0.5);
        trusting.start(union(Map.of("federation", 0.5)), null);
        TimeDependentBidding wary = new TimeDependentBidding(1, false, 0.5);
        wary.start(union(Map.of("federation", 0.2)), null);
        TimeDependentBidding ignoring = new TimeDependentBidding(1, false, 0);
        ignoring.start(union(Map.of("federation", 0.2)), null);
        assertThat(wary.target(0)).isEqualTo(trusting.target(0)); // it opens as high
        assertThat(wary.target(1)).isCloseTo(0.58, within(1e-12));
        assertThat(trusting.target(1)).isCloseTo(0.4, within(1e-12));
        assertThat(ignoring.target(1)).isCloseTo(0.4, within(1e-12));
        for (double t = 0.05; t <= 1; t += 0.05) {
            assertThat(wary.target(t)).isGreaterThan(trusting.target(t));
        }
    }

    @Test
    void aWaryStrategySignsNothingBelowItsGuardedReservationWhateverItsAcceptanceCondition() {
        StrategyRegistry registry = new StrategyRegistry();
        // AC_const(0.45) would take any offer worth 0.45 to the union.
        Strategy wary = registry.create(StrategySpec.parse("linear:ac=const,alpha=0.45,wary=0.5"));
        Strategy trusting = registry.create(StrategySpec.parse("linear:ac=const,alpha=0.45,wary=0.5"));
        wary.start(union(Map.of("federation", 0.2)));
        trusting.start(union(Map.of("federation", 0.6)));
        Outcome middling = null;
        var space = new org.parley.core.model.OutcomeSpace(talks.domain());
        for (long r = 0; r < space.count().longValueExact(); r++) {
            Outcome o = space.outcome(r);
            double u = talks.party("union").preferences().utility(o);
            if (u >= 0.45 && u < 0.55 && talks.party("union").preferences().acceptable(o)) {
                middling = o;
                break;
            }
        }
        assertThat(middling).isNotNull();
        assertThat(trusting.act(StrategyFixtures.respond("union", middling, "federation", 0.5)))
                .isInstanceOf(Action.Accept.class);
        assertThat(wary.act(StrategyFixtures.respond("union", middling, "federation", 0.5)))
                .isInstanceOf(Action.Offer.class);
    }

    @Test
    void eachStrategyIsToldOnlyItsOwnTrust() {
        List<Setup> seen = new ArrayList<>();
        StrategyRegistry registry = new StrategyRegistry();
        registry.register(new StrategyRegistry.Entry("spy", "records its setup", List.of(), p -> {
            Strategy inner = new StrategyRegistry().create(StrategySpec.parse("linear"));
            return new Strategy() {
                @Override
                public void start(Setup setup) {
                    seen.add(setup);
                    inner.start(setup);
                }

                @Override
                public Action act(org.parley.core.negotiation.Request request) {
                    return inner.act(request);
                }
            };
        }));
        Map<String, StrategySpec> strategies = new LinkedHashMap<>();
        strategies.put("federation", new StrategySpec("spy"));
        strategies.put("union", new StrategySpec("spy"));
        NegotiationSettings settings = new NegotiationSettings(Protocols.DEFAULT, Deadline.rounds(20), strategies, 3,
                null, Map.of("federation", Map.of("union", 0.1), "union", Map.of("federation", 0.9)));
        Negotiation.start(talks, settings, registry, new BidSpaceCache()).run();
        assertThat(seen).hasSize(2);
        for (Setup s : seen) {
            assertThat(s.trust()).containsOnlyKeys(s.opponents());
            assertThat(s.trust()).isEqualTo(settings.trust(s.self()));
        }
    }

    @Test
    void theStrategiesThatReadTrustSayIt() {
        StrategyRegistry registry = new StrategyRegistry();
        for (String name : List.of("linear", "boulware", "conceder", "time-dependent", StrategyRegistry.DEFAULT)) {
            assertThat(registry.entries().get(name).parameterNames()).as(name).contains(StrategyRegistry.WARY);
        }
    }

    @Test
    void aDistrustedTableGetsWorseTermsFromAWaryStrategy() {
        // The union reads trust; the federation plays the same strategy, told nothing.
        for (String wary : List.of("linear:wary=0.6", "diplomat")) {
            Map<String, StrategySpec> strategies = Map.of("federation", StrategySpec.parse(wary.split(":")[0]),
                    "union", StrategySpec.parse(wary));
            Result trusted = Negotiation.run(talks, new NegotiationSettings(Protocols.DEFAULT, Deadline.rounds(60),
                    strategies, 5, null, Map.of("union", Map.of("federation", 0.6))));
            Result distrusted = Negotiation.run(talks, new NegotiationSettings(Protocols.DEFAULT, Deadline.rounds(60),
                    strategies, 5, null, Map.of("union", Map.of("federation", 0.15))));
            assertThat(trusted.agreement()).as(wary).isTrue();
            double unionTrusted = trusted.payoff("union").utility();
            double unionDistrusted = distrusted.agreement() ? distrusted.payoff("union").utility() : 0.4;
            double federationTrusted = trusted.payoff("federation").utility();
            double federationDistrusted = distrusted.agreement() ? distrusted.payoff("federation").utility()
                    : talks.party("federation").preferences().reservation();
            assertThat(unionDistrusted).as(wary).isGreaterThanOrEqualTo(unionTrusted);
            assertThat(federationDistrusted).as(wary).isLessThanOrEqualTo(federationTrusted);
            // Worse terms for the distrusted federation, counting time: the talks are discounted
            // (the front collapses), and a diplomat federation may sign the same outcome either
            // way, only later when the union holds out for more.
            assertThat(distrusted.payoff("federation").discounted()).as(wary)
                    .isLessThan(trusted.payoff("federation").discounted());
        }
    }
}
