package org.parley.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.parley.core.model.Scenario;
import org.parley.io.ScenarioReader;

/**
 * The scenarios shipped in the jar under {@code scenarios/} (copied from the project's
 * {@code scenarios/} folder at build time), read once at start-up. Each keeps its original text,
 * which is what a negotiation's record stores, so a resumed negotiation reads exactly the same
 * numbers.
 */
final class BuiltInScenarios {

    /** A scenario with the text it was read from. */
    record Entry(Scenario scenario, String text) {}

    private static final String FOLDER = "scenarios";

    private final Map<String, Entry> entries;

    private BuiltInScenarios(Map<String, Entry> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    static BuiltInScenarios load() {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (String file : files(FOLDER)) {
            String text = read(FOLDER + "/" + file);
            Scenario scenario = ScenarioReader.read(text, file);
            entries.put(scenario.name(), new Entry(scenario, text));
        }
        return new BuiltInScenarios(entries);
    }

    Map<String, Entry> entries() {
        return entries;
    }

    Entry get(String name) {
        return entries.get(name);
    }

    /** The YAML files of a folder of the jar (or of the classes folder, in a build). */
    static List<String> files(String folder) {
        URL url = BuiltInScenarios.class.getClassLoader().getResource(folder);
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return list(jar.getPath(folder));
                }
            }
            return list(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the built-in " + folder + ": " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot list the built-in " + folder + " at " + url, e);
        }
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
        }
    }

    static String read(String resource) {
        try (InputStream in = BuiltInScenarios.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource + ": " + e.getMessage(), e);
        }
    }
}
