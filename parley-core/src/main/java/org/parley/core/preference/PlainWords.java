package org.parley.core.preference;

import java.util.List;
import org.parley.core.model.Domain;
import org.parley.core.model.Issue;

/**
 * Hard constraints in words a newcomer reads without the scenario syntax: "the deal must set
 * authority to federation" rather than "require authority = federation". Used on role sheets and
 * at the table; {@link Constraint#describe} stays the compact form of files and errors.
 */
public final class PlainWords {

    private PlainWords() {}

    public static String constraint(Constraint constraint, Domain domain) {
        if (constraint instanceof Constraint.Require r) {
            return "the deal must " + condition(r.condition(), domain, "set ", "put ");
        }
        if (constraint instanceof Constraint.Forbid f) {
            return "the deal must not " + condition(f.condition(), domain, "set ", "put ");
        }
        Constraint.Implication i = (Constraint.Implication) constraint;
        return "if the deal " + condition(i.ifCondition(), domain, "sets ", "puts ")
                + ", it must also " + condition(i.thenCondition(), domain, "set ", "put ");
    }

    /** "set authority to federation", "set pricing to single-price or market-price", "put x between 1 and 2". */
    private static String condition(Condition condition, Domain domain, String set, String put) {
        Issue issue = domain.issue(condition.issue());
        if (condition instanceof Condition.OneOf o) {
            return set + issue.name() + " to " + options(issue, o);
        }
        Condition.InRange r = (Condition.InRange) condition;
        return put + issue.name() + " between " + issue.format(r.min()) + " and " + issue.format(r.max());
    }

    private static String options(Issue issue, Condition.OneOf condition) {
        List<String> names = condition.options().stream().sorted().map(issue::format).toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
