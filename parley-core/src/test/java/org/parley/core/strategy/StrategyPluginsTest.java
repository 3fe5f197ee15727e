package org.parley.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.TestScenarios;
import org.parley.core.engine.BidSpaceCache;
import org.parley.core.engine.Negotiation;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Result;
import org.parley.core.negotiation.StrategySpec;

class StrategyPluginsTest {

    /** A plugin as its author writes it: a strategy that concedes in steps, and its provider. */
    static final Map<String, String> STEPPER = Map.of(
            "com.example.Stepper", """
                    package com.example;

                    import org.parley.core.negotiation.Action;
                    import org.parley.core.negotiation.Request;
                    import org.parley.core.strategy.BidSpace;
                    import org.parley.core.strategy.Setup;
                    import org.parley.core.strategy.Strategy;

                    public final class Stepper implements Strategy {
                        private final int steps;
                        private BidSpace bids;
                        private double floor;

                        public Stepper(int steps) {
                            this.steps = steps;
                        }

                        @Override
                        public void start(Setup setup) {
                            bids = setup.bids();
                            floor = Math.max(setup.reservation(), bids.min());
                        }

                        @Override
                        public Action act(Request request) {
                            double step = Math.floor(request.time() * steps) / steps;
                            double target = bids.max() - (bids.max() - floor) * step;
                            if (request.outcome() != null && bids.utility(request.outcome()) >= target) {
                                return new Action.Accept(request.outcome());
                            }
                            if (request.kind() != Request.Kind.PROPOSE && request.kind() != Request.Kind.RESPOND) {
                                return new Action.Reject(request.outcome());
                            }
                            return new Action.Offer(bids.atLeast(target));
                        }
                    }
                    """,
            "com.example.StepperProvider", """
                    package com.example;

                    import java.util.List;
                    import org.parley.api.StrategyProvider;
                    import org.parley.core.strategy.StrategyRegistry;
                    import org.parley.core.strategy.StrategyRegistry.Entry;
                    import org.parley.core.strategy.StrategyRegistry.Parameter;

                    public final class StepperProvider implements StrategyProvider {
                        @Override
                        public List<Entry> strategies() {
                            return List.of(new Entry("stepper", "concedes in steps",
                                    List.of(Parameter.of("steps", "5", "how many steps")),
                                    p -> new Stepper((int) p.integer("steps"))));
                        }
                    }
                    """);

    @Test
    void aPluginJarsStrategiesAreFoundAndPlay(@TempDir Path dir) {
        Path jar = PluginJar.build(dir, "stepper", STEPPER, "com.example.StepperProvider");
        StrategyRegistry registry = new StrategyRegistry();
        List<Path> jars = StrategyPlugins.load(registry, List.of(jar), getClass().getClassLoader());
        assertThat(jars).containsExactly(jar.toAbsolutePath().normalize());
        assertThat(registry.entries()).containsKey("stepper");
        assertThat(registry.origin("stepper")).isEqualTo(jar.toAbsolutePath().normalize().toString());
        assertThat(registry.entries().get("stepper").parameter("steps").defaultValue()).isEqualTo("5");
        // The class is the jar's, not the test class path's.
        assertThat(registry.create(StrategySpec.parse("stepper")).getClass().getClassLoader())
                .isNotSameAs(getClass().getClassLoader());

        Scenario scenario = TestScenarios.cardassianTalks();
        NegotiationSettings settings = new NegotiationSettings("sao", Deadline.rounds(50), Map.of(
                scenario.partyNames().get(0), StrategySpec.parse("stepper:steps=4"),
                scenario.partyNames().get(1), StrategySpec.parse("conceder")), 1, null);
        Result result = Negotiation.start(scenario, settings, registry, new BidSpaceCache()).run();
        assertThat(result.agreement()).isTrue();
    }

    @Test
    void aFolderLoadsEveryJarInIt(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("agents"));
        PluginJar.build(folder, "stepper", STEPPER, "com.example.StepperProvider");
        Files.writeString(folder.resolve("README.txt"), "not a jar");
        StrategyRegistry registry = new StrategyRegistry();
        assertThat(StrategyPlugins.load(registry, List.of(folder), getClass().getClassLoader())).hasSize(1);
        assertThat(registry.entries()).containsKey("stepper");
    }

    @Test
    void mistakesNameThePathOrTheJar(@TempDir Path dir) throws IOException {
        StrategyRegistry registry = new StrategyRegistry();
        ClassLoader parent = getClass().getClassLoader();
        assertThatThrownBy(() -> StrategyPlugins.load(registry, List.of(dir.resolve("missing.jar")), parent))
                .hasMessageContaining("missing.jar").hasMessageContaining("does not exist");
        assertThatThrownBy(() -> StrategyPlugins.load(registry, List.of(dir), parent))
                .hasMessageContaining("holds no .jar");
        Path text = Files.writeString(dir.resolve("agent.txt"), "x");
        assertThatThrownBy(() -> StrategyPlugins.load(registry, List.of(text), parent)).hasMessageContaining("not a .jar");
        // Two jars (two providers) claiming one name: the second finds it taken.
        Path jar = PluginJar.build(dir, "stepper", STEPPER, "com.example.StepperProvider");
        Map<String, String> renamed = Map.of("org.other.Stepper", STEPPER.get("com.example.Stepper")
                .replace("package com.example;", "package org.other;"), "org.other.StepperProvider",
                STEPPER.get("com.example.StepperProvider").replace("package com.example;", "package org.other;"));
        Path other = PluginJar.build(dir, "other", renamed, "org.other.StepperProvider");
        assertThatThrownBy(() -> StrategyPlugins.load(new StrategyRegistry(), List.of(jar, other), parent))
                .hasMessageContaining("(stepper) of").hasMessageContaining("is taken already");
        // A services file naming a class the jar lacks.
        Path broken = PluginJar.build(dir, "broken", STEPPER, "com.example.Missing");
        assertThatThrownBy(() -> StrategyPlugins.load(new StrategyRegistry(), List.of(broken), parent))
                .hasMessageContaining("com.example.Missing");
    }
}
