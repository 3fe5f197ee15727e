package org.parley.io.genius;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.Domain;
import org.parley.core.model.IntegerIssue;
import org.parley.core.model.Issue;
import org.parley.core.model.Party;
import org.parley.core.model.RealIssue;
import org.parley.core.model.Scenario;
import org.parley.core.model.Tolerances;
import org.parley.core.preference.DiscreteValueFunction;
import org.parley.core.preference.Discount;
import org.parley.core.preference.LinearAdditiveUtility;
import org.parley.core.preference.Preferences;
import org.parley.core.preference.UtilityFunction;
import org.parley.core.preference.ValueFunction;
import org.parley.io.FormatException;
import org.parley.io.interop.Imported;
import org.parley.io.interop.PartyNames;

/**
 * Reads GENIUS scenarios: a domain file (root {@code <negotiation_template>}) and one utility-space
 * file per party (root {@code <utility_space>}), as GENIUS defines them:
 * <ul>
 *   <li>discrete issues: v(x) = evaluation(x) / the issue's largest evaluation (0 for every value when
 *       that is below 1e-5, as in GENIUS);
 *   <li>integer issues: v(x) = clamp(offset + slope · (x − lowerbound), 0, 1), or in older files
 *       clamp(parameter1 · x + parameter0, 0, 1);
 *   <li>real issues: linear clamp(parameter1 · x + parameter0, 0, 1), constant parameter0, triangular
 *       (0 at parameter0, 1 at parameter2, 0 at parameter1) and triangular with a variable top
 *       (parameter3 at the top), each held exactly as a piecewise-linear function;
 *   <li>issue weights normalised to sum to 1 (docs/design.md, "Outcomes and utilities"); {@code <reservation>}; and
 *       {@code <discount_factor>} as a discount over normalised time (0 meaning none, as in GENIUS);
 *   <li>non-linear spaces of hyper-rectangles ({@code <utility><ufun>}) via {@link HyperRectangles}.
 * </ul>
 * Elements GENIUS itself does not use for utilities (ADG's {@code <similarity_function>}, a
 * domain's {@code <agent>} slots) are ignored with a warning; malformed content is a
 * {@link FormatException} naming file, line and field.
 */
public final class GeniusReader {

    /** Below this largest evaluation GENIUS scores every value of the issue 0. */
    private static final double EVALUATION_FLOOR = 0.00001;
    /** Weights whose sum is this close to 1 are kept as written, so that exported files read back exactly. */

    private GeniusReader() {}

    /** A domain issue: GENIUS's index (profiles refer to issues by it) and the Parley issue. */
    record GeniusIssue(int index, Issue issue, XmlElement element) {}

    /** Whether the file's root element marks a GENIUS domain. */
    static boolean isDomain(XmlElement root) {
        return root.is("negotiation_template");
    }

    static boolean isProfile(XmlElement root) {
        return root.is("utility_space");
    }

    /** Reads a domain file and profile files, naming the parties after the files (see {@link PartyNames}). */
    public static Imported read(Path domainFile, List<Path> profileFiles) {
        List<String> names = PartyNames.derive(domainFile.getFileName().toString(),
                profileFiles.stream().map(p -> p.getFileName().toString()).toList());
        return read(domainFile, profileFiles, names);
    }

