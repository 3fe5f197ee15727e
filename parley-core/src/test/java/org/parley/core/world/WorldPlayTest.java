package org.parley.core.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.core.engine.BidSpaceCache;
import org.parley.core.engine.Negotiation;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Result;
import org.parley.core.negotiation.StrategySpec;
import org.parley.core.strategy.StrategyRegistry;

class WorldPlayTest {

    /** Plays the prepared negotiation with {@code linear} in every human seat: a stand-in for the person. */
    static Result play(WorldPlay.Prepared next) {
        Map<String, StrategySpec> strategies = new LinkedHashMap<>();
        next.settings().strategies().forEach((party, spec) -> strategies.put(party,
                spec.isHuman() ? StrategySpec.parse("linear") : spec));
        NegotiationSettings s = next.settings();
        NegotiationSettings settings = new NegotiationSettings(s.protocol(), s.deadline(), strategies, s.seed(),
                s.moveTimeLimit(), s.trust());
        return Negotiation.start(next.played(), settings, new StrategyRegistry(), new BidSpaceCache()).run();
    }

    @Test
    void playedStepByStepTheWorldEndsAsTheRunnerEndsIt() {
        World w = WorldRunnerTest.world(World.Honour.WHEN_IT_PAYS, World.Trust.Model.WITNESS, 8);
        WorldPlay play = new WorldPlay(w, 9);
        while (!play.finished()) {
            WorldPlay.Prepared next = play.prepare();
            assertThat(play.prepare()).isSameAs(next);
            Result result = Negotiation.start(next.played(), next.settings(), new StrategyRegistry(),
                    new BidSpaceCache()).run();
            play.close(result, Map.of());
        }
        assertThat(play.result()).isEqualTo(WorldRunner.run(w, 9));
        assertThatThrownBy(play::prepare).hasMessageContaining("has ended");
    }

    @Test
    void aPersonsSeatIsHumanToldNoTrustAndKeepsItsWalkAwayValue() {
        World w = WorldRunnerTest.world(World.Honour.NEVER, World.Trust.Model.BETA, 8);
        WorldPlay play = new WorldPlay(w, 4, Set.of("b"), new StrategyRegistry());
        boolean sawB = false;
        while (!play.finished()) {
            WorldPlay.Prepared next = play.prepare();
            String bParty = null;
            for (var role : next.meeting().roles().entrySet()) {
                if (role.getValue().equals("b")) {
                    bParty = role.getKey();
                }
            }
            if (bParty != null) {
                sawB = true;
                assertThat(next.settings().strategy(bParty).isHuman()).isTrue();
                assertThat(next.settings().trust()).doesNotContainKey(bParty);
                assertThat(next.demanded()).doesNotContainKey(bParty);
                assertThat(next.played().party(bParty).preferences().reservation())
                        .isEqualTo(next.meeting().scenario().party(bParty).preferences().reservation());
            }
            Result result = play(next);
            Map<String, Boolean> decisions = bParty != null && result.agreement() && result.signers().contains(bParty)
                    ? Map.of("b", false) : Map.of();
            play.close(result, decisions);
        }
        assertThat(sawB).isTrue();
        // a never honours: after its breaches b trusts it less than a stranger, and b's own record is clean.
        assertThat(play.trust("b", "a")).isLessThan(0.5);
        assertThat(play.seenBy("b").get("a").breached()).isPositive();
        assertThat(play.seenBy("a").get("b").breached()).isZero();
    }

    @Test
    void aPersonsDecisionIsNeededForEveryAgreementTheySignAndOnlyThen() {
        World w = WorldRunnerTest.world(World.Honour.ALWAYS, World.Trust.Model.BETA, 4);
        WorldPlay play = new WorldPlay(w, 2, Set.of("a"), new StrategyRegistry());
        WorldPlay.Prepared next = play.prepare();
        Result result = play(next);
        assertThat(result.agreement()).isTrue();
        assertThatThrownBy(() -> play.close(result, Map.of())).hasMessageContaining("(a) is played by a person");
        assertThatThrownBy(() -> play.close(result, Map.of("a", true, "c", true)))
                .hasMessageContaining("(c) signed no agreement");
        double gain = play.breachGain("a", result);
        assertThat(gain).isPositive();
        assertThat(play.breachCost("a")).isPositive();
        WorldResult.MeetingResult closed = play.close(result, Map.of("a", true));
        assertThat(closed.breachers()).containsExactly("a");
        String party = next.meeting().roles().entrySet().stream().filter(e -> e.getValue().equals("a")).findFirst()
                .orElseThrow().getKey();
        assertThat(closed.payoffs().get("a")).isEqualTo(result.payoff(party).discounted() + gain);
        assertThat(play.seenBy("b").get("a")).isEqualTo(new WorldPlay.Seen(0, 1));
        assertThat(play.trust("b", "a")).isLessThan(0.5);
        assertThatThrownBy(() -> new WorldPlay(w, 2, Set.of("zed"), new StrategyRegistry()))
                .hasMessageContaining("Unknown power (zed)");
    }

    @Test
    void whenBreachesAreSeenBySignersOnlyOthersSeeNothing() {
        World base = WorldRunnerTest.world(World.Honour.NEVER, World.Trust.Model.BETA, 1);
        World w = new World(base.name(), base.powers(), base.meetings(), base.rounds(),
                new World.Breach(Double.NaN, 0.5, World.Visibility.SIGNERS), base.trust());
        WorldPlay play = new WorldPlay(w, 3);
        Result result = play(play.prepare());
        assertThat(result.agreement()).isTrue();
        play.close(result, Map.of());
        assertThat(play.seenBy("b").get("a")).isEqualTo(new WorldPlay.Seen(0, 1));
        assertThat(play.seenBy("c").get("a")).isEqualTo(new WorldPlay.Seen(0, 0));
        assertThat(play.trust("c", "a")).isEqualTo(0.5);
        assertThat(List.copyOf(play.seenBy("a").keySet())).containsExactly("b", "c");
    }
}
