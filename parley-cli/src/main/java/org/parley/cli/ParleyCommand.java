package org.parley.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.parley.io.FormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code parley} command: one subcommand per job.
 *
 * <p>The subcommands are built lazily. Picocli builds a command's model by reflecting over its
 * fields and methods, which loads every type they name (Jackson, the store, the engine, XChart):
 * about 800 classes and a third of a second before {@code parley --version} could print a line.
 * So only the commands the command line names are built from their classes; every other one is a
 * stand-in with its name and description, enough for the root's help and "did you mean"
 * suggestions, and never run (it is only reached when its name is on the command line, and then it
 * is the real one).
 */
// scope = INHERIT gives every subcommand -h/--help (and -V/--version), so that help works whatever
// the subcommand's required parameters.
@Command(
        name = "parley",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = ParleyCommand.Version.class,
        description = "Multi-party, multi-issue negotiation: model scenarios, analyse them, run negotiations.")
public final class ParleyCommand implements Runnable {

    /** The subcommands, in the order help lists them; a class literal loads a class, it runs none of its code. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            CheckCommand.class,
            RunCommand.class,
            HistoryCommand.class,
            ShowCommand.class,
            TournamentCommand.class,
            WorkerCommand.class,
            StrategiesCommand.class,
            PlotCommand.class,
            AnalyzeCommand.class,
            GenerateCommand.class,
            CoalitionsCommand.class,
            ImportCommand.class,
            ExportCommand.class,
            HandoutCommand.class,
            WorldCommand.class,
            ServeCommand.class);

    static {
        // Picocli's DefaultFactory looks up Groovy's Closure class once, for Groovy scripts that put
        // closures in annotations; Parley has none. A class that is not there is looked for in every
        // jar of the class path, which opens and indexes all of target/lib/ (28,000 entries,
        // Hazelcast's 11,800 among them) on every start, even for parley --version. This property
        // is picocli's own switch for skipping the lookup; a value given with -D is kept.
        if (System.getProperty("picocli.disable.closures") == null) {
            System.setProperty("picocli.disable.closures", "true");
        }
    }

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
        addSubcommands(commandLine, args);
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

    /**
     * Adds each subcommand: built from its class when an argument names it (so {@code parley run},
     * {@code parley --verbose serve} and {@code parley help run} get the real one), else a stand-in.
     * An {@code @file} argument may hold any command's name, so then every command is built.
     */
    static void addSubcommands(CommandLine root, String... args) {
        boolean all = Arrays.stream(args).anyMatch(arg -> arg.startsWith("@"));
        for (Class<?> type : SUBCOMMANDS) {
            Command command = type.getAnnotation(Command.class);
            List<String> names = new ArrayList<>(List.of(command.aliases()));
            names.add(0, command.name());
            if (all || Arrays.stream(args).anyMatch(names::contains)) {
                root.addSubcommand(command.name(), type, command.aliases());
                // So that parley run -V prints what parley -V does, not an empty line.
                root.getSubcommands().get(command.name()).getCommandSpec().versionProvider(new Version());
            } else {
                root.addSubcommand(command.name(), new CommandLine(standIn(command)), command.aliases());
            }
        }
        root.addSubcommand("help", new CommandLine.HelpCommand());
    }

    /** What the root's help shows of a command: its name and description, read from its annotation. */
    private static CommandLine.Model.CommandSpec standIn(Command command) {
        CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create().name(command.name());
        spec.usageMessage().header(command.header()).description(command.description());
        return spec;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ParleyCommand.class.getPackage().getImplementationVersion();
            return new String[] {"parley " + (version == null ? "(development build)" : version)};
        }
    }
}