    public static Imported read(Path domainFile, List<Path> profileFiles, List<String> partyNames) {
        if (profileFiles.isEmpty()) {
            throw new FormatException(domainFile.toString(), 0, 0, "",
                    "a GENIUS scenario needs at least one utility-space file (one per party) besides the domain");
        }
        List<String> warnings = new ArrayList<>();
        XmlElement domainRoot = XmlReader.read(domainFile);
        if (!isDomain(domainRoot)) {
            throw domainRoot.error("expected a GENIUS domain file (root element <negotiation_template>), found <"
                    + domainRoot.name() + ">" + (isProfile(domainRoot) ? ": this is a utility-space (profile) file" : ""));
        }
        List<GeniusIssue> issues = readDomain(domainRoot, warnings);
        Domain domain = new Domain(issues.stream().map(GeniusIssue::issue).toList());
        List<Party> parties = new ArrayList<>();
        for (int p = 0; p < profileFiles.size(); p++) {
            XmlElement root = XmlReader.read(profileFiles.get(p));
            if (!isProfile(root)) {
                throw root.error("expected a GENIUS utility-space file (root element <utility_space>), found <"
                        + root.name() + ">" + (isDomain(root) ? ": this is a domain file" : ""));
            }
            Preferences preferences = readProfile(root, issues, domain, warnings);
            parties.add(new Party(partyNames.get(p), preferences));
        }
        String name = PartyNames.scenarioName(domainFile.getFileName().toString());
        List<Path> files = new ArrayList<>();
        files.add(domainFile);
        files.addAll(profileFiles);
        String description = "Imported from GENIUS: " + String.join(", ",
                files.stream().map(f -> f.getFileName().toString()).toList()) + ".";
        try {
            return new Imported(new Scenario(name, description, domain, parties, null, null), new GeniusFormat(), files, warnings);
        } catch (IllegalArgumentException e) {
            throw new FormatException(domainFile.toString(), 0, 0, "", e.getMessage());
        }
    }

    // ---- domain ----------------------------------------------------------------------------

    static List<GeniusIssue> readDomain(XmlElement root, List<String> warnings) {
        for (XmlElement child : root.children()) {
            if (!child.is("utility_space") && !child.is("agent")) {
                warnings.add(child.where() + ": ignored the element <" + child.name() + ">, which GENIUS domains do not use");
            }
        }
        XmlElement space = root.child("utility_space");
        if (space == null) {
            throw root.error("a GENIUS domain needs a <utility_space> element holding the <objective> and its issues");
        }
        XmlElement objective = singleObjective(space);
        List<GeniusIssue> issues = new ArrayList<>();
        collectIssues(objective, issues, false, warnings);
        if (issues.isEmpty()) {
            throw objective.error("the domain has no <issue> elements");
        }
        Map<Integer, GeniusIssue> byIndex = new HashMap<>();
        Map<String, GeniusIssue> byName = new HashMap<>();
        for (GeniusIssue issue : issues) {
            GeniusIssue before = byIndex.put(issue.index(), issue);
            if (before != null) {
                throw issue.element().error("index", "two issues have the index " + issue.index() + " (the other is ("
                        + before.issue().name() + ") on line " + before.element().line() + "); profiles refer to issues by index");
            }
            before = byName.put(issue.issue().name(), issue);
            if (before != null) {
                throw issue.element().error("name", "the issue (" + issue.issue().name() + ") is defined twice (first on line "
                        + before.element().line() + ")");
            }
        }
        return issues;
    }

    private static XmlElement singleObjective(XmlElement space) {
        List<XmlElement> objectives = space.children("objective");
        if (objectives.isEmpty()) {
            throw space.error("expected an <objective> element holding the issues");
        }
        if (objectives.size() > 1) {
            throw objectives.get(1).error("expected one root <objective>, found " + objectives.size());
        }
        return objectives.get(0);
    }

    private static void collectIssues(XmlElement objective, List<GeniusIssue> issues, boolean nested, List<String> warnings) {
        for (XmlElement child : objective.children()) {
            if (child.is("issue")) {
                issues.add(readIssue(child, warnings));
            } else if (child.is("objective")) {
                warnings.add(child.where() + ": flattened the nested objective (" + child.attribute("name")
                        + "); GENIUS scores issues at every depth with their own weights");
                collectIssues(child, issues, true, warnings);
            } else {
                warnings.add(child.where() + ": ignored the element <" + child.name() + "> in the objective, which"
                        + " GENIUS domains do not use");
            }
        }
    }

    static String issueType(XmlElement element) {
        String type = element.attribute("type");
        if (type == null || type.isBlank()) {
            type = element.attribute("etype");
        }
        if (type == null || type.isBlank()) {
            type = element.attribute("vtype");
        }
        return type == null || type.isBlank() ? "discrete" : type.trim().toLowerCase(Locale.ROOT);
    }

