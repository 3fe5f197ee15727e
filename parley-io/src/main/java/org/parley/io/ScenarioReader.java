package org.parley.io;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.core.model.AgreementRule;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.Domain;
import org.parley.core.model.IntegerIssue;
import org.parley.core.model.Issue;
import org.parley.core.model.Narrative;
import org.parley.core.model.Party;
import org.parley.core.model.Persona;
import org.parley.core.model.Phrasebook;
import org.parley.core.model.RealIssue;
import org.parley.core.model.Scenario;
import org.parley.core.model.Tolerances;
import org.parley.core.model.WeightedVoting;
import org.parley.core.negotiation.StrategySpec;
import org.parley.core.preference.Condition;
import org.parley.core.preference.Constraint;
import org.parley.core.preference.DiscreteValueFunction;
import org.parley.core.preference.Discount;
import org.parley.core.preference.LinearAdditiveUtility;
import org.parley.core.preference.PiecewiseLinearValueFunction;
import org.parley.core.preference.Preferences;
import org.parley.core.preference.UtilityFunction;
import org.parley.core.preference.ValueFunction;
import org.parley.core.strategy.StrategyRegistry;
import org.parley.io.tree.Node;
import org.parley.io.tree.Node.ListNode;
import org.parley.io.tree.Node.MapNode;
import org.parley.io.tree.TreeReader;

/**
 * Reads Parley's scenario format (YAML or JSON, one schema; see docs/scenario-format.md). Every
 * mistake is reported as a {@link FormatException} naming file, line, field and what was expected.
 */
public final class ScenarioReader {

    private static final Set<String> ROOT_KEYS = Set.of("name", "description", "story", "issues", "parties", "agreement",
            "coalition");
    private static final Set<String> PARTY_KEYS = Set.of(
            "role", "description", "brief", "strategy", "persona", "phrases", "points", "scale", "weights", "values",
            "rectangles", "reservation", "discount", "constraints");

    private ScenarioReader() {}

    public static Scenario read(Path file) {
        return parse(TreeReader.read(file));
    }

    /** Reads text; {@code source} names it in errors and, ending in .json, selects JSON. */
    public static Scenario read(String text, String source) {
        boolean json = source.toLowerCase(java.util.Locale.ROOT).endsWith(".json");
        return parse(json ? TreeReader.readJson(text, source) : TreeReader.readYaml(text, source));
    }

    public static Scenario parse(Node root) {
        MapNode map = root.asMap();
        map.allowOnly(ROOT_KEYS);
        String name = map.require("name").asString();
        String description = map.getString("description", "");
        Domain domain = readDomain(map.require("issues"));
        MapNode partiesNode = map.require("parties").asMap();
        if (partiesNode.keys().isEmpty()) {
            throw partiesNode.error("at least one party is required");
        }
        List<Party> parties = new ArrayList<>();
        Map<String, String> briefs = new LinkedHashMap<>();
        for (var entry : partiesNode.entries().entrySet()) {
            parties.add(readParty(entry.getKey(), entry.getValue(), domain, partiesNode));
            MapNode party = entry.getValue().asMap();
            if (party.has("brief")) {
                briefs.put(entry.getKey(), party.get("brief").asString());
            }
        }
        // The public story and each party's confidential brief (Markdown), for role sheets.
        Narrative narrative = new Narrative(map.getString("story", ""), briefs);
        List<String> partyNames = parties.stream().map(Party::name).toList();
        AgreementRule rule = map.has("agreement")
                ? readAgreement(map.get("agreement"), partyNames)
                : AgreementRule.unanimity(partyNames);
        WeightedVoting coalition = map.has("coalition") ? readCoalition(map.get("coalition"), partyNames) : null;
        try {
            return new Scenario(name, description, domain, parties, rule, coalition, narrative);
        } catch (IllegalArgumentException e) {
            throw root.error(e.getMessage());
        }
    }

    private static Domain readDomain(Node node) {
        MapNode issues = node.asMap();
        if (issues.keys().isEmpty()) {
            throw issues.error("at least one issue is required");
        }
        List<Issue> result = new ArrayList<>();
        for (var entry : issues.entries().entrySet()) {
            result.add(readIssue(entry.getKey(), entry.getValue()));
        }
        return new Domain(result);
    }

