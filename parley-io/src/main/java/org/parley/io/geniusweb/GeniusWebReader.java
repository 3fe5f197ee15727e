package org.parley.io.geniusweb;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.Domain;
import org.parley.core.model.IntegerIssue;
import org.parley.core.model.Issue;
import org.parley.core.model.Party;
import org.parley.core.model.Scenario;
import org.parley.core.model.Tolerances;
import org.parley.core.preference.DiscreteValueFunction;
import org.parley.core.preference.Discount;
import org.parley.core.preference.LinearAdditiveUtility;
import org.parley.core.preference.PiecewiseLinearValueFunction;
import org.parley.core.preference.Preferences;
import org.parley.core.preference.ValueFunction;
import org.parley.io.FormatException;
import org.parley.io.interop.Imported;
import org.parley.io.tree.Node;
import org.parley.io.tree.Node.ListNode;
import org.parley.io.tree.Node.MapNode;
import org.parley.io.tree.TreeReader;

/**
 * Reads GeniusWeb scenarios: a domain ({@code {"name", "issuesValues"}}) and
 * {@code LinearAdditiveUtilitySpace} profiles with {@code DiscreteValueSetUtilities} (older key
 * {@code discreteutils}) and {@code NumberValueSetUtilities} ({@code numberutils}), as GeniusWeb
 * defines them: u(bid) = Σ weight · utility of the issue's value, and the reservation value is the
 * utility of {@code reservationBid} (0 without one), computed in decimal arithmetic as GeniusWeb
 * does. A number range with step 1 between integers becomes an integer issue; any other range a
 * discrete issue whose options are its numbers. Files are parsed with the located tree, so every
 * error names file, line and field.
 */
public final class GeniusWebReader {

    static final Set<String> DISCRETE_KEYS = Set.of("DiscreteValueSetUtilities", "discreteutils");
    static final Set<String> NUMBER_KEYS = Set.of("NumberValueSetUtilities", "numberutils");
    private static final Set<String> PROFILE_KEYS = Set.of("issueUtilities", "issueWeights", "domain", "name",
            "reservationBid", "description");
    /** Listing a range's numbers beyond this many is surely a mistake. */
    private static final int MAX_RANGE_VALUES = 100_000;
    /** The largest decimal exponent of a number read: a double's range. */
    private static final int MAX_EXPONENT = 308;

    private GeniusWebReader() {}

    /** One issue of a GeniusWeb domain and how its values map onto the Parley issue. */
    record WebIssue(String name, Issue issue, List<BigDecimal> numbers, BigDecimal low, BigDecimal high, Node node) {

        boolean numeric() {
            return numbers != null;
        }
    }

    /** A parsed domain: its name and issues, in file order. */
    record WebDomain(String name, List<WebIssue> issues, Node node) {

        Domain domain() {
            return new Domain(issues.stream().map(WebIssue::issue).toList());
        }

        WebIssue issue(String issueName) {
            for (WebIssue issue : issues) {
                if (issue.name().equals(issueName)) {
                    return issue;
                }
            }
            return null;
        }

        List<String> names() {
            return issues.stream().map(WebIssue::name).toList();
        }
    }

    /**
     * Reads the scenario. {@code domainFile} may be null: the domain embedded in the first profile
     * is used then. Every profile's embedded domain must match the domain.
     */
    public static Imported read(Path domainFile, List<Path> profileFiles, List<String> partyNames) {
        List<String> warnings = new ArrayList<>();
        WebDomain domain = null;
        if (domainFile != null) {
            domain = readDomain(TreeReader.read(domainFile), warnings);
        }
        if (profileFiles.isEmpty()) {
            throw new FormatException(domainFile == null ? "<input>" : domainFile.toString(), 0, 0, "",
                    "a GeniusWeb scenario needs at least one profile file (one per party) besides the domain");
        }
        List<Party> parties = new ArrayList<>();
        for (int p = 0; p < profileFiles.size(); p++) {
            MapNode space = profileSpace(TreeReader.read(profileFiles.get(p)));
            Node embedded = space.get("domain");
            WebDomain own = embedded == null ? null : readDomain(embedded, new ArrayList<>());
            if (domain == null) {
                if (own == null) {
                    throw space.error("the profile has no (domain) and no domain file was given; name the domain file too");
                }
                domain = own;
                warnings.add(embedded.source() + ":" + embedded.line() + ": no domain file; used the domain embedded in"
                        + " this profile");
            } else if (own != null) {
                requireSameDomain(domain, own);
            }
            Domain model = domain.domain();
            parties.add(new Party(partyNames.get(p), readProfile(space, domain, model, warnings)));
        }
        List<Path> files = new ArrayList<>();
        if (domainFile != null) {
            files.add(domainFile);
        }
        files.addAll(profileFiles);
        String description = "Imported from GeniusWeb: " + String.join(", ",
                files.stream().map(f -> f.getFileName().toString()).toList()) + ".";
        try {
            return new Imported(new Scenario(domain.name(), description, domain.domain(), parties, null, null),
                    new GeniusWebFormat(), files, warnings);
        } catch (IllegalArgumentException e) {
            throw domain.node().error(e.getMessage());
        }
    }

