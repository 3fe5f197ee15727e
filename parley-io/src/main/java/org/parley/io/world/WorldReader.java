package org.parley.io.world;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.parley.core.generate.ScenarioGenerator;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.StrategySpec;
import org.parley.core.world.World;
import org.parley.io.FormatException;
import org.parley.io.ScenarioReader;
import org.parley.io.tree.Node;
import org.parley.io.tree.Node.ListNode;
import org.parley.io.tree.Node.MapNode;
import org.parley.io.tree.TreeReader;

/**
 * Reads a world file (YAML or JSON, the schema of docs/worlds.md): powers, a schedule of
 * negotiations (scenario files relative to the world file, generated scenarios, or a number of
 * random pairings), the breach rules and the trust model. Every error names the file, line and field.
 */
public final class WorldReader {

    /** At most this many negotiations in one world: a world is run in memory. */
    public static final int MAX_NEGOTIATIONS = 1_000_000;

    private static final Set<String> ROOT = Set.of("name", "description", "rounds", "trust", "breach", "powers",
            "negotiations");

    private WorldReader() {}

    public static World read(Path file) {
        Path base = file.toAbsolutePath().getParent();
        Map<Path, Scenario> cache = new LinkedHashMap<>();
        return read(TreeReader.read(file), name -> cache.computeIfAbsent(base.resolve(name).normalize(),
                ScenarioReader::read), MAX_NEGOTIATIONS);
    }

    /**
     * Reads a world file's text (YAML, or JSON when it starts with '{'), within the readers' limits:
     * {@code scenarios} gives the scenario a {@code scenario:} entry names (it throws a {@link
     * FormatException} or an IllegalArgumentException for one it cannot give; a server offers its
     * built-in scenarios), and at most {@code maxNegotiations} negotiations are accepted.
     */
    public static World read(String text, String source, Function<String, Scenario> scenarios, int maxNegotiations) {
        Node root = text.stripLeading().startsWith("{") ? TreeReader.readJson(text, source)
                : TreeReader.readYaml(text, source);
        return read(root, scenarios, maxNegotiations);
    }

    private static World read(Node root, Function<String, Scenario> scenarios, int maxNegotiations) {
        MapNode map = root.asMap();
        map.allowOnly(ROOT);
        String name = map.require("name").asString();
        int rounds = map.has("rounds") ? positive(map.get("rounds"), "rounds") : 100;
        World.Trust trust = map.has("trust") ? trust(map.get("trust").asMap()) : World.Trust.DEFAULT;
        World.Breach breach = map.has("breach") ? breach(map.get("breach").asMap()) : World.Breach.DEFAULT;
        MapNode powersNode = map.require("powers").asMap();
        if (powersNode.keys().isEmpty()) {
            throw powersNode.error("at least one power is required");
        }
        List<World.Power> powers = new ArrayList<>();
        for (var entry : powersNode.entries().entrySet()) {
            powers.add(power(entry.getKey(), entry.getValue().asMap()));
        }
        List<String> names = powers.stream().map(World.Power::name).toList();
        List<World.Meeting> meetings = new ArrayList<>();
        for (Node item : map.require("negotiations").asList().items()) {
            meetings(item.asMap(), scenarios, names, meetings, maxNegotiations);
            if (meetings.size() > maxNegotiations) {
                throw item.error("more than " + maxNegotiations + " negotiations"
                        + (maxNegotiations == MAX_NEGOTIATIONS ? ": a world runs in memory" : " are accepted here"));
            }
        }
        if (meetings.isEmpty()) {
            throw map.get("negotiations").error("at least one negotiation is required");
        }
        try {
            return new World(name, powers, meetings, rounds, breach, trust);
        } catch (IllegalArgumentException e) {
            throw root.error(e.getMessage());
        }
    }

