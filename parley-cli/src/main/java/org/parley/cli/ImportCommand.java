package org.parley.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.parley.core.model.Scenario;
import org.parley.io.ScenarioWriter;
import org.parley.io.interop.Imported;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Reads a scenario in any registered format (GENIUS, GeniusWeb, ...) and writes it in Parley's format. */
@Command(name = "import", mixinStandardHelpOptions = true, description = {
        "Read a scenario in another format (GENIUS, GeniusWeb, ...) and write it in Parley's format (YAML; JSON for a"
                + " .json --out).",
        "PATH is a folder, a domain file (its profiles are found beside it), or the domain and profile files."})
final class ImportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "A folder, a domain file, or domain and profile files.")
    List<Path> paths;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the scenario here (default: standard output).")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", completionCandidates = Listings.ScenarioFormatKeys.class,
            description = "Read the files as this format (${COMPLETION-CANDIDATES}) instead of telling it from them.")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        Imported imported = format == null ? Scenarios.load(paths, err) : Scenarios.load(paths, Scenarios.format(format), err);
        Scenario scenario = imported.scenario();
        if (out == null) {
            spec.commandLine().getOut().print(ScenarioWriter.toYaml(scenario));
            spec.commandLine().getOut().flush();
        } else {
            ScenarioWriter.write(scenario, out);
            spec.commandLine().getOut().printf("wrote %s: scenario %s from %s, %d issues, %d parties (%s)%n", out,
                    scenario.name(), imported.format().title(), scenario.domain().size(), scenario.parties().size(),
                    String.join(", ", scenario.partyNames()));
        }
        return 0;
    }
}