    /** The object inside {@code {"LinearAdditiveUtilitySpace": {...}}}, or an error naming what it is instead. */
    static MapNode profileSpace(Node root) {
        MapNode map = root.asMap();
        if (map.keys().size() != 1) {
            throw map.error("expected a GeniusWeb profile: one key naming its type, such as"
                    + " {\"LinearAdditiveUtilitySpace\": {...}}; found keys " + map.keys());
        }
        String type = map.keys().iterator().next();
        if (!type.equals("LinearAdditiveUtilitySpace")) {
            throw map.keyNode(type).error("the profile type (" + type + ") is not supported: Parley reads"
                    + " LinearAdditiveUtilitySpace profiles (partial orderings and SumOfGroupsUtilitySpace have no"
                    + " linear additive form)");
        }
        return map.get(type).asMap();
    }

    // ---- domain ----------------------------------------------------------------------------

    static WebDomain readDomain(Node node, List<String> warnings) {
        MapNode map = node.asMap();
        for (String key : map.keys()) {
            if (!key.equals("name") && !key.equals("issuesValues")) {
                warnings.add(map.keyNode(key).source() + ":" + map.keyNode(key).line() + ": ignored the domain key ("
                        + key + ")");
            }
        }
        String name = map.require("name").asString();
        MapNode issuesNode = map.require("issuesValues").asMap();
        if (issuesNode.keys().isEmpty()) {
            throw issuesNode.error("the domain has no issues");
        }
        List<WebIssue> issues = new ArrayList<>();
        for (var entry : issuesNode.entries().entrySet()) {
            issues.add(readIssue(entry.getKey(), entry.getValue()));
        }
        return new WebDomain(name, issues, map);
    }

