package org.parley.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.core.TestScenarios;
import org.parley.core.model.Outcome;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Action.Misbehaviour;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.Move;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Request;
import org.parley.core.negotiation.Result;
import org.parley.core.protocol.Protocols;
import org.parley.core.strategy.Setup;
import org.parley.core.strategy.Strategy;

/**
 * A misbehaving strategy never stops the negotiation: it is logged with the reason and leaves the
 * table. In tavrik-accord the vethari are optional, so the others go on and can still agree.
 */
class MisbehaviourTest {

    private final AtomicBoolean release = new AtomicBoolean();

    @AfterEach
    void releaseLoopingThreads() {
        release.set(true);
    }

    /** A strategy that behaves until round {@code from}, then does {@code bad}. */
    private static Strategy rogue(int from, Function<Request, Action> bad) {
        Strategy honest = new org.parley.core.strategy.StrategyRegistry()
                .create(org.parley.core.negotiation.StrategySpec.parse("boulware"));
        return new Strategy() {
            @Override
            public void start(Setup setup) {
                honest.start(setup);
            }

            @Override
            public Action act(Request request) {
                return request.round() >= from ? bad.apply(request) : honest.act(request);
            }

            @Override
            public void observe(Move move) {
                honest.observe(move);
            }
        };
    }

    private static Negotiation run(Strategy vethari, Duration limit, String protocol) {
        Scenario scenario = TestScenarios.tavrikAccord();
        NegotiationSettings settings = EngineFixtures.settings(scenario, protocol, 60, 1, limit, "vethari=rogue");
        Negotiation negotiation = Negotiation.start(scenario, settings, EngineFixtures.registryWith("rogue", () -> vethari),
                new BidSpaceCache());
        negotiation.run();
        return negotiation;
    }

