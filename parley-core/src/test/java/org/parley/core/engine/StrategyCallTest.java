package org.parley.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.parley.core.TestScenarios;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Action.Misbehaviour;
import org.parley.core.negotiation.Move;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Request;
import org.parley.core.protocol.Protocols;
import org.parley.core.strategy.Setup;
import org.parley.core.strategy.Strategy;

/** Strategy calls run by the caller ({@link Negotiation#nextCall}): the same negotiation as {@link Negotiation#run}. */
class StrategyCallTest {

    private static Negotiation drive(Negotiation negotiation) {
        for (Negotiation.Call call; (call = negotiation.nextCall()) != null; ) {
            call.run();
            negotiation.complete(call);
        }
        return negotiation;
    }

    @Test
    void callsRunOneByOnePlayTheSameNegotiationAsRun() {
        Scenario scenario = TestScenarios.tavrikAccord();
        for (String protocol : Protocols.registry().keys()) {
            for (long seed = 1; seed <= 3; seed++) {
                NegotiationSettings settings = EngineFixtures.settings(scenario, protocol, 30, seed, null);
                Negotiation byRun = Negotiation.start(scenario, settings);
                byRun.run();
                Negotiation byCalls = drive(Negotiation.start(scenario, settings));
                assertThat(byCalls.finished()).isTrue();
                assertThat(byCalls.result()).as(protocol).isEqualTo(byRun.result());
                assertThat(stripTimes(byCalls)).as(protocol).isEqualTo(stripTimes(byRun));
            }
        }
    }

    /* The diplomat's lines are rendered on the caller's path too, so that a replayed log finds them again. */
    @Test
    void callsRunOneByOneGiveTheDiplomatsTheirLines() {
        Scenario scenario = TestScenarios.tavrikAccord();
        NegotiationSettings settings = EngineFixtures.settings(scenario, "sao", 30, 1, null,
                "federation=diplomat", "kaldari=diplomat", "vethari=diplomat");
        Negotiation byRun = Negotiation.start(scenario, settings);
        byRun.run();
        Negotiation byCalls = drive(Negotiation.start(scenario, settings));
        assertThat(stripTimes(byCalls)).isEqualTo(stripTimes(byRun));
        assertThat(byCalls.session().events()).allSatisfy(e -> assertThat(e.action().message()).isNotBlank());
    }

    private static List<String> stripTimes(Negotiation negotiation) {
        return negotiation.session().events().stream().map(e -> e.party() + " " + e.round() + " " + e.action()).toList();
    }

    @Test
    void aCallThatReturnsAfterTheLimitIsATimeout() {
        Negotiation negotiation = start(slowFrom(2, 60), Duration.ofMillis(20));
        drive(negotiation);
        Misbehaviour m = misbehaviour(negotiation);
        assertThat(m.reason()).isEqualTo(Misbehaviour.Reason.TIMEOUT);
        assertThat(m.detail()).contains("20 ms");
        assertThat(negotiation.result().agreement()).isTrue();
    }

