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
    void everyParameterHasItsDefaultDeclared() {
        StrategyRegistry.Entry boulware = registry.entries().get("boulware");
        assertThat(boulware.parameter("e").defaultValue()).isEqualTo("0.2");
        assertThat(boulware.parameter("ac").defaultValue()).isEqualTo("next");
        assertThat(registry.entries().get("conceder").parameter("e").defaultValue()).isEqualTo("2");
        assertThat(registry.entries().get("tit-for-tat").parameter("mode").defaultValue()).isEqualTo("relative");
        for (StrategyRegistry.Entry entry : registry.entries().values()) {
            assertThat(registry.origin(entry.name())).isEqualTo(StrategyRegistry.BUILT_IN);
            for (StrategyRegistry.Parameter p : entry.parameters()) {
                assertThat(p.defaultValue()).as(entry.name() + " " + p.name()).isNotBlank();
                assertThat(p.description()).as(entry.name() + " " + p.name()).isNotBlank();
            }
        }
    }

    @Test
    void aPluginsParametersAreReadWithTheirDefaultsAndARequiredOneMustBeGiven() {
        StrategyRegistry plugins = new StrategyRegistry();
        double[] seen = new double[2];
        String[] url = new String[1];
        plugins.register(new StrategyRegistry.Entry("mine", "test", java.util.List.of(
                StrategyRegistry.Parameter.of("e", "0.5", "exponent"),
                StrategyRegistry.Parameter.of("steps", "10", "steps"),
                StrategyRegistry.Parameter.required("url", "where")), p -> {
                    seen[0] = p.positive("e");
                    seen[1] = p.integer("steps");
                    url[0] = p.text("url");
                    return registry.create(StrategySpec.parse("boulware"));
                }), "mine.jar");
        plugins.create(StrategySpec.parse("mine:url=x"));
        assertThat(seen).containsExactly(0.5, 10.0);
        assertThat(url[0]).isEqualTo("x");
        plugins.create(StrategySpec.parse("mine:url=y,e=3,steps=4"));
        assertThat(seen).containsExactly(3.0, 4.0);
        assertThatThrownBy(() -> plugins.create(StrategySpec.parse("mine")))
                .hasMessageContaining("needs the parameter (url)").hasMessageContaining("where");
        assertThatThrownBy(() -> plugins.create(StrategySpec.parse("mine:url=x,steps=2.5")))
                .hasMessageContaining("(steps)").hasMessageContaining("whole number");
        assertThat(plugins.origin("mine")).isEqualTo("mine.jar");
    }

    @Test
    void aPluginCannotTakeANameThatIsTaken() {
        StrategyRegistry plugins = new StrategyRegistry();
        StrategyRegistry.Entry boulware = new StrategyRegistry.Entry("boulware", "", java.util.List.of(), p -> null);
        assertThatThrownBy(() -> plugins.register(boulware, "evil.jar"))
                .hasMessageContaining("(boulware) of evil.jar is taken already by built-in");
        assertThatThrownBy(() -> new StrategyRegistry.Entry("My Agent", "", java.util.List.of(), p -> null))
                .hasMessageContaining("lower-case");
        assertThatThrownBy(() -> new StrategyRegistry.Entry("human", "", java.util.List.of(), p -> null))
                .hasMessageContaining("taken");
    }

    @Test
    void aFactoryThatFailsIsNamedWhenASpecIsValidated() {
        StrategyRegistry plugins = new StrategyRegistry();
        plugins.register(new StrategyRegistry.Entry("fragile", "", java.util.List.of(), p -> {
            throw new NullPointerException("model");
        }), "fragile.jar");
        assertThatThrownBy(() -> plugins.validate(StrategySpec.parse("fragile")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be created")
                .hasMessageContaining("NullPointerException: model");
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
