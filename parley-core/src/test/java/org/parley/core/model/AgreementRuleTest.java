package org.parley.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgreementRuleTest {

    @Test
    void unanimityNeedsEverySigner() {
        AgreementRule rule = AgreementRule.unanimity(List.of("a", "b", "c"));
        assertThat(rule.stands(List.of("a", "b", "c"))).isTrue();
        assertThat(rule.stands(List.of("a", "b"))).isFalse();
        assertThat(rule.isUnanimity(3)).isTrue();
    }

    @Test
    void quorumWithRequiredSignatories() {
        // "A and B must sign, C may"
        AgreementRule rule = new AgreementRule(2, Set.of("a", "b"));
        assertThat(rule.stands(List.of("a", "b"))).isTrue();
        assertThat(rule.stands(List.of("a", "b", "c"))).isTrue();
        assertThat(rule.stands(List.of("a", "c"))).isFalse();
        // "5 of 6, including A and B"
        AgreementRule five = new AgreementRule(5, Set.of("a", "b"));
        assertThat(five.stands(List.of("a", "b", "c", "d", "e"))).isTrue();
        assertThat(five.stands(List.of("c", "d", "e", "f", "a"))).isFalse();
        assertThat(five.stands(List.of("a", "b", "c", "d"))).isFalse();
        assertThat(five.isUnanimity(6)).isFalse();
    }

    @Test
    void describesItselfNamingTheRequiredPartiesInTheirOrder() {
        List<String> parties = List.of("a", "b", "c", "d", "e", "f");
        assertThat(AgreementRule.unanimity(parties).describe(parties)).isEqualTo("unanimity: all 6 parties must sign");
        assertThat(new AgreementRule(6, Set.of()).describe(parties)).isEqualTo("unanimity: all 6 parties must sign");
        assertThat(new AgreementRule(5, Set.of("b", "a")).describe(parties)).isEqualTo("5 of 6 must sign, including a and b");
        assertThat(new AgreementRule(4, Set.of()).describe(parties)).isEqualTo("4 of 6 must sign");
        assertThat(AgreementRule.unanimity(List.of("a", "b")).describe(List.of("a", "b"))).isEqualTo("unanimity: both parties must sign");
        assertThat(AgreementRule.unanimity(List.of("a")).describe(List.of("a"))).isEqualTo("unanimity: the one party must sign");
    }

    @Test
    void rejectsImpossibleRules() {
        assertThatThrownBy(() -> new AgreementRule(0, Set.of())).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new AgreementRule(1, Set.of("a", "b"))).hasMessageContaining("smaller than");
    }
}
