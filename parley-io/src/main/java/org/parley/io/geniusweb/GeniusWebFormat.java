package org.parley.io.geniusweb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.parley.core.model.Scenario;
import org.parley.io.FormatException;
import org.parley.io.interop.Exported;
import org.parley.io.interop.Imported;
import org.parley.io.interop.ScenarioFormat;
import org.parley.io.interop.ScenarioImport;
import org.parley.io.tree.Node;
import org.parley.io.tree.TreeReader;

/**
 * GeniusWeb JSON: a domain file ({@code issuesValues} at the root) and one profile per party (a
 * single-key object naming the utility space, e.g. {@code LinearAdditiveUtilitySpace}). Which
 * files go together is {@link GeniusWebFiles}'s rule. A record without components so that every
 * instance is equal.
 */
public record GeniusWebFormat() implements ScenarioFormat {

    @Override
    public String key() {
        return "geniusweb";
    }

    @Override
    public String title() {
        return "GeniusWeb";
    }

    @Override
    public String description() {
        return "GeniusWeb JSON: a domain (.json with issuesValues) and a profile (.json) per party";
    }

    @Override
    public List<String> extensions() {
        return List.of(".json");
    }

    /** A .json domain or profile, or a folder with one in it. */
    @Override
    public boolean recognizes(Path path) {
        if (Files.isDirectory(path)) {
            for (Path file : ScenarioImport.list(path, ".json")) {
                if (recognizes(file)) {
                    return true;
                }
            }
            return false;
        }
        if (!path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            return false;
        }
        Node root = TreeReader.read(path);
        return GeniusWebFiles.isDomain(root) || isProfile(root);
    }

    /**
     * A folder: every .json file in it; a domain file: the profiles beside it; several files: exactly
     * these. A profile alone is refused with a hint.
     */
    @Override
    public Imported read(List<Path> paths) {
        if (paths.size() > 1) {
            for (Path path : paths) {
                if (Files.isDirectory(path)) {
                    throw new FormatException(path.toString(), 0, 0, "", "is a folder; name either one folder or files");
                }
            }
            return GeniusWebFiles.fromFiles(paths);
        }
        Path path = paths.get(0);
        if (Files.isDirectory(path)) {
            List<Path> json = ScenarioImport.list(path, ".json");
            if (json.isEmpty()) {
                throw new FormatException(path.toString(), 0, 0, "", "holds no GeniusWeb files (.json); name a scenario"
                        + " file");
            }
            return GeniusWebFiles.fromFolder(path, json);
        }
        if (GeniusWebFiles.isDomain(TreeReader.read(path))) {
            return GeniusWebFiles.fromDomain(path);
        }
        throw new FormatException(path.toString(), 0, 0, "", "is a GeniusWeb profile; name its domain file, the folder,"
                + " or all the profile files together");
    }

    @Override
    public boolean writes() {
        return true;
    }

    @Override
    public Exported write(Scenario scenario, Path folder) {
        return GeniusWebWriter.write(scenario, folder);
    }

    /** One key at the root naming the utility space, its value an object. */
    private static boolean isProfile(Node root) {
        return root instanceof Node.MapNode map && map.keys().size() == 1
                && map.values().iterator().next() instanceof Node.MapNode;
    }
}
