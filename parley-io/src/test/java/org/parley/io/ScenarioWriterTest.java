package org.parley.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import org.parley.core.preference.LinearAdditiveUtility;
import org.parley.core.preference.PiecewiseLinearValueFunction;
import org.parley.core.preference.Preferences;
import org.parley.core.preference.ValueFunction;

class ScenarioWriterTest {

    @Test
    void builtInScenariosSurviveARoundTripThroughYamlAndJson(@TempDir Path dir) {
        for (String name : List.of("trinity-station", "cardassian-talks", "tavrik-accord")) {
            Scenario original = BuiltInScenariosTest.load(name);
            for (String extension : List.of(".yaml", ".json")) {
                Path file = dir.resolve(name + extension);
                ScenarioWriter.write(original, file);
                assertThat(ScenarioReader.read(file)).as(file.toString()).isEqualTo(original);
            }
        }
    }

    @Property(tries = 300)
    void randomScenariosSurviveARoundTrip(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int parties) {
        Scenario original = random(new Random(seed), parties);
        assertThat(ScenarioReader.read(ScenarioWriter.toYaml(original), "x.yaml")).isEqualTo(original);
        assertThat(ScenarioReader.read(ScenarioWriter.toJson(original), "x.json")).isEqualTo(original);
    }

    private static Scenario random(Random random, int partyCount) {
        List<Issue> issues = new ArrayList<>();
        int issueCount = 1 + random.nextInt(4);
        for (int i = 0; i < issueCount; i++) {
            switch (random.nextInt(3)) {
                case 0 -> issues.add(new DiscreteIssue("issue-" + i, List.of("o1", "o2", "o3").subList(0, 1 + random.nextInt(3))));
                case 1 -> issues.add(new IntegerIssue("issue-" + i, -random.nextInt(5), random.nextInt(20)));
                default -> issues.add(new RealIssue("issue-" + i, random.nextDouble(), 1 + random.nextDouble() * 3));
            }
        }
        Domain domain = new Domain(issues);
        List<Party> parties = new ArrayList<>();
        for (int p = 0; p < partyCount; p++) {
            double[] weights = new double[issueCount];
            double sum = 0;
            for (int i = 0; i < issueCount; i++) {
                weights[i] = random.nextDouble();
                sum += weights[i];
            }
            List<ValueFunction> functions = new ArrayList<>();
            for (int i = 0; i < issueCount; i++) {
                weights[i] /= sum * (1 + 1e-12);
                Issue issue = domain.issue(i);
                if (issue instanceof DiscreteIssue d) {
                    double[] values = new double[d.options().size()];
                    for (int k = 0; k < values.length; k++) {
                        values[k] = random.nextDouble();
                    }
                    functions.add(new DiscreteValueFunction(values));
                } else if (issue instanceof IntegerIssue n) {
                    functions.add(PiecewiseLinearValueFunction.linear(n.min(), random.nextDouble(), n.max(), random.nextDouble()));
                } else {
                    RealIssue r = (RealIssue) issue;
                    functions.add(new PiecewiseLinearValueFunction(new double[] {r.min(), (r.min() + r.max()) / 2, r.max()},
                            new double[] {random.nextDouble(), random.nextDouble(), random.nextDouble()}));
                }
            }
            List<Constraint> constraints = new ArrayList<>();
            if (random.nextBoolean() && domain.issue(0) instanceof DiscreteIssue) {
                constraints.add(new Constraint.Forbid(new Condition.OneOf(0, Set.of(0))));
            }
            if (random.nextBoolean() && issueCount > 1 && !(domain.issue(1) instanceof DiscreteIssue)) {
                Condition ifFirst = domain.issue(0) instanceof DiscreteIssue
                        ? new Condition.OneOf(0, Set.of(0))
                        : new Condition.InRange(0, -1, 2.5);
                constraints.add(new Constraint.Implication(ifFirst, new Condition.InRange(1, Double.NEGATIVE_INFINITY, 1)));
            }
            Discount discount = random.nextBoolean() ? Discount.NONE
                    : random.nextBoolean() ? Discount.perRound(0.5 + random.nextDouble() / 2) : Discount.overTime(0.9);
            parties.add(new Party("party-" + p, random.nextBoolean() ? "role " + p : "",
                    new Preferences(new LinearAdditiveUtility(domain, weights, functions), constraints, random.nextDouble() / 2,
                            discount),
                    random.nextBoolean() ? "boulware" : null));
        }
        List<String> names = parties.stream().map(Party::name).toList();
        AgreementRule rule = random.nextBoolean() ? AgreementRule.unanimity(names) : new AgreementRule(1, Set.of(names.get(0)));
        return new Scenario("random", random.nextBoolean() ? "a random scenario" : "", domain, parties, rule, null);
    }
}
