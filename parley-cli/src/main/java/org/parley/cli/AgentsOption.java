package org.parley.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.parley.core.strategy.StrategyPlugins;
import org.parley.core.strategy.StrategyRegistry;
import org.parley.io.remote.RemoteAgents;
import picocli.CommandLine.Option;

/**
 * {@code --agents PATH}: strategy plugins, each a jar or a folder of jars (docs/agents.md); without
 * the option, the paths in the environment variable {@value #ENV} (separated like a class path).
 * The registry it builds holds the built-in strategies, the plugins' and {@code remote} (an agent
 * in any language, over HTTP).
 */
final class AgentsOption {

    static final String ENV = "PARLEY_AGENTS";

    @Option(names = "--agents", paramLabel = "PATH",
            description = "Strategy plugins: a jar, or a folder of jars (repeatable; default: $" + ENV + ", paths"
                    + " separated by '" + "${sys:path.separator}" + "'). parley strategies lists what they add.")
    List<Path> agents;

    /** The paths given, else those of the environment. */
    List<Path> paths() {
        if (agents != null && !agents.isEmpty()) {
            return agents;
        }
        return fromEnvironment(System.getenv(ENV));
    }

    /** Whether the paths come from the command line rather than the environment. */
    boolean given() {
        return agents != null && !agents.isEmpty();
    }

    static List<Path> fromEnvironment(String value) {
        List<Path> paths = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    paths.add(Path.of(part.strip()));
                }
            }
        }
        return paths;
    }

    StrategyRegistry registry() {
        return registry(RemoteAgents::register);
    }

    /** As {@link #registry()}, with {@code remote} adding the remote agents (or not); errors name where the paths came from. */
    StrategyRegistry registry(java.util.function.Consumer<StrategyRegistry> remote) {
        return registry(paths(), remote, given() ? "--agents" : ENV);
    }

    /** The built-in strategies, remote agents and those of the plugins in {@code paths}; a bad plugin is a user error. */
    static StrategyRegistry registry(List<Path> paths) {
        return registry(paths, RemoteAgents::register, "--agents");
    }

    /** With {@code remote} adding the remote agents (or not), before the plugins; {@code source} names the paths' origin in errors. */
    private static StrategyRegistry registry(List<Path> paths, java.util.function.Consumer<StrategyRegistry> remote,
            String source) {
        StrategyRegistry registry = new StrategyRegistry();
        remote.accept(registry);
        try {
            StrategyPlugins.load(registry, paths, AgentsOption.class.getClassLoader());
        } catch (IllegalArgumentException e) {
            throw new UserException(source + ": " + e.getMessage());
        }
        return registry;
    }
}