    private static WebIssue readIssue(String name, Node node) {
        MapNode map = node.asMap();
        if (map.keys().size() != 1 || !(map.has("values") || map.has("range"))) {
            throw map.error("an issue's value set is {\"values\": [...]} (discrete) or {\"range\": {\"low\", \"high\","
                    + " \"step\"}} (numbers); found keys " + map.keys());
        }
        try {
            if (map.has("values")) {
                ListNode list = map.get("values").asList();
                if (list.size() == 0) {
                    throw list.error("the issue (" + name + ") has no values");
                }
                List<String> options = new ArrayList<>();
                Map<String, Node> seen = new HashMap<>();
                for (Node item : list.items()) {
                    String value = item.asString();
                    Node before = seen.put(value, item);
                    if (before != null) {
                        throw item.error("the value (" + value + ") is listed twice (first on line " + before.line() + ")");
                    }
                    options.add(value);
                }
                return new WebIssue(name, new DiscreteIssue(name, options), null, null, null, map);
            }
            Node rangeNode = map.get("range");
            BigDecimal low;
            BigDecimal high;
            BigDecimal step;
            if (rangeNode instanceof ListNode list) {
                if (list.size() != 3) {
                    throw list.error("a range is [low, high, step], found " + list.size() + " numbers");
                }
                low = decimal(list.get(0));
                high = decimal(list.get(1));
                step = decimal(list.get(2));
            } else {
                MapNode range = rangeNode.asMap();
                range.allowOnly(Set.of("low", "high", "step"));
                low = decimal(range.require("low"));
                high = decimal(range.require("high"));
                step = decimal(range.require("step"));
            }
            if (low.compareTo(high) > 0) {
                throw rangeNode.error("the range is empty: low (" + low.toPlainString() + ") > high (" + high.toPlainString() + ")");
            }
            if (step.signum() <= 0) {
                throw rangeNode.error("the step (" + step.toPlainString() + ") must be positive");
            }
            BigDecimal count = high.subtract(low).divideToIntegralValue(step).add(BigDecimal.ONE);
            if (count.compareTo(BigDecimal.valueOf(MAX_RANGE_VALUES)) > 0) {
                throw rangeNode.error("the range has " + count.toPlainString() + " values, more than " + MAX_RANGE_VALUES);
            }
            List<BigDecimal> numbers = new ArrayList<>();
            for (BigDecimal x = low; x.compareTo(high) <= 0; x = x.add(step)) {
                numbers.add(x);
            }
            BigDecimal last = numbers.get(numbers.size() - 1);
            if (isInteger(low) && isInteger(high) && step.compareTo(BigDecimal.ONE) == 0) {
                return new WebIssue(name, new IntegerIssue(name, low.longValueExact(), high.longValueExact()), numbers,
                        low, last, map);
            }
            List<String> options = numbers.stream().map(GeniusWebReader::text).toList();
            return new WebIssue(name, new DiscreteIssue(name, options), numbers, low, last, map);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw map.error(e.getMessage());
        }
    }

    private static void requireSameDomain(WebDomain domain, WebDomain embedded) {
        if (!domain.names().equals(embedded.names())) {
            throw embedded.node().error("the profile's embedded domain has the issues " + embedded.names()
                    + " but the domain file has " + domain.names());
        }
        for (WebIssue issue : embedded.issues()) {
            if (!issue.issue().equals(domain.issue(issue.name()).issue())) {
                throw issue.node().error("the profile's embedded domain gives the issue (" + issue.name()
                        + ") other values than the domain file");
            }
        }
    }

    // ---- profiles --------------------------------------------------------------------------

