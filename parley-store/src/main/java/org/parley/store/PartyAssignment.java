package org.parley.store;

/** Who played a party: a strategy spec, or {@code human}. */
public record PartyAssignment(String party, String strategy) {

    public PartyAssignment {
        if (party == null || party.isBlank() || strategy == null || strategy.isBlank()) {
            throw new IllegalArgumentException("A party assignment needs a party and a strategy.");
        }
    }
}
