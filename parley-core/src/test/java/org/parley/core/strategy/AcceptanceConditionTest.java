package org.parley.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcceptanceConditionTest {

    private final OfferHistory none = new OfferHistory(o -> o.value(0));

    @Test
    void acNextAcceptsWhatIsAtLeastTheNextBid() {
        AcceptanceCondition next = AcceptanceCondition.next();
        assertThat(next.accept(0.7, 0.7, 0.1, none)).isTrue();
        assertThat(next.accept(0.69, 0.7, 0.1, none)).isFalse();
        AcceptanceCondition scaled = AcceptanceCondition.next(1.1, 0);
        assertThat(scaled.accept(0.65, 0.7, 0.1, none)).isTrue();
    }

    @Test
    void acConstAcceptsAboveAFixedLevel() {
        AcceptanceCondition constant = AcceptanceCondition.constant(0.8);
        assertThat(constant.accept(0.8, 1.0, 0, none)).isTrue();
        assertThat(constant.accept(0.79, 0.1, 0.99, none)).isFalse();
    }

    @Test
    void acTimeAcceptsAnythingAfterT() {
        AcceptanceCondition time = AcceptanceCondition.time(0.9);
        assertThat(time.accept(0.01, 1.0, 0.9, none)).isTrue();
        assertThat(time.accept(0.99, 0.1, 0.89, none)).isFalse();
    }

    @Test
    void acCombiAcceptsTheBestOfTheRecentWindowLate() {
        AcceptanceCondition combi = AcceptanceCondition.combi(0.9);
        // Here an outcome's only coordinate is its utility.
        OfferHistory received = new OfferHistory(o -> o.value(0));
        received.add(0.5, new org.parley.core.model.Outcome(0.9));   // outside the window [0.90, 0.95]
        received.add(0.91, new org.parley.core.model.Outcome(0.4));
        received.add(0.95, new org.parley.core.model.Outcome(0.5));
        assertThat(received.last()).isEqualTo(0.5);
        assertThat(combi.accept(0.5, 0.8, 0.95, received)).isTrue();
        assertThat(combi.accept(0.45, 0.8, 0.95, received)).isFalse();
        // Before T only AC_next counts.
        assertThat(combi.accept(0.5, 0.8, 0.85, received)).isFalse();
        assertThat(combi.accept(0.8, 0.8, 0.1, received)).isTrue();
    }

    @Test
    void conditionsCombine() {
        AcceptanceCondition either = AcceptanceCondition.constant(0.9).or(AcceptanceCondition.time(0.5));
        AcceptanceCondition both = AcceptanceCondition.constant(0.3).and(AcceptanceCondition.time(0.5));
        assertThat(either.accept(0.1, 1, 0.6, none)).isTrue();
        assertThat(either.accept(0.1, 1, 0.4, none)).isFalse();
        assertThat(both.accept(0.2, 1, 0.6, none)).isFalse();
        assertThat(both.accept(0.4, 1, 0.6, none)).isTrue();
    }

    @Test
    void noConditionMakesAStrategyAcceptBelowItsReservation() {
        var talks = org.parley.core.TestScenarios.cardassianTalks();
        Strategy strategy = new BoaStrategy(new HardlinerBidding(), AcceptanceCondition.time(0), null);
        strategy.start(StrategyFixtures.setup(talks, "union"));
        var poor = org.parley.core.model.Outcome.of(0, 2, 2, 0); // 0.05 to the union, reservation 0.40
        assertThat(strategy.act(StrategyFixtures.respond("union", poor, "federation", 0.99)))
                .isInstanceOf(org.parley.core.negotiation.Action.Offer.class);
    }
}
