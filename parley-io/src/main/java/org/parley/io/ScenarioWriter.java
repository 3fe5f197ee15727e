package org.parley.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.core.model.AgreementRule;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.Domain;
import org.parley.core.model.IntegerIssue;
import org.parley.core.model.Issue;
import org.parley.core.model.Party;
import org.parley.core.model.RealIssue;
import org.parley.core.model.Scenario;
import org.parley.core.preference.Condition;
import org.parley.core.preference.Constraint;
import org.parley.core.preference.DiscreteValueFunction;
import org.parley.core.preference.Discount;
import org.parley.core.preference.HyperRectangleUtility;
import org.parley.core.preference.LinearAdditiveUtility;
import org.parley.core.preference.PiecewiseLinearValueFunction;
import org.parley.core.preference.Preferences;
import org.parley.core.preference.ValueFunction;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Writes a scenario in Parley's format (YAML or JSON). Preferences are written as weights and
 * values, which hold any linear additive utility exactly; reading the result gives an equal
 * scenario.
 */
public final class ScenarioWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ScenarioWriter() {}

    public static void write(Scenario scenario, Path file) {
        boolean json = file.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json");
        TextFiles.write(file, json ? toJson(scenario) : toYaml(scenario));
    }

    public static String toYaml(Scenario scenario) {
        DumpSettings settings = DumpSettings.builder()
                .setDefaultFlowStyle(FlowStyle.BLOCK)
                .setIndent(2)
                .setWidth(100)
                .build();
        return new Dump(settings).dumpToString(toTree(scenario));
    }

    public static String toJson(Scenario scenario) {
        try {
            return JSON.writeValueAsString(toTree(scenario)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The scenario as plain maps and lists in the file's schema. */
    public static Map<String, Object> toTree(Scenario scenario) {
        Domain domain = scenario.domain();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", scenario.name());
        if (!scenario.description().isEmpty()) {
            root.put("description", scenario.description());
        }
        if (!scenario.narrative().story().isEmpty()) {
            root.put("story", scenario.narrative().story());
        }
        root.put("issues", issuesTree(domain));
        root.put("agreement", agreementTree(scenario));
        Map<String, Object> parties = new LinkedHashMap<>();
        for (Party party : scenario.parties()) {
            Map<String, Object> tree = partyTree(party, domain);
            String brief = scenario.narrative().brief(party.name());
            if (!brief.isEmpty()) {
                tree.put("brief", brief);
            }
            parties.put(party.name(), tree);
        }
        root.put("parties", parties);
        if (scenario.coalition() != null) {
            Map<String, Object> coalition = new LinkedHashMap<>();
            coalition.put("quota", scenario.coalition().quota());
            coalition.put("weights", new LinkedHashMap<>(scenario.coalition().weights()));
            root.put("coalition", coalition);
        }
        return root;
    }

    /** The issues in the file's schema: name → options, or {type, min, max}, in domain order. */
    public static Map<String, Object> issuesTree(Domain domain) {
        Map<String, Object> issues = new LinkedHashMap<>();
        for (Issue issue : domain.issues()) {
            issues.put(issue.name(), issueTree(issue));
        }
        return issues;
    }

    private static Object issueTree(Issue issue) {
        if (issue instanceof DiscreteIssue discrete) {
            return new ArrayList<>(discrete.options());
        }
        Map<String, Object> map = new LinkedHashMap<>();
        if (issue instanceof IntegerIssue integer) {
            map.put("type", "integer");
            map.put("min", integer.min());
            map.put("max", integer.max());
        } else {
            RealIssue real = (RealIssue) issue;
            map.put("type", "real");
            map.put("min", real.min());
            map.put("max", real.max());
        }
        return map;
    }

    private static Object agreementTree(Scenario scenario) {
        AgreementRule rule = scenario.agreement();
        if (rule.isUnanimity(scenario.parties().size())) {
            return "unanimity";
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("quorum", rule.quorum());
        // Keep the scenario's party order so that the file reads the same every time.
        map.put("required", scenario.partyNames().stream().filter(rule.required()::contains).toList());
        return map;
    }

    private static Map<String, Object> partyTree(Party party, Domain domain) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (!party.role().isEmpty()) {
            map.put("role", party.role());
        }
        if (party.strategy() != null) {
            map.put("strategy", party.strategy());
        }
        if (party.persona() != null) {
            Map<String, Object> persona = new LinkedHashMap<>();
            persona.put("style", party.persona().style().key());
            persona.put("patience", party.persona().patience());
            persona.put("reciprocity", party.persona().reciprocity());
            map.put("persona", persona);
        }
        if (!party.phrases().phrases().isEmpty()) {
            Map<String, Object> phrases = new LinkedHashMap<>();
            party.phrases().phrases().forEach((kind, lines) -> phrases.put(kind, lines.size() == 1 ? lines.get(0) : lines));
            map.put("phrases", phrases);
        }
        try {
            map.putAll(preferencesTree(party.preferences(), domain));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The preferences of party (" + party.name() + ") " + e.getMessage(), e);
        }
        return map;
    }

    /**
     * One party's preferences in the file's schema (weights and values, or rectangles; then
     * reservation, discount, constraints): what a party block holds beside its role and strategy.
     */
    public static Map<String, Object> preferencesTree(Preferences preferences, Domain domain) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (preferences.utility() instanceof HyperRectangleUtility rectangles) {
            map.put("rectangles", RectangleForm.tree(rectangles, domain));
        } else if (preferences.utility() instanceof LinearAdditiveUtility utility) {
            Map<String, Object> weights = new LinkedHashMap<>();
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < domain.size(); i++) {
                Issue issue = domain.issue(i);
                weights.put(issue.name(), utility.weight(i));
                values.put(issue.name(), valuesTree(issue, utility.valueFunction(i)));
            }
            map.put("weights", weights);
            map.put("values", values);
        } else {
            throw new IllegalArgumentException("are neither linear additive"
                    + " nor hyper-rectangles (" + preferences.utility().getClass().getSimpleName()
                    + "); Parley's scenario format cannot hold them.");
        }
        map.put("reservation", preferences.reservation());
        Discount discount = preferences.discount();
        if (discount.factor() != 1) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("factor", discount.factor());
            d.put("per", discount.basis() == Discount.Basis.PER_ROUND ? "round" : "time");
            map.put("discount", d);
        }
        if (!preferences.constraints().isEmpty()) {
            List<Object> constraints = new ArrayList<>();
            for (Constraint constraint : preferences.constraints()) {
                constraints.add(constraintTree(constraint, domain));
            }
            map.put("constraints", constraints);
        }
        return map;
    }

    private static Object valuesTree(Issue issue, ValueFunction function) {
        if (issue instanceof DiscreteIssue discrete) {
            Map<String, Object> table = new LinkedHashMap<>();
            for (int k = 0; k < discrete.options().size(); k++) {
                table.put(discrete.option(k), function.value(k));
            }
            return table;
        }
        List<Object> pairs = new ArrayList<>();
        if (function instanceof PiecewiseLinearValueFunction curve) {
            double[] xs = curve.xs();
            double[] ys = curve.ys();
            for (int k = 0; k < xs.length; k++) {
                pairs.add(List.of(number(issue, xs[k]), ys[k]));
            }
        } else {
            DiscreteValueFunction table = (DiscreteValueFunction) function;
            double[] ys = table.values();
            for (int k = 0; k < ys.length; k++) {
                pairs.add(List.of(number(issue, table.offset() + k), ys[k]));
            }
        }
        return pairs;
    }

    private static Object number(Issue issue, double x) {
        return issue instanceof IntegerIssue && x == Math.rint(x) ? (Object) (long) x : (Object) x;
    }

    private static Object constraintTree(Constraint constraint, Domain domain) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (constraint instanceof Constraint.Require require) {
            map.put("require", conditionTree(require.condition(), domain));
        } else if (constraint instanceof Constraint.Forbid forbid) {
            map.put("forbid", conditionTree(forbid.condition(), domain));
        } else {
            Constraint.Implication implication = (Constraint.Implication) constraint;
            map.put("if", conditionTree(implication.ifCondition(), domain));
            map.put("then", conditionTree(implication.thenCondition(), domain));
        }
        return map;
    }

    private static Object conditionTree(Condition condition, Domain domain) {
        Issue issue = domain.issue(condition.issue());
        Map<String, Object> map = new LinkedHashMap<>();
        if (condition instanceof Condition.OneOf oneOf) {
            List<String> options = oneOf.options().stream().sorted().map(k -> issue.format(k)).toList();
            map.put(issue.name(), options.size() == 1 ? options.get(0) : options);
        } else {
            Condition.InRange range = (Condition.InRange) condition;
            if (range.min() == range.max()) {
                map.put(issue.name(), number(issue, range.min()));
            } else {
                Map<String, Object> bounds = new LinkedHashMap<>();
                if (Double.isFinite(range.min())) {
                    bounds.put("min", number(issue, range.min()));
                }
                if (Double.isFinite(range.max())) {
                    bounds.put("max", number(issue, range.max()));
                }
                map.put(issue.name(), bounds);
            }
        }
        return map;
    }
}
