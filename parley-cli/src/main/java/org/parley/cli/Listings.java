package org.parley.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.parley.core.protocol.Protocols;
import org.parley.core.registry.Registered;
import org.parley.core.registry.Registry;
import org.parley.core.strategy.StrategyRegistry;
import org.parley.io.interop.ScenarioFormat;
import org.parley.io.interop.ScenarioFormats;
import picocli.CommandLine;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;

/**
 * What the registries hold, for help: the protocols, scenario formats and strategies, each with its
 * one-line description, as a section of {@code --help}, and their names as picocli completion
 * candidates (so an option's description can say {@code ${COMPLETION-CANDIDATES}}). Everything is
 * read from the registries when help is rendered, so a protocol, format or strategy registered
 * later is listed without editing the commands, and a command that prints no help loads nothing.
 */
final class Listings {

    private static final String SECTION = "parleyRegistries";

    private Listings() {}

    /** The protocols' keys. */
    static final class ProtocolKeys implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Protocols.registry().keys().iterator();
        }
    }

    /** The scenario formats' keys. */
    static final class ScenarioFormatKeys implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ScenarioFormats.registry().keys().iterator();
        }
    }

    /** What {@code export --format} takes: the record formats, then the scenario formats that write. */
    static final class ExportFormatKeys implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> keys = new ArrayList<>(List.of("json", "csv"));
            ScenarioFormats.writable().forEach(f -> keys.add(f.key()));
            return keys.iterator();
        }
    }

    /** Which lists each command's help shows. */
    enum Part { PROTOCOLS, FORMATS, STRATEGIES }

    /** Adds the listings to the help of the root command and of the commands that take those names. */
    static void install(CommandLine root) {
        add(root, Part.PROTOCOLS, Part.FORMATS, Part.STRATEGIES);
        Map<String, CommandLine> commands = root.getSubcommands();
        add(commands.get("run"), Part.PROTOCOLS, Part.STRATEGIES);
        add(commands.get("tournament"), Part.PROTOCOLS, Part.STRATEGIES);
        add(commands.get("plot"), Part.PROTOCOLS, Part.STRATEGIES);
        add(commands.get("import"), Part.FORMATS);
        add(commands.get("export"), Part.FORMATS);
    }

    private static void add(CommandLine command, Part... parts) {
        // Through the command's own usage spec: CommandLine.setHelpSectionKeys would also set the
        // keys of every subcommand.
        CommandLine.Model.UsageMessageSpec usage = command.getCommandSpec().usageMessage();
        usage.sectionMap().put(SECTION, help -> render(usage.width(), help.colorScheme(), parts));
        List<String> keys = new ArrayList<>(usage.sectionKeys());
        keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), SECTION);
        usage.sectionKeys(keys);
    }

    static String render(int width, CommandLine.Help.ColorScheme colors, Part... parts) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            out.append(System.lineSeparator());
            switch (part) {
                case PROTOCOLS -> out.append(table(width, colors, "Protocols (--protocol; default "
                        + Protocols.DEFAULT + "):", rows(Protocols.registry())));
                case FORMATS -> out.append(table(width, colors, "Scenario formats (import, export --format; also"
                        + " read by check, analyze, run):", formatRows(ScenarioFormats.registry())));
                case STRATEGIES -> out.append(table(width, colors, "Strategies (run --strategy, tournament --strategies;"
                        + " default " + StrategyRegistry.DEFAULT + "):", strategyRows()));
            }
        }
        return out.toString();
    }

    private static <T extends Registered> List<String[]> rows(Registry<T> registry) {
        List<String[]> rows = new ArrayList<>();
        for (T entry : registry.all()) {
            rows.add(new String[] {head(entry), entry.title() + ": " + entry.description()});
        }
        return rows;
    }

    private static List<String[]> formatRows(Registry<ScenarioFormat> registry) {
        List<String[]> rows = new ArrayList<>();
        for (ScenarioFormat format : registry.all()) {
            rows.add(new String[] {head(format), format.description() + (format.writes() ? "" : " (read only)")});
        }
        return rows;
    }

    private static List<String[]> strategyRows() {
        List<String[]> rows = new ArrayList<>();
        new StrategyRegistry().entries().forEach((name, entry) -> rows.add(new String[] {name, entry.description()}));
        return rows;
    }

    private static String head(Registered entry) {
        return entry.aliases().isEmpty() ? entry.key() : entry.key() + " (" + String.join(", ", entry.aliases()) + ")";
    }

    /** A heading and two columns, the second wrapped to the help's width. */
    private static String table(int width, CommandLine.Help.ColorScheme colors, String heading, List<String[]> rows) {
        int first = 0;
        for (String[] row : rows) {
            first = Math.max(first, row[0].length());
        }
        first = Math.min(first + 4, width / 2);
        TextTable table = TextTable.forColumns(colors, new Column(first, 2, Column.Overflow.SPAN),
                new Column(Math.max(20, width - first), 0, Column.Overflow.WRAP));
        for (String[] row : rows) {
            table.addRowValues(row);
        }
        return heading + System.lineSeparator() + table;
    }
}
