package org.parley.cluster;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.parley.core.model.Scenario;
import org.parley.core.world.World;
import org.parley.io.ScenarioReader;
import org.parley.io.ScenarioWriter;
import org.parley.io.tree.TreeReader;
import org.parley.io.world.WorldReader;

/**
 * A world file as it travels to the members: its text and, for each scenario file it names
 * (relative to the world file, which the members do not have), that scenario as scenario-file
 * text, the form a tournament ships its scenarios in. A member reads the world from these texts
 * and gets the world the coordinator read from the files.
 *
 * @param source the file's name, for messages
 * @param scenarios the text of each scenario the world file names, by the name it uses
 */
public record WorldFile(String source, String text, Map<String, String> scenarios) implements Serializable {

    private static final long serialVersionUID = 1L;

    public WorldFile {
        scenarios = new LinkedHashMap<>(scenarios);
    }

    /** Reads a world file and the scenario files it names; errors name the file, line and field, as WorldReader's do. */
    public static WorldFile read(Path file) {
        String text = TreeReader.readText(file);
        Path base = file.toAbsolutePath().getParent();
        Map<String, String> scenarios = new LinkedHashMap<>();
        Map<String, Scenario> read = new LinkedHashMap<>();
        String source = file.toString();
        // JSON by its first character here and on the members, whatever the file's extension.
        WorldReader.read(text, source, name -> read.computeIfAbsent(name, n -> {
            Scenario scenario = ScenarioReader.read(base.resolve(n).normalize());
            scenarios.put(n, ScenarioWriter.toYaml(scenario));
            return scenario;
        }), WorldReader.MAX_NEGOTIATIONS);
        return new WorldFile(source, text, scenarios);
    }

    /** The world, read from the texts. */
    public World world() {
        Map<String, Scenario> read = new LinkedHashMap<>();
        return WorldReader.read(text, source, name -> read.computeIfAbsent(name, n -> {
            String scenario = scenarios.get(n);
            if (scenario == null) {
                throw new IllegalArgumentException(source + " names a scenario (" + n + ") that did not travel with it");
            }
            return ScenarioReader.read(scenario, n);
        }), WorldReader.MAX_NEGOTIATIONS);
    }
}
