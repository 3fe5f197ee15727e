package org.parley.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.parley.io.FormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
// Every subcommand declares -h/--help and -V/--version itself (mixinStandardHelpOptions), and gets
// --verbose when it is built (addSubcommands): not scope = INHERIT on the root, which would copy
// those options into each of the 16 stand-ins at every start (about 20 ms) for nothing.
@Command(
        name = "parley",
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
        // jar of the class path: cheap in the one shaded jar, but with a class path of many jars
        // (tests, -cp with plugins) it opens and indexes each of them. picocli.disable.closures is
        // picocli's own switch for skipping the lookup; a value given with -D is kept.
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
    @Option(names = "--verbose", description = VERBOSE)
    void verbose(boolean verbose) {
        if (verbose) {
            System.setProperty(LOG_LEVEL, "info");
        }
    }

    static final String VERBOSE = "Log information too (database migrations; for serve, each request), not only"
            + " warnings and errors, on standard error.";

    /** The root's {@code --verbose}, for a subcommand: {@code parley serve --verbose}. */
    static CommandLine.Model.OptionSpec verboseOption() {
        return CommandLine.Model.OptionSpec.builder("--verbose")
                .description(VERBOSE)
                .type(boolean.class)
                .arity("0")
                .setter(new CommandLine.Model.ISetter() {
                    @Override
                    public <T> T set(T value) {
                        if (Boolean.TRUE.equals(value)) {
                            System.setProperty(LOG_LEVEL, "info");
                        }
                        return null;
                    }
                })
                .build();
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
        CommandLine.IParameterExceptionHandler picocli = commandLine.getParameterExceptionHandler();
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            String suggestion = exception.getCommandLine() == commandLine
                    && exception instanceof CommandLine.UnmatchedArgumentException unmatched
                    && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")
                    ? suggestion(unmatched.getUnmatched().get(0), commandLine) : null;
            if (suggestion == null) {
                return picocli.handleParseException(exception, arguments);
            }
            commandLine.getErr().println(exception.getMessage());
            commandLine.getErr().println("Did you mean: parley " + suggestion + "?");
            return commandLine.getCommandSpec().exitCodeOnInvalidInput();
        });
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
                CommandLine.Model.CommandSpec built = root.getSubcommands().get(command.name()).getCommandSpec();
                // So that parley run -V prints what parley -V does, not an empty line.
                built.versionProvider(new Version());
                built.addOption(verboseOption());
            } else {
                root.addSubcommand(command.name(), new CommandLine(standIn(command)), command.aliases());
            }
        }
        root.addSubcommand("help", new CommandLine.HelpCommand());
    }

    /**
     * The commands closest to a mistyped one, by edit distance with a swap of neighbours counting
     * as one edit (picocli's own guess, by shared letter pairs, offered {@code tournament} for
     * {@code rnu}); null when none is within two edits (and within half the word), which leaves
     * the guess to picocli.
     */
    static String suggestion(String typed, CommandLine root) {
        String word = typed.toLowerCase(java.util.Locale.ROOT);
        int limit = Math.min(2, Math.max(1, word.length() / 2));
        int best = limit + 1;
        List<String> closest = new ArrayList<>();
        for (var entry : root.getSubcommands().entrySet()) {
            String name = entry.getKey();
            if (name.equals("help") && !word.startsWith("h")) {
                continue;
            }
            int distance = editDistance(word, name);
            if (distance < best) {
                best = distance;
                closest.clear();
            }
            if (distance == best && !closest.contains(entry.getValue().getCommandName())) {
                closest.add(entry.getValue().getCommandName());
            }
        }
        return best > limit ? null : String.join(" or parley ", closest);
    }

    /** Damerau–Levenshtein distance (optimal string alignment): inserts, deletions, changes and neighbour swaps. */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + change);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
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
