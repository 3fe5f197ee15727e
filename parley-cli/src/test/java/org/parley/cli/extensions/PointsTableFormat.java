package org.parley.cli.extensions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.io.FormatException;
import org.parley.io.ScenarioReader;
import org.parley.io.interop.Imported;
import org.parley.io.interop.ScenarioFormat;

/**
 * A scenario format that lives outside Parley's main tree, registered only in this module's
 * test-scope META-INF/services: one tab-separated table of points, a spreadsheet's export.
 * <pre>
 * issue    option    buyer  seller
 * price    low       60     0
 * price    high      0      60
 * reservation        20     25
 * </pre>
 * Utility is points over the party's best total. The scenario takes the file's name. Read only.
 */
public final class PointsTableFormat implements ScenarioFormat {

    private static final String HEADER = "issue\toption\t";

    @Override
    public String key() {
        return "points-table";
    }

    @Override
    public List<String> aliases() {
        return List.of("tsv");
    }

    @Override
    public String title() {
        return "points table";
    }

    @Override
    public String description() {
        return "a tab-separated table: issue, option, then each party's points; a last reservation row";
    }

    @Override
    public List<String> extensions() {
        return List.of(".tsv");
    }

    @Override
    public boolean recognizes(Path path) {
        return !Files.isDirectory(path) && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tsv")
                && lines(path).get(firstRow(lines(path))).startsWith(HEADER);
    }

    @Override
    public Imported read(List<Path> paths) {
        Path file = paths.get(0);
        if (paths.size() > 1 || Files.isDirectory(file)) {
            throw new FormatException(file.toString(), 0, 0, "", "a points table is one .tsv file; name it alone");
        }
        List<String> lines = lines(file);
        int first = firstRow(lines);
        String[] header = lines.get(first).split("\t", -1);
        if (header.length < 3) {
            throw new FormatException(file.toString(), first + 1, 1, "", "expected the header issue, option and the"
                    + " parties' names, separated by tabs");
        }
        List<String> parties = List.of(header).subList(2, header.length);
        Map<String, List<String>> options = new LinkedHashMap<>();
        Map<String, Map<String, List<String>>> points = new LinkedHashMap<>();
        parties.forEach(p -> points.put(p, new LinkedHashMap<>()));
        String[] reservation = null;
        for (int i = first + 1; i < lines.size(); i++) {
            if (skipped(lines.get(i))) {
                continue;
            }
            String[] cells = lines.get(i).split("\t", -1);
            if (cells.length != header.length) {
                throw new FormatException(file.toString(), i + 1, 1, "", "expected " + header.length + " tab-separated"
                        + " cells like the header, found " + cells.length);
            }
            if (cells[0].equals("reservation")) {
                reservation = cells;
                continue;
            }
            options.computeIfAbsent(cells[0], k -> new ArrayList<>()).add(cells[1]);
            for (int p = 0; p < parties.size(); p++) {
                points.get(parties.get(p)).computeIfAbsent(cells[0], k -> new ArrayList<>()).add(cells[2 + p]);
            }
        }
        String name = file.getFileName().toString().replaceFirst("(?i)\\.tsv$", "");
        StringBuilder yaml = new StringBuilder("name: " + name + "\nissues:\n");
        options.forEach((issue, list) -> yaml.append("  ").append(issue).append(": [").append(String.join(", ", list))
                .append("]\n"));
        yaml.append("parties:\n");
        for (int p = 0; p < parties.size(); p++) {
            double scale = 0;
            StringBuilder party = new StringBuilder();
            for (var entry : points.get(parties.get(p)).entrySet()) {
                party.append("      ").append(entry.getKey()).append(": [").append(String.join(", ", entry.getValue()))
                        .append("]\n");
                scale += entry.getValue().stream().mapToDouble(Double::parseDouble).max().orElse(0);
            }
            yaml.append("  ").append(parties.get(p)).append(":\n    scale: ").append(scale).append("\n    points:\n")
                    .append(party);
            if (reservation != null) {
                yaml.append("    reservation: ").append(reservation[2 + p]).append('\n');
            }
        }
        return new Imported(ScenarioReader.read(yaml.toString(), file + " (as a Parley scenario)"), this, List.of(file),
                List.of());
    }

    private static boolean skipped(String line) {
        return line.isBlank() || line.startsWith("#");
    }

    /** The index of the first line that is neither blank nor a comment: the header. */
    private static int firstRow(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!skipped(lines.get(i))) {
                return i;
            }
        }
        return 0;
    }

    /** The file's lines, numbered as in the file; at least one. */
    private static List<String> lines(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            if (lines.stream().allMatch(PointsTableFormat::skipped)) {
                throw new FormatException(file.toString(), 0, 0, "", "is empty");
            }
            return lines;
        } catch (IOException e) {
            throw new FormatException(file.toString(), 0, 0, "", "cannot be read: " + e.getMessage());
        }
    }
}
