package org.parley.io.genius;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.IntegerIssue;
import org.parley.core.model.RealIssue;
import org.parley.core.model.Tolerances;
import org.parley.core.preference.PiecewiseLinearValueFunction;
import org.parley.core.preference.ValueFunction;
import org.parley.io.genius.GeniusReader.GeniusIssue;

/**
 * Turns one issue of a GENIUS utility space into a Parley value function, exactly: GENIUS's numeric
 * evaluators are lines clamped to [0, 1] and triangles, which are piecewise linear with a few kinks;
 * the function is held as the points at the issue's bounds and at every kink between them.
 */
final class GeniusEvaluators {

    private GeniusEvaluators() {}

    /** Reads the issue's evaluation; {@code warned} holds the element names already warned about in this file. */
    static ValueFunction read(XmlElement element, GeniusIssue issue, List<String> warnings, Set<String> warned) {
        for (XmlElement child : element.children()) {
            if (child.is("item") || child.is("evaluator") || child.is("range") || !warned.add(child.lowerName())) {
                continue;
            }
            if (child.is("similarity_function")) {
                warnings.add(child.where() + ": ignored <similarity_function> (here in issue (" + issue.issue().name()
                        + ") and in any further issue of this file): it serves one GENIUS agent's opponent model,"
                        + " not the utility");
            } else {
                warnings.add(child.where() + ": ignored the element <" + child.name() + "> (here in issue ("
                        + issue.issue().name() + ") and in any further issue of this file)");
            }
        }
        String type = GeniusReader.issueType(element);
        String expected = issue.issue() instanceof DiscreteIssue ? "discrete"
                : issue.issue() instanceof IntegerIssue ? "integer" : "real";
        if (!type.equals(expected)) {
            throw element.error("type", "the profile says the issue (" + issue.issue().name() + ") is " + type
                    + " but the domain says " + expected);
        }
        try {
            if (issue.issue() instanceof DiscreteIssue discrete) {
                return discrete(element, discrete, warnings);
            } else if (issue.issue() instanceof IntegerIssue integer) {
                return integer(element, integer, warnings);
            }
            return real(element, (RealIssue) issue.issue(), warnings);
        } catch (IllegalArgumentException e) {
            throw element.error(e.getMessage());
        }
    }

    private static ValueFunction discrete(XmlElement element, DiscreteIssue issue, List<String> warnings) {
        Map<String, XmlElement> items = new HashMap<>();
        for (XmlElement item : element.children("item")) {
            String value = item.requireAttribute("value");
            XmlElement before = items.put(value, item);
            if (before != null) {
                throw item.error("value", "the value (" + value + ") is evaluated twice (first on line " + before.line() + ")");
            }
            if (issue.indexOf(value) < 0) {
                throw item.error("value", "the issue (" + issue.name() + ") has no value (" + value + ") in the domain;"
                        + " its values are " + issue.options());
            }
        }
        double[] evaluations = new double[issue.options().size()];
        for (int k = 0; k < evaluations.length; k++) {
            XmlElement item = items.get(issue.option(k));
            if (item == null) {
                throw element.error("the value (" + issue.option(k) + ") of issue (" + issue.name()
                        + ") has no <item evaluation=..>; GENIUS needs one for every value");
            }
            evaluations[k] = item.doubleAttribute("evaluation");
            if (evaluations[k] < 0) {
                throw item.error("evaluation", "the evaluation (" + item.attribute("evaluation") + ") must not be negative");
            }
        }
        return GeniusReader.table(evaluations, element, warnings);
    }

    private static ValueFunction integer(XmlElement element, IntegerIssue issue, List<String> warnings) {
        XmlElement evaluator = element.child("evaluator");
        double lo = issue.min();
        double hi = issue.max();
        if (evaluator == null) {
            warnings.add(element.where() + ": the integer issue (" + issue.name() + ") has no <evaluator>; GENIUS scores"
                    + " all its values 0");
            return PiecewiseLinearValueFunction.linear(lo, 0, hi, 0);
        }
        if (evaluator.attribute("slope") != null || evaluator.attribute("offset") != null) {
            // GENIUS 6+: v(x) = offset + slope · (x − lowerbound), the profile's lowerbound if it gives one.
            double slope = evaluator.doubleAttribute("slope", 0);
            double offset = evaluator.doubleAttribute("offset", 0);
            double base = element.attribute("lowerbound") != null ? element.longAttribute("lowerbound") : lo;
            DoubleUnaryOperator g = x -> clamp(offset + slope * (x - base));
            return fromKinks(g, lo, hi, slope == 0 ? new double[0]
                    : new double[] {base + (0 - offset) / slope, base + (1 - offset) / slope});
        }
        return functional(evaluator, issue.name(), lo, hi, warnings);
    }

