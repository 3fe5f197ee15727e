package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.engine.BidSpaceCache;
import org.parley.core.engine.Negotiation;
import org.parley.core.strategy.StrategyRegistry;
import org.parley.store.Archive;
import org.parley.store.Databases;
import org.parley.store.HistoryQuery;
import org.parley.store.RecordStatus;
import org.parley.store.RecordStore;

/**
 * parley run processes killed with SIGKILL at moments spread over their life (starting, running,
 * storing): every record in the database is whole (it decodes, and its log replays to its
 * result), never half-written.
 */
class RunKillTest {

    @TempDir
    Path dir;

    @Test
    void aKilledRunLeavesItsRecordCompleteOrAbsent() throws Exception {
        String db = "jdbc:sqlite:" + dir.resolve("runs.db");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int killed = 0;
        for (int i = 0; i < 8; i++) {
            List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                    ParleyCommand.class.getName(), "run", "../scenarios/trinity-station.yaml", "--protocol", "amop",
                    "--rounds", "300", "--seed", String.valueOf(i), "--db", db));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Thread.sleep(300 + 250L * i);
            if (process.isAlive()) {
                killed++;
            }
            process.destroyForcibly();
            process.waitFor();
        }
        assertThat(killed).as("some runs were killed before they ended").isPositive();
        // And one left to finish, so that there is at least one whole record beside the killed ones.
        CliRunner finished = CliRunner.run("run", "../scenarios/trinity-station.yaml", "--protocol", "amop", "--rounds",
                "300", "--db", db);
        assertThat(finished.exitCode()).as(finished.err()).isZero();
        try (RecordStore store = Databases.open(db)) {
            Archive archive = new Archive(store);
            var records = store.history(new HistoryQuery(null, null, null, null, null, 100));
            // A process alive at the kill may already have stored its record (it was exiting), so the
            // count says little; what matters is that every record there is whole.
            assertThat(records.size()).isBetween(1, 9);
            for (var record : records) {
                assertThat(record.status()).isEqualTo(RecordStatus.FINISHED);
                var entry = archive.decode(record);
                var negotiation = entry.negotiation();
                var replayed = Negotiation.resume(entry.scenario(), negotiation.settings(), negotiation.events(),
                        new StrategyRegistry(), new BidSpaceCache());
                assertThat(replayed.result()).isEqualTo(negotiation.result());
            }
        }
    }
}