    private static Misbehaviour misbehaviourOf(Negotiation negotiation, String party) {
        List<Misbehaviour> found = negotiation.session().events().stream()
                .filter(e -> e.party().equals(party) && e.action() instanceof Misbehaviour)
                .map(e -> (Misbehaviour) e.action()).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static void assertTheOthersWentOn(Negotiation negotiation) {
        Result result = negotiation.result();
        assertThat(result).isNotNull();
        List<Event> events = negotiation.session().events();
        int at = events.indexOf(events.stream().filter(e -> e.action() instanceof Misbehaviour).findFirst().orElseThrow());
        assertThat(events.subList(at + 1, events.size())).isNotEmpty()
                .allSatisfy(e -> assertThat(e.party()).isNotEqualTo("vethari"));
        assertThat(result.agreement()).isTrue();
        assertThat(result.signers()).containsExactly("federation", "kaldari");
        assertThat(result.payoff("vethari").utility()).isEqualTo(0.45);
    }

    @Test
    void aStrategyThatThrows() {
        for (String protocol : Protocols.registry().keys()) {
            Negotiation negotiation = run(rogue(2, r -> {
                throw new IllegalStateException("lost the plot");
            }), null, protocol);
            Misbehaviour m = misbehaviourOf(negotiation, "vethari");
            assertThat(m.reason()).isEqualTo(Misbehaviour.Reason.EXCEPTION);
            assertThat(m.detail()).contains("IllegalStateException", "lost the plot");
            assertTheOthersWentOn(negotiation);
        }
    }

    @Test
    void aStrategyThatThrowsWhileWatched() {
        Negotiation negotiation = run(rogue(2, r -> {
            throw new StackOverflowError();
        }), Duration.ofSeconds(2), "sao");
        assertThat(misbehaviourOf(negotiation, "vethari").detail()).contains("StackOverflowError");
        assertTheOthersWentOn(negotiation);
    }

    @Test
    void aStrategyThatIsTooSlow() {
        Negotiation negotiation = run(rogue(2, r -> {
            long until = System.nanoTime() + 80_000_000L;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            return new Action.WalkAway();
        }), Duration.ofMillis(20), "sao");
        Misbehaviour m = misbehaviourOf(negotiation, "vethari");
        assertThat(m.reason()).isEqualTo(Misbehaviour.Reason.TIMEOUT);
        assertThat(m.detail()).contains("20 ms");
        assertTheOthersWentOn(negotiation);
    }

    @Test
    void aStrategyThatLoopsForever() {
        // It ignores interruption: only the test's release after the run lets its thread end.
        for (String protocol : Protocols.registry().keys()) {
            long start = System.nanoTime();
            Negotiation negotiation = run(rogue(3, r -> {
                while (!release.get()) {
                    Thread.onSpinWait();
                }
                return new Action.WalkAway();
            }), Duration.ofMillis(50), protocol);
            Misbehaviour m = misbehaviourOf(negotiation, "vethari");
            assertThat(m.reason()).isEqualTo(Misbehaviour.Reason.TIMEOUT);
            assertTheOthersWentOn(negotiation);
            assertThat((System.nanoTime() - start) / 1e9).isLessThan(5);
        }
    }

    @Test
    void aStrategyThatLoopsForeverWhileObserving() {
        Strategy looping = new Strategy() {
            @Override
            public void start(Setup setup) {}

            @Override
            public Action act(Request request) {
                return new Action.WalkAway();
            }

            @Override
            public void observe(Move move) {
                while (!release.get()) {
                    Thread.onSpinWait();
                }
            }
        };
        Negotiation negotiation = run(looping, Duration.ofMillis(50), "sao");
        assertThat(misbehaviourOf(negotiation, "vethari").detail()).contains("took longer");
        assertThat(negotiation.result().agreement()).isTrue();
    }

    @Test
    void anOfferWithAnUnknownOption() {
        Negotiation negotiation = run(rogue(1, r -> new Action.Offer(Outcome.of(0, 0, 0, 7, 0, 0, 0))), null,
                "sao");
        Misbehaviour m = misbehaviourOf(negotiation, "vethari");
        assertThat(m.reason()).isEqualTo(Misbehaviour.Reason.INVALID_MOVE);
        assertThat(m.detail()).contains("export-control");
        assertTheOthersWentOn(negotiation);
    }

    @Test
    void anOfferWithAMissingIssue() {
        Negotiation negotiation = run(rogue(1, r -> new Action.Offer(Outcome.of(0, 0, 0))), null, "amop");
        assertThat(misbehaviourOf(negotiation, "vethari").detail()).contains("3 values", "7 issues");
        assertTheOthersWentOn(negotiation);
    }

    @Test
    void aMoveTheProtocolDoesNotAllow() {
        // Accepting when it must propose, rejecting in SAOP, or answering with nothing.
        for (Function<Request, Action> bad : List.<Function<Request, Action>>of(
                r -> new Action.Accept(Outcome.of(0, 0, 0, 0, 0, 0, 0)),
                r -> r.outcome() == null ? new Action.Reject(Outcome.of(0, 0, 0, 0, 0, 0, 0)) : new Action.Reject(r.outcome()),
                r -> null,
                r -> new Action.Misbehaviour(Misbehaviour.Reason.TIMEOUT, "framing another"))) {
            Negotiation negotiation = run(rogue(1, bad), null, "sao");
            assertThat(misbehaviourOf(negotiation, "vethari").reason()).isEqualTo(Misbehaviour.Reason.INVALID_MOVE);
            assertTheOthersWentOn(negotiation);
        }
    }

    @Test
    void aStrategyWhoseFactoryThrowsIsPutOutAtTheStart() {
        Scenario scenario = TestScenarios.tavrikAccord();
        NegotiationSettings settings = EngineFixtures.settings(scenario, "sao", 60, 1, null, "vethari=broken");
        Negotiation negotiation = Negotiation.start(scenario, settings, EngineFixtures.registryWith("broken", () -> {
            throw new UnsupportedOperationException("no model file");
        }), new BidSpaceCache());
        negotiation.run();
        Misbehaviour m = misbehaviourOf(negotiation, "vethari");
        assertThat(m.reason()).isEqualTo(Misbehaviour.Reason.EXCEPTION);
        assertThat(m.detail()).startsWith("its creation threw java.lang.UnsupportedOperationException: no model file");
        assertThat(negotiation.session().events().get(0).action()).isEqualTo(m);
        assertTheOthersWentOn(negotiation);
    }

    @Test
    void aSpecNamingNoStrategyIsTheCallersMistake() {
        Scenario scenario = TestScenarios.tavrikAccord();
        NegotiationSettings settings = EngineFixtures.settings(scenario, "sao", 60, 1, null, "vethari=nonesuch");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Negotiation.start(scenario, settings))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown strategy (nonesuch)");
    }

    @Test
    void aRequiredPartyMisbehavingEndsTheNegotiation() {
        Scenario scenario = TestScenarios.tavrikAccord();
        Strategy rogue = rogue(1, r -> {
            throw new IllegalArgumentException("no");
        });
        NegotiationSettings settings = EngineFixtures.settings(scenario, "sao", 60, 1, null, "kaldari=rogue");
        Negotiation negotiation = Negotiation.start(scenario, settings, EngineFixtures.registryWith("rogue", () -> rogue),
                new BidSpaceCache());
        Result result = negotiation.run();
        assertThat(result.ending()).isEqualTo(Result.Ending.WALK_AWAY);
        assertThat(result.reason()).contains("kaldari", "misbehaved", "IllegalArgumentException");
    }

    @Test
    void aLogWithMisbehaviourResumes() {
        Scenario scenario = TestScenarios.tavrikAccord();
        NegotiationSettings settings = EngineFixtures.settings(scenario, "sao", 60, 1, Duration.ofMillis(50),
                "vethari=rogue");
        java.util.function.Supplier<Strategy> looping = () -> rogue(3, r -> {
            while (!release.get()) {
                Thread.onSpinWait();
            }
            return new Action.WalkAway();
        });
        Negotiation full = Negotiation.start(scenario, settings, EngineFixtures.registryWith("rogue", looping),
                new BidSpaceCache());
        full.run();
        List<Event> log = full.session().events();
        Negotiation resumed = Negotiation.resume(scenario, settings, log.subList(0, log.size() - 2),
                EngineFixtures.registryWith("rogue", looping), new BidSpaceCache());
        resumed.run();
        assertThat(resumed.session().events()).isEqualTo(log);
    }
}
