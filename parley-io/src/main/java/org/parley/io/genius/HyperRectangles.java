package org.parley.io.genius;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.Domain;
import org.parley.core.model.IntegerIssue;
import org.parley.core.model.Issue;
import org.parley.core.model.RealIssue;
import org.parley.core.preference.HyperRectangleUtility;
import org.parley.core.preference.HyperRectangleUtility.Aggregation;
import org.parley.core.preference.HyperRectangleUtility.Bound;
import org.parley.core.preference.HyperRectangleUtility.Group;
import org.parley.core.preference.HyperRectangleUtility.Rectangle;
import org.parley.core.preference.HyperRectangleUtility.Term;
import org.parley.io.genius.GeniusReader.GeniusIssue;

/**
 * GENIUS's non-linear utility spaces: {@code <utility maxutility=..>} holding one {@code <ufun
 * aggregation="SUM|MIN|MAX" weight=..>}, whose children are {@code <hyperRectangle utility=..
 * weight=..>} elements (with {@code <INCLUDES index min max>} or {@code <EXCLUDES ..>} bounds, or
 * none: always worth its utility) and nested {@code <ufun>}s. Read into and written from
 * {@link HyperRectangleUtility}. A weight left out counts 1.
 */
final class HyperRectangles {

    private HyperRectangles() {}

    static HyperRectangleUtility read(XmlElement utility, XmlElement root, List<GeniusIssue> issues, Domain domain,
            List<String> warnings) {
        double max = utility.doubleAttribute("maxutility");
        if (!(max > 0)) {
            throw utility.error("maxutility", "the largest utility (" + utility.attribute("maxutility")
                    + ") must be positive: utilities are divided by it");
        }
        List<XmlElement> functions = utility.children("ufun");
        if (functions.isEmpty()) {
            throw utility.error("the non-linear utility needs a <ufun aggregation=..> element");
        }
        if (functions.size() > 1) {
            warnings.add(functions.get(1).where() + ": ignored the <ufun> elements after the first: GENIUS reads only"
                    + " the first");
        }
        Map<Integer, Integer> position = new HashMap<>();
        for (int i = 0; i < issues.size(); i++) {
            position.put(issues.get(i).index(), i);
        }
        Group parsed = group(functions.get(0), position, domain, warnings);
        // GENIUS never applies the outermost ufun's weight.
        Group group = new Group(parsed.aggregation(), 1, parsed.terms());
        try {
            return new HyperRectangleUtility(domain, group, max);
        } catch (IllegalArgumentException e) {
            throw utility.error(e.getMessage());
        }
    }

    private static Group group(XmlElement ufun, Map<Integer, Integer> position, Domain domain, List<String> warnings) {
        String text = ufun.attribute("aggregation");
        Aggregation aggregation;
        try {
            aggregation = text == null ? Aggregation.SUM : Aggregation.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ufun.error("aggregation", "unknown aggregation (" + text + "); expected SUM, MIN or MAX");
        }
        double weight = ufun.doubleAttribute("weight", 1);
        List<Term> terms = new ArrayList<>();
        for (XmlElement child : ufun.children()) {
            if (child.is("hyperRectangle")) {
                terms.add(rectangle(child, position, domain));
            } else if (child.is("ufun")) {
                terms.add(group(child, position, domain, warnings));
            } else {
                warnings.add(child.where() + ": ignored the element <" + child.name() + "> in a <ufun>: GENIUS reads"
                        + " hyper-rectangles and nested ufuns only");
            }
        }
        try {
            return new Group(aggregation, weight, terms);
        } catch (IllegalArgumentException e) {
            throw ufun.error(e.getMessage());
        }
    }

