package org.parley.store;

import java.time.Instant;
import java.util.List;

/**
 * A world of repeated negotiations a person plays in the browser, as stored: what a deterministic
 * replay needs to rebuild it. The world is an uploaded file ({@code worldText}) or a built-in one
 * ({@code builtIn}, by name); {@code worldDigest} is the SHA-256 of the file's text the world began
 * with, so that a built-in world changed since then is recognised rather than replayed wrongly.
 * Each step is one negotiation held, in schedule order, with its stored negotiation and the
 * person's honour decision.
 *
 * @param tokenHash SHA-256 of the world's token (never the token)
 * @param organizerHash SHA-256 of the organizer key that set the world up, or null
 */
public record StoredWorld(String id, String tokenHash, String name, String builtIn, String worldText,
        String worldDigest, String person, long seed, String organizerHash, Instant createdAt, List<Step> steps) {

    /**
     * One negotiation of the world, held or under way: its place in the schedule, its stored
     * negotiation, and the person's decision on the agreement they signed there (true: breached,
     * false: honoured; null: not theirs to decide, or not decided yet).
     */
    public record Step(int position, String negotiationId, Boolean breach) {
        public Step {
            if (position < 0) {
                throw new IllegalArgumentException("A world's steps are numbered from 0, not (" + position + ").");
            }
            if (negotiationId == null || negotiationId.isBlank()) {
                throw new IllegalArgumentException("Step " + position + " of a world needs its negotiation's id.");
            }
        }
    }

    public StoredWorld {
        if (id == null || id.isBlank() || name == null || name.isBlank() || person == null || person.isBlank()) {
            throw new IllegalArgumentException("A stored world needs an id, a name and the person's power.");
        }
        for (String hash : new String[] {tokenHash, worldDigest}) {
            if (hash == null || !hash.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("A world's token hash and digest must be 64 lower-case hex digits"
                        + " (SHA-256), not (" + hash + ").");
            }
        }
        if ((builtIn == null) == (worldText == null)) {
            throw new IllegalArgumentException("A stored world is either a built-in one (by name) or an uploaded file"
                    + " (its text), not " + (builtIn == null ? "neither" : "both") + ".");
        }
        if (createdAt == null) {
            throw new IllegalArgumentException("A stored world needs its creation time.");
        }
        steps = List.copyOf(steps);
        for (int k = 0; k < steps.size(); k++) {
            if (steps.get(k).position() != k) {
                throw new IllegalArgumentException("The steps of world " + id + " must be numbered 0, 1, ... in order;"
                        + " step " + k + " is numbered " + steps.get(k).position() + ".");
            }
        }
    }

    /** The same world with no steps: what starting it stores. */
    public StoredWorld withoutSteps() {
        return new StoredWorld(id, tokenHash, name, builtIn, worldText, worldDigest, person, seed, organizerHash,
                createdAt, List.of());
    }
}
