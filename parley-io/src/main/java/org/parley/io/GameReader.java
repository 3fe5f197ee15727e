package org.parley.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.parley.core.coalition.CoalitionalGame;
import org.parley.core.coalition.Coalitions;
import org.parley.core.coalition.TableGame;
import org.parley.core.coalition.WeightedVotingGame;
import org.parley.io.tree.Node;
import org.parley.io.tree.Node.ListNode;
import org.parley.io.tree.Node.MapNode;
import org.parley.io.tree.TreeReader;

/**
 * Reads coalitional games (see docs/coalitions.md): Parley's game files in YAML or JSON — a weighted
 * voting game ({@code quota} and {@code weights}), a value table in bit order ({@code table}), or
 * values per named coalition ({@code values}) — and the plain-text format of the public ODP-IP
 * implementation ({@code .txt}: 2^n lines, line x + 1 holding v of the set of bits of x, bit i =
 * player i + 1; read by {@link OdpIpValueList}). Every mistake is a {@link FormatException} naming
 * file, line and field.
 */
public final class GameReader {

    private static final Set<String> KEYS = Set.of("name", "description", "players", "quota", "weights", "table",
            "values", "default");

    private GameReader() {}

    /** A game and the name its file gives it ("" when none). */
    public record GameFile(String name, CoalitionalGame game) {}

    /** Whether {@code file} is read as an ODP-IP value list rather than YAML or JSON. */
    public static boolean isOdpIp(Path file) {
        return file.toString().toLowerCase(Locale.ROOT).endsWith(".txt");
    }

    public static GameFile read(Path file) {
        if (isOdpIp(file)) {
            return new GameFile("", readOdpIp(file));
        }
        return parse(TreeReader.read(file));
    }

    /** Whether a parsed document is a game file (rather than, say, a scenario). */
    public static boolean looksLikeGame(Node root) {
        return root instanceof MapNode map && (map.has("quota") || map.has("table") || map.has("values"));
    }

    public static GameFile parse(Node root) {
        MapNode map = root.asMap();
        map.allowOnly(KEYS);
        String name = map.getString("name", "");
        int kinds = (map.has("quota") || map.has("weights") ? 1 : 0) + (map.has("table") ? 1 : 0)
                + (map.has("values") ? 1 : 0);
        if (kinds != 1) {
            throw map.error(kinds == 0
                    ? "a game file gives (quota and weights), (table) or (values); see docs/coalitions.md"
                    : "give only one of (quota and weights), (table) and (values)");
        }
        List<String> players = map.has("players") ? players(map.get("players")) : null;
        try {
            if (map.has("quota") || map.has("weights")) {
                return new GameFile(name, voting(map, players));
            }
            if (map.has("default")) {
                if (!map.has("values")) {
                    throw map.keyNode("default").error("(default) applies to (values) only");
                }
            }
            return new GameFile(name, map.has("table") ? table(map.get("table").asList(), players) : values(map, players));
        } catch (IllegalArgumentException e) {
            throw map.error(e.getMessage());
        }
    }

    private static List<String> players(Node node) {
        ListNode list = node.asList();
        if (list.size() == 0) {
            throw list.error("at least one player is required");
        }
        List<String> names = new ArrayList<>();
        Map<String, Node> seen = new HashMap<>();
        for (Node item : list.items()) {
            String player = item.asString();
            if (seen.containsKey(player)) {
                throw item.error("the player (" + player + ") is listed twice (first on line " + seen.get(player).line() + ")");
            }
            if (player.contains("+")) {
                throw item.error("a player name must not contain (+), which joins names in (values)");
            }
            seen.put(player, item);
            names.add(player);
        }
        return names;
    }

    private static WeightedVotingGame voting(MapNode map, List<String> players) {
        Node quotaNode = map.require("quota");
        long quota = quotaNode.asLong();
        if (quota <= 0) {
            throw quotaNode.error("the quota must be a positive integer, found (" + quota + ")");
        }
        Node weightsNode = map.require("weights");
        List<String> names = new ArrayList<>();
        List<Long> weights = new ArrayList<>();
        if (weightsNode instanceof MapNode byName) {
            if (players != null) {
                byName.allowOnly(players, "player");
            }
            for (var entry : byName.entries().entrySet()) {
                names.add(entry.getKey());
                weights.add(weight(entry.getValue()));
            }
            if (players != null) {
                for (String player : players) {
                    if (!byName.has(player)) {
                        throw byName.error("no weight for player (" + player + ")");
                    }
                }
                names = players;
                weights = players.stream().map(p -> weight(byName.get(p))).toList();
            }
        } else {
            ListNode list = weightsNode.asList();
            if (players != null && list.size() != players.size()) {
                throw list.error("expected " + players.size() + " weights (one per player), found " + list.size());
            }
            for (Node item : list.items()) {
                weights.add(weight(item));
            }
            names = players;
        }
        if (weights.isEmpty()) {
            throw weightsNode.error("at least one weight is required");
        }
        long total = 0;
        long[] array = new long[weights.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = weights.get(i);
            total += array[i];
        }
        if (quota > total) {
            throw quotaNode.error("the quota (" + quota + ") exceeds the total weight (" + total + "): no coalition could win");
        }
        return new WeightedVotingGame(quota, array, names);
    }