    private static GeniusIssue readIssue(XmlElement element, List<String> warnings) {
        String name = element.requireAttribute("name");
        Set<String> warned = new HashSet<>();
        for (XmlElement child : element.children()) {
            if (!child.is("item") && !child.is("range") && warned.add(child.lowerName())) {
                warnings.add(child.where() + ": ignored the element <" + child.name() + "> in the issue (" + name
                        + "), which GENIUS domains do not use");
            }
        }
        int index = (int) element.longAttribute("index");
        String type = issueType(element);
        try {
            Issue issue = switch (type) {
                case "discrete" -> {
                    List<String> options = new ArrayList<>();
                    Map<String, XmlElement> seen = new HashMap<>();
                    for (XmlElement item : element.children("item")) {
                        String value = item.requireAttribute("value");
                        XmlElement before = seen.put(value, item);
                        if (before != null) {
                            throw item.error("value", "the value (" + value + ") is listed twice in issue (" + name
                                    + ") (first on line " + before.line() + ")");
                        }
                        options.add(value);
                    }
                    if (options.isEmpty()) {
                        throw element.error("the discrete issue (" + name + ") has no <item> values");
                    }
                    yield new DiscreteIssue(name, options);
                }
                case "integer" -> {
                    XmlElement bounds = boundsOf(element);
                    yield new IntegerIssue(name, bounds.longAttribute("lowerbound"), bounds.longAttribute("upperbound"));
                }
                case "real" -> {
                    XmlElement bounds = boundsOf(element);
                    yield new RealIssue(name, bounds.doubleAttribute("lowerbound"), bounds.doubleAttribute("upperbound"));
                }
                default -> throw element.error("type", "unknown issue type (" + type + "); expected discrete, integer or real");
            };
            return new GeniusIssue(index, issue, element);
        } catch (IllegalArgumentException e) {
            throw element.error(e.getMessage());
        }
    }

    /** Newer GENIUS files put the bounds on the issue, older ones in a {@code <range>} child. */
    private static XmlElement boundsOf(XmlElement issue) {
        if (issue.attribute("lowerbound") != null || issue.attribute("upperbound") != null) {
            return issue;
        }
        XmlElement range = issue.child("range");
        if (range == null) {
            throw issue.error("the numeric issue (" + issue.attribute("name")
                    + ") needs lowerbound and upperbound attributes (or a <range lowerbound=.. upperbound=..> child)");
        }
        return range;
    }

    // ---- profiles --------------------------------------------------------------------------

    static Preferences readProfile(XmlElement root, List<GeniusIssue> issues, Domain domain, List<String> warnings) {
        double reservation = readReservation(root);
        Discount discount = readDiscount(root, warnings);
        XmlElement utility = findNonlinear(root);
        UtilityFunction function;
        if (utility != null) {
            function = HyperRectangles.read(utility, root, issues, domain, warnings);
        } else {
            function = readAdditive(root, issues, domain, warnings);
        }
        return new Preferences(function, List.of(), reservation, discount);
    }

    /** The {@code <utility>} element of a non-linear space, or null for an additive one. */
    private static XmlElement findNonlinear(XmlElement root) {
        XmlElement utility = root.child("utility");
        if (utility == null) {
            for (XmlElement objective : root.children("objective")) {
                utility = objective.child("utility");
                if (utility != null) {
                    break;
                }
            }
        }
        String type = root.attribute("type");
        if (utility == null && type != null && type.equalsIgnoreCase("nonlinear")) {
            throw root.error("type", "a non-linear utility space needs a <utility maxutility=..> element with a <ufun>");
        }
        return utility;
    }

    private static double readReservation(XmlElement root) {
        XmlElement element = find(root, "reservation");
        if (element == null) {
            return 0;
        }
        double r = element.doubleAttribute("value");
        if (r < 0 || r > 1) {
            throw element.error("value", "the reservation value (" + element.attribute("value") + ") must lie in [0, 1]");
        }
        return r;
    }

