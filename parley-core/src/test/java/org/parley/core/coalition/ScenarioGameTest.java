package org.parley.core.coalition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.core.model.AgreementRule;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.Domain;
import org.parley.core.model.OutcomeSpace;
import org.parley.core.model.Party;
import org.parley.core.model.Scenario;
import org.parley.core.model.WeightedVoting;
import org.parley.core.preference.Discount;
import org.parley.core.preference.LinearAdditiveUtility;
import org.parley.core.preference.Preferences;

/**
 * One issue x with options a, b, c, d and three parties:
 * <pre>
 *          a     b     c     d    reservation   accepts
 *   A     1.0   0.6   0.3   0.0   0.5           a, b
 *   B     0.0   0.5   1.0   0.4   0.45          b, c
 *   C     0.2   0.6   0.9   1.0   0.5           b, c, d
 * </pre>
 * A and B agree only on b (surpluses 0.1 + 0.05), A and C only on b (0.1 + 0.1), all three on b
 * (0.25); B and C best on c (0.55 + 0.4).
 */
class ScenarioGameTest {

    private static final Domain DOMAIN = new Domain(List.of(new DiscreteIssue("x", List.of("a", "b", "c", "d"))));
    private static final int STEPS = OutcomeSpace.DEFAULT_REAL_STEPS;
    private static final long A = 1;
    private static final long B = 2;
    private static final long C = 4;

    private static Scenario scenario(AgreementRule rule, WeightedVoting voting) {
        return new Scenario("three", "", DOMAIN, List.of(
                party("A", new double[] {10, 6, 3, 0}, 0.5),
                party("B", new double[] {0, 5, 10, 4}, 0.45),
                party("C", new double[] {2, 6, 9, 10}, 0.5)), rule, voting);
    }

    private static Party party(String name, double[] points, double reservation) {
        var utility = LinearAdditiveUtility.fromPoints(DOMAIN, new double[][] {points}, 10);
        return new Party(name, new Preferences(utility, List.of(), reservation, Discount.NONE));
    }

    private static double[] values(ScenarioGame derived) {
        double[] v = new double[8];
        for (int s = 1; s < 8; s++) {
            v[s] = derived.game().value(s);
        }
        return v;
    }

    /* Two of three with A required: B and C cannot pass anything without A; single parties are worth 0. */
    @Test
    void underTheAgreementRule() {
        ScenarioGame derived = ScenarioGame.of(scenario(new AgreementRule(2, Set.of("A")), null), STEPS);
        assertThat(derived.passBy()).isEqualTo(ScenarioGame.PassBy.RULE);
        assertThat(values(derived)).containsExactly(new double[] {0, 0, 0, 0.15, 0, 0.2, 0, 0.25}, within(1e-12));
        assertThat(derived.analysed().keySet()).containsExactly(A | B, A | C, A | B | C);
        assertThat(derived.signers(A | B | C)).containsExactly(A | B | C);
        assertThat(derived.signers(B | C)).isEmpty();
    }

    /* Unanimity: only the grand coalition passes a deal; the question is how to split its surplus. */
    @Test
    void underUnanimity() {
        ScenarioGame derived = ScenarioGame.of(scenario(null, null), STEPS);
        assertThat(values(derived)).containsExactly(new double[] {0, 0, 0, 0, 0, 0, 0, 0.25}, within(1e-12));
        assertThat(derived.analysed()).hasSize(1);
    }

    /*
     * Weights A 2, B 1, C 1, quota 2: A alone passes its favourite a (surplus 0.5), B and C together
     * their c (0.95); a coalition holding both is worth the better one, the others at reservation.
     */
    @Test
    void underWeightsAndQuota() {
        ScenarioGame derived = ScenarioGame.of(scenario(null, new WeightedVoting(2, Map.of("A", 2L, "B", 1L, "C", 1L))),
                STEPS);
        assertThat(derived.passBy()).isEqualTo(ScenarioGame.PassBy.WEIGHTS);
        assertThat(values(derived)).containsExactly(new double[] {0, 0.5, 0, 0.5, 0, 0.5, 0.95, 0.95}, within(1e-12));
        assertThat(derived.signers(A | B | C)).containsExactly(B | C);
        assertThat(derived.signers(A | B)).containsExactly(A);
        assertThat(derived.winning(B)).isFalse();
        assertThat(derived.describePassing()).isEqualTo("its coalition: weights reach the quota 2");
    }

    /* The older view: every coalition passes what all its members accept, single parties included. */
    @Test
    void everyoneSigningTheirOwnDeals() {
        ScenarioGame derived = ScenarioGame.of(scenario(new AgreementRule(2, Set.of("A")), null), STEPS,
                ScenarioGame.PassBy.EVERYONE);
        assertThat(values(derived)).containsExactly(new double[] {0, 0.5, 0.55, 0.15, 0.5, 0.2, 0.95, 0.25}, within(1e-12));
        assertThat(derived.canAgree(A | B)).isTrue();
        assertThat(derived.game()).isInstanceOf(TableGame.class);
    }

    @Test
    void mistakes() {
        assertThatThrownBy(() -> ScenarioGame.of(scenario(null, null), STEPS, ScenarioGame.PassBy.WEIGHTS))
                .hasMessageContaining("has no coalition: section");
        assertThatThrownBy(() -> ScenarioGame.PassBy.parse("all"))
                .hasMessage("Unknown passing rule (all); expected everyone, rule or weights.");
        assertThatThrownBy(() -> ScenarioGame.of(scenario(null, null), STEPS, ScenarioGame.PassBy.RULE)
                .canAgree(A)).hasMessageContaining("{A} cannot pass a deal alone");
    }

    /* 13 parties, any one may sign: 8191 winning sets, more than the analysis takes; 12 of 13: 14, fine. */
    @Test
    void tooManyWinningSets() {
        List<Party> parties = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            parties.add(party("p" + i, new double[] {10, 6, 3, 0}, 0.5));
        }
        Scenario loose = new Scenario("loose", "", DOMAIN, parties, new AgreementRule(1, Set.of()), null);
        assertThatThrownBy(() -> ScenarioGame.of(loose, STEPS)).hasMessageContaining("more than 4096 signer sets");
        Scenario strict = new Scenario("strict", "", DOMAIN, parties, new AgreementRule(12, Set.of()), null);
        ScenarioGame derived = ScenarioGame.of(strict, STEPS);
        assertThat(derived.analysed()).hasSize(14);
        assertThat(derived.game().value((1L << 13) - 1)).isCloseTo(13 * 0.5, within(1e-12));
        assertThat(derived.game().value((1L << 12) - 1)).isCloseTo(12 * 0.5, within(1e-12));
        assertThat(derived.game().value((1L << 11) - 1)).isZero();
    }
}