    private static ValueFunction real(XmlElement element, RealIssue issue, List<String> warnings) {
        XmlElement evaluator = element.child("evaluator");
        if (evaluator == null) {
            throw element.error("the real issue (" + issue.name() + ") needs an <evaluator ftype=..> (linear, constant,"
                    + " triangular or triangular_variable_top)");
        }
        return functional(evaluator, issue.name(), issue.min(), issue.max(), warnings);
    }

    /** The {@code ftype} evaluators of GENIUS's EvaluatorReal (and old EvaluatorInteger), in parameter0.. form. */
    private static ValueFunction functional(XmlElement evaluator, String issueName, double lo, double hi,
            List<String> warnings) {
        String ftype = evaluator.attribute("ftype");
        String kind = ftype == null ? "linear" : ftype.trim().toLowerCase(Locale.ROOT);
        switch (kind) {
            case "linear" -> {
                if (evaluator.attribute("parameter0") == null) {
                    warnings.add(evaluator.where() + ": the linear evaluator of (" + issueName + ") has no parameter0"
                            + " (its constant); taken as 0");
                }
                double p0 = evaluator.doubleAttribute("parameter0", 0);
                double p1 = evaluator.doubleAttribute("parameter1");
                return fromKinks(x -> clamp(p1 * x + p0), lo, hi, p1 == 0 ? new double[0]
                        : new double[] {(0 - p0) / p1, (1 - p0) / p1});
            }
            case "constant" -> {
                double p0 = evaluator.doubleAttribute("parameter0");
                if (p0 < 0 || p0 > 1) {
                    throw evaluator.error("parameter0", "the constant value (" + p0 + ") must lie in [0, 1]");
                }
                return fromKinks(x -> p0, lo, hi);
            }
            case "triangular", "triangular_variable_top" -> {
                double low = evaluator.doubleAttribute("parameter0");
                double high = evaluator.doubleAttribute("parameter1");
                double top = evaluator.doubleAttribute("parameter2");
                double topValue = kind.equals("triangular") ? 1 : evaluator.doubleAttribute("parameter3");
                if (!(low < top && top < high)) {
                    throw evaluator.error("the triangle of (" + issueName + ") needs parameter0 < parameter2 < parameter1"
                            + " (low end, top, high end); found " + low + ", " + top + ", " + high);
                }
                if (topValue < 0 || topValue > 1) {
                    throw evaluator.error("parameter3", "the top value (" + topValue + ") must lie in [0, 1]");
                }
                DoubleUnaryOperator g = x -> x < low ? 0
                        : x < top ? topValue * (x - low) / (top - low)
                        : x < high ? topValue * (1 - (x - top) / (high - top))
                        : 0;
                return fromKinks(g, lo, hi, low, top, high);
            }
            default -> throw evaluator.error("ftype", "the evaluator type (" + ftype + ") is not supported; GENIUS defines"
                    + " linear, constant, triangular and triangular_variable_top for numeric issues");
        }
    }

    /**
     * The piecewise-linear function through g at lo, hi and each kink strictly between them, which is
     * g itself on [lo, hi] when g is linear between its kinks.
     */
    static ValueFunction fromKinks(DoubleUnaryOperator g, double lo, double hi, double... kinks) {
        TreeSet<Double> xs = new TreeSet<>();
        xs.add(lo);
        xs.add(hi);
        // Kinks closer to an end than the acceptance slack, relative to the range, are that end.
        double margin = (hi - lo) * Tolerances.ACCEPTANCE;
        for (double k : kinks) {
            if (Double.isFinite(k) && k > lo + margin && k < hi - margin) {
                xs.add(k);
            }
        }
        double[] x = new double[xs.size()];
        double[] y = new double[xs.size()];
        int i = 0;
        for (double value : xs) {
            x[i] = value;
            y[i] = g.applyAsDouble(value);
            i++;
        }
        return new PiecewiseLinearValueFunction(x, y);
    }

    static double clamp(double u) {
        return u < 0 ? 0 : u > 1 ? 1 : u;
    }
}
