package org.parley.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.parley.core.analysis.NegotiationDebrief;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.NegotiationRecord;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Result;
import org.parley.core.negotiation.StrategySpec;
import org.parley.io.ScenarioReader;
import org.parley.io.ScenarioWriter;
import org.parley.io.json.NegotiationJson;

/**
 * The engine's negotiations in the record store: turns a scenario and an engine record into a
 * stored record (scenario as Parley YAML, settings, result and each event as
 * {@link NegotiationJson}, the result with the negotiation's debrief when the caller has one) and
 * back, so that a stored negotiation can be shown, exported, plotted or resumed without its
 * scenario file. Finished negotiations are saved in one transaction; a
 * live one (the server) goes through {@link #start}, {@link #append} and {@link #finish}.
 */
public final class Archive {

    /** Where a record came from, in its {@code source} column. */
    public static final String RUN = "run";
    public static final String TOURNAMENT = "tournament";
    public static final String SERVER = "server";
    /** A negotiation of a world of repeated negotiations; its batch is "world:NAME:SEED". */
    public static final String WORLD = "world";

    private final RecordStore store;

    public Archive(RecordStore store) {
        this.store = store;
    }

    public RecordStore store() {
        return store;
    }

    /** A fresh random id (a UUID in its usual text form). */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** The id a batch (a tournament) gives its negotiation number {@code index}: the same on every resume. */
    public static String batchId(String batch, long index) {
        return UUID.nameUUIDFromBytes((batch + "#" + index).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Stores a finished negotiation with its whole log, atomically, under a new id.
     *
     * @return the id
     */
    public String save(Scenario scenario, NegotiationRecord negotiation, String source,
            String batch) {
        return save(scenario, negotiation, source, batch, null);
    }

    /** {@link #save(Scenario, NegotiationRecord, String, String)} with the negotiation's debrief kept in its result. */
    public String save(Scenario scenario, NegotiationRecord negotiation, String source, String batch,
            NegotiationDebrief debrief) {
        String id = newId();
        save(id, scenario, negotiation, source, batch, Instant.now(), debrief);
        return id;
    }

    /** Stores a finished negotiation under {@code id}; fails if the id is taken. */
    public void save(String id, Scenario scenario, NegotiationRecord negotiation,
            String source, String batch, Instant createdAt) {
        save(id, scenario, negotiation, source, batch, createdAt, null);
    }

    /**
     * Stores a finished negotiation under {@code id} with its debrief (none when null) in the
     * result; fails if the id is taken.
     */
    public void save(String id, Scenario scenario, NegotiationRecord negotiation, String source, String batch,
            Instant createdAt, NegotiationDebrief debrief) {
        if (!negotiation.finished()) {
            throw new IllegalArgumentException("Only a finished negotiation is saved whole; a running one goes"
                    + " through start() and append().");
        }
        store.save(toStored(id, scenario, negotiation, source, batch, createdAt, Instant.now(), debrief),
                eventPayloads(scenario, negotiation.events()));
    }

    /**
     * Stores a finished negotiation under {@code id} unless a record of that id exists already (a
     * resumed tournament that had stored it before it was stopped); returns whether it stored it.
     */
    public boolean saveIfAbsent(String id, Scenario scenario, NegotiationRecord negotiation,
            String source, String batch) {
        return saveIfAbsent(id, scenario, negotiation, source, batch, null);
    }

    /** {@link #saveIfAbsent(String, Scenario, NegotiationRecord, String, String)} with the debrief. */
    public boolean saveIfAbsent(String id, Scenario scenario, NegotiationRecord negotiation, String source,
            String batch, NegotiationDebrief debrief) {
        if (store.find(id).isPresent()) {
            return false;
        }
        save(id, scenario, negotiation, source, batch, Instant.now(), debrief);
        return true;
    }

    /** Stores a negotiation that has just begun; its events follow through {@link #append}. */
    public void start(String id, Scenario scenario, NegotiationSettings settings, String source, String batch) {
        store.start(toStored(id, scenario, new NegotiationRecord(scenario.name(), settings,
                List.of(), null), source, batch, Instant.now(), null));
    }

    /** Appends event number {@code seq} of a live negotiation. */
    public void append(String id, Scenario scenario, int seq, Event event) {
        store.append(id, seq, NegotiationJson.of(scenario.domain()).write(event));
    }

    /** Marks a live negotiation finished with its result. */
    public void finish(String id, Scenario scenario, Result result) {
        finish(id, scenario, result, null);
    }

    /** Marks a live negotiation finished with its result and its debrief (none when null). */
    public void finish(String id, Scenario scenario, Result result, NegotiationDebrief debrief) {
        store.finish(id, RecordStatus.FINISHED, result.agreement(),
                NegotiationJson.of(scenario.domain()).write(result, debrief));
    }

    /** Marks a live negotiation abandoned (its server stopped it for good). */
    public void abort(String id) {
        store.finish(id, RecordStatus.ABORTED, null, null);
    }

    /** The stored form of an engine record. */
    public static StoredNegotiation toStored(String id, Scenario scenario,
            NegotiationRecord negotiation, String source, String batch, Instant createdAt,
            Instant finishedAt) {
        return toStored(id, scenario, negotiation, source, batch, createdAt, finishedAt, null);
    }

    /** The stored form of an engine record, its debrief (none when null) kept in its result. */
    public static StoredNegotiation toStored(String id, Scenario scenario, NegotiationRecord negotiation, String source,
            String batch, Instant createdAt, Instant finishedAt, NegotiationDebrief debrief) {
        NegotiationJson json = NegotiationJson.of(scenario.domain());
        Result result = negotiation.result();
        List<PartyAssignment> parties = new ArrayList<>();
        for (String party : scenario.partyNames()) {
            StrategySpec spec = negotiation.settings().strategies().get(party);
            parties.add(new PartyAssignment(party, spec == null ? "?" : spec.toString()));
        }
        return new StoredNegotiation(id, scenario.name(), ScenarioWriter.toYaml(scenario),
                NegotiationJson.write(negotiation.settings()), source,
                result == null ? RecordStatus.RUNNING : RecordStatus.FINISHED,
                result == null ? null : result.agreement(), result == null ? null : json.write(result, debrief), createdAt,
                result == null ? null : finishedAt, batch, parties);
    }

    /** The events as stored payloads, one JSON object each. */
    public static List<String> eventPayloads(Scenario scenario, List<Event> events) {
        NegotiationJson json = NegotiationJson.of(scenario.domain());
        List<String> payloads = new ArrayList<>(events.size());
        for (Event event : events) {
            payloads.add(json.write(event));
        }
        return payloads;
    }

    /** A stored negotiation with its scenario and engine record decoded. */
    public record Entry(StoredNegotiation stored, Scenario scenario,
            NegotiationRecord negotiation) {

        public String id() {
            return stored.id();
        }

        /**
         * The debrief stored with the result; empty for a running record and for one stored
         * without (every record stored before debriefs existed).
         */
        public Optional<NegotiationDebrief> debrief() {
            return stored.result() == null ? Optional.empty()
                    : NegotiationJson.of(scenario.domain()).readDebrief(stored.result());
        }
    }

    /** The record of exactly this id, decoded. */
    public Optional<Entry> load(String id) {
        return store.find(id).map(this::decode);
    }

    /**
     * The record of this id, or of the one id that starts with it.
     *
     * @throws IllegalArgumentException when no id, or more than one, starts with {@code idOrPrefix}
     */
    public Entry resolve(String idOrPrefix) {
        String wanted = idOrPrefix == null ? "" : idOrPrefix.strip();
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("The record id is empty; `parley history` lists the ids.");
        }
        Optional<Entry> exact = load(wanted);
        if (exact.isPresent()) {
            return exact.get();
        }
        List<String> ids = store.idsStartingWith(wanted, 6);
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("No record (" + wanted + ") in " + store.location()
                    + "; `parley history` lists the ids (and --db names another database).");
        }
        if (ids.size() > 1) {
            throw new IllegalArgumentException("The id (" + wanted + ") is ambiguous: it starts " + ids.size()
                    + (ids.size() == 6 ? " or more" : "") + " records (" + String.join(", ", ids)
                    + "); give more characters.");
        }
        return load(ids.get(0)).orElseThrow();
    }

    /** Decodes a stored record: its scenario, settings, events and result. */
    public Entry decode(StoredNegotiation stored) {
        Scenario scenario = ScenarioReader.read(stored.scenario(), "record " + stored.id() + " (scenario)");
        NegotiationJson json = NegotiationJson.of(scenario.domain());
        NegotiationSettings settings = NegotiationJson.readSettings(stored.settings());
        List<Event> events = new ArrayList<>();
        for (String payload : store.events(stored.id())) {
            events.add(json.readEvent(payload));
        }
        Result result = stored.result() == null ? null : json.readResult(stored.result());
        return new Entry(stored, scenario,
                new NegotiationRecord(scenario.name(), settings, events, result));
    }
}
