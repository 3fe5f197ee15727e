package org.parley.cluster;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.StrategySpec;
import org.parley.core.strategy.StrategyRegistry;
import org.parley.core.tournament.Match;
import org.parley.core.tournament.TournamentPlan;
import org.parley.core.tournament.TournamentRunner;
import org.parley.io.ScenarioReader;
import org.parley.io.ScenarioWriter;
import org.parley.io.json.NegotiationJson;

/**
 * What travels to the members once per tournament: the scenarios as scenario-file text, the
 * strategies as their specs ({@code boulware}, {@code time-dependent:e=0.5}), never code, and the
 * plan's settings and seed. A member rebuilds the same {@link TournamentPlan} from it, so that
 * negotiation i runs there exactly as it would here (its seed comes from the plan's seed and i).
 * The scenarios go as text in the file format a tournament folder keeps its copies in, the same
 * copies {@code --resume} runs from. {@code records}: whether the members send each
 * negotiation's full log back (for the record database), not only its figures.
 */
record TournamentJob(String id, List<String> scenarios, List<String> strategies, int repetitions, boolean selfPlay,
        String protocol, int rounds, Duration time, Duration moveLimit, long seed, boolean records) implements ClusterJob {

    private static final long serialVersionUID = 1L;

    TournamentJob {
        scenarios = List.copyOf(scenarios);
        strategies = List.copyOf(strategies);
    }

    static TournamentJob of(String id, TournamentPlan plan, boolean records) {
        List<String> texts = new ArrayList<>();
        for (Scenario scenario : plan.scenarios()) {
            texts.add(ScenarioWriter.toYaml(scenario));
        }
        return new TournamentJob(id, texts, plan.strategies().stream().map(StrategySpec::toString).toList(),
                plan.repetitions(), plan.selfPlay(), plan.protocol(), plan.deadline().rounds(), plan.deadline().time(),
                plan.moveTimeLimit(), plan.seed(), records);
    }

    TournamentPlan plan() {
        List<Scenario> loaded = new ArrayList<>();
        for (int s = 0; s < scenarios.size(); s++) {
            loaded.add(ScenarioReader.read(scenarios.get(s), "tournament " + id + " scenario " + (s + 1) + ".yaml"));
        }
        return new TournamentPlan(loaded, strategies.stream().map(StrategySpec::parse).toList(), repetitions, selfPlay,
                protocol, new Deadline(rounds, time), moveLimit, seed);
    }

    /**
     * The tournament's runner on this member. Every strategy must be known here: a plugin's jar
     * must be on every member (only the strategy's name travels).
     */
    @Override
    public Work prepare(StrategyRegistry registry, String member) {
        TournamentPlan plan = plan();
        for (StrategySpec spec : plan.strategies()) {
            try {
                registry.validate(spec);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Member " + member + " cannot play the strategy (" + spec + "): "
                        + e.getMessage() + " Every member needs the same plugin jars (--agents).");
            }
        }
        TournamentRunner runner = new TournamentRunner(plan, registry);
        List<Match> matches = plan.matches();
        return new Work() {
            /** Plays the negotiations with the runner's watchdog for the move time limit. */
            @Override
            public List<Serializable> play(int[] indices) throws InterruptedException {
                List<Match> batch = new ArrayList<>(indices.length);
                for (int index : indices) {
                    batch.add(matches.get(index));
                }
                List<Serializable> results = new ArrayList<>(indices.length);
                runner.runOnThreads(batch, 1, (result, record) -> {
                    String json = null;
                    if (records) {
                        Scenario scenario = plan.scenarios().get(result.match().scenario());
                        json = NegotiationJson.of(scenario.domain()).write(record);
                    }
                    results.add(WireResult.of(result, json));
                });
                return results;
            }

            @Override
            public boolean worldRuns() {
                return false;
            }
        };
    }
}
