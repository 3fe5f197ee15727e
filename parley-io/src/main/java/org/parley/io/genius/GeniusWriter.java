package org.parley.io.genius;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.Domain;
import org.parley.core.model.IntegerIssue;
import org.parley.core.model.Issue;
import org.parley.core.model.Party;
import org.parley.core.model.RealIssue;
import org.parley.core.model.Scenario;
import org.parley.core.model.Tolerances;
import org.parley.core.preference.Discount;
import org.parley.core.preference.HyperRectangleUtility;
import org.parley.core.preference.LinearAdditiveUtility;
import org.parley.core.preference.Preferences;
import org.parley.core.preference.ValueFunction;
import org.parley.io.TextFiles;
import org.parley.io.interop.ExportChecks;
import org.parley.io.interop.Exported;
import org.parley.io.interop.NumericShapes;
import org.parley.io.interop.PartyNames;

/**
 * Writes a scenario as GENIUS files: {@code NAME_domain.xml} and {@code NAME_PARTY.xml} per party,
 * in the form GENIUS 6+ writes (integer evaluators with slope and offset, real evaluators with
 * parameters). Discrete values are written as evaluations equal to the values, so a value function
 * whose best value is 1 reads back exactly; GENIUS normalises evaluations and weights, so a party
 * whose best outcome is worth less than 1 is rescaled (and told). An integer issue some party values
 * non-linearly becomes a discrete issue of its numbers; a real issue needs linear, constant or
 * triangular value functions. Whatever GENIUS has no place for is listed in the result's warnings.
 */
public final class GeniusWriter {

    /** An integer issue listed as discrete values may have at most this many. */
    private static final long MAX_LISTED = 10_000;

    private GeniusWriter() {}

    public static Exported write(Scenario scenario, Path folder) {
        List<String> warnings = new ArrayList<>();
        ExportChecks.reportLosses(scenario, new GeniusFormat().title(), true, warnings);
        Domain domain = scenario.domain();
        boolean[] listed = listedIntegers(scenario, warnings);
        String stem = PartyNames.fileSafe(scenario.name());
        if (!stem.equals(scenario.name())) {
            warnings.add("the scenario name (" + scenario.name() + ") is written as (" + stem + ") in file names");
        }
        List<Path> files = new ArrayList<>();
        Path domainFile = folder.resolve(stem + "_domain.xml");
        String domainXml = domainXml(scenario, listed);
        List<String> profiles = new ArrayList<>();
        List<String> profileNames = new ArrayList<>();
        for (Party party : scenario.parties()) {
            profiles.add(profileXml(scenario.name(), domain, party, listed, warnings));
            profileNames.add(stem + "_" + PartyNames.fileSafe(party.name()) + ".xml");
        }
        if (profileNames.stream().distinct().count() != profileNames.size()) {
            throw new IllegalArgumentException("Two parties' names give the same file name (" + profileNames
                    + "); rename them.");
        }
        List<String> recovered = PartyNames.derive(domainFile.getFileName().toString(), profileNames);
        if (!recovered.equals(scenario.partyNames())) {
            warnings.add("GENIUS files carry no party names; importing these files names the parties " + recovered
                    + " (from the file names), not " + scenario.partyNames());
        }
        TextFiles.write(domainFile, domainXml);
        files.add(domainFile);
        for (int p = 0; p < profiles.size(); p++) {
            Path file = folder.resolve(profileNames.get(p));
            TextFiles.write(file, profiles.get(p));
            files.add(file);
        }
        return new Exported(new GeniusFormat(), files, warnings);
    }

    /** Which integer issues must be listed as discrete values: those some party values non-linearly. */
    private static boolean[] listedIntegers(Scenario scenario, List<String> warnings) {
        Domain domain = scenario.domain();
        boolean[] listed = new boolean[domain.size()];
        for (int i = 0; i < domain.size(); i++) {
            if (!(domain.issue(i) instanceof IntegerIssue integer)) {
                continue;
            }
            for (Party party : scenario.parties()) {
                if (party.preferences().utility() instanceof LinearAdditiveUtility utility
                        && NumericShapes.line(utility.valueFunction(i), integer) == null) {
                    listed[i] = true;
                    break;
                }
            }
            if (listed[i]) {
                if (integer.size() > MAX_LISTED) {
                    throw new IllegalArgumentException("The integer issue (" + integer.name() + ") has a non-linear value"
                            + " function and " + integer.size() + " values; GENIUS integer evaluators are linear and"
                            + " listing more than " + MAX_LISTED + " values as a discrete issue is not sensible.");
                }
                warnings.add("the integer issue (" + integer.name() + ") is written as a discrete issue of its "
                        + integer.size() + " numbers: GENIUS integer evaluators are linear and a party values it otherwise");
            }
        }
        return listed;
    }

