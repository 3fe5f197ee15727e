package org.parley.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.parley.core.model.Scenario;
import org.parley.io.ScenarioReader;

/** Loads the scenario a command names. Foreign formats plug in here. */
final class Scenarios {

    private Scenarios() {}

    static Scenario load(Path file) {
        if (Files.isDirectory(file)) {
            throw new UserException(file + ": is a folder; name a scenario file (.yaml or .json)");
        }
        return ScenarioReader.read(file);
    }
}
