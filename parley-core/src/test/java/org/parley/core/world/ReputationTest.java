package org.parley.core.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReputationTest {

    static final List<String> POWERS = List.of("a", "b", "c");

    @Test
    void betaTrustIsTheExpectedValueOfTheEvidence() {
        Reputation r = new Reputation(new World.Trust(World.Trust.Model.BETA, 1, 0.5), POWERS);
        assertThat(r.trust("a", "b")).isEqualTo(0.5);
        r.observe("a", "b", true);
        r.observe("a", "b", true);
        r.observe("a", "b", false);
        assertThat(r.trust("a", "b")).isCloseTo(3.0 / 5, within(1e-12)); // (2 + 1) / (3 + 2)
        assertThat(r.trust("c", "b")).isEqualTo(0.5); // c saw nothing
        assertThat(r.trust("a", "a")).isEqualTo(1);
    }

    @Test
    void forgettingFadesOldDeeds() {
        Reputation r = new Reputation(new World.Trust(World.Trust.Model.BETA, 0.5, 0.5), POWERS);
        r.observe("a", "b", false); // s = 1
        r.observe("a", "b", true);  // r = 1, s = 0.5
        assertThat(r.trust("a", "b")).isCloseTo(2 / 3.5, within(1e-12));
    }

    @Test
    void witnessesShareWhatTheySawAtHalfWeight() {
        Reputation r = new Reputation(new World.Trust(World.Trust.Model.WITNESS, 1, 0.5), POWERS);
        r.observe("c", "b", false);
        assertThat(r.trust("a", "b")).isCloseTo(1 / 2.5, within(1e-12)); // s = 0.5 from witness c
        assertThat(r.trust("c", "b")).isCloseTo(1 / 3.0, within(1e-12));
    }

    @Test
    void withNoModelTrustIsWhole() {
        Reputation r = new Reputation(new World.Trust(World.Trust.Model.NONE, 1, 0.5), POWERS);
        r.observe("a", "b", false);
        assertThat(r.trust("a", "b")).isEqualTo(1);
    }

    @Test
    void theFallIfBreachedIsWhatSeeingABreachRatherThanAKeptWordWouldDo() {
        for (World.Trust.Model model : World.Trust.Model.values()) {
            Reputation r = new Reputation(new World.Trust(model, 0.8, 0.5), POWERS);
            r.observe("a", "c", true);
            r.observe("b", "c", false);
            r.observe("a", "b", true);
            double before = r.trust("b", "c");
            for (List<String> observers : List.of(POWERS, List.of("a", "c"))) {
                Reputation kept = r.copy();
                Reputation broke = r.copy();
                for (String o : observers) {
                    if (!o.equals("c")) {
                        kept.observe(o, "c", true);
                        broke.observe(o, "c", false);
                    }
                }
                var fall = r.fallIfBreached("c", observers);
                assertThat(fall).containsOnlyKeys("a", "b");
                for (String o : List.of("a", "b")) {
                    assertThat(fall.get(o)).as(model + " " + observers + " " + o)
                            .isCloseTo(kept.trust(o, "c") - broke.trust(o, "c"), within(1e-12));
                }
            }
            assertThat(r.trust("b", "c")).isEqualTo(before);
        }
    }

    @Test
    void aPowerKeepsNoRecordOfItself() {
        Reputation r = new Reputation(World.Trust.DEFAULT, POWERS);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.observe("a", "a", true))
                .hasMessageContaining("does not keep a record of itself");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.trust("a", "zed"))
                .hasMessageContaining("Unknown power (zed)");
    }

    @Test
    void standingIsTheOthersMeanTrust() {
        Reputation r = new Reputation(new World.Trust(World.Trust.Model.BETA, 1, 0.5), POWERS);
        r.observe("a", "c", false);
        assertThat(r.standing("c")).isCloseTo((1 / 3.0 + 0.5) / 2, within(1e-12));
    }
}
