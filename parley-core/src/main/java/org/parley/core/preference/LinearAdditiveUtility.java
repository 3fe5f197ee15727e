package org.parley.core.preference;

import java.util.Arrays;
import java.util.List;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.Domain;
import org.parley.core.model.Issue;
import org.parley.core.model.Outcome;
import org.parley.core.model.Tolerances;

/**
 * u(o) = Σ_i w_i · v_i(o_i): issue weights times value functions (Keeney and Raiffa's additive
 * model, the form of GENIUS and GeniusWeb's linear additive spaces). Weights are non-negative and sum
 * to at most 1, so utilities lie in [0, 1].
 */
public final class LinearAdditiveUtility implements UtilityFunction {

    private final Domain domain;
    private final double[] weights;
    private final List<ValueFunction> valueFunctions;

    public LinearAdditiveUtility(Domain domain, double[] weights, List<ValueFunction> valueFunctions) {
        this.domain = domain;
        this.weights = weights.clone();
        this.valueFunctions = List.copyOf(valueFunctions);
        if (weights.length != domain.size() || valueFunctions.size() != domain.size()) {
            throw new IllegalArgumentException("Expected one weight and one value function per issue (" + domain.size()
                    + "), got " + weights.length + " weights and " + valueFunctions.size() + " value functions.");
        }
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || !Double.isFinite(weights[i])) {
                throw new IllegalArgumentException("The weight (" + weights[i] + ") of issue ("
                        + domain.issue(i).name() + ") must be a non-negative number.");
            }
            sum += weights[i];
            Issue issue = domain.issue(i);
            ValueFunction f = valueFunctions.get(i);
            if (issue instanceof DiscreteIssue discrete
                    && !(f instanceof DiscreteValueFunction table && table.size() == discrete.options().size())) {
                throw new IllegalArgumentException("The discrete issue (" + issue.name()
                        + ") needs a table with one value per option (" + discrete.options().size() + ").");
            }
        }
        if (sum > 1 + Tolerances.ACCEPTANCE) {
            throw new IllegalArgumentException("The issue weights sum to " + sum + "; they must sum to at most 1.");
        }
    }

    /**
     * Builds the utility from points: u(o) = Σ_i points_i(o_i) / scale, the form of Parley's
     * built-in scenarios (points out of 100). Each issue's weight is its largest points / scale.
     */
    public static LinearAdditiveUtility fromPoints(Domain domain, double[][] points, double scale) {
        double[] weights = new double[domain.size()];
        ValueFunction[] functions = new ValueFunction[domain.size()];
        for (int i = 0; i < domain.size(); i++) {
            double max = 0;
            for (double p : points[i]) {
                if (!(p >= 0)) {
                    throw new IllegalArgumentException("Points must not be negative: issue (" + domain.issue(i).name()
                            + ") has (" + p + ").");
                }
                max = Math.max(max, p);
            }
            weights[i] = max / scale;
            double[] values = new double[points[i].length];
            for (int k = 0; k < values.length; k++) {
                values[k] = max == 0 ? 0 : points[i][k] / max;
            }
            functions[i] = new DiscreteValueFunction(values);
        }
        return new LinearAdditiveUtility(domain, weights, List.of(functions));
    }

    @Override
    public double utility(Outcome outcome) {
        double u = 0;
        for (int i = 0; i < weights.length; i++) {
            u += weights[i] * valueFunctions.get(i).value(outcome.value(i));
        }
        return u;
    }

    /** The contribution w_i · v_i(x) of issue {@code issue} taking value {@code x}. */
    public double term(int issue, double x) {
        return weights[issue] * valueFunctions.get(issue).value(x);
    }

    public Domain domain() {
        return domain;
    }

    public double weight(int issue) {
        return weights[issue];
    }

    public double[] weights() {
        return weights.clone();
    }

    public ValueFunction valueFunction(int issue) {
        return valueFunctions.get(issue);
    }

    public List<ValueFunction> valueFunctions() {
        return valueFunctions;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LinearAdditiveUtility that
                && domain.equals(that.domain)
                && Arrays.equals(weights, that.weights)
                && valueFunctions.equals(that.valueFunctions);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(weights) + valueFunctions.hashCode();
    }

    @Override
    public String toString() {
        return "LinearAdditiveUtility" + Arrays.toString(weights);
    }
}
