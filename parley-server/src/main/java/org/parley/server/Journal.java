package org.parley.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.parley.core.analysis.NegotiationDebrief;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Result;
import org.parley.io.json.NegotiationJson;
import org.parley.store.AccessGrant;
import org.parley.store.Archive;
import org.parley.store.StoredNegotiation;
import org.parley.store.PartyAssignment;
import org.parley.store.RecordStatus;
import org.parley.store.RecordStore;

/**
 * Writes one live negotiation to the record store as it goes: its start with the join links, each
 * event in order, its end. Every call returns only once the database has it, so whatever the
 * server acknowledges survives a crash.
 */
final class Journal {

    private final RecordStore store;
    private final NegotiationJson json;
    private final String id;
    private final Scenario scenario;
    private int stored;
    private boolean finished;

    Journal(RecordStore store, String id, Scenario scenario, int stored, boolean finished) {
        this.store = store;
        this.json = NegotiationJson.of(scenario.domain());
        this.id = id;
        this.scenario = scenario;
        this.stored = stored;
        this.finished = finished;
    }

    static Journal start(RecordStore store, String id, Scenario scenario, String scenarioText,
            NegotiationSettings settings, List<AccessGrant> grants) {
        List<PartyAssignment> parties = new ArrayList<>();
        for (String party : scenario.partyNames()) {
            parties.add(new PartyAssignment(party, settings.strategy(party).toString()));
        }
        store.start(new StoredNegotiation(id, scenario.name(), scenarioText, NegotiationJson.write(settings), Archive.SERVER,
                RecordStatus.RUNNING, null, null, Instant.now(), null, null, parties), grants);
        return new Journal(store, id, scenario, 0, false);
    }

    /** Stores the events not yet stored and, once there is one, the result with its debrief (none when null). */
    void sync(List<Event> events, Result result, NegotiationDebrief debrief) {
        if (stored < events.size()) {
            List<String> payloads = new ArrayList<>(events.size() - stored);
            for (int i = stored; i < events.size(); i++) {
                payloads.add(json.write(events.get(i)));
            }
            store.append(id, stored, payloads);
            stored = events.size();
        }
        if (result != null && !finished) {
            store.finish(id, RecordStatus.FINISHED, result.agreement(), json.write(result, debrief));
            finished = true;
        }
    }

    int stored() {
        return stored;
    }
}
