package org.parley.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.Domain;
import org.parley.core.model.IntegerIssue;
import org.parley.core.preference.HyperRectangleUtility;
import org.parley.core.preference.HyperRectangleUtility.Aggregation;
import org.parley.core.preference.HyperRectangleUtility.Bound;
import org.parley.core.preference.HyperRectangleUtility.Group;
import org.parley.core.preference.HyperRectangleUtility.Rectangle;
import org.parley.core.preference.HyperRectangleUtility.Term;
import org.parley.io.tree.Node;
import org.parley.io.tree.Node.ListNode;
import org.parley.io.tree.Node.MapNode;

/**
 * A party's {@code rectangles:} in Parley's scenario format (docs/interop.md), the form of a
 * {@link HyperRectangleUtility}:
 * <pre>
 * rectangles:
 *   normaliser: 100            # the value counted as utility 1
 *   aggregation: sum           # sum (default), min or max
 *   terms:
 *     - include: {price: [3, 6], quantity: [1, 7]}   # worth utility x weight inside all bounds
 *       utility: 50
 *     - exclude: {price: [1, 2]}                     # worth it outside some bound
 *       utility: 20
 *       weight: 0.5                                  # default 1
 *     - aggregation: max                             # a nested group, counted weight times
 *       weight: 0.5
 *       terms: [...]
 * </pre>
 * {@code include: {}} is a rectangle without bounds, always worth its utility.
 */
final class RectangleForm {

    private RectangleForm() {}

    static HyperRectangleUtility read(Node node, Domain domain) {
        MapNode map = node.asMap();
        map.allowOnly(Set.of("normaliser", "aggregation", "terms"));
        Node normaliserNode = map.require("normaliser");
        double normaliser = normaliserNode.asDouble();
        if (!(normaliser > 0)) {
            throw normaliserNode.error("the normaliser (the value counted as utility 1) must be positive");
        }
        Group root = group(map, domain, 1);
        try {
            return new HyperRectangleUtility(domain, root, normaliser);
        } catch (IllegalArgumentException e) {
            throw map.error(e.getMessage());
        }
    }

    private static Group group(MapNode map, Domain domain, double weight) {
        Aggregation aggregation = Aggregation.SUM;
        if (map.has("aggregation")) {
            String text = map.get("aggregation").asString();
            try {
                aggregation = Aggregation.valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw map.get("aggregation").error("unknown aggregation (" + text + "); expected sum, min or max");
            }
        }
        List<Term> terms = new ArrayList<>();
        ListNode list = map.require("terms").asList();
        for (Node item : list.items()) {
            terms.add(term(item.asMap(), domain));
        }
        try {
            return new Group(aggregation, weight, terms);
        } catch (IllegalArgumentException e) {
            throw map.error(e.getMessage());
        }
    }

    private static Term term(MapNode map, Domain domain) {
        double weight = map.has("weight") ? nonNegative(map.get("weight"), "weight") : 1;
        if (map.has("terms")) {
            map.allowOnly(Set.of("aggregation", "weight", "terms"));
            return group(map, domain, weight);
        }
        map.allowOnly(Set.of("include", "exclude", "utility", "weight"));
        if (map.has("include") == map.has("exclude")) {
            throw map.error("a term is a rectangle with (include) or (exclude) bounds and a (utility), or a group with"
                    + " (terms)");
        }
        boolean exclusive = map.has("exclude");
        MapNode boundsNode = map.get(exclusive ? "exclude" : "include").asMap();
        boundsNode.allowOnly(domain.names(), "issue");
        List<Bound> bounds = new ArrayList<>();
        for (var entry : boundsNode.entries().entrySet()) {
            int issue = domain.indexOf(entry.getKey());
            if (domain.issue(issue) instanceof DiscreteIssue) {
                throw boundsNode.keyNode(entry.getKey()).error("the issue (" + entry.getKey() + ") is discrete;"
                        + " rectangles bound numeric issues");
            }
            ListNode pair = entry.getValue().asList();
            if (pair.size() != 2) {
                throw pair.error("a bound is [min, max], found " + pair.size() + " numbers");
            }
            double min = pair.get(0).asDouble();
            double max = pair.get(1).asDouble();
            if (min > max) {
                throw pair.error("the bound is empty: min (" + ScenarioReader.format(min) + ") > max ("
                        + ScenarioReader.format(max) + ")");
            }
            bounds.add(new Bound(issue, min, max));
        }
        if (exclusive && bounds.isEmpty()) {
            throw boundsNode.error("an (exclude) rectangle needs at least one bound");
        }
        double utility = nonNegative(map.require("utility"), "utility");
        return new Rectangle(bounds, exclusive, utility, weight);
    }

    private static double nonNegative(Node node, String what) {
        double x = node.asDouble();
        if (x < 0) {
            throw node.error("the " + what + " (" + node.asScalar().value() + ") must not be negative");
        }
        return x;
    }

    static Map<String, Object> tree(HyperRectangleUtility utility, Domain domain) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("normaliser", utility.normaliser());
        putGroup(map, utility.root(), domain);
        return map;
    }

    private static void putGroup(Map<String, Object> map, Group group, Domain domain) {
        map.put("aggregation", group.aggregation().name().toLowerCase(Locale.ROOT));
        List<Object> terms = new ArrayList<>();
        for (Term term : group.terms()) {
            Map<String, Object> t = new LinkedHashMap<>();
            if (term instanceof Group inner) {
                t.put("weight", inner.weight());
                putGroup(t, inner, domain);
            } else {
                Rectangle rectangle = (Rectangle) term;
                Map<String, Object> bounds = new LinkedHashMap<>();
                for (Bound bound : rectangle.bounds()) {
                    boolean integer = domain.issue(bound.issue()) instanceof IntegerIssue;
                    bounds.put(domain.issue(bound.issue()).name(), List.of(number(bound.min(), integer),
                            number(bound.max(), integer)));
                }
                t.put(rectangle.exclusive() ? "exclude" : "include", bounds);
                t.put("utility", rectangle.utility());
                if (rectangle.weight() != 1) {
                    t.put("weight", rectangle.weight());
                }
            }
            terms.add(t);
        }
        map.put("terms", terms);
    }

    private static Object number(double x, boolean integer) {
        return integer && x == Math.rint(x) && Math.abs(x) < 9e15 ? (Object) (long) x : (Object) x;
    }
}
