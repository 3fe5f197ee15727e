package org.parley.cli;

import java.io.PrintWriter;
import org.parley.io.FormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code parley} command: one subcommand per job. */
@Command(
        name = "parley",
        mixinStandardHelpOptions = true,
        versionProvider = ParleyCommand.Version.class,
        description = "Multi-party, multi-issue negotiation: model scenarios, analyse them, run negotiations.",
        subcommands = {
            CheckCommand.class,
            RunCommand.class,
            HistoryCommand.class,
            ShowCommand.class,
            TournamentCommand.class,
            StrategiesCommand.class,
            PlotCommand.class,
            AnalyzeCommand.class,
            GenerateCommand.class,
            CoalitionsCommand.class,
            ImportCommand.class,
            ExportCommand.class,
            HandoutCommand.class,
            ServeCommand.class,
            CommandLine.HelpCommand.class
        })
public final class ParleyCommand implements Runnable {

    /** slf4j-simple's level for every logger without one of its own (simplelogger.properties sets warn). */
    static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * On every subcommand ({@code parley serve --verbose} or {@code parley --verbose serve}): the
     * libraries' information logs too, not only warnings and errors, on standard error. Takes effect
     * because nothing logs before the command line is parsed (slf4j-simple reads its level once).
     */
    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Log information too (database migrations; for serve, each request), not only warnings and"
                    + " errors, on standard error.")
    void verbose(boolean verbose) {
        if (verbose) {
            System.setProperty(LOG_LEVEL, "info");
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line; user mistakes become one-line errors and exit code 2, never a stack trace. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new ParleyCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        Listings.install(commandLine);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof FormatException || exception instanceof UserException) {
                cmd.getErr().println("error: " + exception.getMessage());
                return 2;
            }
            if (exception instanceof IllegalArgumentException) {
                cmd.getErr().println("error: " + exception.getMessage());
                return 2;
            }
            cmd.getErr().println("internal error: " + exception);
            exception.printStackTrace(cmd.getErr());
            return 70;
        });
        return commandLine.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ParleyCommand.class.getPackage().getImplementationVersion();
            return new String[] {"parley " + (version == null ? "(development build)" : version)};
        }
    }
}
