package org.parley.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.parley.core.model.AgreementRule;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.Domain;
import org.parley.core.model.Issue;
import org.parley.core.model.Party;
import org.parley.core.model.Scenario;
import org.parley.core.preference.Condition;
import org.parley.core.preference.Constraint;
import org.parley.core.preference.Discount;
import org.parley.core.preference.LinearAdditiveUtility;
import org.parley.core.preference.Preferences;

/** The built-in scenarios (scenarios/*.yaml) built in code, and random ones, for core tests. */
public final class TestScenarios {

    private TestScenarios() {}

    public static Scenario cardassianTalks() {
        Domain domain = domain(
                "defence", List.of("intelligence-sharing", "defensive-pact", "full-alliance"),
                "front", List.of("no-ships", "patrol-support", "battle-group"),
                "occupied-sector", List.of("not-discussed", "humanitarian-access", "withdrawal-timetable"),
                "exchange", List.of("none", "trade-agreement", "technology-transfer"));
        Party federation = party("federation", "conceder", domain,
                new double[][] {{10, 20, 25}, {0, 15, 30}, {0, 15, 25}, {20, 15, 0}}, 35, List.of(),
                Discount.perRound(0.98));
        Party union = party("union", "boulware", domain,
                new double[][] {{5, 20, 30}, {20, 12, 0}, {30, 15, 0}, {0, 10, 20}}, 40, List.of(),
                Discount.perRound(0.995));
        return new Scenario("cardassian-talks", "", domain, List.of(federation, union), null, null);
    }

    public static Scenario tavrikAccord() {
        Domain domain = domain(
                "authority", List.of("federation", "shared-council", "kaldari"),
                "strategic-resources", List.of("federation", "joint-board", "kaldari"),
                "local-resources", List.of("federation", "kaldari-participation", "kaldari-control"),
                "export-control", List.of("vethari-exclusive", "licensed-competition", "open-market"),
                "pricing", List.of("single-price", "negotiated-annually", "market-price"),
                "trust-measures", List.of("none", "medical-aid", "medical-aid-and-trade-analytics"),
                "transition-guarantee", List.of("none", "federation-guarantee"));
        Party federation = party("federation", "conceder", domain,
                new double[][] {{30, 0, 0}, {15, 8, 0}, {5, 4, 2}, {0, 10, 15}, {0, 5, 10}, {10, 6, 4}, {15, 0}}, 40,
                List.of(new Constraint.Require(new Condition.OneOf(0, Set.of(0)))), Discount.NONE);
        Party kaldari = party("kaldari", "linear", domain,
                new double[][] {{0, 10, 15}, {0, 10, 15}, {0, 6, 10}, {0, 10, 15}, {0, 5, 10}, {0, 7, 10}, {0, 25}}, 20,
                List.of(new Constraint.Implication(new Condition.OneOf(3, Set.of(2)), new Condition.OneOf(6, Set.of(1)))),
                Discount.NONE);
        Party vethari = party("vethari", "boulware", domain,
                new double[][] {{5, 5, 10}, {0, 5, 10}, {0, 0, 0}, {40, 15, 0}, {25, 12, 0}, {5, 5, 0}, {10, 0}}, 45,
                List.of(), Discount.NONE);
        return new Scenario("tavrik-accord", "", domain, List.of(federation, kaldari, vethari),
                new AgreementRule(2, Set.of("federation", "kaldari")), null);
    }

    public static Scenario trinityStation() {
        Domain domain = domain(
                "strategy", List.of("flee", "hold", "strike"),
                "technology", List.of("none", "limited", "full"),
                "command", List.of("national", "committee", "supreme-commander"),
                "exodus-forces", List.of("coalition-command", "independent"),
                "burden", List.of("equal", "proportional", "traders-most"));
        Party loyalists = party("loyalists", "linear", domain,
                new double[][] {{0, 30, 10}, {0, 15, 20}, {0, 20, 12}, {10, 5}, {20, 15, 0}}, 35, List.of(), Discount.NONE);
        Party rebels = party("rebels", "boulware", domain,
                new double[][] {{0, 10, 25}, {0, 10, 15}, {15, 0, 30}, {15, 0}, {15, 10, 0}}, 30,
                List.of(new Constraint.Forbid(new Condition.OneOf(2, Set.of(1)))), Discount.NONE);
        Party advent = party("advent", "conceder", domain,
                new double[][] {{0, 15, 25}, {0, 15, 25}, {0, 25, 15}, {10, 5}, {15, 10, 5}}, 30, List.of(), Discount.NONE);
        Party exodus = party("exodus", "boulware", domain,
                new double[][] {{35, 10, 5}, {5, 20, 10}, {15, 10, 10}, {0, 20}, {0, 10, 10}}, 40,
                List.of(new Constraint.Require(new Condition.OneOf(3, Set.of(1)))), Discount.NONE);
        return new Scenario("trinity-station", "", domain, List.of(loyalists, rebels, advent, exodus), null, null);
    }

    /**
     * A random scenario: {@code issues} discrete issues of {@code values} options each, parties with
     * random linear additive utilities, reservation {@code reservation}, default strategy {@code strategy}.
     */
    public static Scenario random(long seed, int parties, int issues, int values, double reservation, String strategy) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Issue> list = new ArrayList<>();
        for (int i = 0; i < issues; i++) {
            List<String> options = new ArrayList<>();
            for (int k = 0; k < values; k++) {
                options.add("v" + k);
            }
            list.add(new DiscreteIssue("issue" + i, options));
        }
        Domain domain = new Domain(list);
        List<Party> result = new ArrayList<>();
        for (int p = 0; p < parties; p++) {
            double[][] points = new double[issues][values];
            for (double[] row : points) {
                for (int k = 0; k < values; k++) {
                    row[k] = random.nextInt(101);
                }
            }
            double scale = 0;
            for (double[] row : points) {
                scale += java.util.Arrays.stream(row).max().orElse(0);
            }
            result.add(new Party("p" + p, "", new Preferences(LinearAdditiveUtility.fromPoints(domain, points, scale),
                    List.of(), reservation, Discount.NONE), strategy));
        }
        return new Scenario("random-" + seed, "", domain, result, null, null);
    }

    private static Domain domain(Object... pairs) {
        List<Issue> issues = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> options = (List<String>) pairs[i + 1];
            issues.add(new DiscreteIssue((String) pairs[i], options));
        }
        return new Domain(issues);
    }

    private static Party party(String name, String strategy, Domain domain, double[][] points, double reservation,
            List<Constraint> constraints, Discount discount) {
        return new Party(name, "", new Preferences(LinearAdditiveUtility.fromPoints(domain, points, 100), constraints,
                reservation / 100, discount), strategy);
    }

    /** Settings with each party's default strategy. */
    public static org.parley.core.negotiation.NegotiationSettings settings(Scenario scenario,
            String protocol, int rounds, long seed) {
        Map<String, org.parley.core.negotiation.StrategySpec> strategies = new java.util.LinkedHashMap<>();
        for (Party party : scenario.parties()) {
            strategies.put(party.name(), org.parley.core.negotiation.StrategySpec.parse(party.strategy()));
        }
        return new org.parley.core.negotiation.NegotiationSettings(protocol,
                org.parley.core.negotiation.Deadline.rounds(rounds), strategies, seed, null);
    }
}
