package org.parley.core.negotiation;

import org.parley.api.Stable;

/**
 * What every party at the table sees of one event: who did what, when, and what it said. Unlike
 * {@link Event} it carries no utility and no {@link Rationale}, so a strategy fed moves learns
 * nothing of another party's preferences beyond what the party chose to say.
 */
@Stable
public record Move(int round, double time, String party, Action action) {

    public Move {
        if (party == null || action == null) {
            throw new IllegalArgumentException("A move needs a party and an action.");
        }
    }
}
