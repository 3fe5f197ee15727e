package org.parley.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.parley.core.model.Scenario;
import org.parley.handout.RoleSheet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Role sheets to hand out before a class negotiates: one printable page per party with the story,
 * its confidential brief, its points, its walk-away value and its non-negotiables in plain words.
 */
@Command(name = "handout", mixinStandardHelpOptions = true, description = {
        "Write printable role sheets (HTML and PDF), one per party, for a class to play a scenario:",
        "the public story, the party's confidential brief, its points per option, its walk-away value and its",
        "non-negotiables in plain words. Each sheet holds only what that party's player may know."})
final class HandoutCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "A scenario file (or a GENIUS/GeniusWeb folder or file).")
    Path file;

    @Option(names = "--party", paramLabel = "PARTY", description = "Only this party's sheet (default: one per party).")
    String party;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write the sheets into"
            + " (created if missing): SCENARIO-PARTY.html and SCENARIO-PARTY.pdf.")
    Path out;

    @Option(names = "--format", paramLabel = "html|pdf|both", defaultValue = "both",
            description = "What to write: html, pdf or both (default).")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        boolean html = format.equals("html") || format.equals("both");
        boolean pdf = format.equals("pdf") || format.equals("both");
        if (!html && !pdf) {
            throw new UserException("--format (" + format + "): expected html, pdf or both");
        }
        Scenario scenario = Scenarios.load(file, err);
        List<String> parties = scenario.partyNames();
        if (party != null && !parties.contains(party)) {
            throw new UserException("--party: unknown party (" + party + "); the parties are " + String.join(", ", parties));
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserException("--out (" + out + "): expected a folder, found a file");
        }
        Files.createDirectories(out);
        PrintWriter stdout = spec.commandLine().getOut();
        for (String p : party == null ? parties : List.of(party)) {
            String stem = safe(scenario.name()) + "-" + safe(p);
            String page = RoleSheet.html(scenario, p);
            if (html) {
                Path target = out.resolve(stem + ".html");
                Files.writeString(target, page, StandardCharsets.UTF_8);
                stdout.println("wrote " + target);
            }
            if (pdf) {
                Path target = out.resolve(stem + ".pdf");
                Files.write(target, RoleSheet.pdf(page));
                stdout.println("wrote " + target);
            }
        }
        if (scenario.narrative().isEmpty()) {
            err.println("warning: " + file + " has no story or briefs (story: at the top, brief: per party); the"
                    + " sheets hold the description, points, walk-away values and non-negotiables only");
        }
        return 0;
    }

    /** A file-name-safe form of a name: letters, digits, '-' and '_' kept, anything else '_'. */
    static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
