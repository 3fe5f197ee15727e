package org.parley.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.parley.core.negotiation.StrategySpec;

class StrategyRegistryTest {

    private final StrategyRegistry registry = new StrategyRegistry();

    @Test
    void everyDocumentedSpecParses() {
        for (String spec : new String[] {"boulware", "conceder", "linear", "time-dependent:e=0.2", "micro",
                "tit-for-tat:mode=absolute", "tit-for-tat", "hardliner", "random", "frequency", "frequency:e=0.5",
                "boulware:ac=combi,after=0.95", "linear:ac=const,alpha=0.7", "conceder:ac=time,after=0.9"}) {
            assertThat(registry.create(StrategySpec.parse(spec))).as(spec).isNotNull();
        }
    }

    @Test
    void specsRoundTripThroughText() {
        StrategySpec spec = StrategySpec.parse("time-dependent:e=0.2,ac=combi");
        assertThat(spec.name()).isEqualTo("time-dependent");
        assertThat(spec.parameters()).containsEntry("e", "0.2").containsEntry("ac", "combi");
        assertThat(StrategySpec.parse(spec.toString())).isEqualTo(spec);
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> registry.create(StrategySpec.parse("bolware")))
                .hasMessageContaining("Unknown strategy (bolware)").hasMessageContaining("boulware");
        assertThatThrownBy(() -> registry.create(StrategySpec.parse("boulware:f=2")))
                .hasMessageContaining("no parameter (f)").hasMessageContaining("e");
        assertThatThrownBy(() -> registry.create(StrategySpec.parse("hardliner:e=2")))
                .hasMessageContaining("it takes none");
        assertThatThrownBy(() -> registry.create(StrategySpec.parse("time-dependent:e=abc")))
                .hasMessageContaining("parameter (e)").hasMessageContaining("a number");
        assertThatThrownBy(() -> registry.create(StrategySpec.parse("time-dependent:e=-1")))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> registry.create(StrategySpec.parse("tit-for-tat:mode=sideways")))
                .hasMessageContaining("relative, absolute");
        assertThatThrownBy(() -> registry.create(StrategySpec.parse("linear:ac=const,alpha=2")))
                .hasMessageContaining("from 0 to 1");
        assertThatThrownBy(() -> StrategySpec.parse("boulware:")).hasMessageContaining("no parameters");
        assertThatThrownBy(() -> StrategySpec.parse("boulware:e")).hasMessageContaining("key=value");
        assertThatThrownBy(() -> StrategySpec.parse("boulware:e=1,e=2")).hasMessageContaining("twice");
        assertThatThrownBy(() -> StrategySpec.parse("Boulware")).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> registry.create(StrategySpec.human())).hasMessageContaining("person");
    }
}
