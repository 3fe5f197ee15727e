package org.parley.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parley.core.generate.ScenarioGenerator;
import org.parley.core.model.Scenario;
import org.parley.io.ReadLimits;
import org.parley.io.ScenarioWriter;
import org.parley.io.TextFiles;
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

    @Option(names = "--discount", paramLabel = "MIN",
            description = "Give each party a per-round discount factor drawn from [MIN, 1) (default: none).")
    double discount = 1;

    @Option(names = "--quorum", paramLabel = "Q",
            description = "Agreement rule: any Q of the parties must sign (default: unanimity).")
    int quorum = 0;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write here (.yaml or .json) instead of printing YAML.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ScenarioGenerator.Settings settings;
        try {
            settings = new ScenarioGenerator.Settings(parties, issues, options, seed, reservation, constraints,
                    discount, quorum);
        } catch (IllegalArgumentException e) {
            throw new UserException(flagOf(e.getMessage()) + e.getMessage());
        }
        long values = (long) parties * issues * options;
        if (values > ReadLimits.MAX_GENERATED_VALUES) {
            throw new UserException(String.format(Locale.ROOT, "--parties × --issues × --options is %,d values, more than"
                    + " the %,d generate writes: a larger file would pass the limits every reader keeps (%s, %,d values;"
                    + " docs/scenario-format.md, Limits), so it could not be read back.", values,
                    ReadLimits.MAX_GENERATED_VALUES, ReadLimits.megabytes(ReadLimits.MAX_DOCUMENT_CHARS),
                    ReadLimits.MAX_NODES));
        }
        boolean json = out != null && out.toString().toLowerCase(Locale.ROOT).endsWith(".json");
        if (out != null) {
            String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".yaml") && !name.endsWith(".yml") && !name.endsWith(".json")) {
                throw new UserException("--out: expected a file name ending in .yaml, .yml or .json, got " + out + ".");
            }
        }
        Scenario scenario = ScenarioGenerator.generate(settings);
        String text = json ? ScenarioWriter.toJson(scenario) : ScenarioWriter.toYaml(scenario);
        if (text.length() > ReadLimits.MAX_DOCUMENT_CHARS) {
            // MAX_GENERATED_VALUES is chosen so that this cannot happen; if it does, write nothing unreadable.
            throw new IllegalStateException("The generated scenario is " + ReadLimits.megabytes(text.length())
                    + ", more than the readers take.");
        }
        if (out == null) {
            spec.commandLine().getOut().print(text);
        } else {
            try {
                TextFiles.write(out, text);
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
        if (message.startsWith("The discount")) {
            return "--discount: ";
        }
        if (message.startsWith("The quorum")) {
            return "--quorum: ";
        }
        return message.startsWith("The reservation") ? "--reservation: " : "";
    }
}