    private static long weight(Node node) {
        long w = node.asLong();
        if (w < 0 || w > 1_000_000_000_000L) {
            throw node.error("a weight must be an integer from 0 to 10^12, found (" + w + ")");
        }
        return w;
    }

    private static TableGame table(ListNode list, List<String> players) {
        int size = list.size();
        if (size < 2 || Integer.bitCount(size) != 1) {
            throw list.error("a table holds 2^n values (one per coalition, in bit order), found " + size);
        }
        int n = Integer.numberOfTrailingZeros(size);
        if (n > 20) {
            throw list.error("a table in YAML or JSON is limited to 20 players; use the ODP-IP text format (.txt)");
        }
        if (players != null && players.size() != n) {
            throw list.error("a table of " + size + " values is for " + n + " players, but " + players.size()
                    + " players are named");
        }
        double[] values = new double[size];
        for (int s = 0; s < size; s++) {
            values[s] = list.get(s).asDouble();
        }
        if (values[0] != 0) {
            throw list.get(0).error("the first value is v(∅) and must be 0, found (" + list.get(0).asScalar().value() + ")");
        }
        return new TableGame(values, players);
    }

    private static TableGame values(MapNode map, List<String> players) {
        if (players == null) {
            throw map.error("(values) needs (players), the list of player names");
        }
        int n = players.size();
        if (n > 20) {
            throw map.get("players").error("(values) is limited to 20 players; use the ODP-IP text format (.txt)");
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(players.get(i), i);
        }
        MapNode valuesNode = map.get("values").asMap();
        double[] values = new double[1 << n];
        boolean[] given = new boolean[1 << n];
        Map<Integer, Node> where = new HashMap<>();
        for (var entry : valuesNode.entries().entrySet()) {
            Node keyNode = valuesNode.keyNode(entry.getKey());
            int mask = 0;
            for (String part : entry.getKey().split("\\+")) {
                String player = part.trim();
                Integer i = index.get(player);
                if (i == null) {
                    String hint = Node.closest(player, players);
                    throw keyNode.error("unknown player (" + player + ") in the coalition (" + entry.getKey() + ")"
                            + (hint == null ? "" : "; did you mean (" + hint + ")?") + " Write coalitions as a+b+c.");
                }
                if ((mask >>> i & 1) != 0) {
                    throw keyNode.error("the player (" + player + ") appears twice in (" + entry.getKey() + ")");
                }
                mask |= 1 << i;
            }
            if (where.containsKey(mask)) {
                throw keyNode.error("the coalition (" + entry.getKey() + ") is listed twice (first on line "
                        + where.get(mask).line() + ")");
            }
            where.put(mask, keyNode);
            values[mask] = entry.getValue().asDouble();
            given[mask] = true;
        }
        double fallback = 0;
        boolean hasDefault = map.has("default");
        if (hasDefault) {
            fallback = map.get("default").asDouble();
        }
        for (int s = 1; s < values.length; s++) {
            if (!given[s]) {
                if (!hasDefault) {
                    throw valuesNode.error("no value for the coalition (" + String.join("+", Coalitions.names(s, players))
                            + "); list every coalition or give (default)");
                }
                values[s] = fallback;
            }
        }
        return new TableGame(values, players);
    }

    /** Reads an ODP-IP value list: 2^n lines, one number each, the first 0 (see {@link OdpIpValueList}). */
    public static TableGame readOdpIp(Path file) {
        return OdpIpValueList.read(file);
    }

    /** Writes the value table in the ODP-IP format: one value per line, coalition 0 first. */
    public static void writeOdpIp(TableGame game, Writer writer) throws IOException {
        OdpIpValueList.write(game, writer);
    }
}
