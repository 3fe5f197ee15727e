package org.parley.core.model;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A faction's character as a scenario designer sets it, instead of concession exponents: a
 * {@code style}, how {@code patience}-ly it waits for a better deal (0 concedes early, 1 holds out
 * to the deadline) and how strongly it answers the other side's concessions ({@code reciprocity},
 * 0 ignores them, 1 answers each in full and more). The default AI diplomat reads it as its
 * parameters ({@link #parameters()}); see docs/scenario-format.md for what each value does.
 */
public record Persona(Style style, double patience, double reciprocity) {

    /** How a faction bargains. */
    public enum Style {
        /** Keeps a term it will not trade, asks more of every deal, answers concessions sparingly. */
        HARDLINER,
        /** Bargains on the merits: its walk-away value, the clock and what the other side does. */
        PRAGMATIC,
        /** Looks for deals the others can sign, and concedes a little more readily. */
        COOPERATIVE;

        /** The name in scenario files and strategy parameters: hardliner, pragmatic, cooperative. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The style with this key; an {@link IllegalArgumentException} listing the keys if none. */
        public static Style of(String key) {
            for (Style style : values()) {
                if (style.key().equals(key)) {
                    return style;
                }
            }
            throw new IllegalArgumentException("Unknown style (" + key + "); expected hardliner, pragmatic or cooperative.");
        }
    }

    /** A pragmatic diplomat of middling patience and reciprocity: what a faction without a persona plays. */
    public static final Persona DEFAULT = new Persona(Style.PRAGMATIC, 0.5, 0.5);

    public Persona {
        if (style == null) {
            throw new IllegalArgumentException("A persona needs a style: hardliner, pragmatic or cooperative.");
        }
        requireShare(patience, "patience");
        requireShare(reciprocity, "reciprocity");
    }

    /** The persona as the diplomat's strategy parameters: style, patience, reciprocity. */
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("style", style.key());
        parameters.put("patience", number(patience));
        parameters.put("reciprocity", number(reciprocity));
        return parameters;
    }

    private static String number(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }

    private static void requireShare(double x, String what) {
        if (!(x >= 0 && x <= 1)) {
            throw new IllegalArgumentException("The " + what + " (" + x + ") of a persona must lie in [0, 1].");
        }
    }
}
