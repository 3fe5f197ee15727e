package org.parley.core.protocol;

import org.parley.core.model.Scenario;
import org.parley.core.negotiation.NegotiationSession;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.registry.Registered;

/**
 * A negotiation protocol: a set of rules for who moves when and when a deal stands, found by name
 * in {@link Protocols}. Each run is a fresh session opened here; the factory itself holds no state.
 * Its {@link #key()} is what records store (settings' {@code protocol}) and what {@code --protocol}
 * takes.
 *
 * <p>To add a protocol: one class implementing this (most extend {@link AbstractSession} for the
 * session), a public no-argument constructor, and its name on a line of
 * {@code META-INF/services/org.parley.core.protocol.ProtocolFactory}.
 */
public interface ProtocolFactory extends Registered {

    /**
     * Opens a session of {@code scenario} under {@code settings}, its clock read from {@code time}.
     *
     * @throws IllegalArgumentException when the scenario cannot be negotiated under this protocol
     */
    NegotiationSession open(Scenario scenario, NegotiationSettings settings, TimeSource time);
}
