package org.parley.io.tree;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.parley.io.FormatException;

/**
 * A parsed document node that remembers where it came from (file, line, column) and its path from
 * the root, so that every complaint about a user's file can point at the exact field. Built from
 * YAML and JSON alike (see {@link TreeReader}).
 */
public abstract sealed class Node permits Node.MapNode, Node.ListNode, Node.ScalarNode {

    /**
     * A decimal number as YAML 1.2 and JSON write it: no hexadecimal, no {@code NaN} or
     * {@code Infinity}, none of Java's {@code 1d} or {@code 1f} suffixes. Possessive quantifiers:
     * no backtracking, so a value of 10^5 digits is checked in linear time.
     */
    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("[-+]?+(?:\\d++(?:\\.\\d*+)?+|\\.\\d++)(?:[eE][-+]?+\\d++)?+");

    final String source;
    final String path;
    final int line;
    final int column;

    Node(String source, String path, int line, int column) {
        this.source = source;
        this.path = path;
        this.line = line;
        this.column = column;
    }

    public String path() {
        return path;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String source() {
        return source;
    }

    /** An error about this node. */
    public FormatException error(String problem) {
        return new FormatException(source, line, column, path, problem);
    }

    abstract String kind();

    public MapNode asMap() {
        if (this instanceof MapNode map) {
            return map;
        }
        throw error("expected a mapping (key: value pairs), found " + kind());
    }

    public ListNode asList() {
        if (this instanceof ListNode list) {
            return list;
        }
        throw error("expected a list, found " + kind());
    }

    public ScalarNode asScalar() {
        if (this instanceof ScalarNode scalar) {
            return scalar;
        }
        throw error("expected a single value, found " + kind());
    }

    public String asString() {
        ScalarNode scalar = asScalar();
        if (scalar.value == null) {
            throw error("expected a text value, found nothing (null)");
        }
        if (scalar.value.isBlank()) {
            throw error("expected a text value, found an empty one");
        }
        return scalar.value;
    }

    public double asDouble() {
        ScalarNode scalar = asScalar();
        String text = scalar.numberText("a number");
        if (!NUMBER.matcher(text).matches()) {
            throw error("expected a number, found (" + scalar.value + ")");
        }
        double x = Double.parseDouble(text);
        if (!Double.isFinite(x)) {
            throw error("expected a finite number, found (" + scalar.value + "), which is beyond the range of a double"
                    + " (about ±1.8e308)");
        }
        return x;
    }

    public long asLong() {
        ScalarNode scalar = asScalar();
        String text = scalar.numberText("an integer");
        if (!NUMBER.matcher(text).matches()) {
            throw error("expected an integer, found (" + scalar.value + ")");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            double x = Double.parseDouble(text);
            if (x == Math.rint(x) && Math.abs(x) < 9e15) {
                return (long) x;
            }
            throw error("expected an integer, found (" + scalar.value + ")");
        }
    }

    public int asInt() {
        long x = asLong();
        if (x < Integer.MIN_VALUE || x > Integer.MAX_VALUE) {
            throw error("the integer (" + x + ") is too large");
        }
        return (int) x;
    }

    public boolean asBoolean() {
        String text = asScalar().requireValue("true or false").trim();
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw error("expected true or false, found (" + text + ")");
        };
    }

    /** A list of texts; a single text counts as a list of one. */
    public List<String> asStringList() {
        if (this instanceof ScalarNode) {
            return List.of(asString());
        }
        List<String> result = new ArrayList<>();
        for (Node item : asList().items()) {
            result.add(item.asString());
        }
        return result;
    }

    /** A mapping: keys in document order. */
    public static final class MapNode extends Node {
        private final Map<String, Node> entries;
        private final Map<String, Node> keys;

        MapNode(String source, String path, int line, int column, Map<String, Node> entries, Map<String, Node> keys) {
            super(source, path, line, column);
            this.entries = entries;
            this.keys = keys;
        }