    private static World.Power power(String name, MapNode map) {
        map.allowOnly(Set.of("strategy", "honour", "trust-aware"));
        StrategySpec strategy;
        try {
            strategy = StrategySpec.parse(map.getString("strategy", "linear"));
        } catch (IllegalArgumentException e) {
            throw map.get("strategy").error(e.getMessage());
        }
        World.Honour honour = World.Honour.ALWAYS;
        if (map.has("honour")) {
            Node node = map.get("honour");
            honour = switch (node.asString().toLowerCase(Locale.ROOT)) {
                case "always" -> World.Honour.ALWAYS;
                case "never" -> World.Honour.NEVER;
                case "when-it-pays" -> World.Honour.WHEN_IT_PAYS;
                default -> throw node.error("expected always, never or when-it-pays, found (" + node.asString() + ")");
            };
        }
        boolean aware = !map.has("trust-aware") || map.get("trust-aware").asBoolean();
        try {
            return new World.Power(name, strategy, honour, aware);
        } catch (IllegalArgumentException e) {
            throw map.error(e.getMessage());
        }
    }

    private static World.Trust trust(MapNode map) {
        map.allowOnly(Set.of("model", "forgetting", "weight"));
        World.Trust.Model model = World.Trust.DEFAULT.model();
        if (map.has("model")) {
            Node node = map.get("model");
            model = switch (node.asString().toLowerCase(Locale.ROOT)) {
                case "none" -> World.Trust.Model.NONE;
                case "beta" -> World.Trust.Model.BETA;
                case "witness" -> World.Trust.Model.WITNESS;
                default -> throw node.error("expected none, beta or witness, found (" + node.asString() + ")");
            };
        }
        double forgetting = map.has("forgetting") ? map.get("forgetting").asDouble() : World.Trust.DEFAULT.forgetting();
        double weight = map.has("weight") ? map.get("weight").asDouble() : World.Trust.DEFAULT.weight();
        try {
            return new World.Trust(model, forgetting, weight);
        } catch (IllegalArgumentException e) {
            throw map.error(e.getMessage());
        }
    }

    private static World.Breach breach(MapNode map) {
        map.allowOnly(Set.of("gain", "loss", "visibility"));
        double gain = Double.NaN;
        if (map.has("gain") && !map.get("gain").asString().equals("best-outcome")) {
            gain = map.get("gain").asDouble();
        }
        double loss = map.has("loss") ? map.get("loss").asDouble() : World.Breach.DEFAULT.loss();
        World.Visibility visibility = World.Visibility.PUBLIC;
        if (map.has("visibility")) {
            Node node = map.get("visibility");
            visibility = switch (node.asString().toLowerCase(Locale.ROOT)) {
                case "public" -> World.Visibility.PUBLIC;
                case "signers" -> World.Visibility.SIGNERS;
                default -> throw node.error("expected public or signers, found (" + node.asString() + ")");
            };
        }
        try {
            return new World.Breach(gain, loss, visibility);
        } catch (IllegalArgumentException e) {
            throw map.error(e.getMessage());
        }
    }

    private static void meetings(MapNode map, Function<String, Scenario> scenarios, List<String> powers,
            List<World.Meeting> out, int maxNegotiations) {
        map.allowOnly(Set.of("scenario", "generate", "random", "roles", "repeat"));
        int kinds = (map.has("scenario") ? 1 : 0) + (map.has("generate") ? 1 : 0) + (map.has("random") ? 1 : 0);
        if (kinds != 1) {
            throw map.error("give one of (scenario), (generate) or (random)");
        }
        int repeat = map.has("repeat") ? positive(map.get("repeat"), "repeat") : 1;
        if (repeat > maxNegotiations - out.size()) {
            throw map.get("repeat").error("at most " + maxNegotiations + " negotiations in all");
        }
        if (map.has("random")) {
            if (map.has("roles")) {
                throw map.keyNode("roles").error("(random) pairs powers at random: give no (roles)");
            }
            random(map.get("random").asMap(), powers, out, maxNegotiations);
            return;
        }
        Scenario scenario;
        if (map.has("scenario")) {
            try {
                scenario = scenarios.apply(map.get("scenario").asString());
            } catch (FormatException | IllegalArgumentException e) {
                throw map.get("scenario").error("cannot read the scenario: " + e.getMessage());
            }
        } else {
            scenario = generated(map.get("generate").asMap(), 0);
        }
        Map<String, String> roles = roles(map.require("roles"), scenario, powers);
        for (int r = 0; r < repeat; r++) {
            try {
                out.add(new World.Meeting(scenario, roles));
            } catch (IllegalArgumentException e) {
                throw map.error(e.getMessage());
            }
        }
    }