    @Test
    void anAbandonedCallLeavesTheTableAndWhatItReturnsLaterIsIgnored() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Negotiation negotiation = start(blockingFrom(2, release), Duration.ofMillis(50));
        Negotiation.Call stuck = null;
        for (Negotiation.Call call; (call = negotiation.nextCall()) != null; ) {
            if (call.party().equals("vethari") && !call.isStart() && stuck == null
                    && negotiation.session().pending("vethari").round() >= 2) {
                stuck = call;
                Negotiation.Call running = call;
                Thread worker = new Thread(running::run);
                worker.start();
                worker.join(100);
                assertThat(worker.isAlive()).isTrue();
                negotiation.abandon(call);
                assertThat(call.abandoned()).isTrue();
                release.countDown();
                worker.join(TimeUnit.SECONDS.toMillis(5));
                negotiation.complete(call);
                continue;
            }
            call.run();
            negotiation.complete(call);
        }
        assertThat(stuck).isNotNull();
        Misbehaviour m = misbehaviour(negotiation);
        assertThat(m.reason()).isEqualTo(Misbehaviour.Reason.TIMEOUT);
        assertThat(negotiation.session().events().stream().filter(e -> e.party().equals("vethari")
                && e.action() instanceof Action.WalkAway)).isEmpty();
        assertThat(negotiation.result().agreement()).isTrue();
    }

    @Test
    void aCallThatThrowsIsAnExceptionMisbehaviour() {
        Negotiation negotiation = start(new Strategy() {
            @Override
            public void start(Setup setup) {
                throw new IllegalStateException("no bid space");
            }

            @Override
            public Action act(Request request) {
                return new Action.WalkAway();
            }

            @Override
            public void observe(Move move) {}
        }, null);
        drive(negotiation);
        Misbehaviour m = misbehaviour(negotiation);
        assertThat(m.reason()).isEqualTo(Misbehaviour.Reason.EXCEPTION);
        assertThat(m.detail()).contains("its start threw", "no bid space");
    }

    private static Negotiation start(Strategy vethari, Duration limit) {
        Scenario scenario = TestScenarios.tavrikAccord();
        NegotiationSettings settings = EngineFixtures.settings(scenario, "sao", 60, 1, limit, "vethari=rogue");
        return Negotiation.start(scenario, settings, EngineFixtures.registryWith("rogue", () -> vethari),
                new BidSpaceCache());
    }

    private static Misbehaviour misbehaviour(Negotiation negotiation) {
        List<Misbehaviour> found = negotiation.session().events().stream()
                .filter(e -> e.party().equals("vethari") && e.action() instanceof Misbehaviour)
                .map(e -> (Misbehaviour) e.action()).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static Strategy slowFrom(int round, long millis) {
        return honestUntil(round, () -> {
            long until = System.nanoTime() + millis * 1_000_000L;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        });
    }

    private static Strategy blockingFrom(int round, CountDownLatch release) {
        return honestUntil(round, () -> {
            while (release.getCount() > 0) {
                Thread.onSpinWait(); // ignores interruption, as a careless strategy would
            }
        });
    }

    private static Strategy honestUntil(int round, Runnable stall) {
        Strategy honest = new org.parley.core.strategy.StrategyRegistry()
                .create(org.parley.core.negotiation.StrategySpec.parse("boulware"));
        return new Strategy() {
            @Override
            public void start(Setup setup) {
                honest.start(setup);
            }

            @Override
            public Action act(Request request) {
                if (request.round() >= round) {
                    stall.run();
                    return new Action.WalkAway();
                }
                return honest.act(request);
            }

            @Override
            public void observe(Move move) {
                honest.observe(move);
            }
        };
    }

    @Test
    void stoppingEndsWithoutAgreementAsADeadlineWithTheReason() {
        Scenario scenario = TestScenarios.tavrikAccord();
        Negotiation negotiation = Negotiation.start(scenario, EngineFixtures.settings(scenario, "sao", 30, 1, null,
                "kaldari=human"));
        drive(negotiation);
        assertThat(negotiation.finished()).isFalse();
        negotiation.session().stop("the organizer ended the negotiation");
        assertThat(negotiation.finished()).isTrue();
        assertThat(negotiation.result().agreement()).isFalse();
        assertThat(negotiation.result().ending()).isEqualTo(org.parley.core.negotiation.Result.Ending.DEADLINE);
        assertThat(negotiation.result().reason()).isEqualTo("the organizer ended the negotiation");
        negotiation.session().stop("again");
        assertThat(negotiation.result().reason()).isEqualTo("the organizer ended the negotiation");
    }

    @Test
    void aResumedNegotiationsClockCanGoOnFromLaterThanItsLog() {
        Scenario scenario = TestScenarios.tavrikAccord();
        NegotiationSettings settings = new NegotiationSettings("sao",
                new org.parley.core.negotiation.Deadline(30, Duration.ofSeconds(100)),
                EngineFixtures.settings(scenario, "sao", 30, 1, null, "kaldari=human").strategies(), 1, null);
        Negotiation live = drive(Negotiation.start(scenario, settings));
        List<org.parley.core.negotiation.Event> log = List.copyOf(live.session().events());
        Negotiation atLog = Negotiation.resume(scenario, settings, log, new org.parley.core.strategy.StrategyRegistry(),
                new BidSpaceCache());
        assertThat(atLog.session().checkDeadline()).isFalse();
        Negotiation late = Negotiation.resume(scenario, settings, log, new org.parley.core.strategy.StrategyRegistry(),
                new BidSpaceCache(), 1.5);
        assertThat(late.session().checkDeadline()).isTrue();
        assertThat(late.result().ending()).isEqualTo(org.parley.core.negotiation.Result.Ending.DEADLINE);
    }
}
