package org.parley.core.preference;

import java.util.List;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.Domain;
import org.parley.core.model.Outcome;

/**
 * A non-linear utility made of hyper-rectangles, the form of GENIUS's non-linear spaces (ANAC 2014;
 * Ito, Hattori and Klein 2007): a tree of terms whose leaves are rectangles over numeric issues. An
 * inclusive rectangle is worth utility · weight when the outcome lies within all its bounds (always,
 * when it has none), an exclusive one when it lies outside at least one; a group sums, or takes the
 * minimum or maximum of, its terms, each inner group counting with its weight. The root group's
 * weight is not applied, as in GENIUS, and u(o) = min(1, root(o) / normaliser). Evaluation is
 * O(number of bounds). Issues couple arbitrarily, so exact analysis has to enumerate outcomes.
 */
public final class HyperRectangleUtility implements UtilityFunction {

    public enum Aggregation {
        SUM,
        MIN,
        MAX
    }

    /** One issue's closed interval [min, max] of coordinates. */
    public record Bound(int issue, double min, double max) {
        public Bound {
            if (!(min <= max)) {
                throw new IllegalArgumentException("The bound on issue #" + (issue + 1) + " is empty: min (" + min
                        + ") > max (" + max + ").");
            }
        }

        boolean contains(Outcome outcome) {
            double x = outcome.value(issue);
            return x >= min && x <= max;
        }
    }

    /** A term of a group: a rectangle or a nested group. */
    public sealed interface Term permits Rectangle, Group {

        double weight();

        /** The term's value before its weight is applied by the parent. */
        double value(Outcome outcome);
    }

    /**
     * A rectangle worth {@code utility} (times {@code weight}) when the outcome is inside all its
     * bounds, or, if {@code exclusive}, when it is outside at least one.
     */
    public record Rectangle(List<Bound> bounds, boolean exclusive, double utility, double weight) implements Term {
        public Rectangle {
            bounds = List.copyOf(bounds);
            if (!(utility >= 0) || !Double.isFinite(utility)) {
                throw new IllegalArgumentException("A rectangle's utility (" + utility + ") must be a non-negative number.");
            }
            if (!(weight >= 0) || !Double.isFinite(weight)) {
                throw new IllegalArgumentException("A rectangle's weight (" + weight + ") must be a non-negative number.");
            }
            if (exclusive && bounds.isEmpty()) {
                throw new IllegalArgumentException("An exclusive rectangle needs at least one bound.");
            }
        }

        @Override
        public double value(Outcome outcome) {
            boolean inside = true;
            for (Bound bound : bounds) {
                if (!bound.contains(outcome)) {
                    inside = false;
                    break;
                }
            }
            return inside != exclusive ? utility * weight : 0;
        }
    }

    /** Terms combined by {@code aggregation}; an inner group counts {@code weight} times its value. */
    public record Group(Aggregation aggregation, double weight, List<Term> terms) implements Term {
        public Group {
            terms = List.copyOf(terms);
            if (aggregation == null) {
                throw new IllegalArgumentException("A group needs an aggregation (sum, min or max).");
            }
            if (!(weight >= 0) || !Double.isFinite(weight)) {
                throw new IllegalArgumentException("A group's weight (" + weight + ") must be a non-negative number.");
            }
            if (terms.isEmpty() && aggregation != Aggregation.SUM) {
                throw new IllegalArgumentException("A " + aggregation.name().toLowerCase(java.util.Locale.ROOT)
                        + " group needs at least one term.");
            }
        }

        @Override
        public double value(Outcome outcome) {
            double result = aggregation == Aggregation.MIN ? Double.POSITIVE_INFINITY
                    : aggregation == Aggregation.MAX ? Double.NEGATIVE_INFINITY : 0;
            for (Term term : terms) {
                // A rectangle applies its own weight; an inner group's weight is applied here.
                double v = term instanceof Group group ? group.value(outcome) * group.weight() : term.value(outcome);
                result = switch (aggregation) {
                    case SUM -> result + v;
                    case MIN -> Math.min(result, v);
                    case MAX -> Math.max(result, v);
                };
            }
            return result;
        }
    }

    private final Domain domain;
    private final Group root;
    private final double normaliser;

    public HyperRectangleUtility(Domain domain, Group root, double normaliser) {
        if (!(normaliser > 0) || !Double.isFinite(normaliser)) {
            throw new IllegalArgumentException("The normaliser (the utility counted as 1, " + normaliser
                    + ") must be a positive number.");
        }
        this.domain = domain;
        this.root = root;
        this.normaliser = normaliser;
        check(root);
    }

    private void check(Group group) {
        for (Term term : group.terms()) {
            if (term instanceof Group inner) {
                check(inner);
            } else {
                for (Bound bound : ((Rectangle) term).bounds()) {
                    if (bound.issue() < 0 || bound.issue() >= domain.size()) {
                        throw new IllegalArgumentException("A rectangle bounds issue #" + (bound.issue() + 1)
                                + "; the domain has " + domain.size() + " issues.");
                    }
                    if (domain.issue(bound.issue()) instanceof DiscreteIssue) {
                        throw new IllegalArgumentException("A rectangle bounds the discrete issue ("
                                + domain.issue(bound.issue()).name() + "); rectangles bound numeric issues.");
                    }
                }
            }
        }
    }

    @Override
    public double utility(Outcome outcome) {
        return Math.min(1, root.value(outcome) / normaliser);
    }

    public Domain domain() {
        return domain;
    }

    public Group root() {
        return root;
    }

    public double normaliser() {
        return normaliser;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HyperRectangleUtility that && domain.equals(that.domain) && root.equals(that.root)
                && Double.compare(normaliser, that.normaliser) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * root.hashCode() + Double.hashCode(normaliser);
    }

    @Override
    public String toString() {
        return "HyperRectangleUtility[" + root.aggregation() + " of " + root.terms().size() + " terms / " + normaliser + "]";
    }
}
