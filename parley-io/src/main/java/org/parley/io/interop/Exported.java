package org.parley.io.interop;

import java.nio.file.Path;
import java.util.List;

/**
 * The files an export wrote and what it could not carry over: one line each for every part of the
 * scenario the target format has no place for (an agreement rule, hard constraints, a per-round
 * discount, ...) and every change of form (an integer issue written as a discrete one).
 */
public record Exported(ScenarioFormat format, List<Path> files, List<String> warnings) {

    public Exported {
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
    }
}
