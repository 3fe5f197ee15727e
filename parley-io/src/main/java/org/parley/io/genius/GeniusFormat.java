package org.parley.io.genius;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.parley.core.model.Scenario;
import org.parley.io.FormatException;
import org.parley.io.interop.Exported;
import org.parley.io.interop.Imported;
import org.parley.io.interop.ScenarioFormat;
import org.parley.io.interop.ScenarioImport;

/**
 * GENIUS XML (Lin et al. 2014): a domain file, root {@code <negotiation_template>}, and one utility
 * space per party, root {@code <utility_space>}. Which files go together is {@link GeniusFiles}'s
 * rule. A record without components so that every instance is equal.
 */
public record GeniusFormat() implements ScenarioFormat {

    @Override
    public String key() {
        return "genius";
    }

    @Override
    public List<String> aliases() {
        return List.of("xml");
    }

    @Override
    public String title() {
        return "GENIUS";
    }

    @Override
    public String description() {
        return "GENIUS XML: a domain (.xml, <negotiation_template>) and a utility space (<utility_space>) per party";
    }

    @Override
    public List<String> extensions() {
        return List.of(".xml");
    }

    /**
     * Any .xml file (reading says what it is when it is neither a domain nor a utility space), or a
     * folder with a GENIUS domain in it.
     */
    @Override
    public boolean recognizes(Path path) {
        if (Files.isDirectory(path)) {
            return !domains(path).isEmpty();
        }
        return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml");
    }

    /**
     * A folder: its one domain and the utility spaces beside it; a domain file: the utility spaces
     * beside it; several files: exactly these. A utility space alone is refused with a hint.
     */
    @Override
    public Imported read(List<Path> paths) {
        if (paths.size() > 1) {
            for (Path path : paths) {
                if (Files.isDirectory(path)) {
                    throw new FormatException(path.toString(), 0, 0, "", "is a folder; name either one folder or files");
                }
            }
            return GeniusFiles.fromFiles(paths);
        }
        Path path = paths.get(0);
        if (Files.isDirectory(path)) {
            List<Path> domains = domains(path);
            if (domains.isEmpty()) {
                throw new FormatException(path.toString(), 0, 0, "", "holds no GENIUS domain (.xml with"
                        + " <negotiation_template>); name a scenario file");
            }
            if (domains.size() > 1) {
                throw new FormatException(path.toString(), 0, 0, "", "holds " + domains.size()
                        + " GENIUS domain files (" + String.join(", ", domains.stream()
                                .map(f -> f.getFileName().toString()).toList()) + "); name the domain file you mean");
            }
            return GeniusFiles.fromDomain(domains.get(0));
        }
        if (GeniusFiles.domainOrProfile(path)) {
            return GeniusFiles.fromDomain(path);
        }
        throw new FormatException(path.toString(), 0, 0, "", "is a GENIUS utility-space (profile) file; name its domain"
                + " file, the folder, or the domain and profile files together");
    }

    @Override
    public boolean writes() {
        return true;
    }

    @Override
    public Exported write(Scenario scenario, Path folder) {
        return GeniusWriter.write(scenario, folder);
    }

    private static List<Path> domains(Path folder) {
        List<Path> domains = new ArrayList<>();
        for (Path file : ScenarioImport.list(folder, ".xml")) {
            if (GeniusFiles.isDomain(file)) {
                domains.add(file);
            }
        }
        return domains;
    }
}
