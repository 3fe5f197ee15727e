package org.parley.core.negotiation;

import java.util.Arrays;
import java.util.Locale;

/** The negotiation protocols Parley runs (definitions in DESIGN.md). */
public enum ProtocolType {
    /** Stacked alternating offers: in turn, accept the standing offer, counter it, or walk away. */
    SAO("sao", "stacked alternating offers"),
    /** Alternating multiple offers: every party proposes each round, then all vote on every proposal. */
    AMOP("amop", "alternating multiple offers"),
    /** Single-text mediation: a mediator amends one text, parties vote, the final text is ratified. */
    MEDIATED("mediated", "single-text mediation");

    private final String key;
    private final String title;

    ProtocolType(String key, String title) {
        this.key = key;
        this.title = title;
    }

    /** The short name used on the command line and in records. */
    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    public static ProtocolType parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (ProtocolType type : values()) {
            if (type.key.equals(wanted) || type.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return type;
            }
        }
        if (wanted.equals("saop")) {
            return SAO;
        }
        throw new IllegalArgumentException("Unknown protocol (" + text + "); expected one of "
                + Arrays.stream(values()).map(ProtocolType::key).toList() + ".");
    }
}
