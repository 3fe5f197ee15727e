package org.parley.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DomainTest {

    private final Domain domain = new Domain(List.of(
            new DiscreteIssue("colour", List.of("red", "green", "blue")),
            new IntegerIssue("price", 10, 20),
            new RealIssue("share", 0, 1)));

    @Test
    void buildsOutcomesFromNamesAndFormatsThemBack() {
        Outcome outcome = domain.outcome(Map.of("colour", "blue", "price", 12, "share", "0.25"));
        assertThat(outcome).isEqualTo(new Outcome(2, 12, 0.25));
        assertThat(domain.format(outcome)).containsExactly(
                Map.entry("colour", "blue"), Map.entry("price", "12"), Map.entry("share", "0.25"));
    }

    @Test
    void rejectsUnknownIssuesMissingIssuesAndIllegalValues() {
        assertThatThrownBy(() -> domain.outcome(Map.of("colour", "red", "price", 12, "share", 0, "size", 1)))
                .hasMessageContaining("Unknown issue (size)");
        assertThatThrownBy(() -> domain.outcome(Map.of("colour", "red", "price", 12)))
                .hasMessageContaining("The issue (share) has no value");
        assertThatThrownBy(() -> domain.outcome(Map.of("colour", "purple", "price", 12, "share", 0)))
                .hasMessageContaining("no option (purple)").hasMessageContaining("[red, green, blue]");
        assertThatThrownBy(() -> domain.outcome(Map.of("colour", "red", "price", 12.5, "share", 0)))
                .hasMessageContaining("an integer from 10 to 20");
        assertThatThrownBy(() -> domain.outcome(Map.of("colour", "red", "price", 21, "share", 0)))
                .hasMessageContaining("out of range for issue (price)");
        assertThatThrownBy(() -> domain.outcome(Map.of("colour", "red", "price", 12, "share", "lots")))
                .hasMessageContaining("takes a number, not (lots)");
    }

    @Test
    void validatesOutcomesBuiltElsewhere() {
        domain.validate(new Outcome(0, 10, 1));
        assertThatThrownBy(() -> domain.validate(new Outcome(3, 10, 1))).hasMessageContaining("issue (colour)");
        assertThatThrownBy(() -> domain.validate(new Outcome(0, 10))).hasMessageContaining("2 values");
    }

    @Test
    void countsOutcomesAndRefusesToCountRealRanges() {
        assertThat(domain.outcomeCount()).isEqualTo(BigInteger.ONE.negate());
        Domain countable = new Domain(List.of(domain.issue(0), domain.issue(1)));
        assertThat(countable.outcomeCount()).isEqualTo(BigInteger.valueOf(33));
    }

    @Test
    void rejectsDuplicateIssuesAndOptions() {
        assertThatThrownBy(() -> new Domain(List.of(domain.issue(0), domain.issue(0))))
                .hasMessageContaining("(colour) is listed twice");
        assertThatThrownBy(() -> new DiscreteIssue("x", List.of("a", "b", "a")))
                .hasMessageContaining("option (a) is listed twice");
        assertThatThrownBy(() -> new IntegerIssue("x", 5, 4)).hasMessageContaining("empty");
    }

    @Test
    void outcomesTreatNegativeZeroAsZero() {
        assertThat(new Outcome(-0.0, 1)).isEqualTo(new Outcome(0.0, 1)).hasSameHashCodeAs(new Outcome(0.0, 1));
    }
}
