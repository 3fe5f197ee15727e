package com.example.myagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.core.engine.Negotiation;
import org.parley.core.generate.ScenarioGenerator;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Result;
import org.parley.core.negotiation.StrategySpec;
import org.parley.core.strategy.StrategyRegistry;

class MyAgentTest {

    /** The registry Parley builds: the built-ins and this plugin's strategy. */
    private static StrategyRegistry registry() {
        StrategyRegistry registry = new StrategyRegistry();
        new MyAgent.Provider().strategies().forEach(entry -> registry.register(entry, "my-agent"));
        return registry;
    }

    @Test
    void itDealsWithAConcederAboveItsReservationValue() {
        int deals = 0;
        for (long seed = 1; seed <= 20; seed++) {
            Scenario scenario = ScenarioGenerator.generate(new ScenarioGenerator.Settings(2, 4, 5, seed));
            List<String> parties = scenario.partyNames();
            NegotiationSettings settings = new NegotiationSettings("sao", Deadline.rounds(100), Map.of(
                    parties.get(0), StrategySpec.parse("my-agent"), parties.get(1), StrategySpec.parse("conceder")),
                    seed, null);
            Result result = Negotiation.start(scenario, settings, registry(), new org.parley.core.engine.BidSpaceCache())
                    .run();
            double reservation = scenario.party(parties.get(0)).preferences().reservation();
            assertTrue(result.payoff(parties.get(0)).utility() >= reservation, "seed " + seed);
            deals += result.agreement() ? 1 : 0;
        }
        assertTrue(deals >= 15, deals + " deals in 20");
    }

    @Test
    void itIsListedWithItsParameterAndDefault() {
        StrategyRegistry.Entry entry = registry().entries().get("my-agent");
        assertEquals("0.3", entry.parameter("e").defaultValue());
    }
}
