package org.parley.io.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.stream.Stream;
import org.parley.io.FormatException;

/**
 * Loads a scenario from whatever the user names, in any registered {@link ScenarioFormat}. Without a
 * format named, every format is asked whether the path is its own ({@link
 * ScenarioFormat#recognizes}) and exactly one must say yes; with several files, one format must
 * claim them all. The built-in formats' rules (also in docs/interop.md):
 * <ul>
 *   <li>a {@code .yaml}/{@code .yml} file, or a {@code .json} file with {@code issues} and
 *       {@code parties}: Parley's own format;
 *   <li>a folder: the GENIUS scenario in its {@code .xml} files (exactly one domain, root
 *       {@code <negotiation_template>}, and its utility spaces, root {@code <utility_space>}), or
 *       the GeniusWeb scenario in its {@code .json} files (at most one domain, with
 *       {@code issuesValues}, and the profiles);
 *   <li>a GENIUS domain file alone: the utility spaces beside it in its folder (all of them when the
 *       folder holds one domain; else those whose names start with the domain's stem);
 *   <li>a GeniusWeb domain file alone: the profiles beside it whose embedded domain has its name;
 *   <li>several files: one scenario of one format, from exactly these files.
 * </ul>
 * A profile file alone is refused with a hint: which domain it belongs to would be a guess.
 */
public final class ScenarioImport {

    private static final String NAME_ONE = "a scenario file, a folder, or a domain and its profile files.";

    private ScenarioImport() {}

    public static Imported load(Path path) {
        return load(List.of(path));
    }

    /** Reads the scenario in the one format that recognizes the paths. */
    public static Imported load(List<Path> paths) {
        requireExisting(paths);
        return detect(paths).read(paths);
    }

    /** Reads the scenario as {@code format}, whatever the files look like. */
    public static Imported load(List<Path> paths, ScenarioFormat format) {
        requireExisting(paths);
        return format.read(paths);
    }

    /** The one registered format that claims every path; throws saying which paths no format, or several, claim. */
    public static ScenarioFormat detect(List<Path> paths) {
        return detect(paths, ScenarioFormats.all());
    }

    static ScenarioFormat detect(List<Path> paths, List<ScenarioFormat> formats) {
        List<ScenarioFormat> common = null;
        Path first = null;
        for (Path path : paths) {
            if (paths.size() > 1 && Files.isDirectory(path)) {
                throw new FormatException(path.toString(), 0, 0, "", "is a folder; name either one folder or files");
            }
            List<ScenarioFormat> mine = formats.stream().filter(f -> f.recognizes(path)).toList();
            if (mine.isEmpty()) {
                throw unrecognized(path, formats);
            }
            if (common == null) {
                common = mine;
                first = path;
                continue;
            }
            List<ScenarioFormat> both = new ArrayList<>(common);
            both.retainAll(mine);
            if (both.isEmpty()) {
                throw new FormatException(path.toString(), 0, 0, "", "is a " + titles(mine) + " file but " + first
                        + " is a " + titles(common) + " file; one scenario is in one format");
            }
            common = both;
        }
        if (common == null) {
            throw new IllegalArgumentException("Name a scenario: " + NAME_ONE);
        }
        if (common.size() > 1) {
            throw new FormatException(paths.get(0).toString(), 0, 0, "", (paths.size() > 1 ? "these files" : "it")
                    + " could be read as " + titles(common) + "; name the format with parley import --format "
                    + String.join("|", common.stream().map(ScenarioFormat::key).toList()));
        }
        return common.get(0);
    }

    private static void requireExisting(List<Path> paths) {
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("Name a scenario: " + NAME_ONE);
        }
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new FormatException(path.toString(), 0, 0, "", "no such file or folder");
            }
        }
    }

    private static FormatException unrecognized(Path path, List<ScenarioFormat> formats) {
        List<String> kinds = new ArrayList<>();
        for (ScenarioFormat format : formats) {
            kinds.add(String.join(" or ", format.extensions()) + " (" + format.title() + ")");
        }
        if (Files.isDirectory(path)) {
            return new FormatException(path.toString(), 0, 0, "", "holds no scenario Parley reads: "
                    + String.join("; ", formats.stream().map(ScenarioFormat::description).toList()) + "; name a scenario file");
        }
        return new FormatException(path.toString(), 0, 0, "", "unknown kind of file; expected " + String.join(", ", kinds));
    }

    private static String titles(List<ScenarioFormat> formats) {
        return String.join(" or ", formats.stream().map(ScenarioFormat::title).toList());
    }

    /**
     * Every scenario under {@code root}, for commands that take many (a tournament over an ANAC
     * year's folder): a list of paths, each one scenario that {@link #load(Path)} reads. A file is
     * itself. A folder is searched depth first, names in order, and the registered formats decide
     * what is a scenario: a folder that a format claims ({@link ScenarioFormat#recognizes}) is one
     * (a GENIUS or GeniusWeb scenario: a domain and its profiles); a file that a format recognizes
     * but whose folder that format does not claim is one (a Parley file); files no format
     * recognizes (notes, jars, pictures) and names starting with a dot are passed over; subfolders
     * are searched the same way, including those of a claimed folder.
     *
     * @throws FormatException when {@code root} does not exist or holds no scenario at all
     */
    public static List<Path> discover(Path root) {
        requireExisting(List.of(root));
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            found.add(root);
            return found;
        }
        discover(root, ScenarioFormats.all(), found, new HashSet<>());
        if (found.isEmpty()) {
            throw unrecognized(root, ScenarioFormats.all());
        }
        return found;
    }

    private static void discover(Path folder, List<ScenarioFormat> formats, List<Path> found, Set<Path> visited) {
        try {
            if (!visited.add(folder.toRealPath())) {
                return; // a link back to a folder already searched
            }
        } catch (IOException e) {
            throw new FormatException(folder.toString(), 0, 0, "", "cannot be read: " + e.getMessage());
        }
        List<ScenarioFormat> claiming = formats.stream().filter(f -> f.recognizes(folder)).toList();
        if (!claiming.isEmpty()) {
            found.add(folder);
        }
        List<Path> entries;
        try (Stream<Path> list = Files.list(folder)) {
            entries = list.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new FormatException(folder.toString(), 0, 0, "", "cannot be listed: " + e.getMessage());
        }
        for (Path entry : entries) {
            if (Files.isRegularFile(entry)) {
                List<ScenarioFormat> mine = formats.stream().filter(f -> f.recognizes(entry)).toList();
                if (!mine.isEmpty() && mine.stream().noneMatch(claiming::contains)) {
                    found.add(entry);
                }
            }
        }
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                discover(entry, formats, found, visited);
            }
        }
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
}
