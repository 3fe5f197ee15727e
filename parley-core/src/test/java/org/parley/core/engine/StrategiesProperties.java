package org.parley.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.parley.core.TestScenarios;
import org.parley.core.model.Party;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.Result;
import org.parley.core.preference.Condition;
import org.parley.core.preference.Constraint;
import org.parley.core.preference.Preferences;
import org.parley.core.protocol.Protocols;

/**
 * Every built-in strategy, in every protocol, on random scenarios with hard constraints: it never
 * misbehaves, never offers or accepts what breaks its own constraints, and never signs a deal
 * below its reservation value.
 */
class StrategiesProperties {

    private static final List<String> SPECS = List.of("boulware", "linear", "conceder", "time-dependent:e=0.5",
            "tit-for-tat", "tit-for-tat:mode=absolute", "hardliner", "random", "frequency", "micro",
            "boulware:ac=combi", "conceder:ac=time,after=0.5", "linear:ac=const,alpha=0.6");

    private static Scenario constrained(long seed) {
        Scenario base = TestScenarios.random(seed, 3, 4, 3, 0.25, null);
        SplittableRandom random = new SplittableRandom(seed);
        List<Party> parties = new ArrayList<>();
        for (Party party : base.parties()) {
            int a = random.nextInt(4);
            int b = (a + 1 + random.nextInt(3)) % 4;
            List<Constraint> constraints = List.of(
                    new Constraint.Forbid(new Condition.OneOf(a, Set.of(random.nextInt(3)))),
                    new Constraint.Implication(new Condition.OneOf(b, Set.of(0)), new Condition.OneOf(a, Set.of(1, 2))));
            Preferences p = party.preferences();
            parties.add(new Party(party.name(), "", new Preferences(p.utility(), constraints, p.reservation(), p.discount()),
                    null));
        }
        return new Scenario(base.name(), "", base.domain(), parties, null, null);
    }

    @Property(tries = 40)
    void strategiesKeepTheirOwnRules(@ForAll @IntRange(min = 0, max = 100_000) long seed) {
        Scenario scenario = constrained(seed);
        SplittableRandom random = new SplittableRandom(seed);
        String protocol = Protocols.registry().keys().get(random.nextInt(3));
        String[] overrides = new String[3];
        for (int p = 0; p < 3; p++) {
            overrides[p] = "p" + p + "=" + SPECS.get(random.nextInt(SPECS.size()));
        }
        scenario = new Scenario(scenario.name(), "", scenario.domain(), scenario.parties().stream()
                .map(p -> new Party(p.name(), "", p.preferences(), "linear")).toList(), null, null);
        var settings = EngineFixtures.settings(scenario, protocol, 30, seed, null, overrides);
        Negotiation negotiation = Negotiation.start(scenario, settings);
        Result result = negotiation.run();
        for (Event event : negotiation.session().events()) {
            assertThat(event.action()).as(String.join(" ", overrides) + " " + protocol)
                    .isNotInstanceOf(Action.Misbehaviour.class);
            if (!Event.MEDIATOR.equals(event.party())
                    && (event.action() instanceof Action.Offer || event.action() instanceof Action.Accept)) {
                assertThat(scenario.party(event.party()).preferences().satisfiesConstraints(event.offer())).isTrue();
            }
        }
        if (result.agreement()) {
            for (String signer : result.signers()) {
                assertThat(scenario.party(signer).preferences().acceptable(result.outcome()))
                        .as(signer + " of " + String.join(" ", overrides) + " " + protocol).isTrue();
            }
        }
    }
}
