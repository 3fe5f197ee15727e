package org.parley.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.parley.core.generate.ScenarioGenerator;
import org.parley.core.model.Scenario;
import org.parley.io.ScenarioWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes a random scenario, the same for the same flags. */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "Write a random scenario (for tests and benchmarks); the same flags give the"
        + " same scenario.")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--parties", required = true, paramLabel = "K", description = "Number of parties (1-100).")
    int parties;

    @Option(names = "--issues", required = true, paramLabel = "N", description = "Number of issues (1-1000).")
    int issues;

    @Option(names = "--options", required = true, paramLabel = "M", description = "Options per issue (1-10000).")
    int options;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "Random seed.")
    long seed;

    @Option(names = "--reservation", paramLabel = "MAX",
            description = "Draw each party's reservation value from [0, MAX] (default: ${DEFAULT-VALUE}, none).")
    double reservation = 0;

    @Option(names = "--constraints", paramLabel = "C",
            description = "Number of random hard constraints, spread over the parties (default: ${DEFAULT-VALUE}).")
    int constraints = 0;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write here (.yaml or .json) instead of printing YAML.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ScenarioGenerator.Settings settings;
        try {
            settings = new ScenarioGenerator.Settings(parties, issues, options, seed, reservation, constraints);
        } catch (IllegalArgumentException e) {
            throw new UserException(flagOf(e.getMessage()) + e.getMessage());
        }
        Scenario scenario = ScenarioGenerator.generate(settings);
        if (out == null) {
            spec.commandLine().getOut().print(ScenarioWriter.toYaml(scenario));
        } else {
            String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            if (!name.endsWith(".yaml") && !name.endsWith(".yml") && !name.endsWith(".json")) {
                throw new UserException("--out: expected a file name ending in .yaml, .yml or .json, got " + out + ".");
            }
            try {
                ScenarioWriter.write(scenario, out);
            } catch (java.io.UncheckedIOException e) {
                throw new UserException("--out: " + e.getMessage());
            }
            spec.commandLine().getOut().printf("%s: wrote %s (%d parties, %d issues × %d options, %s outcomes)%n", out,
                    scenario.name(), parties, issues, options, scenario.domain().outcomeCount());
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static String flagOf(String message) {
        for (String flag : new String[] {"parties", "issues", "options", "constraints"}) {
            if (message.startsWith("The number of " + flag + " ")) {
                return "--" + flag + ": ";
            }
        }
        return message.startsWith("The reservation") ? "--reservation: " : "";
    }
}
