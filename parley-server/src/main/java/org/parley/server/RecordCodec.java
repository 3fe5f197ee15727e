package org.parley.server;

import org.parley.core.model.Domain;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.NegotiationRecord;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Result;

/** How the server writes the engine's records into the record store's text columns, and reads them back. */
interface RecordCodec {

    String settings(NegotiationSettings settings);

    NegotiationSettings settings(String json);

    String event(Domain domain, Event event);

    Event event(Domain domain, String json);

    String result(Domain domain, Result result);

    Result result(Domain domain, String json);

    /** The whole record as the downloadable JSON document. */
    String record(Domain domain, NegotiationRecord record);
}
