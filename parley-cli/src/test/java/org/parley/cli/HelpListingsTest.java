package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parley.core.protocol.ProtocolFactory;
import org.parley.core.protocol.Protocols;
import org.parley.core.strategy.StrategyRegistry;
import org.parley.io.interop.ScenarioFormat;
import org.parley.io.interop.ScenarioFormats;

/** Help lists what the registries hold, read from them, once per command. */
class HelpListingsTest {

    @Test
    void parleyHelpListsEveryProtocolFormatAndStrategyWithItsDescription() {
        CliRunner help = CliRunner.run("--help");
        assertThat(help.exitCode()).isZero();
        String out = help.out();
        assertThat(out).contains("Protocols (--protocol; default sao):", "Scenario formats (import, export --format; also read by check, analyze, run):",
                "Strategies (run --strategy, tournament --strategies; default diplomat):");
        for (ProtocolFactory protocol : Protocols.all()) {
            assertThat(out).contains(protocol.key(), protocol.title() + ": ");
        }
        assertThat(out).containsPattern("(?m)^  sao \\(saop\\) +stacked alternating offers: in turn");
        for (ScenarioFormat format : ScenarioFormats.all()) {
            assertThat(out).contains(format.key());
        }
        assertThat(out).containsPattern("(?m)^  genius \\(xml\\) +GENIUS XML: a domain");
        new StrategyRegistry().entries().forEach((name, entry) -> assertThat(out).containsPattern("(?m)^  " + name + " "));
        assertThat(out.split("Protocols \\(--protocol", -1)).hasSize(2);
        assertThat(out.lines()).allMatch(line -> line.length() <= 80, "fits 80 columns");
        assertThat(out.lines()).noneMatch(line -> line.endsWith(" "));
        // The help command shows the same.
        assertThat(CliRunner.run("help").out()).isEqualTo(out);
    }

    @Test
    void eachCommandListsWhatItsOptionsTake() {
        String run = CliRunner.run("run", "--help").out();
        assertThat(run).contains("--protocol=PROTOCOL", "The protocol: ", "sao, amop, mediated", "Protocols (--protocol",
                "Strategies (run --strategy").doesNotContain("Scenario formats (");
        assertThat(run.split("Strategies \\(run", -1)).hasSize(2);
        assertThat(CliRunner.run("tournament", "--help").out()).contains("Protocols (--protocol", "Strategies (run");
        String importHelp = CliRunner.run("help", "import").out();
        assertThat(importHelp).contains("--format=FORMAT", "Scenario formats (").doesNotContain("Protocols (");
        assertThat(importHelp).containsPattern("Read the files as this format \\(parley, genius,\\s+geniusweb");
        String export = CliRunner.run("help", "export").out();
        assertThat(export).contains("json, csv, ", "Scenario formats (");
        assertThat(CliRunner.run("help", "check").out()).doesNotContain("Protocols (", "Scenario formats (");
    }
}
