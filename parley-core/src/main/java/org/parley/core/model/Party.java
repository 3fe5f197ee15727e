package org.parley.core.model;

import org.parley.core.preference.Preferences;

/**
 * A faction at the table. {@code strategy} names the AI diplomat that plays it by default (for
 * example {@code "boulware"} or {@code "time-dependent:e=0.2"}), or is null to leave the choice to
 * the caller. {@code persona} is its character for the default diplomat, or null for none given;
 * {@code phrases} the lines it speaks in place of Parley's ({@link Phrasebook#NONE} for none).
 */
public record Party(String name, String role, Preferences preferences, String strategy, Persona persona,
        Phrasebook phrases) {

    public Party {
        Issue.requireName(name, "a party");
        if (preferences == null) {
            throw new IllegalArgumentException("The party (" + name + ") needs preferences.");
        }
        role = role == null ? "" : role;
        phrases = phrases == null ? Phrasebook.NONE : phrases;
    }

    public Party(String name, String role, Preferences preferences, String strategy) {
        this(name, role, preferences, strategy, null, Phrasebook.NONE);
    }

    public Party(String name, Preferences preferences) {
        this(name, "", preferences, null);
    }
}
