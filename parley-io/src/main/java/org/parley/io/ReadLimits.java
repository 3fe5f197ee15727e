package org.parley.io;

import java.util.Locale;

/**
 * The bounds every Parley reader keeps (scenario YAML and JSON, GENIUS XML, GeniusWeb JSON), so that
 * a hostile or broken file costs at most a bounded amount of time and memory and fails with an
 * error naming the limit, instead of hanging or running out of memory. The same limits hold in the
 * CLI and the server, for YAML, JSON and XML alike (docs/scenario-format.md, "Limits").
 *
 * <p>Each limit is far above what a scenario needs and admits whatever {@code parley generate}
 * writes ({@link #MAX_GENERATED_VALUES}):
 * <ul>
 *   <li>{@link #MAX_DOCUMENT_CHARS}: the size of one file or uploaded text;
 *   <li>{@link #MAX_DEPTH}: lists and mappings (XML elements) inside each other. Parley's formats
 *       nest fewer than 10 levels; the readers build trees recursively, so without a bound a file
 *       nested 10^5 deep overflows the stack;
 *   <li>{@link #MAX_TEXT_CHARS}: one value, key or attribute;
 *   <li>{@link #MAX_NODES}: values, lists and mappings in one document;
 *   <li>{@link #MAX_ALIAS_NODES}: what YAML aliases repeat, all aliases of a document together.
 *       Each alias is copied (every node keeps its own path for error messages), and nine levels of
 *       aliases, each repeating the last ten times ("billion laughs", 700 bytes), stand for 10^9
 *       nodes; aliases that share a few values or a table stay far below the limit.
 * </ul>
 */
public final class ReadLimits {

    /** Characters in one document (bytes of a file): 64 MiB. */
    public static final int MAX_DOCUMENT_CHARS = 64 * 1024 * 1024;

    /** Lists and mappings (or XML elements) nested inside each other. */
    public static final int MAX_DEPTH = 100;

    /** Characters in one value, key or attribute. */
    public static final int MAX_TEXT_CHARS = 100_000;

    /** Values, lists and mappings in one document, aliases expanded. */
    public static final int MAX_NODES = 8_000_000;

    /** Values, lists and mappings that the YAML aliases of one document repeat, all together. */
    public static final int MAX_ALIAS_NODES = 100_000;

    /**
     * The most option values {@code parley generate} writes (parties × issues × options). Its
     * densest file, one party's values and the option lists, takes about 45 characters and three
     * nodes per value in JSON (less in YAML): 45 MB and 3 million nodes at this bound, below
     * {@link #MAX_DOCUMENT_CHARS} and {@link #MAX_NODES} in either syntax.
     */
    public static final long MAX_GENERATED_VALUES = 1_000_000;

    private ReadLimits() {}

    /** A size in the units people read: "6.6 MB". */
    public static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /**
     * The problem text for a document longer than {@link #MAX_DOCUMENT_CHARS}, {@code length} in
     * {@code unit} (bytes of a file, characters of a text), or -1 when only the bound is known.
     */
    public static String tooLong(long length, String unit) {
        String what = unit.equals("bytes") ? "file" : "text";
        return "the " + what + (length < 0 ? " is longer" : " is " + megabytes(length) + " (" + length + " " + unit + "),"
                + " more") + " than the " + megabytes(MAX_DOCUMENT_CHARS) + " Parley reads in one document (a bound that"
                + " keeps a hostile file from exhausting memory)";
    }

    /** The problem text for lists and mappings nested deeper than {@link #MAX_DEPTH}. */
    public static String tooDeep(String what) {
        return what + " nested more than " + MAX_DEPTH + " levels deep, Parley's limit (its formats need fewer than 10)";
    }

    /** The problem text for a value longer than {@link #MAX_TEXT_CHARS}. */
    public static String tooLongText(String what, long length) {
        return "the " + what + " is " + length + " characters long, more than the " + MAX_TEXT_CHARS
                + " Parley reads in one value";
    }

    /** The problem text for aliases that repeat more than {@link #MAX_ALIAS_NODES} nodes. */
    public static String tooManyAliased() {
        return "the aliases (*name) of the document repeat more than " + MAX_ALIAS_NODES + " values, lists and mappings"
                + " together, Parley's limit (a guard against alias bombs); write the repeated part out instead";
    }

    /** The problem text for a document of more than {@link #MAX_NODES} values. */
    public static String tooManyNodes() {
        return "the document holds more than " + MAX_NODES + " values, lists and mappings, Parley's limit";
    }
}