    private static Discount readDiscount(XmlElement root, List<String> warnings) {
        XmlElement element = find(root, "discount_factor");
        if (element == null) {
            return Discount.NONE;
        }
        double d = element.doubleAttribute("value");
        if (d < 0 || d > 1) {
            throw element.error("value", "the discount factor (" + element.attribute("value") + ") must lie in [0, 1]"
                    + " (GENIUS reads 0 as no discount)");
        }
        if (d == 0) {
            warnings.add(element.where() + ": a discount factor of 0 means no discount in GENIUS; read as none");
            return Discount.NONE;
        }
        return d == 1 ? Discount.NONE : Discount.overTime(d);
    }

    /** The first element of that name on the root or its objective (GENIUS looks at every level). */
    private static XmlElement find(XmlElement root, String name) {
        XmlElement element = root.child(name);
        if (element == null) {
            for (XmlElement objective : root.children("objective")) {
                element = objective.child(name);
                if (element != null) {
                    return element;
                }
            }
        }
        return element;
    }

    private static LinearAdditiveUtility readAdditive(XmlElement root, List<GeniusIssue> domainIssues, Domain domain,
            List<String> warnings) {
        XmlElement objective = singleObjective(root);
        for (XmlElement child : root.children()) {
            if (!child.is("objective") && !child.is("reservation") && !child.is("discount_factor")) {
                warnings.add(child.where() + ": ignored the element <" + child.name() + ">, which GENIUS does not use in"
                        + " an additive utility space");
            }
        }
        Map<Integer, XmlElement> profileIssues = new LinkedHashMap<>();
        Map<Integer, XmlElement> weights = new LinkedHashMap<>();
        Map<Integer, XmlElement> objectives = new HashMap<>();
        collectProfile(objective, profileIssues, weights, objectives, warnings, new HashSet<>());
        Map<Integer, GeniusIssue> byIndex = new HashMap<>();
        for (GeniusIssue issue : domainIssues) {
            byIndex.put(issue.index(), issue);
        }
        for (var entry : profileIssues.entrySet()) {
            GeniusIssue issue = byIndex.get(entry.getKey());
            XmlElement element = entry.getValue();
            if (issue == null) {
                throw element.error("index", "the profile's issue #" + entry.getKey() + " (" + element.attribute("name")
                        + ") is not in the domain; its issue indices are " + new TreeSet<>(byIndex.keySet()));
            }
            String name = element.attribute("name");
            if (name != null && !name.equals(issue.issue().name())) {
                warnings.add(element.where() + ": the profile calls issue #" + issue.index() + " (" + name
                        + ") but the domain calls it (" + issue.issue().name() + "); matched by index, as GENIUS does");
            }
        }
        // GENIUS reads a weight for each issue by its index and uses nothing else: published files
        // (the ANAC 2012 Fitness profiles) also weigh their root objective (<weight index="1"
        // value="1.0"/> beside issues 2 to 6), and GENIUS reads them. So does Parley, saying so.
        for (var iterator = weights.entrySet().iterator(); iterator.hasNext(); ) {
            var entry = iterator.next();
            if (!byIndex.containsKey(entry.getKey())) {
                XmlElement owner = objectives.get(entry.getKey());
                warnings.add(entry.getValue().where() + ": ignored the weight for index " + entry.getKey() + ", "
                        + (owner != null
                                ? "the objective (" + owner.attribute("name") + "), not an issue"
                                : "which no issue of the domain has (its issue indices are " + new TreeSet<>(byIndex.keySet())
                                        + ")")
                        + "; GENIUS weighs issues only");
                iterator.remove();
            }
        }
        Set<String> warned = new HashSet<>();
        double[] w = new double[domainIssues.size()];
        List<ValueFunction> functions = new ArrayList<>();
        boolean anyWeight = !weights.isEmpty();
        for (int i = 0; i < domainIssues.size(); i++) {
            GeniusIssue issue = domainIssues.get(i);
            XmlElement element = profileIssues.get(issue.index());
            if (element == null) {
                throw objective.error("the profile does not evaluate the issue (" + issue.issue().name() + ") (index "
                        + issue.index() + "); every issue of the domain needs an <issue index=\"" + issue.index() + "\"> here");
            }
            if (anyWeight) {
                XmlElement weight = weights.get(issue.index());
                if (weight == null) {
                    throw objective.error("no <weight index=\"" + issue.index() + "\"> for the issue (" + issue.issue().name()
                            + "); give every issue a weight (0 if it does not matter), or none at all for equal weights");
                }
                w[i] = weight.doubleAttribute("value");
                if (w[i] < 0) {
                    throw weight.error("value", "the weight (" + weight.attribute("value") + ") must not be negative");
                }
            }
            functions.add(GeniusEvaluators.read(element, issue, warnings, warned));
        }
        if (!anyWeight) {
            warnings.add(objective.where() + ": the profile has no <weight> elements; every issue weighs 1/"
                    + domainIssues.size());
            java.util.Arrays.fill(w, 1.0 / domainIssues.size());
        }
        double sum = 0;
        for (double x : w) {
            sum += x;
        }
        if (!(sum > 0)) {
            throw objective.error("the issue weights sum to 0; at least one issue must weigh something");
        }
        if (Math.abs(sum - 1) > Tolerances.ROUNDING) {
            if (Math.abs(sum - 1) > Tolerances.WRITTEN) {
                warnings.add(objective.where() + ": the issue weights sum to " + sum + "; normalised to sum to 1 as GENIUS"
                        + " scenarios define");
            }
            for (int i = 0; i < w.length; i++) {
                w[i] /= sum;
            }
        }
        try {
            return new LinearAdditiveUtility(domain, w, functions);
        } catch (IllegalArgumentException e) {
            throw objective.error(e.getMessage());
        }
    }

