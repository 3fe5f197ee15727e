package org.parley.core.model;

import org.parley.core.preference.Preferences;

/**
 * A faction at the table. {@code strategy} names the AI diplomat that plays it by default (for
 * example {@code "boulware"} or {@code "time-dependent:e=0.2"}), or is null to leave the choice to
 * the caller.
 */
public record Party(String name, String role, Preferences preferences, String strategy) {

    public Party {
        Issue.requireName(name, "a party");
        if (preferences == null) {
            throw new IllegalArgumentException("The party (" + name + ") needs preferences.");
        }
        role = role == null ? "" : role;
    }

    public Party(String name, Preferences preferences) {
        this(name, "", preferences, null);
    }
}
