package org.parley.io.interop;

import java.nio.file.Path;
import java.util.List;
import org.parley.core.model.Scenario;
import org.parley.io.ScenarioWriter;
import org.parley.io.genius.GeniusWriter;
import org.parley.io.geniusweb.GeniusWebWriter;

/** Writes a scenario into a folder in one of the formats Parley speaks. */
public final class ScenarioExport {

    private ScenarioExport() {}

    /**
     * Writes the files and returns them with what could not be carried over.
     *
     * @throws IllegalArgumentException when the target format cannot hold the scenario at all (a real
     *     issue valued by a curve GENIUS has no evaluator for, a non-linear utility for GeniusWeb)
     */
    public static Exported export(Scenario scenario, Format format, Path folder) {
        return switch (format) {
            case GENIUS -> GeniusWriter.write(scenario, folder);
            case GENIUSWEB -> GeniusWebWriter.write(scenario, folder);
            case PARLEY -> {
                Path file = folder.resolve(PartyNames.fileSafe(scenario.name()) + ".yaml");
                ScenarioWriter.write(scenario, file);
                yield new Exported(Format.PARLEY, List.of(file), List.of());
            }
        };
    }
}
