package org.parley.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.IntegerIssue;
import org.parley.core.model.Issue;
import org.parley.core.model.Party;
import org.parley.core.model.RealIssue;
import org.parley.core.model.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Validates scenario files and summarises them; exits non-zero on the first bad one. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Validate scenario files and print a summary of each.")
final class CheckCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (YAML or JSON), or GENIUS / GeniusWeb"
            + " folders or domain files.")
    Path[] files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        for (Path file : files) {
            Scenario scenario = Scenarios.load(file, spec.commandLine().getErr());
            out.printf("%s: ok — scenario %s, %d issues, %d parties, %s outcomes%n", file, scenario.name(),
                    scenario.domain().size(), scenario.parties().size(), count(scenario));
            for (Issue issue : scenario.domain().issues()) {
                out.printf("  issue %-24s %s%n", issue.name(), describe(issue));
            }
            out.printf("  %-30s %s%n", "agreement rule", scenario.agreement().describe(scenario.partyNames()));
            for (Party party : scenario.parties()) {
                out.printf("  party %-24s reservation %.2f, %d constraint(s)%s%n", party.name(),
                        party.preferences().reservation(), party.preferences().constraints().size(),
                        party.strategy() == null ? "" : ", plays " + party.strategy());
            }
        }
        return 0;
    }

    private static String count(Scenario scenario) {
        var count = scenario.domain().outcomeCount();
        return count.signum() < 0 ? "uncountably many (real issues)" : outcomes(count);
    }

    /**
     * A count as people read it: whole up to 15 digits, else its magnitude ("about 1.00 × 10^2000"),
     * since 1,000 issues of 100 options make a number of 2,001 digits.
     */
    static String outcomes(java.math.BigInteger count) {
        String digits = count.toString();
        if (digits.length() <= 15) {
            return digits;
        }
        return "about " + digits.charAt(0) + "." + digits.substring(1, 3) + " × 10^" + (digits.length() - 1);
    }

    private static String describe(Issue issue) {
        if (issue instanceof DiscreteIssue d) {
            return String.join(" · ", d.options());
        } else if (issue instanceof IntegerIssue i) {
            return "integer " + i.min() + ".." + i.max();
        }
        RealIssue r = (RealIssue) issue;
        return "real " + r.min() + ".." + r.max();
    }
}