    static String domainXml(Scenario scenario, boolean[] listed) {
        Xml xml = new Xml();
        xml.open("negotiation_template");
        xml.open("utility_space", "number_of_issues", scenario.domain().size());
        openObjective(xml, scenario.name());
        Domain domain = scenario.domain();
        for (int i = 0; i < domain.size(); i++) {
            Issue issue = domain.issue(i);
            if (issue instanceof DiscreteIssue discrete) {
                openIssue(xml, i, issue.name(), "discrete");
                for (int k = 0; k < discrete.options().size(); k++) {
                    xml.empty("item", "index", k + 1, "value", discrete.option(k));
                }
                xml.close();
            } else if (issue instanceof IntegerIssue integer && listed[i]) {
                openIssue(xml, i, issue.name(), "discrete");
                for (long x = integer.min(); x <= integer.max(); x++) {
                    xml.empty("item", "index", x - integer.min() + 1, "value", x);
                }
                xml.close();
            } else if (issue instanceof IntegerIssue integer) {
                xml.empty("issue", "index", i + 1, "name", issue.name(), "type", "integer", "etype", "integer",
                        "vtype", "integer", "lowerbound", integer.min(), "upperbound", integer.max());
            } else {
                RealIssue real = (RealIssue) issue;
                openIssue(xml, i, issue.name(), "real");
                xml.empty("range", "lowerbound", real.min(), "upperbound", real.max());
                xml.close();
            }
        }
        xml.close();
        xml.close();
        xml.close();
        return xml.toString();
    }

    static String profileXml(String scenarioName, Domain domain, Party party, boolean[] listed, List<String> warnings) {
        Preferences preferences = party.preferences();
        Xml xml = new Xml();
        if (preferences.utility() instanceof HyperRectangleUtility rectangles) {
            HyperRectangles.write(xml, scenarioName, domain, party.name(), rectangles, listed);
            writeReservationAndDiscount(xml, preferences.reservation(), preferences.discount());
            xml.close();
            return xml.toString();
        }
        if (!(preferences.utility() instanceof LinearAdditiveUtility utility)) {
            throw new IllegalArgumentException("The utility of party (" + party.name() + ") is neither linear additive"
                    + " nor made of hyper-rectangles (" + preferences.utility().getClass().getSimpleName()
                    + "); GENIUS cannot hold it.");
        }
        // GENIUS divides discrete evaluations by the issue's best and weights by their sum: fold each
        // discrete issue's best value into its weight, and rescale the whole when the best outcome is
        // worth less than 1.
        double[] weights = utility.weights();
        double[] best = new double[domain.size()];
        double sum = 0;
        for (int i = 0; i < domain.size(); i++) {
            best[i] = discreteLike(domain.issue(i), listed[i]) ? bestValue(utility.valueFunction(i), domain.issue(i)) : 1;
            if (best[i] > 0 && best[i] < 1) {
                weights[i] *= best[i];
            }
            sum += weights[i];
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("Party (" + party.name() + ") values every outcome 0; GENIUS cannot"
                    + " normalise weights that sum to 0.");
        }
        double reservation = preferences.reservation();
        if (Math.abs(sum - 1) > Tolerances.ROUNDING) {
            warnings.add("party (" + party.name() + "): its best outcome is worth " + shortly(sum) + "; GENIUS scales"
                    + " every utility to a best of 1, so utilities and the reservation value (now "
                    + shortly(reservation / sum) + ") are divided by " + shortly(sum));
            reservation /= sum;
        }
        xml.open("utility_space", "number_of_issues", domain.size());
        openObjective(xml, scenarioName);
        for (int i = 0; i < domain.size(); i++) {
            writeEvaluation(xml, i, domain.issue(i), utility.valueFunction(i), best[i], listed[i], party.name());
        }
        for (int i = 0; i < domain.size(); i++) {
            xml.empty("weight", "index", i + 1, "value", weights[i]);
        }
        xml.close();
        writeReservationAndDiscount(xml, reservation, preferences.discount());
        xml.close();
        return xml.toString();
    }

