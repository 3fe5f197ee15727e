package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.model.Scenario;
import org.parley.io.ScenarioReader;

class ImportExportCommandTest {

    static final String SAMPLES = "../parley-io/src/test/resources/interop/";

    @TempDir
    Path dir;

    @Test
    void importWritesTheScenarioAsYamlToStandardOutput() {
        CliRunner result = CliRunner.run("import", SAMPLES + "genius/y2011/Laptop");
        assertThat(result.exitCode()).isZero();
        Scenario scenario = ScenarioReader.read(result.out(), "out.yaml");
        assertThat(scenario.name()).isEqualTo("laptop");
        assertThat(scenario.partyNames()).containsExactly("buyer", "seller");
        assertThat(result.err().lines()).hasSize(2).allMatch(line -> line.startsWith("warning: ")
                && line.contains("weights sum to 1.000051804171754"));
    }

    @Test
    void importWithOutWritesAFileAndSaysWhat() {
        Path out = dir.resolve("flights.yaml");
        CliRunner result = CliRunner.run("import", SAMPLES + "geniusweb/FlightBooking/flightbooking.json", "--out", out.toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip()).isEqualTo("wrote " + out + ": scenario flightbooking from GeniusWeb, 3 issues,"
                + " 2 parties (flightbooking1, flightbooking2)");
        assertThat(ScenarioReader.read(out).party("flightbooking1").preferences().reservation()).isEqualTo(0.70845);
    }

    @Test
    void everyCommandTakesGeniusAndGeniusWebFilesDirectly() {
        CliRunner folder = CliRunner.run("check", SAMPLES + "genius/y2010/Travel");
        assertThat(folder.exitCode()).isZero();
        assertThat(folder.out()).contains("scenario travel, 7 issues, 2 parties, 188160 outcomes", "party chox", "party fanny");
        CliRunner domain = CliRunner.run("check", SAMPLES + "geniusweb/Fitness/fitness.json");
        assertThat(domain.out()).contains("scenario fitness, 5 issues, 2 parties", "party fitness1", "reservation 0.20");
        CliRunner profile = CliRunner.run("check", SAMPLES + "genius/y2010/Travel/travel_chox.xml");
        assertThat(profile.exitCode()).isEqualTo(2);
        assertThat(profile.err().strip()).endsWith("travel_chox.xml: is a GENIUS utility-space (profile) file; name its"
                + " domain file, the folder, or the domain and profile files together");
    }

    @Test
    void exportWritesTheFilesListsThemAndWarnsAboutWhatIsLost() {
        CliRunner result = CliRunner.run("export", "../scenarios/tavrik-accord.yaml", "--format", "genius", "--out", dir.toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).containsExactly("wrote " + dir.resolve("tavrik-accord_domain.xml"),
                "wrote " + dir.resolve("tavrik-accord_federation.xml"), "wrote " + dir.resolve("tavrik-accord_kaldari.xml"),
                "wrote " + dir.resolve("tavrik-accord_vethari.xml"));
        assertThat(result.err()).contains("warning: the agreement rule (quorum 2", "warning: party (federation): its 1 hard"
                + " constraint(s) are not written");
        CliRunner back = CliRunner.run("check", dir.toString());
        assertThat(back.out()).contains("scenario tavrik-accord, 7 issues, 3 parties, 1458 outcomes",
                "party federation               reservation 0.40, 0 constraint(s)");
        CliRunner web = CliRunner.run("export", dir.resolve("tavrik-accord_domain.xml").toString(), "--format", "geniusweb",
                "--out", dir.resolve("web").toString());
        assertThat(web.exitCode()).isZero();
        assertThat(web.err()).isEmpty();
        assertThat(CliRunner.run("check", dir.resolve("web").toString()).out()).contains("party vethari");
    }

    @Test
    void mistakesAreOneLineErrorsWithExitCodeTwo() throws IOException {
        CliRunner format = CliRunner.run("export", "../scenarios/tavrik-accord.yaml", "--format", "negmas", "--out", dir.toString());
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err().strip()).isEqualTo("error: --format: Unknown format (negmas); expected json or csv for a record, parley, genius or geniusweb"
                + " for a scenario.");
        Path file = Files.writeString(dir.resolve("x.txt"), "");
        assertThat(CliRunner.run("export", "../scenarios/tavrik-accord.yaml", "--format", "genius", "--out", file.toString())
                .err()).contains("--out: " + file + " is a file");
        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("b_domain.xml"), "<negotiation_template>\n<utility_space>\n</negotiation_template>\n");
        CliRunner bad = CliRunner.run("import", broken.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err().strip()).startsWith("error: " + broken.resolve("b_domain.xml") + ":3:").contains("not valid XML");
        assertThat(bad.err()).doesNotContain("\tat ");
    }
}
