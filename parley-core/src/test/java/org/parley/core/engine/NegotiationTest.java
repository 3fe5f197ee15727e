package org.parley.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.core.TestScenarios;
import org.parley.core.model.Outcome;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.InvalidMoveException;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Request;
import org.parley.core.negotiation.Result;
import org.parley.core.protocol.Protocols;
import org.parley.core.strategy.StrategyRegistry;

class NegotiationTest {

    private static List<Event> run(Scenario scenario, NegotiationSettings settings) {
        Negotiation negotiation = Negotiation.start(scenario, settings);
        negotiation.run();
        return negotiation.session().events();
    }

    @Test
    void theSameSeedGivesTheSameRun() {
        for (String protocol : Protocols.registry().keys()) {
            for (Scenario scenario : List.of(TestScenarios.cardassianTalks(), TestScenarios.tavrikAccord(),
                    TestScenarios.trinityStation())) {
                // Random and frequency strategies draw from the seed, so the seed matters.
                String first = scenario.partyNames().get(0) + "=random";
                String second = scenario.partyNames().get(1) + "=frequency";
                NegotiationSettings settings = EngineFixtures.settings(scenario, protocol, 40, 11, null, first, second);
                List<Event> a = run(scenario, settings);
                List<Event> b = run(scenario, settings);
                assertThat(a).as(protocol + " " + scenario.name()).isEqualTo(b);
                NegotiationSettings guarded = EngineFixtures.settings(scenario, protocol, 40, 11, Duration.ofSeconds(5),
                        first, second);
                assertThat(run(scenario, guarded)).as("with a move time limit").isEqualTo(a);
            }
        }
    }

    /** Counts what it is told and checks the order: start, moves, then end once, after every public move. */
    private static final class Listener implements org.parley.core.strategy.Strategy {
        final org.parley.core.strategy.Strategy inner = new StrategyRegistry()
                .create(org.parley.core.negotiation.StrategySpec.parse("conceder"));
        final List<Outcome> ends = new java.util.ArrayList<>();
        int observed;

        @Override
        public void start(org.parley.core.strategy.Setup setup) {
            inner.start(setup);
        }

        @Override
        public void observe(org.parley.core.negotiation.Move move) {
            assertThat(ends).as("no move after the end").isEmpty();
            observed++;
            inner.observe(move);
        }

        @Override
        public Action act(Request request) {
            return inner.act(request);
        }

        @Override
        public void end(Outcome agreement) {
            ends.add(agreement);
        }
    }

    @Test
    void everyStrategyIsToldTheEndOnceAfterEveryPublicMove() {
        for (String protocol : Protocols.registry().keys()) {
            for (Duration limit : java.util.Arrays.asList(null, Duration.ofSeconds(5))) {
                Scenario scenario = TestScenarios.tavrikAccord();
                java.util.Map<String, Listener> listeners = new java.util.LinkedHashMap<>();
                StrategyRegistry registry = new StrategyRegistry();
                for (String party : scenario.partyNames()) {
                    Listener listener = new Listener();
                    listeners.put(party, listener);
                    registry.register(new StrategyRegistry.Entry("listener-" + party, "", java.util.Set.of(), p -> listener));
                }
                String[] overrides = scenario.partyNames().stream().map(p -> p + "=listener-" + p).toArray(String[]::new);
                Negotiation negotiation = Negotiation.start(scenario, EngineFixtures.settings(scenario, protocol, 40, 3,
                        limit, overrides), registry, new BidSpaceCache());
                Result result = negotiation.run();
                for (var entry : listeners.entrySet()) {
                    Listener listener = entry.getValue();
                    assertThat(listener.ends).as(protocol + " " + entry.getKey()).hasSize(1);
                    assertThat(listener.ends.get(0)).isEqualTo(result.agreement() ? result.outcome() : null);
                    assertThat(listener.observed).isEqualTo(negotiation.session().published());
                }
            }
        }
    }

