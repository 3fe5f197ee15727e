package org.parley.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parley.store.Archive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Replays a stored negotiation as the trace {@code parley run} printed. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Replay a stored negotiation as a trace, as parley run printed it.")
final class ShowCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID", description = "The record's id, or a prefix of it that only it has.")
    String id;

    @Option(names = "--json", description = "Print the record as JSON, as parley run --json does.")
    boolean json;

    @Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Archive.Entry entry = store.resolve(id);
        if (json) {
            RunCommand.print(entry.scenario(), entry.negotiation().settings(), entry.negotiation(),
                    RunCommand.debrief(entry), entry.id(), true, out);
        } else {
            var stored = entry.stored();
            out.printf("record %s — %s, stored %s%s%n", stored.id(), stored.source(),
                    DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
                            .format(stored.createdAt().atZone(ZoneId.systemDefault())),
                    stored.batch() == null ? "" : ", tournament " + stored.batch());
            RunCommand.print(entry.scenario(), entry.negotiation().settings(), entry.negotiation(),
                    RunCommand.debrief(entry), null, false, out);
        }
        out.flush();
        return 0;
    }
}
