package org.parley.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.parley.core.model.Scenario;
import org.parley.io.interop.Exported;
import org.parley.io.interop.Format;
import org.parley.io.interop.ScenarioExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Writes a scenario as GENIUS or GeniusWeb files. */
@Command(name = "export", description = {
        "Write a scenario as GENIUS (XML) or GeniusWeb (JSON) files: a domain and one profile per party.",
        "What the format cannot hold (agreement rules, hard constraints, per-round discounts, ...) is listed as warnings."})
final class ExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario (any format Parley reads).")
    Path file;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "genius or geniusweb.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write the files into.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Format target;
        try {
            target = Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw new UserException("--format: " + e.getMessage());
        }
        if (target == Format.PARLEY) {
            throw new UserException("--format: expected genius or geniusweb; to write Parley's format use parley import");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserException("--out: " + out + " is a file; name a folder (it is created when missing)");
        }
        var err = spec.commandLine().getErr();
        Scenario scenario = Scenarios.load(file, err);
        Exported exported = ScenarioExport.export(scenario, target, out);
        for (String warning : exported.warnings()) {
            err.println("warning: " + warning);
        }
        err.flush();
        for (Path written : exported.files()) {
            spec.commandLine().getOut().println("wrote " + written);
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
