package org.parley.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parley.core.model.Scenario;
import org.parley.io.TextFiles;
import org.parley.io.interop.Exported;
import org.parley.io.interop.ScenarioExport;
import org.parley.io.interop.ScenarioFormat;
import org.parley.io.interop.ScenarioFormats;
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
 * id) as JSON or CSV, or a scenario (by file) in any registered scenario format that writes.
 */
@Command(name = "export", mixinStandardHelpOptions = true, description = {
        "Export a stored negotiation or a scenario; the format says which:",
        "  parley export ID --format json|csv [--out FILE]   a negotiation record (an id from parley history, or a"
                + " unique prefix); to standard output without --out",
        "  parley export FILE --format FORMAT --out DIR   a scenario in a scenario format (genius: XML, geniusweb: JSON,"
                + " a domain and one profile per party; the list is below); what the format cannot hold (agreement"
                + " rules, hard constraints, per-round discounts, ...) is listed as warnings."})
final class ExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID|FILE", description = "A record id (json, csv) or a scenario file (genius, geniusweb).")
    String target;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", completionCandidates = Listings.ExportFormatKeys.class,
            description = "json or csv (a record); a scenario format (a scenario): ${COMPLETION-CANDIDATES}.")
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
        ScenarioFormat kind = ScenarioFormats.registry().find(format).orElseThrow(() -> new UserException("--format:"
                + " Unknown format (" + format + "); expected json or csv for a record, " + writable() + " for a scenario."));
        if (!kind.writes()) {
            throw new UserException("--format: the " + kind.title() + " format is read only; a scenario exports as "
                    + writable() + ".");
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
                        + " its id (parley history lists them); a scenario exports with --format " + writable() + ".");
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

    /** The keys of the scenario formats that write, "a, b or c". */
    private static String writable() {
        List<String> keys = ScenarioFormats.writable().stream().map(ScenarioFormat::key).toList();
        return keys.size() == 1 ? keys.get(0)
                : String.join(", ", keys.subList(0, keys.size() - 1)) + " or " + keys.get(keys.size() - 1);
    }

    private int exportScenario(ScenarioFormat kind) {
        if (out == null) {
            throw new UserException("--out: a scenario exports to " + kind.title() + " files in a folder; give --out DIR.");
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
