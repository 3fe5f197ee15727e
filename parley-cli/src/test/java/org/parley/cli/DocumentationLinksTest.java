package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository's docs can be followed from a fresh clone: no file points at a reference kept
 * outside it, every relative Markdown link of README.md and docs/ reaches a file (and a heading,
 * when it names one), and every docs page a comment or page names exists. (parley-cli is the
 * module that sees the whole tree: its tests run in parley-cli/, the repository is its parent.)
 */
class DocumentationLinksTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** Text files of the tree: sources, docs, scenarios, build files, the web UI. */
    private static final Pattern TEXT = Pattern.compile(".*\\.(java|md|ya?ml|xml|json|js|html|css|properties|sql|txt)$|parley");

    /** Built from parts, so that this file does not match itself. */
    private static final List<String> OUTSIDE = List.of("DESIGN" + ".md", "../" + "shared", "shared" + "/DESIGN");

    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern DOCS_PAGE = Pattern.compile("docs/[a-z0-9-]+\\.md");

    @Test
    void noFilePointsAtAReferenceOutsideTheRepository() {
        List<String> found = new ArrayList<>();
        for (Path file : textFiles()) {
            String text = read(file);
            for (String outside : OUTSIDE) {
                if (text.contains(outside)) {
                    found.add(ROOT.relativize(file) + " names " + outside);
                }
            }
        }
        assertThat(found).as("references a reader of the repository cannot follow").isEmpty();
    }

    @Test
    void everyRelativeLinkOfTheReadmeAndTheDocsReachesAFileAndHeading() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        assertThat(pages).hasSizeGreaterThan(5);
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path page : pages) {
            Matcher m = LINK.matcher(withoutCodeBlocks(read(page)));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue; // http:, https:, mailto:
                }
                links++;
                int hash = target.indexOf('#');
                String path = hash < 0 ? target : target.substring(0, hash);
                Path file = path.isEmpty() ? page : page.getParent().resolve(path).normalize();
                if (!Files.exists(file)) {
                    broken.add(ROOT.relativize(page) + ": " + target + " (no such file)");
                } else if (hash >= 0 && file.toString().endsWith(".md")
                        && !anchors(read(file)).contains(target.substring(hash + 1))) {
                    broken.add(ROOT.relativize(page) + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(links).as("links checked").isGreaterThan(10);
        assertThat(broken).isEmpty();
    }

    @Test
    void everyDocsPageNamedAnywhereExists() {
        List<String> missing = new ArrayList<>();
        for (Path file : textFiles()) {
            Matcher m = DOCS_PAGE.matcher(read(file));
            while (m.find()) {
                if (!Files.exists(ROOT.resolve(m.group()))) {
                    missing.add(ROOT.relativize(file) + " names " + m.group());
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void headingsBecomeTheAnchorsGitHubGivesThem() {
        assertThat(anchors("# Coalitions (transferable utility)\n## Start-up, measured\n## A b\n## A b\n"))
                .containsExactlyInAnyOrder("coalitions-transferable-utility", "start-up-measured", "a-b", "a-b-1");
        assertThat(anchors("```\n# not a heading\n```\n## Kalai–Smorodinsky\n")).containsExactly("kalaismorodinsky");
    }

    /** GitHub's anchors: lower case, punctuation other than - and _ dropped, spaces as -, repeats numbered. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new HashSet<>();
        Matcher m = HEADING.matcher(withoutCodeBlocks(markdown));
        while (m.find()) {
            String slug = m.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
            String anchor = slug;
            for (int i = 1; !anchors.add(anchor); i++) {
                anchor = slug + "-" + i;
            }
        }
        return anchors;
    }

    private static String withoutCodeBlocks(String markdown) {
        return markdown.replaceAll("(?ms)^```.*?^```", "");
    }

    private static List<Path> textFiles() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            List<Path> list = files.filter(Files::isRegularFile)
                    .filter(p -> {
                        Path relative = ROOT.relativize(p);
                        for (Path part : relative) {
                            String name = part.toString();
                            if (name.equals(".git") || name.equals("target") || name.equals("node_modules")) {
                                return false;
                            }
                        }
                        return TEXT.matcher(relative.getFileName().toString()).matches();
                    })
                    .toList();
            assertThat(list).as("files under " + ROOT).hasSizeGreaterThan(100);
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