    private static Issue readIssue(String name, Node node) {
        if (node instanceof ListNode list) {
            return discrete(name, list);
        }
        MapNode map = node.asMap();
        String type = map.getString("type", map.has("options") ? "discrete" : null);
        if (type == null) {
            throw map.error("expected a list of options, or a mapping with (type: discrete | integer | real)");
        }
        try {
            switch (type) {
                case "discrete" -> {
                    map.allowOnly(Set.of("type", "options", "description"));
                    return discrete(name, map.require("options").asList());
                }
                case "integer" -> {
                    map.allowOnly(Set.of("type", "min", "max", "description"));
                    return new IntegerIssue(name, map.require("min").asLong(), map.require("max").asLong());
                }
                case "real" -> {
                    map.allowOnly(Set.of("type", "min", "max", "description"));
                    return new RealIssue(name, map.require("min").asDouble(), map.require("max").asDouble());
                }
                default -> throw map.get("type").error("unknown issue type (" + type + "); expected discrete, integer or real");
            }
        } catch (IllegalArgumentException e) {
            throw map.error(e.getMessage());
        }
    }

    private static DiscreteIssue discrete(String name, ListNode list) {
        if (list.size() == 0) {
            throw list.error("an issue needs at least one option");
        }
        List<String> options = new ArrayList<>();
        Map<String, Node> seen = new HashMap<>();
        for (Node item : list.items()) {
            String option = item.asString();
            if (seen.containsKey(option)) {
                throw item.error("the option (" + option + ") is listed twice (first on line " + seen.get(option).line() + ")");
            }
            seen.put(option, item);
            options.add(option);
        }
        return new DiscreteIssue(name, options);
    }

    private static Party readParty(String name, Node node, Domain domain, MapNode parent) {
        Party party = readPreferences(name, node, domain);
        MapNode map = node.asMap();
        Persona persona = map.has("persona") ? readPersona(map.get("persona")) : null;
        Phrasebook phrases = map.has("phrases") ? readPhrases(map.get("phrases")) : Phrasebook.NONE;
        return new Party(party.name(), party.role(), party.preferences(), party.strategy(), persona, phrases);
    }

    /**
     * A persona: {@code {style: hardliner | pragmatic | cooperative, patience: 0..1, reciprocity: 0..1}},
     * each field optional (a pragmatic diplomat of patience and reciprocity 0.5 fills the gaps).
     */
    private static Persona readPersona(Node node) {
        MapNode map = node.asMap();
        map.allowOnly(Set.of("style", "patience", "reciprocity"));
        Persona.Style style = Persona.DEFAULT.style();
        if (map.has("style")) {
            String text = map.get("style").asString();
            try {
                style = Persona.Style.of(text);
            } catch (IllegalArgumentException e) {
                String hint = Node.closest(text, List.of("hardliner", "pragmatic", "cooperative"));
                throw map.get("style").error("unknown style (" + text + ")" + (hint == null ? "" : "; did you mean ("
                        + hint + ")?") + " The styles are hardliner, pragmatic and cooperative");
            }
        }
        double patience = map.has("patience") ? share(map.get("patience"), "patience") : Persona.DEFAULT.patience();
        double reciprocity = map.has("reciprocity") ? share(map.get("reciprocity"), "reciprocity")
                : Persona.DEFAULT.reciprocity();
        return new Persona(style, patience, reciprocity);
    }

    private static double share(Node node, String what) {
        double x = node.asDouble();
        if (!(x >= 0 && x <= 1)) {
            throw node.error("the " + what + " (" + node.asScalar().value() + ") must lie from 0 to 1");
        }
        return x;
    }

    /** The faction's own lines: kind of reason → a template or a list of them. */
    private static Phrasebook readPhrases(Node node) {
        MapNode map = node.asMap();
        map.allowOnly(Phrasebook.DEFAULTS.keySet(), "kind of line");
        Map<String, List<String>> phrases = new LinkedHashMap<>();
        for (var entry : map.entries().entrySet()) {
            Node value = entry.getValue();
            List<Node> items = value instanceof ListNode list ? list.items() : List.of(value);
            if (items.isEmpty()) {
                throw value.error("give at least one line for (" + entry.getKey() + ")");
            }
            List<String> lines = new ArrayList<>();
            for (Node item : items) {
                String line = item.asString();
                try {
                    Phrasebook.check(line);
                } catch (IllegalArgumentException e) {
                    throw item.error(e.getMessage());
                }
                lines.add(line);
            }
            phrases.put(entry.getKey(), lines);
        }
        return new Phrasebook(phrases);
    }

