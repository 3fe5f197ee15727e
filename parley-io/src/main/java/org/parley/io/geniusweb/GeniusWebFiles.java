package org.parley.io.geniusweb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.parley.io.FormatException;
import org.parley.io.interop.Imported;
import org.parley.io.interop.PartyNames;
import org.parley.io.interop.ScenarioImport;
import org.parley.io.tree.Node;
import org.parley.io.tree.Node.MapNode;
import org.parley.io.tree.TreeReader;

/**
 * Which GeniusWeb files make a scenario. Party names: a profile's {@code name} when every profile
 * has a distinct one, else from the file names (see {@link PartyNames}).
 */
public final class GeniusWebFiles {

    private GeniusWebFiles() {}

    /** Whether the parsed JSON is a GeniusWeb domain ({@code issuesValues} at the root). */
    public static boolean isDomain(Node root) {
        return root instanceof MapNode map && map.has("issuesValues");
    }

    /** The domain and the profiles beside it whose embedded domain carries the domain's name. */
    public static Imported fromDomain(Path domain) {
        Node root = TreeReader.read(domain);
        String name = root.asMap().require("name").asString();
        Path folder = domain.toAbsolutePath().getParent();
        List<Path> profiles = new ArrayList<>();
        for (Path file : ScenarioImport.list(folder, ".json")) {
            if (file.getFileName().equals(domain.getFileName())) {
                continue;
            }
            Node other = TreeReader.read(file);
            if (isDomain(other) || !(other instanceof MapNode map) || map.keys().size() != 1) {
                continue;
            }
            Node space = map.values().iterator().next();
            if (space instanceof MapNode spaceMap && spaceMap.get("domain") instanceof MapNode embedded
                    && name.equals(embedded.getString("name", null))) {
                profiles.add(sibling(domain, file));
            } else if (space instanceof MapNode spaceMap && spaceMap.get("domain") == null
                    && file.getFileName().toString().toLowerCase(Locale.ROOT)
                            .startsWith(PartyNames.stem(domain.getFileName().toString()).toLowerCase(Locale.ROOT))) {
                profiles.add(sibling(domain, file));
            }
        }
        if (profiles.isEmpty()) {
            throw new FormatException(domain.toString(), 0, 0, "", "found no GeniusWeb profiles for the domain (" + name
                    + ") in " + folder + "; name the profile files after the domain file");
        }
        return read(domain, profiles);
    }

    /** Every .json file of the folder: at most one domain, the rest profiles. */
    public static Imported fromFolder(Path folder, List<Path> files) {
        return fromFiles(files);
    }

    /** Exactly these files: at most one domain and the profiles, in the order given. */
    public static Imported fromFiles(List<Path> files) {
        Path domain = null;
        List<Path> profiles = new ArrayList<>();
        for (Path file : files) {
            if (isDomain(TreeReader.read(file))) {
                if (domain != null) {
                    throw new FormatException(file.toString(), 0, 0, "", "is a second GeniusWeb domain (the first is "
                            + domain + "); name one domain and its profiles");
                }
                domain = file;
            } else {
                profiles.add(file);
            }
        }
        return read(domain, profiles);
    }

    private static Imported read(Path domain, List<Path> profiles) {
        List<String> fileNames = profiles.stream().map(p -> p.getFileName().toString()).toList();
        List<String> names = PartyNames.derive(domain == null ? null : domain.getFileName().toString(), fileNames);
        List<String> declared = new ArrayList<>();
        for (Path profile : profiles) {
            Node root = TreeReader.read(profile);
            String name = null;
            if (root instanceof MapNode map && map.keys().size() == 1
                    && map.values().iterator().next() instanceof MapNode space && space.get("name") != null) {
                name = space.get("name").asScalar().value();
            }
            declared.add(name);
        }
        if (declared.stream().allMatch(n -> n != null && !n.isBlank()) && declared.stream().distinct().count() == declared.size()) {
            names = declared;
        }
        return GeniusWebReader.read(domain, profiles, names);
    }

    private static Path sibling(Path domain, Path profile) {
        Path parent = domain.getParent();
        return parent == null ? profile.getFileName() : parent.resolve(profile.getFileName());
    }
}
