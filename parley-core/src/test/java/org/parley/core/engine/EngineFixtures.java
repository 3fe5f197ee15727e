package org.parley.core.engine;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.StrategySpec;
import org.parley.core.strategy.Strategy;
import org.parley.core.strategy.StrategyRegistry;

final class EngineFixtures {

    private EngineFixtures() {}

    static StrategyRegistry registryWith(String name, Supplier<Strategy> factory) {
        StrategyRegistry registry = new StrategyRegistry();
        registry.register(new StrategyRegistry.Entry(name, "test", Set.of(), p -> factory.get()));
        return registry;
    }

    static NegotiationSettings settings(Scenario scenario, String protocol, int rounds, long seed,
            Duration moveLimit, String... overrides) {
        Map<String, StrategySpec> strategies = new LinkedHashMap<>();
        scenario.parties().forEach(p -> strategies.put(p.name(), StrategySpec.parse(p.strategy())));
        for (String override : overrides) {
            int eq = override.indexOf('=');
            strategies.put(override.substring(0, eq), StrategySpec.parse(override.substring(eq + 1)));
        }
        return new NegotiationSettings(protocol, Deadline.rounds(rounds), strategies, seed, moveLimit);
    }
}
