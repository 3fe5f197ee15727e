package org.parley.io.interop;

import java.nio.file.Path;
import org.parley.core.model.Scenario;

/** Writes a scenario into a folder in one of the formats Parley speaks. */
public final class ScenarioExport {

    private ScenarioExport() {}

    /**
     * Writes the files and returns them with what could not be carried over.
     *
     * @throws IllegalArgumentException when the target format cannot hold the scenario at all (a real
     *     issue valued by a curve GENIUS has no evaluator for, a non-linear utility for GeniusWeb), or
     *     does not write scenarios
     */
    public static Exported export(Scenario scenario, ScenarioFormat format, Path folder) {
        if (!format.writes()) {
            throw new IllegalArgumentException("The " + format.title() + " format is read only; the formats that write are "
                    + String.join(", ", ScenarioFormats.writable().stream().map(ScenarioFormat::key).toList()) + ".");
        }
        return format.write(scenario, folder);
    }
}