    /** A number for people: 12 significant digits at most. */
    static String shortly(double x) {
        return new java.math.BigDecimal(x).round(new java.math.MathContext(12)).stripTrailingZeros().toPlainString();
    }

    static void writeReservationAndDiscount(Xml xml, double reservation, Discount discount) {
        xml.empty("reservation", "value", reservation);
        if (discount.factor() != 1 && discount.basis() == Discount.Basis.NORMALISED_TIME) {
            xml.empty("discount_factor", "value", discount.factor());
        }
    }

    private static boolean discreteLike(Issue issue, boolean listed) {
        return issue instanceof DiscreteIssue || listed;
    }

    private static double bestValue(ValueFunction f, Issue issue) {
        double best = 0;
        if (issue instanceof DiscreteIssue discrete) {
            for (int k = 0; k < discrete.options().size(); k++) {
                best = Math.max(best, f.value(k));
            }
        } else {
            IntegerIssue integer = (IntegerIssue) issue;
            for (long x = integer.min(); x <= integer.max(); x++) {
                best = Math.max(best, f.value(x));
            }
        }
        return best;
    }

    private static void writeEvaluation(Xml xml, int i, Issue issue, ValueFunction f, double best, boolean listed,
            String party) {
        double scale = best > 0 && best < 1 ? best : 1;
        if (issue instanceof DiscreteIssue discrete) {
            openIssue(xml, i, issue.name(), "discrete");
            for (int k = 0; k < discrete.options().size(); k++) {
                xml.empty("item", "index", k + 1, "value", discrete.option(k), "evaluation", f.value(k) / scale);
            }
            xml.close();
        } else if (issue instanceof IntegerIssue integer && listed) {
            openIssue(xml, i, issue.name(), "discrete");
            for (long x = integer.min(); x <= integer.max(); x++) {
                xml.empty("item", "index", x - integer.min() + 1, "value", x, "evaluation", f.value(x) / scale);
            }
            xml.close();
        } else if (issue instanceof IntegerIssue integer) {
            double[] line = NumericShapes.line(f, integer);
            double slope = integer.max() == integer.min() ? 0 : (line[1] - line[0]) / (integer.max() - integer.min());
            xml.open("issue", "index", i + 1, "name", issue.name(), "type", "integer", "etype", "integer",
                    "vtype", "integer", "lowerbound", integer.min(), "upperbound", integer.max());
            xml.empty("evaluator", "ftype", "linear", "slope", slope, "offset", line[0]);
            xml.close();
        } else {
            RealIssue real = (RealIssue) issue;
            openIssue(xml, i, issue.name(), "real");
            xml.empty("range", "lowerbound", real.min(), "upperbound", real.max());
            double[] line = NumericShapes.line(f, real);
            double[] triangle = NumericShapes.triangle(f);
            if (line != null && (line[0] == line[1] || real.max() == real.min())) {
                xml.empty("evaluator", "ftype", "constant", "parameter0", line[0]);
            } else if (line != null) {
                double a = (line[1] - line[0]) / (real.max() - real.min());
                xml.empty("evaluator", "ftype", "linear", "parameter0", line[0] - a * real.min(), "parameter1", a);
            } else if (triangle != null && triangle[3] == 1) {
                xml.empty("evaluator", "ftype", "triangular", "parameter0", triangle[0], "parameter1", triangle[1],
                        "parameter2", triangle[2]);
            } else if (triangle != null) {
                xml.empty("evaluator", "ftype", "triangular_variable_top", "parameter0", triangle[0], "parameter1",
                        triangle[1], "parameter2", triangle[2], "parameter3", triangle[3]);
            } else {
                throw new IllegalArgumentException("Party (" + party + ") values the real issue (" + issue.name()
                        + ") with a piecewise-linear function GENIUS cannot hold: its real evaluators are linear,"
                        + " constant or triangular.");
            }
            xml.close();
        }
    }

    private static void openObjective(Xml xml, String name) {
        xml.open("objective", "index", 0, "description", "", "name", name, "type", "objective", "etype", "objective");
    }

    private static void openIssue(Xml xml, int i, String name, String type) {
        xml.open("issue", "index", i + 1, "name", name, "type", type, "etype", type, "vtype", type);
    }
}