    private static Map<String, String> roles(Node node, Scenario scenario, List<String> powers) {
        Map<String, String> roles = new LinkedHashMap<>();
        if (node instanceof ListNode list) {
            if (list.size() != scenario.parties().size()) {
                throw node.error("expected one power per party (" + String.join(", ", scenario.partyNames())
                        + "), found " + list.size());
            }
            for (int i = 0; i < list.size(); i++) {
                roles.put(scenario.partyNames().get(i), power(list.get(i), powers));
            }
        } else {
            MapNode map = node.asMap();
            map.allowOnly(scenario.partyNames(), "party");
            for (var e : map.entries().entrySet()) {
                roles.put(e.getKey(), power(e.getValue(), powers));
            }
        }
        return roles;
    }

    private static String power(Node node, List<String> powers) {
        String name = node.asString();
        if (!powers.contains(name)) {
            String hint = Node.closest(name, powers);
            throw node.error("unknown power (" + name + ")" + (hint == null ? "" : "; did you mean (" + hint + ")?"));
        }
        return name;
    }

    private static Scenario generated(MapNode map, long extraSeed) {
        map.allowOnly(Set.of("parties", "issues", "options", "seed", "reservation", "count"));
        try {
            return ScenarioGenerator.generate(new ScenarioGenerator.Settings(
                    map.has("parties") ? map.get("parties").asInt() : 2,
                    map.has("issues") ? map.get("issues").asInt() : 4,
                    map.has("options") ? map.get("options").asInt() : 4,
                    (map.has("seed") ? map.get("seed").asLong() : 1) + extraSeed,
                    map.has("reservation") ? map.get("reservation").asDouble() : 0.3, 0));
        } catch (IllegalArgumentException e) {
            throw map.error(e.getMessage());
        }
    }

    /** {@code count} negotiations of generated scenarios among powers drawn at random (a fixed seed). */
    private static void random(MapNode map, List<String> powers, List<World.Meeting> out, int maxNegotiations) {
        int count = positive(map.require("count"), "count");
        if (count > maxNegotiations - out.size()) {
            throw map.get("count").error("at most " + maxNegotiations + " negotiations in all");
        }
        int parties = map.has("parties") ? map.get("parties").asInt() : 2;
        if (parties < 1 || parties > powers.size()) {
            throw map.get("parties").error("expected from 1 to " + powers.size() + " (the number of powers)");
        }
        Random random = new Random(map.has("seed") ? map.get("seed").asLong() : 1);
        // A handful of distinct scenarios, reused: generation costs more than a short negotiation.
        List<Scenario> scenarios = new ArrayList<>();
        for (int s = 0; s < Math.min(count, 64); s++) {
            scenarios.add(generated(map, 7919L * s));
        }
        for (int k = 0; k < count; k++) {
            Scenario scenario = scenarios.get(k % scenarios.size());
            List<String> pool = new ArrayList<>(powers);
            Map<String, String> roles = new LinkedHashMap<>();
            for (String party : scenario.partyNames()) {
                roles.put(party, pool.remove(random.nextInt(pool.size())));
            }
            out.add(new World.Meeting(scenario, roles));
        }
    }

    private static int positive(Node node, String what) {
        int n = node.asInt();
        if (n < 1) {
            throw node.error("(" + what + ") must be at least 1, found " + n);
        }
        return n;
    }
}
