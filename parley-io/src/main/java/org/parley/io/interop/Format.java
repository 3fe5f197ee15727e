package org.parley.io.interop;

import java.util.Locale;

/** The scenario formats Parley reads and writes. */
public enum Format {
    /** Parley's own YAML or JSON (docs/scenario-format.md). */
    PARLEY,
    /** GENIUS XML: a domain file and one utility-space file per party. */
    GENIUS,
    /** GeniusWeb JSON: a domain file and one profile file per party. */
    GENIUSWEB;

    public String label() {
        return switch (this) {
            case PARLEY -> "Parley";
            case GENIUS -> "GENIUS";
            case GENIUSWEB -> "GeniusWeb";
        };
    }

    /** Parses a user's flag value ("genius", "geniusweb"). */
    public static Format parse(String text) {
        String key = text.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (key) {
            case "parley", "yaml" -> PARLEY;
            case "genius", "xml" -> GENIUS;
            case "geniusweb", "json" -> GENIUSWEB;
            default -> throw new IllegalArgumentException("Unknown format (" + text + "); expected genius or geniusweb.");
        };
    }
}
