package org.parley.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How the server presents a negotiation to the people at it, chosen when it is created and kept
 * with it: not part of the run (the engine, the strategies and the record's outcome do not depend
 * on it), so not in {@link org.parley.core.negotiation.NegotiationSettings}.
 *
 * @param advisor whether each person at the table is offered counter-offers by the {@link Advisor}
 * @param world the id of the world played in the browser this table is a negotiation of, or null:
 *     its debriefing waits for the world's end, since a later table of the world may reuse the
 *     preferences it would reveal
 */
record TableOptions(boolean advisor, String world) {

    static final TableOptions DEFAULT = new TableOptions(false, null);

    /** The key under which the options ride in the stored settings JSON (readers of settings ignore it). */
    static final String KEY = "table";

    TableOptions(boolean advisor) {
        this(advisor, null);
    }

    /** A table of the world {@code worldId}. */
    static TableOptions ofWorld(String worldId) {
        return new TableOptions(false, worldId);
    }

    /** The stored settings JSON with the options added, when any differs from the default. */
    String storedWith(String settingsJson) {
        if (equals(DEFAULT)) {
            return settingsJson;
        }
        try {
            ObjectNode node = (ObjectNode) Views.MAPPER.readTree(settingsJson);
            ObjectNode table = node.putObject(KEY).put("advisor", advisor);
            if (world != null) {
                table.put("world", world);
            }
            return Views.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The settings JSON the server wrote cannot be read back: " + e.getMessage(), e);
        }
    }

    /** The options kept in stored settings JSON; the default for a negotiation stored without them. */
    static TableOptions read(String settingsJson) {
        try {
            JsonNode table = Views.MAPPER.readTree(settingsJson).path(KEY);
            return new TableOptions(table.path("advisor").asBoolean(false),
                    table.hasNonNull("world") ? table.get("world").asText() : null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The stored settings are not JSON: " + e.getMessage(), e);
        }
    }
}
