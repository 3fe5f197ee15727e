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
