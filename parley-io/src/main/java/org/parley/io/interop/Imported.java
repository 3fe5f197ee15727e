package org.parley.io.interop;

import java.nio.file.Path;
import java.util.List;
import org.parley.core.model.Scenario;

/**
 * A scenario read from files, the format they were in, the files read, and what the reader had to
 * say: every element it ignored and every value it adjusted (weights normalised, a discount of 0
 * taken as none, ...), one line each with the file and line. Nothing is dropped silently.
 */
public record Imported(Scenario scenario, ScenarioFormat format, List<Path> files, List<String> warnings) {

    public Imported {
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
    }
}
