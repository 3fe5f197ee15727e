package org.parley.core.negotiation;

import java.util.List;

/**
 * A negotiation as stored: the scenario's name, the settings it ran with, its full event log and,
 * once it has ended, the result (null while it runs). With the scenario, the settings and the log a
 * negotiation can be resumed: see {@code org.parley.core.engine.Negotiation#resume}.
 */
public record NegotiationRecord(String scenario, NegotiationSettings settings, List<Event> events, Result result) {

    public NegotiationRecord {
        if (scenario == null || settings == null) {
            throw new IllegalArgumentException("A negotiation record needs a scenario name and settings.");
        }
        events = List.copyOf(events);
    }

    public boolean finished() {
        return result != null;
    }
}
