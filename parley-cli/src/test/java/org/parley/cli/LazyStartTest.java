package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Subcommands are built only when the command line names them, and a stand-in shows exactly what
 * the real command would in the root's help.
 */
class LazyStartTest {

    @TempDir
    Path folder;

    @Test
    void onlyTheCommandsTheArgumentsNameAreBuilt() {
        Map<String, CommandLine> version = root("--version").getSubcommands();
        for (Class<?> type : ParleyCommand.SUBCOMMANDS) {
            assertThat(version.get(name(type)).<Object>getCommand()).as(name(type)).isNull();
        }
        Map<String, CommandLine> run = root("--verbose", "run", "x.yaml", "--strategy", "a=boulware").getSubcommands();
        assertThat(run.get("run").<Object>getCommand()).isInstanceOf(RunCommand.class);
        assertThat(run.get("check").<Object>getCommand()).isNull();
        Map<String, CommandLine> help = root("help", "coalitions").getSubcommands();
        assertThat(help.get("coalitions").<Object>getCommand()).isInstanceOf(CoalitionsCommand.class);
        // An @file may name any command.
        Map<String, CommandLine> file = root("@args.txt").getSubcommands();
        for (Class<?> type : ParleyCommand.SUBCOMMANDS) {
            assertThat(file.get(name(type)).<Object>getCommand()).isInstanceOf(type);
        }
    }

    @Test
    void theRootHelpIsTheSameWithStandInsAsWithEveryCommandBuilt() {
        String lazy = root().getUsageMessage(CommandLine.Help.Ansi.OFF);
        String built = root("@all").getUsageMessage(CommandLine.Help.Ansi.OFF);
        assertThat(lazy).isEqualTo(built);
        for (Class<?> type : ParleyCommand.SUBCOMMANDS) {
            Command command = type.getAnnotation(Command.class);
            assertThat(lazy).containsPattern("(?m)^  " + command.name() + " +"
                    + java.util.regex.Pattern.quote(command.description()[0].substring(0, 20)));
        }
        assertThat(lazy).contains("--verbose");
    }

    @Test
    void everyCommandAnswersHelpAndVersionAndTakesVerbose() {
        String version = CliRunner.run("--version").out();
        assertThat(version).startsWith("parley ");
        for (Class<?> type : ParleyCommand.SUBCOMMANDS) {
            String name = name(type);
            // Picocli warns on System.err, not the command's writer, e.g. of a bare % in a description.
            java.io.PrintStream stderr = System.err;
            java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
            CliRunner help;
            try {
                System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
                help = CliRunner.run(name, "--help");
            } finally {
                System.setErr(stderr);
            }
            assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8)).as(name + " --help").isEmpty();
            assertThat(help.exitCode()).as(name + " --help: " + help.err()).isZero();
            assertThat(help.out()).as(name).startsWith("Usage: parley " + name + " [-hV]").contains("--verbose");
            assertThat(CliRunner.run("help", name).out()).as("help " + name).isEqualTo(help.out());
            assertThat(CliRunner.run(name, "-V").out()).as(name + " -V").isEqualTo(version);
        }
    }

    @Test
    void aMistypedCommandIsStillSuggested() {
        CliRunner typo = CliRunner.run("anlyze", "x.yaml");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("Did you mean: parley analyze");
    }

    @Test
    void aTransposedCommandIsSuggestedByEditDistance() {
        // picocli's own guess (letter pairs in common) offered "tournament" for "rnu".
        CliRunner swapped = CliRunner.run("rnu", "scenarios/tavrik-accord.yaml");
        assertThat(swapped.exitCode()).isEqualTo(2);
        assertThat(swapped.err()).contains("Unmatched argument").contains("'rnu'").contains("Did you mean: parley run?")
                .doesNotContain("tournament");
        assertThat(CliRunner.run("chekc").err()).contains("Did you mean: parley check?");
        assertThat(CliRunner.run("Serve").err()).contains("Did you mean: parley serve?");
        // Nothing near: no guess of ours, picocli's message stands, still exit code 2.
        CliRunner far = CliRunner.run("xyzzyplugh");
        assertThat(far.exitCode()).isEqualTo(2);
        assertThat(far.err()).contains("Unmatched argument at index 0: 'xyzzyplugh'");
    }

    @Test
    void editDistanceCountsASwapOfNeighboursAsOneEdit() {
        assertThat(ParleyCommand.editDistance("rnu", "run")).isEqualTo(1);
        assertThat(ParleyCommand.editDistance("run", "run")).isZero();
        assertThat(ParleyCommand.editDistance("", "run")).isEqualTo(3);
        assertThat(ParleyCommand.editDistance("kitten", "sitting")).isEqualTo(3);
        assertThat(ParleyCommand.editDistance("ca", "abc")).isEqualTo(3); // optimal string alignment, not full Damerau
    }

    /** In a fresh JVM: --version and --help load none of the commands' libraries, and neither runs their code. */
    @Test
    void versionAndHelpLoadNoLibraryOfTheCommands() throws Exception {
        for (String flag : List.of("--version", "--help")) {
            Path log = folder.resolve("classes" + flag + ".txt");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"),
                    ParleyCommand.class.getName(), flag));
            Process process = new ProcessBuilder(command).redirectOutput(folder.resolve("out").toFile())
                    .redirectError(folder.resolve("err").toFile()).start();
            assertThat(process.waitFor()).as(Files.readString(folder.resolve("err"))).isZero();
            String loaded = Files.readString(log);
            assertThat(loaded).contains("org.parley.cli.ParleyCommand ")
                    .doesNotContain("com.fasterxml.jackson", "org.parley.store.", "org.parley.core.engine.", "org.knowm.xchart",
                            "io.javalin", "org.parley.cli.RunCommand$", "org.parley.cli.Trace ");
        }
    }

    private static CommandLine root(String... args) {
        CommandLine root = new CommandLine(new ParleyCommand());
        ParleyCommand.addSubcommands(root, args);
        return root;
    }

    private static String name(Class<?> type) {
        return type.getAnnotation(Command.class).name();
    }
}