        @Override
        String kind() {
            return "a mapping";
        }

        public Set<String> keys() {
            return entries.keySet();
        }

        public Collection<Node> values() {
            return entries.values();
        }

        public Map<String, Node> entries() {
            return entries;
        }

        public boolean has(String key) {
            return entries.containsKey(key) && !(entries.get(key) instanceof ScalarNode s && s.value == null);
        }

        /** The value, or null when the key is absent or null. */
        public Node get(String key) {
            Node node = entries.get(key);
            return node instanceof ScalarNode s && s.value == null ? null : node;
        }

        public Node require(String key) {
            Node node = get(key);
            if (node == null) {
                throw error("the field (" + key + ") is required" + (entries.containsKey(key) ? " and must not be empty" : ""));
            }
            return node;
        }

        /** The node of the key itself, to point at a bad key rather than its value. */
        public Node keyNode(String key) {
            return keys.getOrDefault(key, this);
        }

        /** Rejects keys outside {@code allowed}, suggesting the closest allowed one. */
        public void allowOnly(Collection<String> allowed) {
            allowOnly(allowed, "field");
        }

        /** Rejects keys outside {@code allowed}, calling them {@code noun}s ("unknown issue (x)"). */
        public void allowOnly(Collection<String> allowed, String noun) {
            // A set: a party's weights name every issue, and a scenario may have 10,000 of them.
            Set<String> known = allowed instanceof Set<String> set ? set : new HashSet<>(allowed);
            for (String key : entries.keySet()) {
                if (!known.contains(key)) {
                    String hint = closest(key, allowed);
                    throw keyNode(key).error("unknown " + noun + " (" + key + ")"
                            + (hint == null ? "." : "; did you mean (" + hint + ")?")
                            + (noun.equals("field") ? " Allowed here: " + new TreeSet<>(allowed) : " Expected one of: " + allowed) + ".");
                }
            }
        }

        public String getString(String key, String fallback) {
            Node node = get(key);
            return node == null ? fallback : node.asString();
        }
    }

    /** A sequence. */
    public static final class ListNode extends Node {
        private final List<Node> items;

        ListNode(String source, String path, int line, int column, List<Node> items) {
            super(source, path, line, column);
            this.items = items;
        }

        @Override
        String kind() {
            return "a list";
        }

        public List<Node> items() {
            return items;
        }

        public int size() {
            return items.size();
        }

        public Node get(int index) {
            return items.get(index);
        }
    }

    /**
     * A single value, kept as text (null for YAML's null or JSON's null), and whether it was written
     * as a string: quoted in YAML (or a block scalar, or tagged {@code !!str}), a string in JSON.
     */
    public static final class ScalarNode extends Node {
        private final String value;
        private final boolean quoted;

        ScalarNode(String source, String path, int line, int column, String value, boolean quoted) {
            super(source, path, line, column);
            this.value = value;
            this.quoted = quoted;
        }

        @Override
        String kind() {
            return value == null ? "nothing (null)" : "the value (" + value + ")";
        }

        public String value() {
            return value;
        }

        /** Whether the file wrote the value as a string ({@code "0.5"}), not as a plain scalar or number. */
        public boolean quoted() {
            return quoted;
        }

        String requireValue(String expected) {
            if (value == null || value.isBlank()) {
                throw error("expected " + expected + ", found nothing");
            }
            return value;
        }

        /** The value as the text of a number; a quoted value is a string, never a number. */
        String numberText(String expected) {
            String text = requireValue(expected).trim();
            if (quoted) {
                throw error("expected " + expected + ", found the text (\"" + value + "\"), written in quotes; write the"
                        + " number without quotes");
            }
            return text;
        }
    }

    /** The candidate closest to {@code key} by edit distance, or null when none is close. */
    public static String closest(String key, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(key.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return bestDistance <= Math.max(2, key.length() / 3) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static Map<String, Node> newEntries() {
        return new LinkedHashMap<>();
    }
}
