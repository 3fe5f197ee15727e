package org.parley.server;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.parley.core.model.Scenario;
import org.parley.core.world.World;
import org.parley.io.world.WorldReader;

/**
 * The world files a server plays: its built-in worlds (read once, with their text), and uploaded
 * ones, which may name the built-in scenarios only (by file name) or generate theirs. Both the
 * start of a world and its replay from the store read them here, the same way.
 */
final class WorldFiles {

    /** A built-in world, the text it was read from, and that text's SHA-256 ({@link #digest}). */
    record BuiltIn(World world, String text, String digest) {}

    private final BuiltInScenarios scenarios;
    private final Map<String, BuiltIn> builtIns;

    WorldFiles(BuiltInScenarios scenarios) {
        this.scenarios = scenarios;
        Map<String, BuiltIn> loaded = new LinkedHashMap<>();
        for (String file : BuiltInScenarios.files("worlds")) {
            String text = BuiltInScenarios.read("worlds/" + file);
            World world = WorldReader.read(text, file, this::scenario, Worlds.MAX_NEGOTIATIONS);
            loaded.put(world.name(), new BuiltIn(world, text, digest(text)));
        }
        this.builtIns = Collections.unmodifiableMap(loaded);
    }

    /** The built-in worlds by name, in file order. */
    Map<String, BuiltIn> builtIns() {
        return builtIns;
    }

    /**
     * Reads an uploaded world file, bounded as every reader of the server is.
     *
     * @throws org.parley.io.FormatException if the text is not a world file (naming the line)
     * @throws IllegalArgumentException if the world names what it may not (a scenario not built in)
     */
    World read(String text, String source) {
        return WorldReader.read(text, source, this::scenario, Worlds.MAX_NEGOTIATIONS);
    }

    /**
     * A scenario a world file names: a built-in scenario, by its file name, whatever folder the
     * file gives (the built-in worlds name them as ../scenarios/NAME.yaml).
     */
    private Scenario scenario(String name) {
        String file = Path.of(name).getFileName().toString();
        String stem = file.replaceFirst("\\.(yaml|yml|json)$", "");
        BuiltInScenarios.Entry entry = scenarios.get(stem);
        if (entry == null) {
            throw new IllegalArgumentException("a world played here may name the built-in scenarios only ("
                    + String.join(", ", scenarios.entries().keySet()) + "), or generate its scenarios; not ("
                    + name + ")");
        }
        return entry.scenario();
    }

    /** The SHA-256 of a world file's text (UTF-8), lower-case hex: what tells a changed file. */
    static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime.", e);
        }
    }
}