    private static Party readPreferences(String name, Node node, Domain domain) {
        MapNode map = node.asMap();
        map.allowOnly(PARTY_KEYS);
        String role = map.getString("role", "");
        String strategy = map.getString("strategy", null);
        if (strategy != null) {
            checkStrategy(map.get("strategy"), strategy);
        }
        boolean points = map.has("points");
        boolean weighted = map.has("weights") || map.has("values");
        if (map.has("rectangles")) {
            if (points || weighted || map.has("scale")) {
                throw map.keyNode("rectangles").error("give (rectangles) alone: not with (points), (weights) or (values)");
            }
            UtilityFunction rectangles = RectangleForm.read(map.get("rectangles"), domain);
            double reservation = map.has("reservation") ? readReservation(map.get("reservation"), 1, false) : 0;
            Discount discount = map.has("discount") ? readDiscount(map.get("discount")) : Discount.NONE;
            List<Constraint> constraints = new ArrayList<>();
            if (map.has("constraints")) {
                for (Node item : map.get("constraints").asList().items()) {
                    constraints.add(readConstraint(item, domain));
                }
            }
            return new Party(name, role, new Preferences(rectangles, constraints, reservation, discount), strategy);
        }
        if (points == weighted) {
            throw map.error(points
                    ? "give either (points) or (weights and values), not both"
                    : "the party's preferences are missing: give (points) per issue, (weights) and (values), or (rectangles)");
        }
        LinearAdditiveUtility utility;
        double reservation;
        if (points) {
            if (map.has("weights") || map.has("values")) {
                throw map.error("give either (points) or (weights and values), not both");
            }
            double scale = map.has("scale") ? map.get("scale").asDouble() : 100;
            if (!(scale > 0)) {
                throw map.get("scale").error("the scale must be positive, found (" + scale + ")");
            }
            utility = readPoints(map.require("points"), domain, scale);
            reservation = map.has("reservation") ? readReservation(map.get("reservation"), scale, true) : 0;
        } else {
            if (map.has("scale")) {
                throw map.keyNode("scale").error("(scale) applies to (points) only; weights and values are already in [0, 1]");
            }
            utility = readWeighted(map, domain);
            reservation = map.has("reservation") ? readReservation(map.get("reservation"), 1, false) : 0;
        }
        Discount discount = map.has("discount") ? readDiscount(map.get("discount")) : Discount.NONE;
        List<Constraint> constraints = new ArrayList<>();
        if (map.has("constraints")) {
            for (Node item : map.get("constraints").asList().items()) {
                constraints.add(readConstraint(item, domain));
            }
        }
        return new Party(name, role, new Preferences(utility, constraints, reservation, discount), strategy);
    }

