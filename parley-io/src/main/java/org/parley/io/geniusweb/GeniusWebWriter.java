package org.parley.io.geniusweb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.Domain;
import org.parley.core.model.IntegerIssue;
import org.parley.core.model.Issue;
import org.parley.core.model.OutcomeSpace;
import org.parley.core.model.Party;
import org.parley.core.model.RealIssue;
import org.parley.core.model.Scenario;
import org.parley.core.model.Tolerances;
import org.parley.core.preference.LinearAdditiveUtility;
import org.parley.core.preference.Preferences;
import org.parley.core.preference.ValueFunction;
import org.parley.io.TextFiles;
import org.parley.io.interop.ExportChecks;
import org.parley.io.interop.Exported;
import org.parley.io.interop.NumericShapes;
import org.parley.io.interop.PartyNames;

/**
 * Writes a scenario as GeniusWeb files: the domain {@code NAME.json} and a
 * {@code LinearAdditiveUtilitySpace} profile {@code NAME_PARTY.json} per party (with the domain
 * embedded and the party's name as the profile's name). GeniusWeb has no reservation value, only a
 * reservation bid: the writer picks an outcome whose utility, computed as GeniusWeb does from the
 * numbers written, is the reservation value (none when it is 0), and says so when no outcome is
 * worth exactly that. A party whose weights sum to less than 1 gets weights scaled up and values
 * scaled down by the same factor, which keeps every utility. A numeric issue some party values
 * non-linearly becomes discrete values (GeniusWeb's number utilities are linear); a real issue
 * becomes a range of 11 numbers, as Parley's analysis discretises it.
 */
