package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.io.Csv;

/**
 * The example agent in Python (examples/python-agent, standard library only) plays a tournament
 * against built-in strategies over the remote agent protocol, to the end and without misbehaving.
 * Skipped where python3 is missing, unless PARLEY_REQUIRE_PYTHON is set (CI sets it).
 */
class PythonAgentTest {

    private static final Path AGENT = Path.of("../examples/python-agent/agent.py");

    @Test
    void thePythonExampleCompletesATournament(@TempDir Path dir) throws IOException, InterruptedException {
        boolean required = System.getenv("PARLEY_REQUIRE_PYTHON") != null;
        boolean present = python() != null;
        if (!present) {
            assertThat(required).as("PARLEY_REQUIRE_PYTHON is set but python3 is missing").isFalse();
            Assumptions.abort("python3 is not installed");
        }
        Process agent = new ProcessBuilder(python(), AGENT.toString(), "--port", "0", "--e", "0.5")
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).as("the agent's first line").startsWith("listening on http://");
            String url = line.substring("listening on ".length()).strip();
            Path results = dir.resolve("t");
            CliRunner run = CliRunner.run("tournament", "--strategies", "boulware,conceder,remote:url=" + url,
                    "--scenarios", "../scenarios/cardassian-talks.yaml", "../scenarios/tavrik-accord.yaml",
                    "--rounds", "60", "--move-limit", "5s", "--threads", "2", "--out", results.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            Csv.Table csv = Csv.read(Files.readString(results.resolve("results.csv")), "results.csv");
            // 3 strategies: 6 ordered pairs on the talks, 6 orderings on the 3-party accord.
            assertThat(csv.rows()).hasSize(12);
            int misbehaviour = csv.column("misbehaviour");
            assertThat(csv.rows()).allSatisfy(r -> assertThat(r.fields().get(misbehaviour)).isEmpty());
            long agreementsWithPython = csv.rows().stream().filter(r -> String.join(",", r.fields()).contains("remote:url")
                    && r.fields().get(csv.column("agreement")).equals("true")).count();
            assertThat(agreementsWithPython).isPositive();
            assertThat(run.out()).contains("remote:url=" + url).doesNotContain("put out for misbehaving");
        } finally {
            agent.destroy();
            agent.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static String python() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (String name : List.of("python3", "python3.exe")) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        return null;
    }
}
