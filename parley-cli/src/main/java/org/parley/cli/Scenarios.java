package org.parley.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.parley.core.model.Scenario;
import org.parley.io.interop.Imported;
import org.parley.io.interop.ScenarioFormat;
import org.parley.io.interop.ScenarioFormats;
import org.parley.io.interop.ScenarioImport;

/**
 * Loads the scenario a command names: a Parley file (.yaml, .json), or the files of any registered
 * {@link ScenarioFormat} (GENIUS, GeniusWeb) directly: a folder, or a domain file with its profiles
 * beside it (the rule is in {@link ScenarioImport} and docs/interop.md). What a foreign reader had to ignore or adjust is
 * printed as warnings, never dropped silently.
 */
final class Scenarios {

    private Scenarios() {}

    /** Loads the scenario, printing the reader's warnings to standard error. */
    static Scenario load(Path file) {
        return load(file, new PrintWriter(System.err, true));
    }

    /** Loads the scenario, printing the reader's warnings to {@code warnings}. */
    static Scenario load(Path file, PrintWriter warnings) {
        return load(List.of(file), warnings).scenario();
    }

    static Imported load(List<Path> files, PrintWriter warnings) {
        return warn(ScenarioImport.load(files), warnings);
    }

    /** Loads the scenario as {@code format}, printing the reader's warnings to {@code warnings}. */
    static Imported load(List<Path> files, ScenarioFormat format, PrintWriter warnings) {
        return warn(ScenarioImport.load(files, format), warnings);
    }

    /** The scenario format a {@code --format} value names. */
    static ScenarioFormat format(String name) {
        try {
            return ScenarioFormats.get(name);
        } catch (IllegalArgumentException e) {
            throw new UserException("--format: " + e.getMessage());
        }
    }

    private static Imported warn(Imported imported, PrintWriter warnings) {
        for (String warning : imported.warnings()) {
            warnings.println("warning: " + warning);
        }
        warnings.flush();
        return imported;
    }
}
