package org.parley.io.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.parley.io.FormatException;
import org.parley.io.ScenarioReader;
import org.parley.io.genius.GeniusFiles;
import org.parley.io.geniusweb.GeniusWebFiles;
import org.parley.io.tree.Node;
import org.parley.io.tree.TreeReader;

/**
 * Loads a scenario from whatever the user names, in any format Parley reads. The rule (also in
 * docs/interop.md):
 * <ul>
 *   <li>a {@code .yaml}/{@code .yml} file, or a {@code .json} file with {@code issues} and
 *       {@code parties}: Parley's own format;
 *   <li>a folder: the GENIUS scenario in its {@code .xml} files (exactly one domain, root
 *       {@code <negotiation_template>}, and its utility spaces, root {@code <utility_space>}), or
 *       else the GeniusWeb scenario in its {@code .json} files (at most one domain, with
 *       {@code issuesValues}, and the profiles);
 *   <li>a GENIUS domain file alone: the utility spaces beside it in its folder (all of them when the
 *       folder holds one domain; else those whose names start with the domain's stem);
 *   <li>a GeniusWeb domain file alone: the profiles beside it whose embedded domain has its name;
 *   <li>several files: one scenario of one format, from exactly these files.
 * </ul>
 * A profile file alone is refused with a hint: which domain it belongs to would be a guess.
 */
public final class ScenarioImport {

    private ScenarioImport() {}

    public static Imported load(Path path) {
        return load(List.of(path));
    }

    public static Imported load(List<Path> paths) {
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("Name a scenario: a Parley file, or GENIUS / GeniusWeb files or a folder.");
        }
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new FormatException(path.toString(), 0, 0, "", "no such file or folder");
            }
        }
        if (paths.size() == 1) {
            Path path = paths.get(0);
            if (Files.isDirectory(path)) {
                return folder(path);
            }
            return switch (kind(path)) {
                case PARLEY -> new Imported(ScenarioReader.read(path), Format.PARLEY, List.of(path), List.of());
                case GENIUS_DOMAIN -> GeniusFiles.fromDomain(path);
                case GENIUSWEB_DOMAIN -> GeniusWebFiles.fromDomain(path);
                case GENIUS_PROFILE -> throw new FormatException(path.toString(), 0, 0, "",
                        "is a GENIUS utility-space (profile) file; name its domain file, the folder, or the domain and"
                                + " profile files together");
                case GENIUSWEB_PROFILE -> throw new FormatException(path.toString(), 0, 0, "",
                        "is a GeniusWeb profile; name its domain file, the folder, or all the profile files together");
            };
        }
        List<Path> genius = new ArrayList<>();
        List<Path> geniusWeb = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                throw new FormatException(path.toString(), 0, 0, "", "is a folder; name either one folder or files");
            }
            switch (kind(path)) {
                case PARLEY -> throw new FormatException(path.toString(), 0, 0, "",
                        "is a Parley scenario; name it alone, not with other files");
                case GENIUS_DOMAIN, GENIUS_PROFILE -> genius.add(path);
                case GENIUSWEB_DOMAIN, GENIUSWEB_PROFILE -> geniusWeb.add(path);
            }
        }
        if (!genius.isEmpty() && !geniusWeb.isEmpty()) {
            throw new FormatException(geniusWeb.get(0).toString(), 0, 0, "",
                    "is a GeniusWeb file but " + genius.get(0) + " is a GENIUS file; one scenario is in one format");
        }
        return genius.isEmpty() ? GeniusWebFiles.fromFiles(geniusWeb) : GeniusFiles.fromFiles(genius);
    }

    private static Imported folder(Path folder) {
        List<Path> xml = list(folder, ".xml");
        List<Path> json = list(folder, ".json");
        List<Path> geniusDomains = new ArrayList<>();
        for (Path file : xml) {
            if (GeniusFiles.isDomain(file)) {
                geniusDomains.add(file);
            }
        }
        if (!geniusDomains.isEmpty()) {
            if (geniusDomains.size() > 1) {
                throw new FormatException(folder.toString(), 0, 0, "", "holds " + geniusDomains.size()
                        + " GENIUS domain files (" + names(geniusDomains) + "); name the domain file you mean");
            }
            return GeniusFiles.fromDomain(geniusDomains.get(0));
        }
        if (!json.isEmpty()) {
            return GeniusWebFiles.fromFolder(folder, json);
        }
        throw new FormatException(folder.toString(), 0, 0, "", "holds no GENIUS domain (.xml with <negotiation_template>)"
                + " and no GeniusWeb files (.json); name a scenario file");
    }

    enum Kind { PARLEY, GENIUS_DOMAIN, GENIUS_PROFILE, GENIUSWEB_DOMAIN, GENIUSWEB_PROFILE }

    static Kind kind(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return Kind.PARLEY;
        }
        if (name.endsWith(".xml")) {
            return GeniusFiles.domainOrProfile(file) ? Kind.GENIUS_DOMAIN : Kind.GENIUS_PROFILE;
        }
        if (name.endsWith(".json")) {
            Node root = TreeReader.read(file);
            if (root instanceof Node.MapNode map && map.has("parties")) {
                return Kind.PARLEY;
            }
            return GeniusWebFiles.isDomain(root) ? Kind.GENIUSWEB_DOMAIN : Kind.GENIUSWEB_PROFILE;
        }
        throw new FormatException(file.toString(), 0, 0, "", "unknown kind of file; expected .yaml or .json (Parley),"
                + " .xml (GENIUS) or .json (GeniusWeb)");
    }

    /** The folder's files with that extension (lower-case, with the dot), sorted by name. */
    public static List<Path> list(Path folder, String extension) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(extension))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new FormatException(folder.toString(), 0, 0, "", "cannot be listed: " + e.getMessage());
        }
    }

    static String names(List<Path> files) {
        return String.join(", ", files.stream().map(f -> f.getFileName().toString()).toList());
    }
}