    private static Rectangle rectangle(XmlElement element, Map<Integer, Integer> position, Domain domain) {
        List<XmlElement> includes = element.children("INCLUDES");
        List<XmlElement> excludes = element.children("EXCLUDES");
        if (!includes.isEmpty() && !excludes.isEmpty()) {
            throw element.error("a hyper-rectangle has either <INCLUDES> or <EXCLUDES> bounds, not both");
        }
        List<Bound> bounds = new ArrayList<>();
        for (XmlElement b : includes.isEmpty() ? excludes : includes) {
            int index = (int) b.longAttribute("index");
            Integer i = position.get(index);
            if (i == null) {
                throw b.error("index", "the bound is on issue #" + index + ", which the domain does not have");
            }
            Issue issue = domain.issue(i);
            if (issue instanceof DiscreteIssue) {
                throw b.error("index", "the bound is on the discrete issue (" + issue.name() + "); GENIUS bounds"
                        + " integer issues");
            }
            double min = b.doubleAttribute("min");
            double max = b.doubleAttribute("max");
            if (min > max) {
                throw b.error("the bound is empty: min (" + b.attribute("min") + ") > max (" + b.attribute("max") + ")");
            }
            bounds.add(new Bound(i, min, max));
        }
        double utility = element.doubleAttribute("utility");
        double weight = element.doubleAttribute("weight", 1);
        if (utility < 0 || weight < 0) {
            throw element.error(utility < 0 ? "utility" : "weight", "must not be negative");
        }
        return new Rectangle(bounds, !excludes.isEmpty(), utility, weight);
    }

    /** Opens {@code <utility_space>} and writes the issues and the utility; the caller closes it. */
    static void write(Xml xml, String scenarioName, Domain domain, String party, HyperRectangleUtility utility,
            boolean[] listed) {
        xml.open("utility_space", "type", "nonlinear", "number_of_issues", domain.size());
        xml.open("objective", "index", 0, "description", "", "name", scenarioName, "type", "objective",
                "etype", "objective");
        for (int i = 0; i < domain.size(); i++) {
            Issue issue = domain.issue(i);
            if (issue instanceof DiscreteIssue discrete) {
                xml.open("issue", "index", i + 1, "name", issue.name(), "type", "discrete", "etype", "discrete",
                        "vtype", "discrete");
                for (int k = 0; k < discrete.options().size(); k++) {
                    xml.empty("item", "index", k + 1, "value", discrete.option(k));
                }
                xml.close();
            } else if (issue instanceof IntegerIssue integer) {
                if (listed[i]) {
                    throw new IllegalArgumentException("Party (" + party + ") bounds the integer issue (" + issue.name()
                            + ") with rectangles, but another party's value function forces it to be written as a"
                            + " discrete issue; GENIUS cannot hold both.");
                }
                xml.empty("issue", "index", i + 1, "name", issue.name(), "type", "integer", "etype", "integer",
                        "vtype", "integer", "lowerbound", integer.min(), "upperbound", integer.max());
            } else {
                RealIssue real = (RealIssue) issue;
                xml.open("issue", "index", i + 1, "name", issue.name(), "type", "real", "etype", "real", "vtype", "real");
                xml.empty("range", "lowerbound", real.min(), "upperbound", real.max());
                xml.close();
            }
        }
        xml.open("utility", "maxutility", utility.normaliser());
        writeGroup(xml, utility.root());
        xml.close();
        xml.close();
    }

    private static void writeGroup(Xml xml, Group group) {
        xml.open("ufun", "type", "PLAIN", "weight", group.weight(), "aggregation", group.aggregation().name());
        for (Term term : group.terms()) {
            if (term instanceof Group inner) {
                writeGroup(xml, inner);
                continue;
            }
            Rectangle rectangle = (Rectangle) term;
            if (rectangle.bounds().isEmpty()) {
                xml.empty("hyperRectangle", "utility", rectangle.utility(), "weight", rectangle.weight());
                continue;
            }
            xml.open("hyperRectangle", "utility", rectangle.utility(), "weight", rectangle.weight());
            for (Bound bound : rectangle.bounds()) {
                xml.empty(rectangle.exclusive() ? "EXCLUDES" : "INCLUDES", "index", bound.issue() + 1,
                        "min", number(bound.min()), "max", number(bound.max()));
            }
            xml.close();
        }
        xml.close();
    }

    /** Whole numbers without ".0": GENIUS parses integer bounds as integers. */
    private static Object number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? (Object) (long) x : (Object) x;
    }
}
