package org.parley.core.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.parley.api.Stable;
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

/**
 * Random scenarios for tests and benchmarks, the same for the same settings and seed. Each party
 * scores each issue with integer points: an issue weight of 1–100 points, its options 0 up to
 * that weight (one option gets the full weight); utility = points / the party's total weight, so
 * every party's best outcome is worth 1. Reservation values are drawn uniformly from
 * [0, maxReservation]; hard constraints (require an option, forbid one, or "if option then
 * option" across two issues) go to random parties. With {@code minDiscount} below 1 each party gets
 * a per-round discount factor drawn uniformly from [minDiscount, 1) (two decimals would make most of
 * them 1, so three); with {@code quorum} from 1 to parties − 1 the agreement rule is "quorum of
 * parties, none required", else unanimity. Discounts and the rule are drawn after everything else,
 * so that adding them leaves the rest of a scenario as it was.
 */
@Stable
public final class ScenarioGenerator {

    /** What to generate. */
    public record Settings(int parties, int issues, int options, long seed, double maxReservation, int constraints,
            double minDiscount, int quorum) {

        public static final int MAX_PARTIES = 100;
        public static final int MAX_ISSUES = 1000;
        public static final int MAX_OPTIONS = 10_000;
        public static final int MAX_CONSTRAINTS = 10_000;

        public Settings {
            check(parties, 1, MAX_PARTIES, "parties");
            check(issues, 1, MAX_ISSUES, "issues");
            check(options, 1, MAX_OPTIONS, "options");
            check(constraints, 0, MAX_CONSTRAINTS, "constraints");
            if (!(maxReservation >= 0 && maxReservation <= 1)) {
                throw new IllegalArgumentException("The reservation maximum (" + maxReservation
                        + ") must lie in [0, 1]; reservation values are utilities.");
            }
            if (!(minDiscount > 0 && minDiscount <= 1)) {
                throw new IllegalArgumentException("The discount minimum (" + minDiscount
                        + ") must lie in (0, 1]; 1 is no discount.");
            }
            if (quorum < 0 || quorum > parties) {
                throw new IllegalArgumentException("The quorum (" + quorum + ") must be from 0 (unanimity) to the"
                        + " number of parties (" + parties + ").");
            }
        }

        public Settings(int parties, int issues, int options, long seed, double maxReservation, int constraints) {
            this(parties, issues, options, seed, maxReservation, constraints, 1, 0);
        }

        public Settings(int parties, int issues, int options, long seed) {
            this(parties, issues, options, seed, 0, 0);
        }

        private static void check(int value, int min, int max, String what) {
            if (value < min || value > max) {
                throw new IllegalArgumentException("The number of " + what + " (" + value + ") must be from " + min
                        + " to " + max + ".");
            }
        }
    }

    private ScenarioGenerator() {}

    public static Scenario generate(Settings settings) {
        Random random = new Random(settings.seed());
        List<Issue> issues = new ArrayList<>();
        for (int i = 0; i < settings.issues(); i++) {
            List<String> options = new ArrayList<>();
            for (int o = 0; o < settings.options(); o++) {
                options.add("o" + (o + 1));
            }
            issues.add(new DiscreteIssue("issue-" + (i + 1), options));
        }
        Domain domain = new Domain(issues);
        List<List<Constraint>> constraints = new ArrayList<>();
        for (int p = 0; p < settings.parties(); p++) {
            constraints.add(new ArrayList<>());
        }
        double[][][] points = new double[settings.parties()][][];
        double[] scales = new double[settings.parties()];
        double[] reservations = new double[settings.parties()];
        for (int p = 0; p < settings.parties(); p++) {
            points[p] = new double[settings.issues()][settings.options()];
            for (int i = 0; i < settings.issues(); i++) {
                int weight = 1 + random.nextInt(100);
                int best = random.nextInt(settings.options());
                for (int o = 0; o < settings.options(); o++) {
                    points[p][i][o] = o == best ? weight : random.nextInt(weight + 1);
                }
                scales[p] += weight;
            }
            // Two decimals, as a person would write it.
            reservations[p] = Math.floor(random.nextDouble() * settings.maxReservation() * 100) / 100;
        }
        for (int c = 0; c < settings.constraints(); c++) {
            constraints.get(random.nextInt(settings.parties())).add(constraint(random, settings));
        }
        Discount[] discounts = new Discount[settings.parties()];
        for (int p = 0; p < settings.parties(); p++) {
            discounts[p] = settings.minDiscount() >= 1 ? Discount.NONE : Discount.perRound(Math.min(0.999,
                    Math.floor((settings.minDiscount() + random.nextDouble() * (1 - settings.minDiscount())) * 1000)
                            / 1000));
        }
        List<Party> parties = new ArrayList<>();
        for (int p = 0; p < settings.parties(); p++) {
            var utility = LinearAdditiveUtility.fromPoints(domain, points[p], scales[p]);
            parties.add(new Party("party-" + (p + 1),
                    new Preferences(utility, constraints.get(p), reservations[p], discounts[p])));
        }
        String name = String.format("generated-k%d-n%d-m%d-s%d", settings.parties(), settings.issues(),
                settings.options(), settings.seed());
        String description = String.format("Random scenario: %d parties, %d issues of %d options, seed %d,"
                + " reservations up to %s, %d hard constraints%s%s.", settings.parties(), settings.issues(),
                settings.options(), settings.seed(), settings.maxReservation(), settings.constraints(),
                settings.minDiscount() < 1 ? ", discounts from " + settings.minDiscount() : "",
                settings.quorum() > 0 && settings.quorum() < settings.parties()
                        ? ", " + settings.quorum() + " of " + settings.parties() + " must sign" : "");
        var partyNames = parties.stream().map(Party::name).toList();
        AgreementRule rule = settings.quorum() > 0 && settings.quorum() < settings.parties()
                ? new AgreementRule(settings.quorum(), java.util.Set.of()) : null;
        return new Scenario(name, description, domain, parties, rule, null);
    }

    private static Constraint constraint(Random random, Settings settings) {
        int kind = settings.issues() == 1 ? random.nextInt(2) : random.nextInt(3);
        Condition first = condition(random, random.nextInt(settings.issues()), settings.options());
        return switch (kind) {
            case 0 -> new Constraint.Forbid(first);
            case 1 -> new Constraint.Require(
                    condition(random, first.issue(), settings.options(), Math.max(1, settings.options() / 2)));
            default -> {
                int other = random.nextInt(settings.issues() - 1);
                other = other >= first.issue() ? other + 1 : other;
                yield new Constraint.Implication(first, condition(random, other, settings.options()));
            }
        };
    }

    private static Condition condition(Random random, int issue, int options) {
        return new Condition.OneOf(issue, Set.of(random.nextInt(options)));
    }

    /** A condition that the issue takes one of {@code count} distinct random options. */
    private static Condition condition(Random random, int issue, int options, int count) {
        List<Integer> all = new ArrayList<>();
        for (int o = 0; o < options; o++) {
            all.add(o);
        }
        java.util.Collections.shuffle(all, random);
        return new Condition.OneOf(issue, Set.copyOf(all.subList(0, count)));
    }
}
