package org.parley.core.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.Domain;
import org.parley.core.model.IntegerIssue;
import org.parley.core.model.Issue;
import org.parley.core.model.Party;
import org.parley.core.model.Scenario;
import org.parley.core.preference.Condition;
import org.parley.core.preference.Constraint;
import org.parley.core.preference.DiscreteValueFunction;
import org.parley.core.preference.Discount;
import org.parley.core.preference.LinearAdditiveUtility;
import org.parley.core.preference.PiecewiseLinearValueFunction;
import org.parley.core.preference.Preferences;
import org.parley.core.preference.ValueFunction;

/**
 * Small random scenarios for comparing the fast analysis with enumeration: small integer points,
 * so that equal utility vectors, ties and outcomes exactly at a reservation value really occur.
 */
public final class RandomScenarios {

    private RandomScenarios() {}

    public static Scenario scenario(Random random, int parties) {
        int issueCount = 1 + random.nextInt(4);
        List<Issue> issues = new ArrayList<>();
        for (int i = 0; i < issueCount; i++) {
            if (random.nextInt(6) == 0) {
                issues.add(new IntegerIssue("n" + i, 1, 1 + random.nextInt(3)));
            } else {
                int options = 1 + random.nextInt(4);
                List<String> names = new ArrayList<>();
                for (int o = 0; o < options; o++) {
                    names.add("o" + o);
                }
                issues.add(new DiscreteIssue("i" + i, names));
            }
        }
        Domain domain = new Domain(issues);
        int scale = 3 * issueCount;
        List<Party> list = new ArrayList<>();
        for (int p = 0; p < parties; p++) {
            double[] weights = new double[issueCount];
            List<ValueFunction> functions = new ArrayList<>();
            for (int i = 0; i < issueCount; i++) {
                int max = random.nextInt(4); // points 0..3 per issue, often equal
                weights[i] = (double) max / scale;
                Issue issue = domain.issue(i);
                if (issue instanceof DiscreteIssue d) {
                    double[] values = new double[d.options().size()];
                    for (int o = 0; o < values.length; o++) {
                        values[o] = max == 0 ? 0 : random.nextInt(max + 1) / (double) max;
                    }
                    functions.add(new DiscreteValueFunction(values));
                } else {
                    IntegerIssue n = (IntegerIssue) issue;
                    functions.add(random.nextBoolean()
                            ? PiecewiseLinearValueFunction.linear(n.min(), 0, n.max(), 1)
                            : PiecewiseLinearValueFunction.linear(n.min(), 1, n.max(), 0));
                }
            }
            List<Constraint> constraints = new ArrayList<>();
            int constraintCount = random.nextInt(3) == 0 ? random.nextInt(3) : 0;
            for (int c = 0; c < constraintCount; c++) {
                constraints.add(constraint(random, domain));
            }
            double reservation = random.nextInt(3) == 0 ? 0 : random.nextInt(scale / 2 + 1) / (double) scale;
            var utility = new LinearAdditiveUtility(domain, weights, functions);
            list.add(new Party("p" + p, new Preferences(utility, constraints, reservation, Discount.NONE)));
        }
        return new Scenario("random", domain, list);
    }

    private static Constraint constraint(Random random, Domain domain) {
        Condition first = condition(random, domain);
        return switch (random.nextInt(3)) {
            case 0 -> new Constraint.Require(first);
            case 1 -> new Constraint.Forbid(first);
            default -> new Constraint.Implication(first, condition(random, domain));
        };
    }

    private static Condition condition(Random random, Domain domain) {
        int i = random.nextInt(domain.size());
        Issue issue = domain.issue(i);
        if (issue instanceof DiscreteIssue d) {
            return new Condition.OneOf(i, Set.of(random.nextInt(d.options().size())));
        }
        IntegerIssue n = (IntegerIssue) issue;
        long x = n.min() + random.nextInt((int) n.size());
        return new Condition.InRange(i, n.min(), x);
    }
}
