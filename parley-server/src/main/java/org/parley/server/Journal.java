package org.parley.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.parley.core.analysis.NegotiationDebrief;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Result;
import org.parley.io.json.NegotiationJson;
import org.parley.store.AccessGrant;
import org.parley.store.Archive;
import org.parley.store.PartyAssignment;
import org.parley.store.RecordStatus;
import org.parley.store.RecordStore;
import org.parley.store.StoredNegotiation;
import org.parley.store.Write;

/**
 * Writes one live negotiation to the record store as it goes: its start with the join links, each
 * event in order, its end. Writes are queued, not waited for ({@link RecordStore#commit}): the
 * returned future completes once the database has them, and only then does the server
 * acknowledge a move or show it, so whatever it acknowledged survives a crash. Every unit begins
 * by checking the number of events stored, so a unit queued behind a failed one fails too and
 * the stored log stays a prefix of the negotiation.
 */
final class Journal {

    private final RecordStore store;
    private final NegotiationJson json;
    private final String id;
    private int queued;
    private boolean finished;

    Journal(RecordStore store, String id, Scenario scenario, int stored, boolean finished) {
        this.store = store;
        this.json = NegotiationJson.of(scenario.domain());
        this.id = id;
        this.queued = stored;
        this.finished = finished;
    }

    /**
     * The start of a new negotiation with its join links, as one write of a unit (with a class's
     * other tables, or a world's step). The table's options ride in the stored settings JSON, which
     * readers of settings ignore.
     */
    static Write.Start startWrite(String id, Scenario scenario, String scenarioText, NegotiationSettings settings,
            TableOptions options, List<AccessGrant> grants, String organizerHash) {
        List<PartyAssignment> parties = new ArrayList<>();
        for (String party : scenario.partyNames()) {
            parties.add(new PartyAssignment(party, settings.strategy(party).toString()));
        }
        return new Write.Start(new StoredNegotiation(id, scenario.name(), scenarioText,
                options.storedWith(NegotiationJson.write(settings)), Archive.SERVER, RecordStatus.RUNNING, null, null,
                Instant.now(), null, null, parties), grants, organizerHash);
    }

    /** Whether there are events or a result not yet queued. */
    boolean hasNews(List<Event> events, Result result) {
        return queued < events.size() || (result != null && !finished);
    }

    /** Queues the events not yet queued and, once there is one, the result with its debrief (none when null). */
    CompletableFuture<Void> write(List<Event> events, Result result, NegotiationDebrief debrief) {
        List<String> payloads = new ArrayList<>(events.size() - queued);
        for (int i = queued; i < events.size(); i++) {
            payloads.add(json.write(events.get(i)));
        }
        List<Write> unit = new ArrayList<>(2);
        unit.add(new Write.Append(id, queued, payloads));
        queued = events.size();
        if (result != null && !finished) {
            unit.add(new Write.Finish(id, RecordStatus.FINISHED, result.agreement(), json.write(result, debrief)));
            finished = true;
        }
        return store.commit(unit);
    }

    /** How many events are queued or stored. */
    int queued() {
        return queued;
    }
}
