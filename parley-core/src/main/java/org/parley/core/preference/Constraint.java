package org.parley.core.preference;

import java.util.List;
import org.parley.core.model.Domain;
import org.parley.core.model.Outcome;

/**
 * A party's hard constraint: an outcome that breaks it is unacceptable to that party whatever its
 * utility. The issues a constraint names are coupled: exact analysis treats them as one block.
 */
public sealed interface Constraint {

    boolean satisfiedBy(Outcome outcome);

    /** The indices of the issues the constraint reads. */
    List<Integer> issues();

    String describe(Domain domain);

    /** The condition must hold ("authority = federation"). */
    record Require(Condition condition) implements Constraint {
        @Override
        public boolean satisfiedBy(Outcome outcome) {
            return condition.test(outcome);
        }

        @Override
        public List<Integer> issues() {
            return List.of(condition.issue());
        }

        @Override
        public String describe(Domain domain) {
            return "require " + condition.describe(domain);
        }
    }

    /** The condition must not hold ("command ≠ committee"). */
    record Forbid(Condition condition) implements Constraint {
        @Override
        public boolean satisfiedBy(Outcome outcome) {
            return !condition.test(outcome);
        }

        @Override
        public List<Integer> issues() {
            return List.of(condition.issue());
        }

        @Override
        public String describe(Domain domain) {
            return "forbid " + condition.describe(domain);
        }
    }

    /** When the first condition holds, so must the second ("open market requires a guarantee"). */
    record Implication(Condition ifCondition, Condition thenCondition) implements Constraint {
        @Override
        public boolean satisfiedBy(Outcome outcome) {
            return !ifCondition.test(outcome) || thenCondition.test(outcome);
        }

        @Override
        public List<Integer> issues() {
            return ifCondition.issue() == thenCondition.issue()
                    ? List.of(ifCondition.issue())
                    : List.of(ifCondition.issue(), thenCondition.issue());
        }

        @Override
        public String describe(Domain domain) {
            return "if " + ifCondition.describe(domain) + " then " + thenCondition.describe(domain);
        }
    }
}
