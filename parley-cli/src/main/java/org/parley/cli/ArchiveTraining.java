package org.parley.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * The training run behind the class-data-sharing archive that {@code ./parley} starts with: the
 * build runs it once under {@code -XX:DumpLoadedClassList} (parley-cli/pom.xml), and the JVM then
 * parses, verifies and lays out every class it loaded in {@code target/parley.jsa}. A later start
 * maps those classes instead of reading them from the jar (docs/architecture.md, "Start-up,
 * measured").
 *
 * <p>So it does what users start with: {@code --version}, the help of every command, and
 * {@code check}, {@code analyze} and an unrecorded {@code run} of the scenarios it is given. Output
 * goes nowhere; a command that fails fails the build, since the same command would fail for a user.
 */
final class ArchiveTraining {

    private ArchiveTraining() {}

    public static void main(String[] scenarios) {
        List<String[]> commandLines = new ArrayList<>();
        commandLines.add(new String[] {"--version"});
        commandLines.add(new String[] {"--help"});
        for (Class<?> type : ParleyCommand.SUBCOMMANDS) {
            commandLines.add(new String[] {type.getAnnotation(Command.class).name(), "--help"});
        }
        for (String scenario : scenarios) {
            commandLines.add(new String[] {"check", scenario});
            commandLines.add(new String[] {"analyze", scenario});
            commandLines.add(new String[] {"run", scenario, "--no-record"});
        }
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        for (String[] args : commandLines) {
            StringWriter err = new StringWriter();
            int code = ParleyCommand.execute(args, nowhere, new PrintWriter(err, true));
            if (code != 0) {
                System.err.print(err);
                System.err.println("parley archive training: parley " + String.join(" ", args) + " exited with " + code);
                System.exit(code);
            }
        }
    }
}
