package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

    @Test
    void summarisesTheBuiltInScenarios() {
        CliRunner result = CliRunner.run("check", "../scenarios/tavrik-accord.yaml", "../scenarios/trinity-station.yaml");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("scenario tavrik-accord, 7 issues, 3 parties, 1458 outcomes")
                .contains("scenario trinity-station, 5 issues, 4 parties, 162 outcomes")
                .contains("party federation               reservation 0.40, 1 constraint(s)")
                .contains("  agreement rule                 2 of 3 must sign, including federation and kaldari\n")
                .contains("  agreement rule                 unanimity: all 4 parties must sign\n");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void printsTheAgreementRuleOfAQuorumWithoutRequiredParties(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("quorum.yaml"), "name: q\nissues:\n  a: [p, q]\nagreement: {quorum: 2}\n"
                + "parties:\n  one: {points: {a: [0, 100]}}\n  two: {points: {a: [100, 0]}}\n  three: {points: {a: [50, 50]}}\n");
        CliRunner result = CliRunner.run("check", file.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("  agreement rule                 2 of 3 must sign\n");
    }

    @Test
    void aBadFileIsOneLineNamingFileLineAndFieldWithExitCodeTwo(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "name: x\nissues:\n  a: [p, q]\nparties:\n  one:\n    points: {a: [0, 200]}\n");
        CliRunner result = CliRunner.run("check", bad.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("error: " + bad + ":6:21: parties.one.points.a[1]: the points (200) must be at most 100");
        assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** A default strategy that does not exist is found by check, with its line, not by run later. */
    @Test
    void aDefaultStrategyThatDoesNotExistIsAnErrorWithItsLine(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"),
                "name: x\nissues:\n  a: [p, q]\nparties:\n  one:\n    strategy: bolware\n    points: {a: [0, 100]}\n");
        CliRunner check = CliRunner.run("check", bad.toString());
        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err()).startsWith("error: " + bad + ":6:15: parties.one.strategy: Unknown strategy (bolware)");
        CliRunner run = CliRunner.run("run", bad.toString(), "--no-record");
        assertThat(run.err()).isEqualTo(check.err());
    }

    /** The hostile files of issue 16 are one-line errors naming the limit, never a trace or a hang. */
    @Test
    void hostileFilesAreOneLineErrorsNamingTheLimit(@TempDir Path dir) throws IOException {
        StringBuilder bomb = new StringBuilder("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 9; level++) {
            bomb.append("l").append(level).append(": &l").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, "*l" + (level - 1)))).append("]\n");
        }
        Path[] files = {
            Files.writeString(dir.resolve("bomb.yaml"), bomb),
            Files.writeString(dir.resolve("deep.yaml"), "[".repeat(200_000) + "]".repeat(200_000)),
            Files.writeString(dir.resolve("deep.json"), "[".repeat(100_000) + "]".repeat(100_000)),
        };
        String[] limits = {"repeat more than 100000", "nested more than 100 levels", "nested more than 100 levels"};
        for (int i = 0; i < files.length; i++) {
            CliRunner result = CliRunner.run("check", files[i].toString());
            assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
            assertThat(result.err()).startsWith("error: " + files[i] + ":").contains(limits[i]);
            assertThat(result.err().strip().lines()).hasSize(1);
        }
    }

    /** A GENIUS profile that weighs its objective (as the ANAC 2012 Fitness profiles do) reads, with a warning on stderr. */
    @Test
    void aGeniusWeightOnTheObjectiveIsAWarningNotAnError(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("gym_domain.xml"), "<negotiation_template><utility_space>\n"
                + "<objective index=\"1\" name=\"Gym\"><issue index=\"2\" name=\"sport\" type=\"discrete\">"
                + "<item index=\"1\" value=\"swim\"/><item index=\"2\" value=\"run\"/></issue></objective>\n"
                + "</utility_space></negotiation_template>\n");
        Path profile = Files.writeString(dir.resolve("gym_member.xml"), "<utility_space>\n<objective index=\"1\" name=\"Gym\">\n"
                + "<issue index=\"2\" name=\"sport\"><item index=\"1\" value=\"swim\" evaluation=\"1\"/>"
                + "<item index=\"2\" value=\"run\" evaluation=\"2\"/></issue>\n"
                + "<weight index=\"2\" value=\"1\"/>\n<weight index=\"1\" value=\"1.0\"/>\n</objective>\n</utility_space>\n");
        CliRunner result = CliRunner.run("check", dir.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("ok — scenario gym, 1 issues, 1 parties, 2 outcomes");
        assertThat(result.err().strip()).isEqualTo("warning: " + profile + ":5: ignored the weight for index 1, the objective"
                + " (Gym), not an issue; GENIUS weighs issues only");
    }

    @Test
    void aFolderOrAMissingFileIsAUserError(@TempDir Path dir) {
        // A folder is read as GENIUS or GeniusWeb files (see ImportExportCommandTest); an empty one holds neither.
        assertThat(CliRunner.run("check", dir.toString()).err())
                .contains("holds no scenario Parley reads", "GENIUS XML: a domain", "GeniusWeb JSON");
        assertThat(CliRunner.run("check", dir.resolve("none.yaml").toString()).err()).contains("no such file");
    }

    @Test
    void unknownSubcommandsAndMissingArgumentsAreUsageErrors() {
        CliRunner result = CliRunner.run("frobnicate");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unmatched argument");
        assertThat(CliRunner.run("check").err()).contains("Missing required parameter");
    }
}
