package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.generate.ScenarioGenerator;
import org.parley.io.ReadLimits;
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

    /**
     * What generate writes, the readers take: the scenario of issue 16 (6.6 MB of YAML, once refused
     * by a 3 MB limit while its JSON loaded) in both syntaxes, and the densest file at generate's
     * bound (one party, 100 × 10,000 values: the option lists as long as the values), in JSON, the
     * larger syntax. Beyond the bound generate refuses up front, naming the readers' limits.
     */
    @Test
    void whatGenerateWritesTheReadersTake(@TempDir Path dir) throws Exception {
        for (String name : new String[] {"issue16.yaml", "issue16.json"}) {
            Path file = dir.resolve(name);
            assertThat(CliRunner.run("generate", "--parties", "2", "--issues", "1000", "--options", "100", "--seed", "1",
                    "--out", file.toString()).exitCode()).isZero();
            CliRunner check = CliRunner.run("check", file.toString());
            assertThat(check.exitCode()).as(name + ": " + check.err()).isZero();
            assertThat(check.out()).contains("ok — scenario generated-k2-n1000-m100-s1, 1000 issues, 2 parties");
        }
        assertThat(Files.size(dir.resolve("issue16.yaml"))).isGreaterThan(6_000_000);

        Path densest = dir.resolve("densest.json");
        assertThat(ReadLimits.MAX_GENERATED_VALUES).isEqualTo(1_000_000);
        CliRunner wrote = CliRunner.run("generate", "--parties", "1", "--issues", "100", "--options", "10000", "--seed", "1",
                "--out", densest.toString());
        assertThat(wrote.exitCode()).as(wrote.err()).isZero();
        assertThat(Files.size(densest)).isLessThan(ReadLimits.MAX_DOCUMENT_CHARS);
        CliRunner check = CliRunner.run("check", densest.toString());
        assertThat(check.exitCode()).as(check.err()).isZero();

        CliRunner beyond = CliRunner.run("generate", "--parties", "2", "--issues", "1000", "--options", "501", "--seed",
                "1", "--out", dir.resolve("beyond.yaml").toString());
        assertError(beyond, "error: --parties × --issues × --options is 1,002,000 values, more than the 1,000,000"
                + " generate writes");
        assertThat(beyond.err()).contains("67.1 MB", "Limits");
        assertThat(dir.resolve("beyond.yaml")).doesNotExist();
    }

    private static void assertError(CliRunner cli, String expected) {
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).startsWith(expected);
        assertThat(cli.err().strip().lines()).hasSize(1);
    }
}
