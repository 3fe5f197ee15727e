package org.parley.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parley.core.model.Scenario;
import org.parley.io.TextFiles;
import org.parley.io.interop.Exported;
import org.parley.io.interop.Format;
import org.parley.io.interop.ScenarioExport;
import org.parley.io.json.NegotiationJson;
import org.parley.store.Archive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * One export command for two kinds of thing, told apart by the format: a stored negotiation (by
 * id) as JSON or CSV, or a scenario (by file) as GENIUS or GeniusWeb files.
 */
@Command(name = "export", description = {
        "Export a stored negotiation or a scenario; the format says which:",
        "  parley export ID --format json|csv [--out FILE]   a negotiation record (an id from parley history, or a"
                + " unique prefix); to standard output without --out",
        "  parley export FILE --format genius|geniusweb --out DIR   a scenario as GENIUS (XML) or GeniusWeb (JSON)"
                + " files: a domain and one profile per party; what the format cannot hold (agreement rules, hard"
                + " constraints, per-round discounts, ...) is listed as warnings."})
final class ExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID|FILE", description = "A record id (json, csv) or a scenario file (genius, geniusweb).")
    String target;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "json or csv (a record); genius or"
            + " geniusweb (a scenario).")
    String format;

    @Option(names = "--out", paramLabel = "FILE|DIR", description = "The file to write a record to (default: standard"
            + " output); the folder to write a scenario's files into (required).")
    Path out;

    @Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String key = format.strip().toLowerCase(Locale.ROOT);
        if (key.equals("json") || key.equals("csv")) {
            return exportRecord(key);
        }
        Format kind;
        try {
            kind = Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw new UserException("--format: Unknown format (" + format + "); expected json or csv for a record,"
                    + " genius or geniusweb for a scenario.");
        }
        if (kind == Format.PARLEY) {
            throw new UserException("--format: expected genius or geniusweb; to write Parley's format use parley import");
        }
        return exportScenario(kind);
    }

    private int exportRecord(String key) {
        Path file = Path.of(target);
        Archive.Entry entry;
        try {
            entry = store.resolve(target);
        } catch (IllegalArgumentException e) {
            if (Files.exists(file)) {
                throw new UserException(target + " is a file, and --format " + key + " exports a negotiation record by"
                        + " its id (parley history lists them); a scenario exports with --format genius or geniusweb.");
            }
            throw e;
        }
        String text = key.equals("json") ? NegotiationJson.pretty(RecordFormats.json(entry)) + "\n"
                : RecordFormats.csv(entry);
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(text);
            stdout.flush();
        } else {
            if (Files.isDirectory(out)) {
                throw new UserException("--out: " + out + " is a folder; name the file to write the record to.");
            }
            TextFiles.write(out, text);
            spec.commandLine().getOut().println("wrote " + out);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    private int exportScenario(Format kind) {
        if (out == null) {
            throw new UserException("--out: a scenario exports to " + kind.label() + " files in a folder; give --out DIR.");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserException("--out: " + out + " is a file; name a folder (it is created when missing)");
        }
        var err = spec.commandLine().getErr();
        Scenario scenario = Scenarios.load(Path.of(target), err);
        Exported exported = ScenarioExport.export(scenario, kind, out);
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
