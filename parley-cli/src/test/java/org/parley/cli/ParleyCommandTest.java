package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command tree as a whole: every command, at any depth, answers -h and --help. */
class ParleyCommandTest {

    /** Every command's path below parley, found by walking picocli's tree (so a new command is covered). */
    static List<List<String>> commands() {
        List<List<String>> paths = new ArrayList<>();
        // Naming every command builds each from its class (ParleyCommand adds stand-ins for the others).
        String[] names = ParleyCommand.SUBCOMMANDS.stream()
                .map(type -> type.getAnnotation(CommandLine.Command.class).name())
                .toArray(String[]::new);
        CommandLine root = new CommandLine(new ParleyCommand());
        ParleyCommand.addSubcommands(root, names);
        walk(root, new ArrayList<>(), paths);
        return paths;
    }

    private static void walk(CommandLine command, List<String> path, List<List<String>> paths) {
        paths.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            // Aliases appear under each of their names; walk each command once, by its own name.
            if (name.equals(sub.getCommandName())) {
                List<String> below = new ArrayList<>(path);
                below.add(name);
                walk(sub, below, paths);
            }
        });
    }

    @Test
    void everyCommandAnswersHelpAndH() {
        List<List<String>> commands = commands();
        assertThat(commands).hasSizeGreaterThanOrEqualTo(14);
        for (List<String> command : commands) {
            for (String flag : new String[] {"--help", "-h"}) {
                List<String> args = new ArrayList<>(command);
                args.add(flag);
                CliRunner help = CliRunner.run(args.toArray(String[]::new));
                String name = String.join(" ", command);
                assertThat(help.exitCode()).as("parley %s %s: %s", name, flag, help.err()).isZero();
                assertThat(help.err()).as("parley %s %s", name, flag).isEmpty();
                assertThat(help.out()).as("parley %s %s", name, flag)
                        .containsPattern("(?m)^Usage: parley" + (name.isEmpty() ? "" : " " + name) + " ")
                        .contains("-h, --help");
            }
        }
    }

    @Test
    void helpNeedsNoneOfTheCommandsRequiredParameters() {
        // generate requires --parties, --issues, --options and --seed; help must not ask for them.
        CliRunner help = CliRunner.run("generate", "--help");
        assertThat(help.out()).contains("--parties=K");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(ParleyCommand.execute(new String[] {"generate"}, new PrintWriter(out), new PrintWriter(err)))
                .isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option");
    }
}
