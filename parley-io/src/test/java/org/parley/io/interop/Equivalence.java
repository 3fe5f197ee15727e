package org.parley.io.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import java.util.Random;
import org.parley.core.model.Outcome;
import org.parley.core.model.OutcomeSpace;
import org.parley.core.model.Party;
import org.parley.core.model.Scenario;

/**
 * "Equal in meaning" for scenarios that went through a foreign format: the same issues and
 * parties, and every party's utility, reservation value and discount the same on every outcome
 * (on a seeded sample of 20,000 when the space is larger), within a tolerance for the rounding of
 * numbers written as text.
 */
final class Equivalence {

    private Equivalence() {}

    static void assertSameMeaning(Scenario expected, Scenario actual, double tolerance) {
        assertThat(actual.domain()).isEqualTo(expected.domain());
        // Foreign formats have no party order: parties come in the order of their files' names.
        assertThat(actual.partyNames()).containsExactlyInAnyOrderElementsOf(expected.partyNames());
        OutcomeSpace space = new OutcomeSpace(expected.domain());
        BigInteger count = space.count();
        boolean all = count.compareTo(BigInteger.valueOf(20_000)) <= 0;
        Random random = new Random(7);
        long n = all ? count.longValueExact() : 20_000;
        for (int p = 0; p < expected.parties().size(); p++) {
            Party a = expected.parties().get(p);
            Party b = actual.party(a.name());
            assertThat(b.preferences().reservation()).as("reservation of %s", a.name())
                    .isCloseTo(a.preferences().reservation(), within(tolerance));
            assertThat(b.preferences().discount()).as("discount of %s", a.name()).isEqualTo(a.preferences().discount());
            assertThat(b.preferences().constraints()).isEqualTo(a.preferences().constraints());
            for (long k = 0; k < n; k++) {
                Outcome o = all ? space.outcome(k)
                        : space.outcome(Math.floorMod(random.nextLong(), count.min(BigInteger.valueOf(Long.MAX_VALUE)).longValue()));
                assertThat(b.preferences().utility(o)).as("utility of %s for %s", a.name(), o)
                        .isCloseTo(a.preferences().utility(o), within(tolerance));
            }
        }
    }

    /** The same negotiation: domain, parties and their preferences exactly (names, description and roles aside). */
    static void assertSameNegotiation(Scenario expected, Scenario actual) {
        assertThat(actual.domain()).isEqualTo(expected.domain());
        assertThat(actual.partyNames()).isEqualTo(expected.partyNames());
        for (int p = 0; p < expected.parties().size(); p++) {
            assertThat(actual.parties().get(p).preferences()).as("preferences of %s", expected.partyNames().get(p))
                    .isEqualTo(expected.parties().get(p).preferences());
        }
        assertThat(actual.agreement()).isEqualTo(expected.agreement());
    }
}
