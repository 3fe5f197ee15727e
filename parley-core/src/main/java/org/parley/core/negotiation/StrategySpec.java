package org.parley.core.negotiation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.parley.api.Stable;

/**
 * A strategy named with its parameters, as written {@code name[:key=value,...]} (for example
 * {@code time-dependent:e=0.2} or {@code tit-for-tat:mode=absolute}). Parsing checks only the
 * syntax; the strategy registry checks that the name and parameters exist. The name
 * {@value #HUMAN} marks a party whose moves come from outside (a person through a server).
 */
@Stable
public record StrategySpec(String name, Map<String, String> parameters) {

    public static final String HUMAN = "human";

    public StrategySpec {
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("The strategy name (" + name + ") must be lower-case letters, digits"
                    + " and hyphens, like time-dependent.");
        }
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public StrategySpec(String name) {
        this(name, Map.of());
    }

    public static StrategySpec human() {
        return new StrategySpec(HUMAN);
    }

    public boolean isHuman() {
        return HUMAN.equals(name);
    }

    /** Parses {@code name[:key=value,...]}. */
    public static StrategySpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The strategy is empty; expected name[:key=value,...], like boulware"
                    + " or time-dependent:e=0.2.");
        }
        String trimmed = text.trim();
        int colon = trimmed.indexOf(':');
        String name = colon < 0 ? trimmed : trimmed.substring(0, colon).trim();
        Map<String, String> parameters = new LinkedHashMap<>();
        if (colon >= 0) {
            String rest = trimmed.substring(colon + 1);
            if (rest.isBlank()) {
                throw new IllegalArgumentException("The strategy (" + text + ") has a colon but no parameters;"
                        + " expected name:key=value,...");
            }
            for (String pair : rest.split(",", -1)) {
                int eq = pair.indexOf('=');
                if (eq <= 0 || eq == pair.length() - 1) {
                    throw new IllegalArgumentException("The strategy parameter (" + pair.trim() + ") in (" + text
                            + ") must be key=value, like e=0.2.");
                }
                String key = pair.substring(0, eq).trim();
                if (parameters.put(key, pair.substring(eq + 1).trim()) != null) {
                    throw new IllegalArgumentException("The strategy parameter (" + key + ") is given twice in ("
                            + text + ").");
                }
            }
        }
        try {
            return new StrategySpec(name, parameters);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The strategy (" + text + ") has a bad name: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        if (parameters.isEmpty()) {
            return name;
        }
        StringBuilder text = new StringBuilder(name).append(':');
        parameters.forEach((key, value) -> text.append(key).append('=').append(value).append(','));
        text.setLength(text.length() - 1);
        return text.toString();
    }
}