    private static void collectProfile(XmlElement objective, Map<Integer, XmlElement> issues, Map<Integer, XmlElement> weights,
            Map<Integer, XmlElement> objectives, List<String> warnings, Set<String> warned) {
        String own = objective.attribute("index");
        if (own != null) {
            try {
                objectives.put(Integer.parseInt(own.trim()), objective);
            } catch (NumberFormatException e) {
                // An objective's own index names nothing a profile needs; only a warning would use it.
            }
        }
        for (XmlElement child : objective.children()) {
            if (child.is("issue")) {
                int index = (int) child.longAttribute("index");
                XmlElement before = issues.put(index, child);
                if (before != null) {
                    throw child.error("index", "the issue #" + index + " is evaluated twice (first on line " + before.line() + ")");
                }
            } else if (child.is("weight")) {
                int index = (int) child.longAttribute("index");
                XmlElement before = weights.put(index, child);
                if (before != null) {
                    throw child.error("index", "the issue #" + index + " has two weights (first on line " + before.line() + ")");
                }
            } else if (child.is("objective")) {
                collectProfile(child, issues, weights, objectives, warnings, warned);
            } else if (!child.is("reservation") && !child.is("discount_factor") && warned.add(child.lowerName())) {
                warnings.add(child.where() + ": ignored the element <" + child.name() + "> in the objective");
            }
        }
    }

    /** The discrete table of an issue: evaluation / max, or 0 everywhere when the max is below GENIUS's floor. */
    static DiscreteValueFunction table(double[] evaluations, XmlElement issue, List<String> warnings) {
        double max = 0;
        for (double e : evaluations) {
            max = Math.max(max, e);
        }
        double[] values = new double[evaluations.length];
        if (max < EVALUATION_FLOOR) {
            if (max > 0) {
                warnings.add(issue.where() + ": every evaluation of the issue (" + issue.attribute("name")
                        + ") is below 1e-5; GENIUS scores all its values 0");
            }
            return new DiscreteValueFunction(values);
        }
        for (int k = 0; k < values.length; k++) {
            values[k] = evaluations[k] / max;
        }
        return new DiscreteValueFunction(values);
    }
}
