package org.parley.core.analysis;

import java.util.List;
import java.util.Set;
import org.parley.core.model.AgreementRule;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.Domain;
import org.parley.core.model.Party;
import org.parley.core.model.Scenario;
import org.parley.core.preference.Condition;
import org.parley.core.preference.Constraint;
import org.parley.core.preference.Discount;
import org.parley.core.preference.LinearAdditiveUtility;
import org.parley.core.preference.Preferences;

/**
 * A hand-checkable scenario: one issue x with options a, b, c, d and three parties.
 * <pre>
 *          a     b     c     d    reservation
 *   A     1.0   0.6   0.3   0.0   0.5          accepts a, b
 *   B     0.0   0.5   1.0   0.4   0.45         accepts b, c  (b only when it forbids c)
 *   C     0.2   0.6   0.9   1.0   given        0.5: accepts b, c, d; 0.65: c, d
 * </pre>
 */
final class ThreeParties {

    static final Domain DOMAIN = new Domain(List.of(new DiscreteIssue("x", List.of("a", "b", "c", "d"))));

    private ThreeParties() {}

    static Scenario scenario(double reservationC, boolean bForbidsC, AgreementRule rule) {
        List<Constraint> forbid = bForbidsC
                ? List.of(new Constraint.Forbid(new Condition.OneOf(0, Set.of(2)))) : List.of();
        return new Scenario("three", "", DOMAIN, List.of(
                party("A", new double[] {10, 6, 3, 0}, 0.5, List.of()),
                party("B", new double[] {0, 5, 10, 4}, 0.45, forbid),
                party("C", new double[] {2, 6, 9, 10}, reservationC, List.of())), rule, null);
    }

    /** Two of three, A required. */
    static AgreementRule twoOfThreeWithA() {
        return new AgreementRule(2, Set.of("A"));
    }

    private static Party party(String name, double[] points, double reservation, List<Constraint> constraints) {
        var utility = LinearAdditiveUtility.fromPoints(DOMAIN, new double[][] {points}, 10);
        return new Party(name, new Preferences(utility, constraints, reservation, Discount.NONE));
    }
}
