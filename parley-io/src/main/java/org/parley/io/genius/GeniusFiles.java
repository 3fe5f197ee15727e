package org.parley.io.genius;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.parley.io.FormatException;
import org.parley.io.interop.Imported;
import org.parley.io.interop.PartyNames;

/** Which GENIUS files make a scenario: a domain and the utility spaces that go with it. */
public final class GeniusFiles {

    private GeniusFiles() {}

    /** Whether the XML file's root is {@code <negotiation_template>}; false for anything else. */
    public static boolean isDomain(Path file) {
        return GeniusReader.isDomain(XmlReader.read(file));
    }

    /**
     * Whether the XML file is a GENIUS domain (true) or utility space (false).
     *
     * @throws org.parley.io.FormatException naming the root element when it is neither
     */
    public static boolean domainOrProfile(Path file) {
        XmlElement root = XmlReader.read(file);
        if (GeniusReader.isDomain(root)) {
            return true;
        }
        if (GeniusReader.isProfile(root)) {
            return false;
        }
        throw root.error("expected a GENIUS domain (<negotiation_template>) or utility space (<utility_space>), found <"
                + root.name() + ">");
    }

    /**
     * The domain with the utility spaces beside it: every {@code <utility_space>} file of its folder
     * when the folder holds one domain, else those whose names start with the domain's stem.
     */
    public static Imported fromDomain(Path domain) {
        Path folder = domain.toAbsolutePath().getParent();
        List<Path> domains = new ArrayList<>();
        List<Path> profiles = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml"))
                    .sorted().toList()) {
                XmlElement root = XmlReader.read(file);
                if (GeniusReader.isDomain(root)) {
                    domains.add(file);
                } else if (GeniusReader.isProfile(root)) {
                    profiles.add(file);
                }
            }
        } catch (IOException e) {
            throw new FormatException(folder.toString(), 0, 0, "", "cannot be listed: " + e.getMessage());
        }
        List<Path> mine = profiles;
        if (domains.size() > 1) {
            String stem = PartyNames.scenarioName(domain.getFileName().toString()).toLowerCase(Locale.ROOT);
            mine = profiles.stream()
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).startsWith(stem))
                    .toList();
        }
        if (mine.isEmpty()) {
            throw new FormatException(domain.toString(), 0, 0, "", "found no GENIUS utility-space files (root"
                    + " <utility_space>) for this domain in " + folder + (domains.size() > 1
                    ? " (the folder holds several domains, so profiles must start with the domain's name)" : "")
                    + "; name the profile files after the domain file");
        }
        List<Path> named = mine.stream().map(p -> sibling(domain, p)).toList();
        return GeniusReader.read(domain, named);
    }

    /** Exactly these files: one domain and its utility spaces, in the order given. */
    public static Imported fromFiles(List<Path> files) {
        Path domain = null;
        List<Path> profiles = new ArrayList<>();
        for (Path file : files) {
            if (domainOrProfile(file)) {
                if (domain != null) {
                    throw new FormatException(file.toString(), 0, 0, "", "is a second GENIUS domain (the first is "
                            + domain + "); name one domain and its utility spaces");
                }
                domain = file;
            } else {
                profiles.add(file);
            }
        }
        if (domain == null) {
            throw new FormatException(files.get(0).toString(), 0, 0, "", "no GENIUS domain file (root"
                    + " <negotiation_template>) among the files named; add it");
        }
        return GeniusReader.read(domain, profiles);
    }

    /** The profile path written the way the user wrote the domain's (relative stays relative). */
    private static Path sibling(Path domain, Path profile) {
        Path parent = domain.getParent();
        return parent == null ? profile.getFileName() : parent.resolve(profile.getFileName());
    }
}
