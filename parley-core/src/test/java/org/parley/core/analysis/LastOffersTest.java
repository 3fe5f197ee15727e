package org.parley.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.core.model.Outcome;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Event;

class LastOffersTest {

    private final Scenario scenario = ThreeParties.scenario(0.65, false, ThreeParties.twoOfThreeWithA());

    @Test
    void howFarApartTheLastOffersWere() {
        // A offered a, B c, C d. A accepts a, b; B b, c; C c, d.
        LastOffers gaps = LastOffers.of(scenario, Map.of("A", Outcome.of(0), "B", Outcome.of(2), "C", Outcome.of(3)));
        LastOffers.PartyGap a = gaps.parties().get(0);
        assertThat(a.party()).isEqualTo("A");
        assertThat(a.own()).isCloseTo(1.0, within(1e-12));
        assertThat(a.others()).containsOnlyKeys("B", "C");
        assertThat(a.closest()).isEqualTo("B");
        assertThat(a.best()).isCloseTo(0.3, within(1e-12));
        assertThat(a.acceptsBest()).isFalse();
        assertThat(a.concession()).isCloseTo(0.7, within(1e-12));
        assertThat(a.shortfall()).isCloseTo(0.2, within(1e-12));
        LastOffers.PartyGap b = gaps.parties().get(1);
        assertThat(b.closest()).isEqualTo("C");
        assertThat(b.best()).isCloseTo(0.4, within(1e-12));
        assertThat(b.shortfall()).isCloseTo(0.05, within(1e-12));
        LastOffers.PartyGap c = gaps.parties().get(2);
        assertThat(c.closest()).isEqualTo("B");
        assertThat(c.acceptsBest()).isTrue();
        assertThat(c.shortfall()).isCloseTo(-0.25, within(1e-12));
        // B's c has B and C behind it, but A must sign: it would not have passed.
        assertThat(gaps.offers()).extracting(LastOffers.OfferSupport::acceptedBy)
                .containsExactly(List.of("A"), List.of("B", "C"), List.of("C"));
        assertThat(gaps.offers()).extracting(LastOffers.OfferSupport::passes).containsOnly(false);
    }

    @Test
    void anOfferTheRuleWouldHavePassed() {
        LastOffers gaps = LastOffers.of(scenario, Map.of("A", Outcome.of(1)));
        assertThat(gaps.offers()).singleElement().satisfies(o -> {
            assertThat(o.acceptedBy()).containsExactly("A", "B");
            assertThat(o.passes()).isTrue();
        });
        assertThat(gaps.parties().get(0).own()).isCloseTo(0.6, within(1e-12));
        assertThat(gaps.parties().get(0).closest()).isNull();
        assertThat(gaps.parties().get(0).best()).isNaN();
        assertThat(gaps.parties().get(1).own()).isNaN();
        assertThatThrownBy(() -> LastOffers.of(scenario, Map.of("Z", Outcome.of(1))))
                .hasMessageContaining("Unknown offerer (Z)");
    }

    @Test
    void lastOffersFromTheLog() {
        List<Event> events = List.of(
                new Event(0, 0, "A", new Action.Offer(Outcome.of(0)), 1),
                new Event(0, 0.1, "B", new Action.Offer(Outcome.of(2)), 1),
                new Event(1, 0.2, "A", new Action.Offer(Outcome.of(1)), 0.6),
                new Event(1, 0.3, "B", new Action.Accept(Outcome.of(1)), 0.5),
                new Event(1, 0.4, Event.MEDIATOR, new Action.Offer(Outcome.of(3)), Double.NaN));
        assertThat(LastOffers.lastOffers(events)).containsExactly(
                Map.entry("A", Outcome.of(1)), Map.entry("B", Outcome.of(2)));
    }
}