    @Test
    void anotherSeedGivesAnotherRun() {
        Scenario scenario = TestScenarios.tavrikAccord();
        List<Event> a = run(scenario, EngineFixtures.settings(scenario, "sao", 40, 1, null, "federation=random"));
        List<Event> b = run(scenario, EngineFixtures.settings(scenario, "sao", 40, 2, null, "federation=random"));
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void aStoredLogResumesToTheSameEnd() {
        for (String protocol : Protocols.registry().keys()) {
            Scenario scenario = TestScenarios.trinityStation();
            NegotiationSettings settings = EngineFixtures.settings(scenario, protocol, 40, 5, null,
                    "loyalists=random", "advent=frequency", "exodus=micro", "rebels=tit-for-tat");
            Negotiation full = Negotiation.start(scenario, settings);
            full.run();
            List<Event> log = full.session().events();
            for (int cut : new int[] {0, 1, log.size() / 3, log.size() / 2, log.size() - 1}) {
                Negotiation resumed = Negotiation.resume(scenario, settings, log.subList(0, cut), new StrategyRegistry(),
                        new BidSpaceCache());
                assertThat(resumed.session().events()).isEqualTo(log.subList(0, Math.max(cut, resumed.session().events().size())));
                resumed.run();
                assertThat(resumed.session().events()).as(protocol + " cut at " + cut).isEqualTo(log);
                assertThat(resumed.result()).isEqualTo(full.result());
            }
        }
    }

    @Test
    void aLogFromOtherSettingsIsRefused() {
        Scenario scenario = TestScenarios.cardassianTalks();
        NegotiationSettings settings = EngineFixtures.settings(scenario, "sao", 40, 5, null);
        Negotiation full = Negotiation.start(scenario, settings);
        full.run();
        NegotiationSettings other = EngineFixtures.settings(scenario, "sao", 40, 5, null, "union=hardliner");
        assertThatThrownBy(() -> Negotiation.resume(scenario, other, full.session().events(), new StrategyRegistry(),
                new BidSpaceCache())).isInstanceOf(IllegalStateException.class).hasMessageContaining("diverges");
    }

    @Test
    void aHumanPartyPlaysThroughTheSession() {
        Scenario scenario = TestScenarios.cardassianTalks();
        NegotiationSettings settings = EngineFixtures.settings(scenario, "sao", 20, 5, Duration.ofSeconds(2),
                "union=human");
        Negotiation negotiation = Negotiation.start(scenario, settings);
        negotiation.advance();
        // The federation (AI) opened; now the session waits on the human union.
        Request waiting = negotiation.session().pending("union");
        assertThat(waiting.kind()).isEqualTo(Request.Kind.RESPOND);
        assertThat(negotiation.session().pending()).containsExactly(waiting);
        assertThatThrownBy(() -> negotiation.submit("federation", new Action.Offer(waiting.outcome())))
                .isInstanceOf(InvalidMoveException.class).hasMessageContaining("AI diplomat");
        assertThatThrownBy(() -> negotiation.submit("union", new Action.Accept(Outcome.of(0, 0, 0, 0))))
                .isInstanceOf(InvalidMoveException.class);
        Outcome ask = Outcome.of(2, 0, 0, 2);
        negotiation.submit("union", new Action.Offer(ask));
        assertThat(negotiation.session().pending("union")).isNotNull();
        // Resuming mid-way (a server restart) keeps the human's seat open.
        Negotiation resumed = Negotiation.resume(scenario, settings, negotiation.session().events(),
                new StrategyRegistry(), new BidSpaceCache());
        assertThat(resumed.session().pending()).isEqualTo(negotiation.session().pending());
        for (int k = 0; k < 40 && !resumed.finished(); k++) {
            resumed.submit("union", new Action.Offer(ask));
        }
        assertThat(resumed.finished()).isTrue();
        Result result = resumed.result();
        // The federation's conceder gives in to the human's demand or the deadline passes.
        assertThat(result.agreement() ? result.outcome() : ask).isEqualTo(ask);
    }

    @Test
    void theBuiltInScenariosReachDealsAboveEveryReservationValue() {
        for (String protocol : Protocols.registry().keys()) {
            for (Scenario scenario : List.of(TestScenarios.cardassianTalks(), TestScenarios.tavrikAccord(),
                    TestScenarios.trinityStation())) {
                Result result = Negotiation.run(scenario, TestScenarios.settings(scenario, protocol, 100, 1));
                assertThat(result.agreement()).as(protocol + " " + scenario.name()).isTrue();
                for (String signer : result.signers()) {
                    var preferences = scenario.party(signer).preferences();
                    assertThat(preferences.acceptable(result.outcome())).as(signer).isTrue();
                }
            }
        }
    }

    @Test
    void aTenToTheTenSpaceNegotiatesWithoutEnumerating() {
        Scenario scenario = TestScenarios.random(9, 4, 10, 10, 0.3, "boulware");
        NegotiationSettings settings = EngineFixtures.settings(scenario, "sao", 500, 1, null,
                "p1=conceder", "p2=linear", "p3=conceder");
        Result result = Negotiation.run(scenario, settings);
        assertThat(result.agreement()).isTrue();
        assertThat(result.signers()).hasSize(4);
    }

    @Test
    void wallClockTimesReplayExactly() {
        Scenario scenario = TestScenarios.trinityStation();
        NegotiationSettings base = EngineFixtures.settings(scenario, "sao", 1, 5, null, "advent=frequency");
        NegotiationSettings settings = new NegotiationSettings("sao",
                new org.parley.core.negotiation.Deadline(0, Duration.ofMillis(300)), base.strategies(), 5, null);
        Negotiation live = Negotiation.start(scenario, settings);
        live.run();
        List<Event> log = live.session().events();
        assertThat(log.size()).isGreaterThan(10);
        assertThat(log.stream().map(Event::time).distinct().count()).isGreaterThan(10);
        // Replaying reads the logged times: the strategies make the same moves, or resume() throws.
        List<Event> cut = log.subList(0, log.size() / 2);
        Negotiation resumed = Negotiation.resume(scenario, settings, cut, new StrategyRegistry(), new BidSpaceCache());
        assertThat(resumed.session().events()).isEqualTo(cut);
    }
}
