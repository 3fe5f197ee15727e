package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandoutCommandTest {

    static final String TAVRIK = "../scenarios/tavrik-accord.yaml";

    @TempDir
    Path dir;

    @Test
    void writesOneSheetPerPartyWithItsBriefOnly() throws Exception {
        CliRunner result = CliRunner.run("handout", TAVRIK, "--out", dir.toString(), "--format", "html");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        for (String party : new String[] {"federation", "kaldari", "vethari"}) {
            assertThat(dir.resolve("tavrik-accord-" + party + ".html")).exists();
        }
        String kaldari = Files.readString(dir.resolve("tavrik-accord-kaldari.html"));
        assertThat(kaldari).contains("You lead the government of Tavrik").contains("Tavrik, an industrial world")
                .contains("you score <strong>20 points</strong>")
                .contains("If the deal sets export-control to open-market, it must also set transition-guarantee to"
                        + " federation-guarantee.")
                .contains("2 of 3 must sign, including federation and kaldari")
                .doesNotContain("Vethari consortium, which has held").doesNotContain("Federation's envoy");
    }

    @Test
    void onePartysPdf() throws Exception {
        CliRunner result = CliRunner.run("handout", TAVRIK, "--party", "vethari", "--out", dir.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(Files.readAllBytes(dir.resolve("tavrik-accord-vethari.pdf"))).startsWith("%PDF-".getBytes());
        assertThat(dir.resolve("tavrik-accord-vethari.html")).exists();
        assertThat(dir.resolve("tavrik-accord-kaldari.pdf")).doesNotExist();
    }

    @Test
    void mistakesAreOneLineErrors() {
        CliRunner unknown = CliRunner.run("handout", TAVRIK, "--party", "romulans", "--out", dir.toString());
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.err()).contains("--party: unknown party (romulans); the parties are federation, kaldari, vethari");
        CliRunner format = CliRunner.run("handout", TAVRIK, "--format", "docx", "--out", dir.toString());
        assertThat(format.err()).contains("--format (docx): expected html, pdf or both");
    }

    @Test
    void aScenarioWithoutANarrativeGetsSheetsAndAWarning() throws Exception {
        Path plain = dir.resolve("plain.yaml");
        Files.writeString(plain, """
                name: plain
                issues:
                  x: [a, b]
                parties:
                  p: {points: {x: [0, 100]}, reservation: 30}
                  q: {points: {x: [100, 0]}, reservation: 30}
                """);
        CliRunner result = CliRunner.run("handout", plain.toString(), "--out", dir.resolve("out").toString(),
                "--format", "html");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("warning: ").contains("has no story or briefs");
        assertThat(Files.readString(dir.resolve("out/plain-p.html"))).contains("30 points");
    }
}
