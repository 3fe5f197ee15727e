package org.parley.server;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps error messages short whatever a client sent: a value quoted in a message, by convention in
 * parentheses, is cut to a short prefix with its length, and a message or field path is never
 * longer than a screenful. A megabyte field then costs the client a megabyte once, not twice.
 */
final class Messages {

    /** How much of a quoted value a message keeps. */
    static final int QUOTE = 60;
    /** The longest message sent. */
    static final int MESSAGE = 1000;
    /** The longest name in a field path ({@code parties.NAME.player}). */
    static final int NAME = 60;

    private static final Pattern QUOTED = Pattern.compile("\\(([^()]{" + (QUOTE + 1) + ",})\\)");

    private Messages() {}

    /** A value as a message quotes it: whole when short, else its first characters and its length. */
    static String quote(String value) {
        if (value.length() <= QUOTE) {
            return value;
        }
        return value.substring(0, cut(value, QUOTE)) + "… (" + value.length() + " characters)";
    }

    /** The message with every overlong parenthesised value cut to a prefix, and at most {@link #MESSAGE} long. */
    static String shorten(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = QUOTED.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("(" + quote(m.group(1)) + ")"));
        }
        m.appendTail(out);
        String shortened = out.toString();
        if (shortened.length() > MESSAGE) {
            shortened = shortened.substring(0, cut(shortened, MESSAGE - 30)) + "… (message cut; "
                    + shortened.length() + " characters)";
        }
        return shortened;
    }

    /** A field path with each overlong name (a key the client made up) cut to a prefix. */
    static String field(String path) {
        if (path == null || path.length() <= NAME) {
            return path;
        }
        StringBuilder out = new StringBuilder();
        for (String part : path.split("\\.", -1)) {
            if (!out.isEmpty()) {
                out.append('.');
            }
            out.append(part.length() <= NAME ? part : part.substring(0, cut(part, NAME)) + "…");
            if (out.length() > 4 * NAME) {
                out.append("…");
                break;
            }
        }
        return out.toString();
    }

    /** An index at most {@code at} that does not split a surrogate pair. */
    private static int cut(String s, int at) {
        return at > 0 && Character.isHighSurrogate(s.charAt(at - 1)) ? at - 1 : at;
    }
}
