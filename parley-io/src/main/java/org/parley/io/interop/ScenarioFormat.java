package org.parley.io.interop;

import java.nio.file.Path;
import java.util.List;
import org.parley.core.model.Scenario;
import org.parley.core.registry.Registered;

/**
 * A way of writing scenarios down, found by name in {@link ScenarioFormats}: Parley's own YAML/JSON,
 * GENIUS XML, GeniusWeb JSON, or one registered from outside. A format says which files are its
 * own ({@link #recognizes}), reads a scenario from them and, when it can, writes one. Instances hold
 * no state.
 *
 * <p>To add a format: one class implementing this with a public no-argument constructor, and its
 * name on a line of {@code META-INF/services/org.parley.io.interop.ScenarioFormat}. Then
 * {@code import}, {@code export}, {@code check}, {@code analyze} and {@code run} take its files.
 */
public interface ScenarioFormat extends Registered {

    /** The endings of this format's file names, lower-case with the dot (".xml"), for messages and help. */
    List<String> extensions();

    /**
     * Whether {@code path} (an existing file or folder) is this format's: a scenario file, one of the
     * files of a scenario (a profile), or a folder holding a scenario. Auto-detection asks every
     * format and reads with the one that says yes, so the answer must be specific (look inside the
     * file when the extension is shared) and cheap.
     *
     * @throws org.parley.io.FormatException when the file cannot be read at all (malformed JSON)
     */
    boolean recognizes(Path path);

    /**
     * Reads the scenario from {@code paths}: one file, one folder, or several files of one scenario,
     * as the user named them. Everything the reader ignored or adjusted is a warning.
     *
     * @throws org.parley.io.FormatException naming the file, line and field of a mistake, or saying
     *     which files to name instead (a profile alone, two domains)
     */
    Imported read(List<Path> paths);

    /** Whether {@link #readText} works: the whole scenario is one text (an upload). */
    default boolean readsText() {
        return false;
    }

    /**
     * Reads a scenario from one text, {@code source} naming it in messages (its extension may tell
     * the syntax apart, as ".json" does for Parley's format).
     */
    default Imported readText(String text, String source) {
        throw new UnsupportedOperationException("The " + title() + " format does not read a scenario from one text.");
    }

    /** Whether {@link #write} works. */
    default boolean writes() {
        return false;
    }

    /**
     * Writes the scenario's files into {@code folder} (created when missing) and returns them with
     * what the format could not hold.
     *
     * @throws IllegalArgumentException when the format cannot hold the scenario at all
     */
    default Exported write(Scenario scenario, Path folder) {
        throw new UnsupportedOperationException("The " + title() + " format is read only.");
    }
}
