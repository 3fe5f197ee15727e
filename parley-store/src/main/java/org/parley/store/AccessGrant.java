package org.parley.store;

/**
 * One join link of a live negotiation, as stored: the hash of its token (never the token), the
 * negotiation, and whom it lets in: a {@code party} (acting as that party) or an {@code observer}.
 */
public record AccessGrant(String tokenHash, String negotiationId, String role, String party) {

    public static final String PARTY = "party";
    public static final String OBSERVER = "observer";

    public AccessGrant {
        if (tokenHash == null || !tokenHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("The token hash must be 64 lower-case hex digits (SHA-256).");
        }
        if (negotiationId == null || negotiationId.isBlank()) {
            throw new IllegalArgumentException("An access grant needs a negotiation id.");
        }
        if (PARTY.equals(role) == (party == null || party.isBlank()) || !(PARTY.equals(role) || OBSERVER.equals(role))) {
            throw new IllegalArgumentException("An access grant is for a party (role party, with its name) or an"
                    + " observer (role observer, no party); got role (" + role + ") and party (" + party + ").");
        }
    }
}
