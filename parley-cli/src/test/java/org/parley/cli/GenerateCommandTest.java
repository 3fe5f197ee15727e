package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.generate.ScenarioGenerator;
import org.parley.io.ScenarioReader;

class GenerateCommandTest {

    @Test
    void printsAScenarioThatReadsBackEqual() {
        CliRunner cli = CliRunner.run("generate", "--parties", "3", "--issues", "4", "--options", "5", "--seed", "9",
                "--reservation", "0.4", "--constraints", "2");
        assertThat(cli.exitCode()).isZero();
        var read = ScenarioReader.read(cli.out(), "stdout");
        var expected = ScenarioGenerator.generate(new ScenarioGenerator.Settings(3, 4, 5, 9, 0.4, 2));
        assertThat(read.domain()).isEqualTo(expected.domain());
        assertThat(read.parties()).isEqualTo(expected.parties());
    }

    @Test
    void writesTheSameFileForTheSameSeed(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        CliRunner cli = CliRunner.run("generate", "--parties", "2", "--issues", "3", "--options", "4", "--seed", "5",
                "--out", a.toString());
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("wrote generated-k2-n3-m4-s5", "64 outcomes");
        CliRunner.run("generate", "--parties", "2", "--issues", "3", "--options", "4", "--seed", "5", "--out",
                b.toString());
        assertThat(Files.readString(a)).isEqualTo(Files.readString(b));
        CliRunner.run("generate", "--parties", "2", "--issues", "3", "--options", "4", "--seed", "6", "--out",
                b.toString());
        assertThat(Files.readString(a)).isNotEqualTo(Files.readString(b));
        assertThat(CliRunner.run("analyze", a.toString()).exitCode()).isZero();
    }

    @Test
    void validatesFlags(@TempDir Path dir) {
        assertError(CliRunner.run("generate", "--parties", "0", "--issues", "3", "--options", "4", "--seed", "1"),
                "error: --parties: The number of parties (0)");
        assertError(CliRunner.run("generate", "--parties", "2", "--issues", "3", "--options", "0", "--seed", "1"),
                "error: --options: The number of options (0)");
        assertError(CliRunner.run("generate", "--parties", "2", "--issues", "3", "--options", "4", "--seed", "1",
                "--reservation", "2"), "error: --reservation:");
        assertError(CliRunner.run("generate", "--parties", "2", "--issues", "3", "--options", "4", "--seed", "1",
                "--out", dir.resolve("x.txt").toString()), "error: --out: expected a file name ending in .yaml");
        CliRunner missing = CliRunner.run("generate", "--parties", "2", "--issues", "3", "--options", "4");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--seed");
    }

    private static void assertError(CliRunner cli, String expected) {
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).startsWith(expected);
        assertThat(cli.err().strip().lines()).hasSize(1);
    }
}
