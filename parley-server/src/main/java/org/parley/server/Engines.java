package org.parley.server;

import java.util.List;
import org.parley.core.engine.BidSpaceCache;
import org.parley.core.engine.Negotiation;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.strategy.StrategyRegistry;

/** Starts and resumes engine negotiations with one strategy registry and one bid-space cache for the whole server. */
final class Engines {

    private final StrategyRegistry registry;
    private final BidSpaceCache cache = new BidSpaceCache();

    Engines() {
        this(new StrategyRegistry());
    }

    /** With the strategies of {@code registry}: the built-ins, and any plugins or remote agents added to it. */
    Engines(StrategyRegistry registry) {
        this.registry = registry;
    }

    StrategyRegistry registry() {
        return registry;
    }

    Negotiation start(Scenario scenario, NegotiationSettings settings) {
        return Negotiation.start(scenario, settings, registry, cache);
    }

    Negotiation resume(Scenario scenario, NegotiationSettings settings, List<Event> log, double elapsed) {
        return Negotiation.resume(scenario, settings, log, registry, cache, elapsed);
    }
}
