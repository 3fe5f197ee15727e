package org.parley.core.preference;

import java.util.Set;
import org.parley.core.model.Domain;
import org.parley.core.model.Outcome;

/** A statement about one issue's value, the building block of {@link Constraint}s. */
public sealed interface Condition {

    int issue();

    boolean test(Outcome outcome);

    String describe(Domain domain);

    /** The discrete issue takes one of the given options (by index). */
    record OneOf(int issue, Set<Integer> options) implements Condition {
        public OneOf {
            options = Set.copyOf(options);
            if (options.isEmpty()) {
                throw new IllegalArgumentException("A condition must name at least one option.");
            }
        }

        @Override
        public boolean test(Outcome outcome) {
            return options.contains(outcome.index(issue));
        }

        @Override
        public String describe(Domain domain) {
            var issue = domain.issue(this.issue);
            var names = options.stream().sorted().map(o -> issue.format(o)).toList();
            return issue.name() + (names.size() == 1 ? " = " + names.get(0) : " in " + names);
        }
    }

    /** The numeric issue's value lies in [min, max]. */
    record InRange(int issue, double min, double max) implements Condition {
        public InRange {
            if (!(min <= max)) {
                throw new IllegalArgumentException("A range condition needs min (" + min + ") <= max (" + max + ").");
            }
        }

        @Override
        public boolean test(Outcome outcome) {
            double x = outcome.value(issue);
            return x >= min && x <= max;
        }

        @Override
        public String describe(Domain domain) {
            return domain.issue(issue).name() + " in [" + min + ", " + max + "]";
        }
    }
}