    /**
     * A party's default strategy must be one Parley has, with its parameters right: found by
     * {@code parley check}, with the line, rather than by {@code parley run} later without one.
     */
    private static void checkStrategy(Node node, String text) {
        try {
            new StrategyRegistry().validate(StrategySpec.parse(text));
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    /**
     * The reservation value as a utility. A number is in the party's own unit: points out of the
     * scale when the party is written in points, a utility in [0, 1] otherwise. A percentage
     * ({@code 55%}) is a share of the scale, i.e. a utility of 0.55, in every form. On a points party
     * a number strictly between 0 and 1 is refused: "0.55" there is far more likely a utility
     * written in the wrong unit than 0.55 points, and reading it silently as either would be a guess.
     */
    private static double readReservation(Node node, double scale, boolean points) {
        Node.ScalarNode scalar = node.asScalar();
        String text = scalar.value() == null ? "" : scalar.value().trim();
        if (text.endsWith("%")) {
            double percent;
            try {
                percent = Double.parseDouble(text.substring(0, text.length() - 1).trim());
            } catch (NumberFormatException e) {
                throw node.error("expected a number or a percentage such as 55%, found (" + text + ")");
            }
            if (!(percent >= 0 && percent <= 100)) {
                throw node.error("the reservation (" + text + ") must lie between 0% and 100%");
            }
            return percent / 100;
        }
        double x = node.asDouble();
        if (points && scale > 1 && x > 0 && x < 1) {
            // Worked out in decimal so that the hint reads 55, not 55.00000000000001.
            BigDecimal written = BigDecimal.valueOf(x);
            BigDecimal outOf = BigDecimal.valueOf(scale);
            BigDecimal hundred = BigDecimal.valueOf(100);
            throw node.error("the reservation (" + text + ") is in points on a party written in points (out of "
                    + plain(outOf) + "), so it would mean a utility of " + plain(written.divide(outOf, MathContext.DECIMAL64))
                    + "; for a utility of " + plain(written) + " write " + plain(written.multiply(outOf)) + " or "
                    + plain(written.multiply(hundred)) + "%, for " + plain(written) + " points write "
                    + plain(written.multiply(hundred).divide(outOf, MathContext.DECIMAL64)) + "%");
        }
        if (!(x >= 0 && x <= scale)) {
            throw node.error("the reservation (" + text + ") must lie between 0 and " + format(scale)
                    + (points ? " (points, like the party's scores)" : " (a utility)") + ", or be a percentage such as 55%");
        }
        return x / scale;
    }

    private static LinearAdditiveUtility readPoints(Node node, Domain domain, double scale) {
        MapNode map = node.asMap();
        map.allowOnly(domain.names(), "issue");
        double[] weights = new double[domain.size()];
        List<ValueFunction> functions = new ArrayList<>();
        double best = 0;
        for (int i = 0; i < domain.size(); i++) {
            Issue issue = domain.issue(i);
            Node entry = map.get(issue.name());
            if (entry == null) {
                throw map.error("no points for issue (" + issue.name() + "); give 0 for every option if it does not matter"
                        + " to this party");
            }
            double[][] curve = readCurve(entry, issue, "points", scale);
            double max = 0;
            for (double y : curve[1]) {
                max = Math.max(max, y);
            }
            best += max;
            weights[i] = max / scale;
            double[] normalised = new double[curve[1].length];
            for (int k = 0; k < normalised.length; k++) {
                normalised[k] = max == 0 ? 0 : curve[1][k] / max;
            }
            functions.add(curve[0] == null
                    ? new DiscreteValueFunction(normalised)
                    : new PiecewiseLinearValueFunction(curve[0], normalised));
        }
        if (best > scale * (1 + Tolerances.ACCEPTANCE)) {
            throw map.error("the best outcome scores " + format(best) + " points, more than the scale (" + format(scale)
                    + "); lower some points or raise (scale) so that utilities stay within [0, 1]");
        }
        return new LinearAdditiveUtility(domain, weights, functions);
    }

    private static LinearAdditiveUtility readWeighted(MapNode party, Domain domain) {
        MapNode weightsNode = party.require("weights").asMap();
        MapNode valuesNode = party.require("values").asMap();
        weightsNode.allowOnly(domain.names(), "issue");
        valuesNode.allowOnly(domain.names(), "issue");
        double[] weights = new double[domain.size()];
        double sum = 0;
        List<ValueFunction> functions = new ArrayList<>();
        for (int i = 0; i < domain.size(); i++) {
            Issue issue = domain.issue(i);
            Node w = weightsNode.get(issue.name());
            if (w == null) {
                throw weightsNode.error("no weight for issue (" + issue.name() + "); give 0 if it does not matter to this party");
            }
            weights[i] = w.asDouble();
            if (weights[i] < 0) {
                throw w.error("the weight (" + w.asScalar().value() + ") must not be negative");
            }
            sum += weights[i];
            Node v = valuesNode.get(issue.name());
            if (v == null) {
                throw valuesNode.error("no values for issue (" + issue.name() + ")");
            }
            double[][] curve = readCurve(v, issue, "value", 1);
            functions.add(curve[0] == null
                    ? new DiscreteValueFunction(curve[1])
                    : new PiecewiseLinearValueFunction(curve[0], curve[1]));
        }
        // A sum below 1 is allowed: it caps the best utility below 1, as in a points scenario whose
        // best outcome scores under the scale. Above 1 utilities would leave [0, 1].
        if (sum > 1 + Tolerances.WRITTEN || sum <= 0) {
            throw weightsNode.error("the weights sum to " + format(sum) + "; they must sum to 1 (at most 1, and more"
                    + " than 0)");
        }
        // Absorb rounding slack beyond what the model itself tolerates; within it, keep the weights as
        // written so that a scenario reads back exactly as it was written.
        if (sum > 1 + Tolerances.ACCEPTANCE) {
            for (int i = 0; i < weights.length; i++) {
                weights[i] /= sum;
            }
        }
        return new LinearAdditiveUtility(domain, weights, functions);
    }

    /**
     * Reads an issue's evaluation: for a discrete issue a list in option order or a mapping option →
     * number (result {null, values}); for a numeric one a list of [x, y] pairs (result {xs, ys}).
     */
    private static double[][] readCurve(Node node, Issue issue, String what, double max) {
        if (issue instanceof DiscreteIssue discrete) {
            int n = discrete.options().size();
            double[] values = new double[n];
            if (node instanceof ListNode list) {
                if (list.size() != n) {
                    throw list.error("expected " + n + " " + what + " (one per option of " + issue.name() + ": "
                            + String.join(", ", discrete.options()) + "), found " + list.size());
                }
                for (int k = 0; k < n; k++) {
                    values[k] = bounded(list.get(k), what, max);
                }
            } else {
                MapNode map = node.asMap();
                map.allowOnly(discrete.options(), "option");
                for (int k = 0; k < n; k++) {
                    Node value = map.get(discrete.option(k));
                    if (value == null) {
                        throw map.error("no " + what + " for option (" + discrete.option(k) + ") of issue (" + issue.name()
                                + "); every option needs one");
                    }
                    values[k] = bounded(value, what, max);
                }
            }
            return new double[][] {null, values};
        }
        ListNode list = node.asList();
        if (list.size() == 0) {
            throw list.error("expected [x, " + what + "] pairs for the numeric issue (" + issue.name() + ")");
        }
        double[] xs = new double[list.size()];
        double[] ys = new double[list.size()];
        for (int k = 0; k < list.size(); k++) {
            ListNode pair = list.get(k).asList();
            if (pair.size() != 2) {
                throw pair.error("expected a pair [x, " + what + "], found " + pair.size() + " numbers");
            }
            xs[k] = pair.get(0).asDouble();
            if (!issue.contains(xs[k]) && !(issue instanceof IntegerIssue)) {
                throw pair.get(0).error("x (" + format(xs[k]) + ") lies outside the range of issue (" + issue.name() + ")");
            }
            if (k > 0 && !(xs[k] > xs[k - 1])) {
                throw pair.get(0).error("the x of the pairs must increase: " + format(xs[k]) + " follows " + format(xs[k - 1]));
            }
            ys[k] = bounded(pair.get(1), what, max);
        }
        return new double[][] {xs, ys};
    }

    private static double bounded(Node node, String what, double max) {
        double x = node.asDouble();
        if (x < 0) {
            throw node.error("the " + what + " (" + node.asScalar().value() + ") must not be negative");
        }
        if (x > max) {
            throw node.error("the " + what + " (" + node.asScalar().value() + ") must be at most " + format(max));
        }
        return x;
    }

    private static Discount readDiscount(Node node) {
        if (node instanceof MapNode map) {
            map.allowOnly(Set.of("factor", "per"));
            double factor = discountFactor(map.require("factor"));
            String per = map.getString("per", "round");
            return switch (per) {
                case "round" -> Discount.perRound(factor);
                case "time" -> Discount.overTime(factor);
                default -> throw map.get("per").error("expected (round) or (time), found (" + per + ")");
            };
        }
        return Discount.perRound(discountFactor(node));
    }

    private static double discountFactor(Node node) {
        double factor = node.asDouble();
        if (!(factor > 0 && factor <= 1)) {
            throw node.error("the discount factor (" + node.asScalar().value() + ") must lie in (0, 1]");
        }
        return factor;
    }

    private static Constraint readConstraint(Node node, Domain domain) {
        MapNode map = node.asMap();
        map.allowOnly(Set.of("require", "forbid", "if", "then"));
        if (map.has("if") || map.has("then")) {
            if (map.has("require") || map.has("forbid") || !map.has("if") || !map.has("then")) {
                throw map.error("a conditional constraint has exactly (if) and (then)");
            }
            return new Constraint.Implication(readCondition(map.get("if"), domain), readCondition(map.get("then"), domain));
        }
        if (map.has("require") == map.has("forbid")) {
            throw map.error("a constraint is one of: (require: {issue: value}), (forbid: {issue: value}),"
                    + " or (if: {issue: value}, then: {issue: value})");
        }
        return map.has("require")
                ? new Constraint.Require(readCondition(map.get("require"), domain))
                : new Constraint.Forbid(readCondition(map.get("forbid"), domain));
    }

    private static Condition readCondition(Node node, Domain domain) {
        MapNode map = node.asMap();
        if (map.keys().size() != 1) {
            throw map.error("a condition names exactly one issue, as (issue: value), (issue: [values])"
                    + " or (issue: {min: a, max: b})");
        }
        String issueName = map.keys().iterator().next();
        int index = domain.indexOf(issueName);
        if (index < 0) {
            String hint = Node.closest(issueName, domain.names());
            throw map.keyNode(issueName).error("unknown issue (" + issueName + ")"
                    + (hint == null ? "." : "; did you mean (" + hint + ")?") + " The issues are " + domain.names() + ".");
        }
        Issue issue = domain.issue(index);
        Node value = map.get(issueName);
        if (value == null) {
            throw map.keyNode(issueName).error("the condition on (" + issueName + ") needs a value");
        }
        if (issue instanceof DiscreteIssue discrete) {
            Set<Integer> options = new HashSet<>();
            for (String option : value.asStringList()) {
                int k = discrete.indexOf(option);
                if (k < 0) {
                    String hint = Node.closest(option, discrete.options());
                    throw value.error("the issue (" + issueName + ") has no option (" + option + ")"
                            + (hint == null ? "." : "; did you mean (" + hint + ")?") + " Its options are "
                            + discrete.options() + ".");
                }
                if (!options.add(k)) {
                    throw value.error("the option (" + option + ") is listed twice");
                }
            }
            if (options.isEmpty()) {
                throw value.error("the condition on (" + issueName + ") needs at least one option of " + discrete.options());
            }
            return new Condition.OneOf(index, options);
        }
        if (value instanceof MapNode range) {
            range.allowOnly(Set.of("min", "max"));
            double min = range.has("min") ? range.get("min").asDouble() : Double.NEGATIVE_INFINITY;
            double max = range.has("max") ? range.get("max").asDouble() : Double.POSITIVE_INFINITY;
            if (!range.has("min") && !range.has("max")) {
                throw range.error("a range needs (min), (max) or both");
            }
            if (min > max) {
                throw range.error("the range is empty: min (" + format(min) + ") > max (" + format(max) + ")");
            }
            return new Condition.InRange(index, min, max);
        }
        double x = value.asDouble();
        if (!issue.contains(x)) {
            throw value.error("the value (" + format(x) + ") lies outside the range of issue (" + issueName + ")");
        }
        return new Condition.InRange(index, x, x);
    }

    private static AgreementRule readAgreement(Node node, List<String> parties) {
        if (!(node instanceof MapNode)) {
            String text = node.asString();
            if (text.equals("unanimity")) {
                return AgreementRule.unanimity(parties);
            }
            throw node.error("expected (unanimity) or a mapping with (quorum) and/or (required), found (" + text + ")");
        }
        MapNode map = node.asMap();
        map.allowOnly(Set.of("quorum", "required"));
        List<String> required = map.has("required") ? map.get("required").asStringList() : List.of();
        for (String name : required) {
            if (!parties.contains(name)) {
                throw map.get("required").error("unknown party (" + name + "); the parties are " + parties);
            }
        }
        if (new HashSet<>(required).size() != required.size()) {
            throw map.get("required").error("a party is listed twice");
        }
        int quorum = map.has("quorum") ? map.get("quorum").asInt() : required.size();
        if (!map.has("quorum") && required.isEmpty()) {
            throw map.error("give (quorum), (required) or both");
        }
        if (quorum < 1 || quorum > parties.size()) {
            throw map.get("quorum").error("the quorum (" + quorum + ") must lie between 1 and the number of parties ("
                    + parties.size() + ")");
        }
        if (quorum < required.size()) {
            throw map.get("quorum").error("the quorum (" + quorum + ") is smaller than the number of required parties ("
                    + required.size() + ")");
        }
        return new AgreementRule(quorum, Set.copyOf(required));
    }

    private static WeightedVoting readCoalition(Node node, List<String> parties) {
        MapNode map = node.asMap();
        map.allowOnly(Set.of("quota", "weights"));
        long quota = map.require("quota").asLong();
        if (quota <= 0) {
            throw map.get("quota").error("the quota must be positive");
        }
        MapNode weightsNode = map.require("weights").asMap();
        weightsNode.allowOnly(parties, "party");
        Map<String, Long> weights = new LinkedHashMap<>();
        for (var entry : weightsNode.entries().entrySet()) {
            long w = entry.getValue().asLong();
            if (w < 0) {
                throw entry.getValue().error("the weight must not be negative");
            }
            weights.put(entry.getKey(), w);
        }
        return new WeightedVoting(quota, weights);
    }

    private static String plain(BigDecimal x) {
        return x.stripTrailingZeros().toPlainString();
    }

    static String format(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
