package org.parley.core.negotiation;

/**
 * What every party at the table sees of one event: who did what, when. Unlike {@link Event} it
 * carries no utility, so a strategy fed moves learns nothing of another party's preferences.
 */
public record Move(int round, double time, String party, Action action) {

    public Move {
        if (party == null || action == null) {
            throw new IllegalArgumentException("A move needs a party and an action.");
        }
    }
}
