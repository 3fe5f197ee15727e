package org.parley.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parley.core.strategy.StrategyRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists the strategies a run can name: the built-ins and those of the plugins loaded, with parameters and defaults. */
@Command(name = "strategies", mixinStandardHelpOptions = true,
        description = {"List the AI diplomats a run, a tournament or the server can name: the built-in strategies and"
                + " those of the plugins given with --agents (or $" + AgentsOption.ENV + "), each with its parameters"
                + " and their defaults.",
            "A strategy is named as NAME[:KEY=VALUE,...], like time-dependent:e=0.5 (docs/agents.md)."})
final class StrategiesCommand implements Callable<Integer> {

    @Mixin
    AgentsOption agents;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        StrategyRegistry registry = agents.registry();
        PrintWriter out = spec.commandLine().getOut();
        Map<String, java.util.List<StrategyRegistry.Entry>> byOrigin = new LinkedHashMap<>();
        registry.entries().values().forEach(e -> byOrigin.computeIfAbsent(String.valueOf(registry.origin(e.name())),
                k -> new java.util.ArrayList<>()).add(e));
        boolean first = true;
        for (var group : byOrigin.entrySet()) {
            if (!first) {
                out.println();
            }
            first = false;
            out.println(heading(group.getKey()));
            for (StrategyRegistry.Entry entry : group.getValue()) {
                print(entry, out);
            }
        }
        out.flush();
        return 0;
    }

    private static String heading(String origin) {
        if (origin.equals(StrategyRegistry.BUILT_IN)) {
            return "Built-in (default " + StrategyRegistry.DEFAULT + "):";
        }
        if (origin.equals("null")) {
            return "Added by code:";
        }
        return "From " + origin + ":";
    }

    static void print(StrategyRegistry.Entry entry, PrintWriter out) {
        out.println("  " + entry.name());
        for (String line : wrap(entry.description(), 92)) {
            out.println("      " + line);
        }
        List<StrategyRegistry.Parameter> parameters = entry.parameters();
        int width = 0;
        for (StrategyRegistry.Parameter p : parameters) {
            width = Math.max(width, value(p).length());
        }
        for (StrategyRegistry.Parameter p : parameters) {
            String head = String.format("%-" + width + "s", value(p));
            out.println("      " + head + (p.description().isEmpty() ? "" : "   " + p.description()));
        }
    }

    private static String value(StrategyRegistry.Parameter p) {
        if (p.isRequired()) {
            return p.name() + "=... (required)";
        }
        return p.defaultValue().isEmpty() ? p.name() : p.name() + "=" + p.defaultValue();
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