public final class GeniusWebWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    /** Outcomes searched for a reservation bid; beyond, the best found so far is used. */
    private static final long SEARCH_LIMIT = 2_000_000;

    private GeniusWebWriter() {}

    /** How one issue is written: its values (discrete or listed numbers) or its number range. */
    private record Written(Issue issue, List<String> values, BigDecimal[] numbers, Map<String, Object> json) {

        boolean range() {
            return values == null;
        }
    }

    public static Exported write(Scenario scenario, Path folder) {
        List<String> warnings = new ArrayList<>();
        ExportChecks.reportLosses(scenario, new GeniusWebFormat().title(), false, warnings);
        for (Party party : scenario.parties()) {
            if (!(party.preferences().utility() instanceof LinearAdditiveUtility)) {
                throw new IllegalArgumentException("The utility of party (" + party.name() + ") is not linear additive ("
                        + party.preferences().utility().getClass().getSimpleName() + "); GeniusWeb's"
                        + " LinearAdditiveUtilitySpace cannot hold it. Export it to GENIUS instead.");
            }
        }
        List<Written> issues = issues(scenario, warnings);
        Map<String, Object> domainJson = domainJson(scenario.name(), issues);
        String stem = PartyNames.fileSafe(scenario.name());
        List<Path> files = new ArrayList<>();
        Path domainFile = folder.resolve(stem + ".json");
        List<String> profileTexts = new ArrayList<>();
        List<Path> profileFiles = new ArrayList<>();
        for (Party party : scenario.parties()) {
            profileTexts.add(json(profileJson(party, domainJson, issues, warnings)));
            profileFiles.add(folder.resolve(stem + "_" + PartyNames.fileSafe(party.name()) + ".json"));
        }
        if (profileFiles.stream().distinct().count() != profileFiles.size()) {
            throw new IllegalArgumentException("Two parties' names give the same file name; rename them.");
        }
        TextFiles.write(domainFile, json(domainJson));
        files.add(domainFile);
        for (int p = 0; p < profileFiles.size(); p++) {
            TextFiles.write(profileFiles.get(p), profileTexts.get(p));
            files.add(profileFiles.get(p));
        }
        return new Exported(new GeniusWebFormat(), files, warnings);
    }

    private static List<Written> issues(Scenario scenario, List<String> warnings) {
        Domain domain = scenario.domain();
        List<Written> result = new ArrayList<>();
        for (int i = 0; i < domain.size(); i++) {
            Issue issue = domain.issue(i);
            Map<String, Object> json = new LinkedHashMap<>();
            if (issue instanceof DiscreteIssue discrete) {
                json.put("values", discrete.options());
                result.add(new Written(issue, discrete.options(), null, json));
                continue;
            }
            BigDecimal[] numbers = numbers(issue);
            if (issue instanceof RealIssue) {
                warnings.add("the real issue (" + issue.name() + ") is written as the range of its "
                        + numbers.length + " evenly spaced numbers: GeniusWeb number ranges have a step");
            }
            boolean linear = true;
            for (Party party : scenario.parties()) {
                LinearAdditiveUtility utility = (LinearAdditiveUtility) party.preferences().utility();
                linear &= NumericShapes.line(utility.valueFunction(i), issue) != null;
            }
            if (linear) {
                Map<String, Object> range = new LinkedHashMap<>();
                range.put("low", numbers[0]);
                range.put("high", numbers[numbers.length - 1]);
                range.put("step", numbers.length == 1 ? BigDecimal.ONE : numbers[1].subtract(numbers[0]));
                json.put("range", range);
                result.add(new Written(issue, null, numbers, json));
            } else {
                List<String> values = new ArrayList<>();
                for (BigDecimal x : numbers) {
                    values.add(GeniusWebReader.text(x));
                }
                warnings.add("the numeric issue (" + issue.name() + ") is written as " + values.size() + " discrete values:"
                        + " a party values it non-linearly and GeniusWeb's number utilities are linear");
                json.put("values", values);
                result.add(new Written(issue, values, numbers, json));
            }
        }
        return result;
    }

    /** The numbers an integer or real issue is written with: every integer, or 11 evenly spaced reals. */
    private static BigDecimal[] numbers(Issue issue) {
        if (issue instanceof IntegerIssue integer) {
            if (integer.size() > 100_000) {
                throw new IllegalArgumentException("The integer issue (" + issue.name() + ") has " + integer.size()
                        + " values; too many to write for GeniusWeb.");
            }
            BigDecimal[] numbers = new BigDecimal[(int) integer.size()];
            for (int k = 0; k < numbers.length; k++) {
                numbers[k] = BigDecimal.valueOf(integer.min() + k);
            }
            return numbers;
        }
        RealIssue real = (RealIssue) issue;
        BigDecimal low = new BigDecimal(Double.toString(real.min()));
        BigDecimal high = new BigDecimal(Double.toString(real.max()));
        if (low.compareTo(high) == 0) {
            return new BigDecimal[] {low};
        }
        int n = OutcomeSpace.DEFAULT_REAL_STEPS;
        BigDecimal step = high.subtract(low).divide(BigDecimal.valueOf(n - 1L), MathContext.DECIMAL64);
        BigDecimal[] numbers = new BigDecimal[n];
        for (int k = 0; k < n; k++) {
            numbers[k] = k == n - 1 ? high : low.add(step.multiply(BigDecimal.valueOf(k)));
        }
        return numbers;
    }

    private static Map<String, Object> domainJson(String name, List<Written> issues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Written issue : issues) {
            values.put(issue.issue().name(), issue.json());
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", name);
        root.put("issuesValues", values);
        return root;
    }

    private static Map<String, Object> profileJson(Party party, Map<String, Object> domainJson, List<Written> issues,
            List<String> warnings) {
        Preferences preferences = party.preferences();
        LinearAdditiveUtility utility = (LinearAdditiveUtility) preferences.utility();
        double[] weights = utility.weights();
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        // GeniusWeb's weights sum to 1 and its values need not reach 1: move any shortfall into the values.
        double scale = Math.abs(sum - 1) > Tolerances.ROUNDING && sum > 0 ? sum : 1;
        Map<String, Object> utilities = new LinkedHashMap<>();
        Map<String, Object> weightJson = new LinkedHashMap<>();
        List<Map<String, BigDecimal>> exact = new ArrayList<>();
        BigDecimal[] exactWeights = new BigDecimal[weights.length];
        for (int i = 0; i < issues.size(); i++) {
            Written issue = issues.get(i);
            ValueFunction f = utility.valueFunction(i);
            Map<String, BigDecimal> table = new LinkedHashMap<>();
            Map<String, Object> body = new LinkedHashMap<>();
            if (issue.range()) {
                double[] line = NumericShapes.line(f, issue.issue());
                BigDecimal lowUtility = decimal(line[0] * scale);
                BigDecimal highUtility = decimal(line[1] * scale);
                BigDecimal low = issue.numbers()[0];
                BigDecimal high = issue.numbers()[issue.numbers().length - 1];
                body.put("lowValue", low);
                body.put("lowUtility", lowUtility);
                body.put("highValue", high);
                body.put("highUtility", highUtility);
                for (BigDecimal x : issue.numbers()) {
                    BigDecimal u = high.compareTo(low) == 0 ? lowUtility : lowUtility.add(highUtility.subtract(lowUtility)
                            .multiply(x.subtract(low)).divide(high.subtract(low), MathContext.DECIMAL128));
                    table.put(GeniusWebReader.text(x), u);
                }
                utilities.put(issue.issue().name(), Map.of("NumberValueSetUtilities", body));
            } else {
                Map<String, Object> values = new LinkedHashMap<>();
                for (int k = 0; k < issue.values().size(); k++) {
                    double x = issue.numbers() == null ? k : issue.numbers()[k].doubleValue();
                    BigDecimal u = decimal(Math.min(1, f.value(x) * scale));
                    values.put(issue.values().get(k), u);
                    table.put(issue.values().get(k), u);
                }
                body.put("valueUtilities", values);
                utilities.put(issue.issue().name(), Map.of("DiscreteValueSetUtilities", body));
            }
            exact.add(table);
            exactWeights[i] = decimal(weights[i] / scale);
            weightJson.put(issue.issue().name(), exactWeights[i]);
        }
        Map<String, Object> space = new LinkedHashMap<>();
        space.put("issueUtilities", utilities);
        space.put("issueWeights", weightJson);
        space.put("domain", domainJson);
        space.put("name", party.name());
        if (preferences.reservation() > 0) {
            Map<String, Object> bid = reservationBid(party, issues, exact, exactWeights, preferences.reservation(), warnings);
            if (bid != null) {
                space.put("reservationBid", Map.of("issuevalues", bid));
            }
        }
        return Map.of("LinearAdditiveUtilitySpace", space);
    }

    /**
     * An outcome worth the reservation value, as GeniusWeb computes utilities (in decimals, from the
     * numbers written); when none is worth exactly that, the best one worth less, with a warning.
     */
    private static Map<String, Object> reservationBid(Party party, List<Written> issues, List<Map<String, BigDecimal>> tables,
            BigDecimal[] weights, double reservation, List<String> warnings) {
        int n = issues.size();
        List<List<String>> keys = new ArrayList<>();
        double[][] terms = new double[n][];
        long count = 1;
        for (int i = 0; i < n; i++) {
            List<String> k = new ArrayList<>(tables.get(i).keySet());
            keys.add(k);
            terms[i] = new double[k.size()];
            for (int j = 0; j < k.size(); j++) {
                terms[i][j] = weights[i].doubleValue() * tables.get(i).get(k.get(j)).doubleValue();
            }
            count = count > SEARCH_LIMIT ? count : count * k.size();
        }
        int[] index = new int[n];
        int[] best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        long searched = 0;
        while (searched < SEARCH_LIMIT) {
            double u = 0;
            for (int i = 0; i < n; i++) {
                u += terms[i][index[i]];
            }
            if (Math.abs(u - reservation) < Tolerances.ACCEPTANCE) {
                BigDecimal exact = BigDecimal.ZERO;
                for (int i = 0; i < n; i++) {
                    exact = exact.add(weights[i].multiply(tables.get(i).get(keys.get(i).get(index[i]))));
                }
                if (exact.doubleValue() == reservation) {
                    return bid(issues, keys, index);
                }
            }
            if (u <= reservation + Tolerances.ACCEPTANCE && u > bestValue) {
                bestValue = u;
                best = index.clone();
            }
            searched++;
            int i = n - 1;
            while (i >= 0 && ++index[i] == keys.get(i).size()) {
                index[i] = 0;
                i--;
            }
            if (i < 0) {
                break;
            }
        }
        String where = searched >= SEARCH_LIMIT && count > SEARCH_LIMIT ? " among the first " + SEARCH_LIMIT + " outcomes" : "";
        if (best == null) {
            warnings.add("party (" + party.name() + "): no outcome" + where + " is worth at most its reservation value ("
                    + reservation + "), and GeniusWeb states a reservation only as a bid; written without one (0)");
            return null;
        }
        warnings.add("party (" + party.name() + "): no outcome" + where + " is worth exactly its reservation value ("
                + reservation + "), and GeniusWeb states a reservation only as a bid; the reservation bid written is"
                + " worth " + bestValue);
        return bid(issues, keys, best);
    }

    private static Map<String, Object> bid(List<Written> issues, List<List<String>> keys, int[] index) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < issues.size(); i++) {
            Written issue = issues.get(i);
            String key = keys.get(i).get(index[i]);
            values.put(issue.issue().name(), issue.range() ? (Object) new BigDecimal(key) : key);
        }
        return values;
    }

    /** The double's shortest decimal form, as GeniusWeb would read it. */
    private static BigDecimal decimal(double x) {
        return new BigDecimal(Double.toString(x));
    }

    private static String json(Object tree) {
        try {
            return JSON.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
