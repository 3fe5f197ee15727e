package org.parley.io.json;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.parley.core.engine.Negotiation;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.Domain;
import org.parley.core.model.IntegerIssue;
import org.parley.core.model.Issue;
import org.parley.core.model.Party;
import org.parley.core.model.RealIssue;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.NegotiationRecord;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.StrategySpec;
import org.parley.core.preference.Discount;
import org.parley.core.preference.DiscreteValueFunction;
import org.parley.core.preference.LinearAdditiveUtility;
import org.parley.core.preference.PiecewiseLinearValueFunction;
import org.parley.core.preference.Preferences;
import org.parley.core.preference.ValueFunction;
import org.parley.core.protocol.Protocols;

/** Random small scenarios and real engine runs on them, for round-trip tests. */
final class RandomRuns {

    static final List<String> STRATEGIES = List.of("boulware", "conceder", "linear", "tit-for-tat", "micro", "random",
            "frequency", "hardliner", "time-dependent:e=0.5,ac=const,alpha=0.7");

    private RandomRuns() {}

    static Scenario scenario(Random random, boolean withReal) {
        int issues = 1 + random.nextInt(3);
        List<Issue> list = new ArrayList<>();
        for (int i = 0; i < issues; i++) {
            int kind = random.nextInt(withReal ? 3 : 2);
            if (kind == 0) {
                List<String> options = new ArrayList<>();
                int n = 2 + random.nextInt(4);
                for (int k = 0; k < n; k++) {
                    options.add("option " + i + "-" + k + (k % 2 == 0 ? " é" : ""));
                }
                list.add(new DiscreteIssue("issue-" + i, options));
            } else if (kind == 1) {
                long min = random.nextInt(20) - 10;
                list.add(new IntegerIssue("count-" + i, min, min + 1 + random.nextInt(6)));
            } else {
                double min = random.nextDouble() * 3 - 1;
                list.add(new RealIssue("level-" + i, min, min + 0.1 + random.nextDouble() * 5));
            }
        }
        Domain domain = new Domain(list);
        int parties = 2 + random.nextInt(2);
        List<Party> partyList = new ArrayList<>();
        for (int p = 0; p < parties; p++) {
            double[] weights = new double[issues];
            double sum = 0;
            for (int i = 0; i < issues; i++) {
                weights[i] = 0.1 + random.nextDouble();
                sum += weights[i];
            }
            List<ValueFunction> functions = new ArrayList<>();
            for (int i = 0; i < issues; i++) {
                weights[i] /= sum * (1 + 1e-12);
                Issue issue = list.get(i);
                if (issue instanceof DiscreteIssue d) {
                    double[] values = new double[d.options().size()];
                    for (int k = 0; k < values.length; k++) {
                        values[k] = random.nextDouble();
                    }
                    values[random.nextInt(values.length)] = 1;
                    functions.add(new DiscreteValueFunction(values));
                } else if (issue instanceof IntegerIssue n) {
                    functions.add(random.nextBoolean() ? PiecewiseLinearValueFunction.linear(n.min(), 0, n.max(), 1)
                            : PiecewiseLinearValueFunction.linear(n.min(), 1, n.max(), 0));
                } else {
                    RealIssue r = (RealIssue) issue;
                    functions.add(random.nextBoolean() ? PiecewiseLinearValueFunction.linear(r.min(), 0, r.max(), 1)
                            : PiecewiseLinearValueFunction.linear(r.min(), 1, r.max(), 0));
                }
            }
            Discount discount = random.nextBoolean() ? Discount.NONE
                    : random.nextBoolean() ? Discount.perRound(0.9 + random.nextDouble() * 0.1)
                            : Discount.overTime(0.5 + random.nextDouble() * 0.5);
            Preferences preferences = new Preferences(new LinearAdditiveUtility(domain, weights, functions), List.of(),
                    random.nextDouble() * 0.5, discount);
            partyList.add(new Party("party-" + p, "", preferences, null));
        }
        return new Scenario("random-" + random.nextInt(1000), domain, partyList);
    }

    static NegotiationSettings settings(Random random, Scenario scenario) {
        String protocol = Protocols.registry().keys().get(random.nextInt(Protocols.registry().keys().size()));
        Map<String, StrategySpec> strategies = new LinkedHashMap<>();
        for (String party : scenario.partyNames()) {
            strategies.put(party, StrategySpec.parse(STRATEGIES.get(random.nextInt(STRATEGIES.size()))));
        }
        Deadline deadline = random.nextInt(4) == 0 ? new Deadline(5 + random.nextInt(40), Duration.ofSeconds(30))
                : Deadline.rounds(5 + random.nextInt(40));
        return new NegotiationSettings(protocol, deadline, strategies, random.nextLong(),
                random.nextBoolean() ? null : Duration.ofMillis(5000));
    }

    static NegotiationRecord run(Scenario scenario, NegotiationSettings settings) {
        Negotiation negotiation = Negotiation.start(scenario, settings);
        negotiation.run();
        return negotiation.session().record();
    }
}
