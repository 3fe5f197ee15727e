package org.parley.core.protocol;

import org.parley.core.model.Scenario;
import org.parley.core.negotiation.NegotiationSession;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.ProtocolType;

/** A set of rules for who moves when and when a deal stands; each run is a fresh session. */
public interface Protocol {

    ProtocolType type();

    NegotiationSession open(Scenario scenario, NegotiationSettings settings, TimeSource time);

    static Protocol of(ProtocolType type) {
        return switch (type) {
            case SAO -> new StackedAlternatingOffers();
            case AMOP -> new AlternatingMultipleOffers();
            case MEDIATED -> new SingleTextMediation();
        };
    }
}