    private static Preferences readProfile(MapNode space, WebDomain web, Domain domain, List<String> warnings) {
        for (String key : space.keys()) {
            if (!PROFILE_KEYS.contains(key)) {
                Node at = space.keyNode(key);
                warnings.add(at.source() + ":" + at.line() + ": ignored the profile key (" + key + ")");
            }
        }
        MapNode utilities = space.require("issueUtilities").asMap();
        MapNode weightsNode = space.require("issueWeights").asMap();
        utilities.allowOnly(web.names(), "issue");
        weightsNode.allowOnly(web.names(), "issue");
        double[] weights = new double[web.issues().size()];
        BigDecimal[] exactWeights = new BigDecimal[weights.length];
        List<ValueFunction> functions = new ArrayList<>();
        List<Map<String, BigDecimal>> exactTables = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < weights.length; i++) {
            WebIssue issue = web.issues().get(i);
            Node w = weightsNode.get(issue.name());
            if (w == null) {
                throw weightsNode.error("no weight for the issue (" + issue.name() + "); GeniusWeb needs one per issue"
                        + " (0 if it does not matter)");
            }
            exactWeights[i] = decimal(w);
            if (exactWeights[i].signum() < 0) {
                throw w.error("the weight (" + w.asScalar().value() + ") must not be negative");
            }
            sum = sum.add(exactWeights[i]);
            Node u = utilities.get(issue.name());
            if (u == null) {
                throw utilities.error("no utilities for the issue (" + issue.name() + ")");
            }
            Map<String, BigDecimal> exact = new LinkedHashMap<>();
            functions.add(valueFunction(u, issue, exact, warnings));
            exactTables.add(exact);
        }
        if (sum.signum() == 0) {
            throw weightsNode.error("the weights sum to 0; at least one issue must weigh something");
        }
        boolean normalise = Math.abs(sum.doubleValue() - 1) > Tolerances.ROUNDING;
        if (normalise && Math.abs(sum.doubleValue() - 1) > Tolerances.WRITTEN) {
            warnings.add(weightsNode.source() + ":" + weightsNode.line() + ": the weights sum to " + sum.toPlainString()
                    + "; normalised to sum to 1");
        }
        for (int i = 0; i < weights.length; i++) {
            if (normalise) {
                exactWeights[i] = exactWeights[i].divide(sum, MathContext.DECIMAL128);
            }
            weights[i] = exactWeights[i].doubleValue();
        }
        LinearAdditiveUtility utility;
        try {
            utility = new LinearAdditiveUtility(domain, weights, functions);
        } catch (IllegalArgumentException e) {
            throw weightsNode.error(e.getMessage());
        }
        double reservation = 0;
        Node bid = space.get("reservationBid");
        if (bid != null) {
            reservation = reservation(bid, web, exactWeights, exactTables, warnings);
        }
        return new Preferences(utility, List.of(), reservation, Discount.NONE);
    }

    /** The issue's value function; {@code exact} gets each value's utility as the file wrote it. */
    private static ValueFunction valueFunction(Node node, WebIssue issue, Map<String, BigDecimal> exact, List<String> warnings) {
        MapNode wrapper = node.asMap();
        if (wrapper.keys().size() != 1) {
            throw wrapper.error("expected one key naming the utilities' type (DiscreteValueSetUtilities or"
                    + " NumberValueSetUtilities), found " + wrapper.keys());
        }
        String type = wrapper.keys().iterator().next();
        MapNode body = wrapper.get(type).asMap();
        if (DISCRETE_KEYS.contains(type)) {
            if (issue.numeric()) {
                throw wrapper.keyNode(type).error("the issue (" + issue.name() + ") is a number range; give it"
                        + " NumberValueSetUtilities, not " + type);
            }
            body.allowOnly(Set.of("valueUtilities"));
            MapNode values = body.require("valueUtilities").asMap();
            DiscreteIssue discrete = (DiscreteIssue) issue.issue();
            values.allowOnly(discrete.options(), "value");
            double[] table = new double[discrete.options().size()];
            for (int k = 0; k < table.length; k++) {
                String option = discrete.option(k);
                Node u = values.get(option);
                if (u == null) {
                    warnings.add(values.source() + ":" + values.line() + ": the value (" + option + ") of issue ("
                            + issue.name() + ") has no utility; GeniusWeb scores it 0");
                    exact.put(option, BigDecimal.ZERO);
                    continue;
                }
                BigDecimal x = unit(u);
                exact.put(option, x);
                table[k] = x.doubleValue();
            }
            return new DiscreteValueFunction(table);
        }
        if (NUMBER_KEYS.contains(type)) {
            if (!issue.numeric()) {
                throw wrapper.keyNode(type).error("the issue (" + issue.name() + ") has discrete values; give it"
                        + " DiscreteValueSetUtilities, not " + type);
            }
            body.allowOnly(Set.of("lowValue", "lowUtility", "highValue", "highUtility"));
            BigDecimal lowValue = decimal(body.require("lowValue"));
            BigDecimal highValue = decimal(body.require("highValue"));
            BigDecimal lowUtility = unit(body.require("lowUtility"));
            BigDecimal highUtility = unit(body.require("highUtility"));
            if (highValue.compareTo(lowValue) <= 0) {
                throw body.error("highValue (" + highValue.toPlainString() + ") must be greater than lowValue ("
                        + lowValue.toPlainString() + ")");
            }
            if (lowValue.compareTo(issue.low()) != 0 || highValue.compareTo(issue.high()) != 0) {
                throw body.error("the utilities run from " + lowValue.toPlainString() + " to " + highValue.toPlainString()
                        + " but the issue (" + issue.name() + ") runs from " + issue.low().toPlainString() + " to "
                        + issue.high().toPlainString() + "; GeniusWeb requires the same ends");
            }
            BigDecimal deltaU = highUtility.subtract(lowUtility);
            BigDecimal deltaV = highValue.subtract(lowValue);
            for (BigDecimal x : issue.numbers()) {
                exact.put(text(x), lowUtility.add(deltaU.multiply(x.subtract(lowValue)).divide(deltaV, MathContext.DECIMAL128)));
            }
            if (issue.issue() instanceof IntegerIssue) {
                return PiecewiseLinearValueFunction.linear(lowValue.doubleValue(), lowUtility.doubleValue(),
                        highValue.doubleValue(), highUtility.doubleValue());
            }
            double[] table = new double[issue.numbers().size()];
            for (int k = 0; k < table.length; k++) {
                table[k] = exact.get(text(issue.numbers().get(k))).doubleValue();
            }
            return new DiscreteValueFunction(table);
        }
        throw wrapper.keyNode(type).error("unknown utilities type (" + type + "); expected DiscreteValueSetUtilities"
                + " (or discreteutils) or NumberValueSetUtilities (or numberutils)");
    }

    private static double reservation(Node node, WebDomain web, BigDecimal[] weights, List<Map<String, BigDecimal>> tables,
            List<String> warnings) {
        MapNode bid = node.asMap();
        bid.allowOnly(Set.of("issuevalues"));
        MapNode values = bid.require("issuevalues").asMap();
        values.allowOnly(web.names(), "issue");
        BigDecimal u = BigDecimal.ZERO;
        for (int i = 0; i < web.issues().size(); i++) {
            WebIssue issue = web.issues().get(i);
            Node value = values.get(issue.name());
            if (value == null) {
                warnings.add(values.source() + ":" + values.line() + ": the reservation bid gives no value for the issue ("
                        + issue.name() + "); it counts 0 there, as in GeniusWeb");
                continue;
            }
            String key;
            if (issue.numeric()) {
                BigDecimal x = decimal(value);
                key = issue.numbers().stream().filter(n -> n.compareTo(x) == 0).findFirst().map(GeniusWebReader::text)
                        .orElseThrow(() -> value.error("the issue (" + issue.name() + ") has no value " + x.toPlainString()));
            } else {
                key = value.asString();
                if (!tables.get(i).containsKey(key)) {
                    throw value.error("the issue (" + issue.name() + ") has no value (" + key + "); its values are "
                            + ((DiscreteIssue) issue.issue()).options());
                }
            }
            u = u.add(weights[i].multiply(tables.get(i).get(key)));
        }
        double r = u.doubleValue();
        if (r < 0 || r > 1) {
            throw bid.error("the reservation bid's utility (" + r + ") lies outside [0, 1]");
        }
        return r;
    }

    /**
     * A number exactly as written, within a double's range: GeniusWeb's BigDecimal arithmetic is
     * kept, but Parley computes in doubles, where 1e400 would be infinite (and, normalised against
     * it, every other weight 0). An exponent beyond ±{@value #MAX_EXPONENT} is refused before
     * anything prints it in full: {@code 1e-999999999} written out is a billion characters.
     */
    static BigDecimal decimal(Node node) {
        Node.ScalarNode scalar = node.asScalar();
        String text = scalar.value();
        if (text == null || text.isBlank()) {
            throw node.error("expected a number, found nothing");
        }
        if (scalar.quoted()) {
            throw node.error("expected a number, found the text (\"" + text + "\"), written in quotes; write the number"
                    + " without quotes");
        }
        BigDecimal x;
        try {
            x = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw node.error("expected a number, found (" + text + ")");
        }
        long exponent = (long) x.precision() - x.scale() - 1;
        if (x.signum() != 0 && (exponent > MAX_EXPONENT || exponent < -MAX_EXPONENT
                || Double.isInfinite(x.doubleValue()))) {
            throw node.error("the number (" + text.trim() + ") is out of range: Parley computes with doubles, which"
                    + " hold magnitudes from about 1e-308 to 1.8e308");
        }
        return x;
    }

    private static BigDecimal unit(Node node) {
        BigDecimal x = decimal(node);
        if (x.signum() < 0 || x.compareTo(BigDecimal.ONE) > 0) {
            throw node.error("the utility (" + x.toPlainString() + ") must lie in [0, 1]");
        }
        return x;
    }

    private static boolean isInteger(BigDecimal x) {
        return x.signum() == 0 || x.stripTrailingZeros().scale() <= 0;
    }

    /** A number as an option name: plain, without trailing zeros ("12.5", "100"). */
    static String text(BigDecimal x) {
        return x.signum() == 0 ? "0" : x.stripTrailingZeros().toPlainString();
    }
}
