package org.parley.io.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.parley.core.model.Scenario;
import org.parley.io.FormatException;
import org.parley.io.ScenarioReader;
import org.parley.io.ScenarioWriter;
import org.parley.io.tree.Node;
import org.parley.io.tree.TreeReader;

/**
 * Parley's own scenario format (docs/scenario-format.md): one YAML file, or the same tree as JSON.
 * A record without components so that every instance is equal, however it was obtained.
 */
public record ParleyFormat() implements ScenarioFormat {

    @Override
    public String key() {
        return "parley";
    }

    @Override
    public List<String> aliases() {
        return List.of("yaml", "yml");
    }

    @Override
    public String title() {
        return "Parley";
    }

    @Override
    public String description() {
        return "Parley's own scenario file: YAML, or JSON with issues and parties";
    }

    @Override
    public List<String> extensions() {
        return List.of(".yaml", ".yml", ".json");
    }

    /** A .yaml/.yml file, or a .json file whose root has {@code parties} or {@code issues}. */
    @Override
    public boolean recognizes(Path path) {
        if (Files.isDirectory(path)) {
            return false;
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return true;
        }
        if (name.endsWith(".json")) {
            Node root = TreeReader.read(path);
            return root instanceof Node.MapNode map && (map.has("parties") || map.has("issues"));
        }
        return false;
    }

    @Override
    public Imported read(List<Path> paths) {
        Path path = paths.get(0);
        if (paths.size() > 1) {
            throw new FormatException(path.toString(), 0, 0, "", "is a Parley scenario; name it alone, not with other files");
        }
        if (Files.isDirectory(path)) {
            throw new FormatException(path.toString(), 0, 0, "", "is a folder; a Parley scenario is one file");
        }
        return new Imported(ScenarioReader.read(path), this, List.of(path), List.of());
    }

    @Override
    public boolean readsText() {
        return true;
    }

    /** YAML unless {@code source} ends with ".json". */
    @Override
    public Imported readText(String text, String source) {
        return new Imported(ScenarioReader.read(text, source), this, List.of(), List.of());
    }

    @Override
    public boolean writes() {
        return true;
    }

    /** One YAML file named after the scenario. */
    @Override
    public Exported write(Scenario scenario, Path folder) {
        Path file = folder.resolve(PartyNames.fileSafe(scenario.name()) + ".yaml");
        ScenarioWriter.write(scenario, file);
        return new Exported(this, List.of(file), List.of());
    }
}
