package org.parley.store;

import java.time.Instant;
import java.util.List;

/**
 * One stored negotiation. The payloads ({@code scenario} as Parley YAML, {@code settings} and
 * {@code result} as JSON) are kept as text: the store does not interpret them, so it stays
 * independent of the engine's classes and old records stay readable as those evolve.
 */
public record StoredNegotiation(
        String id,
        String scenarioName,
        String scenario,
        String settings,
        String source,
        RecordStatus status,
        Boolean agreement,
        String result,
        Instant createdAt,
        Instant finishedAt,
        String batch,
        List<PartyAssignment> parties) {

    public StoredNegotiation {
        require(id, "id");
        require(scenarioName, "scenarioName");
        require(scenario, "scenario");
        require(settings, "settings");
        require(source, "source");
        if (status == null || createdAt == null) {
            throw new IllegalArgumentException("A record needs a status and a creation time.");
        }
        parties = List.copyOf(parties);
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The record's " + field + " must not be blank.");
        }
    }

    /** A copy marked finished (or aborted) with its result. */
    public StoredNegotiation finish(RecordStatus status, Boolean agreement, String result, Instant at) {
        return new StoredNegotiation(id, scenarioName, scenario, settings, source, status, agreement, result, createdAt, at,
                batch, parties);
    }
}
