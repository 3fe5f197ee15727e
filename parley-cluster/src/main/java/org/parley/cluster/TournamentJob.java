package org.parley.cluster;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.StrategySpec;
import org.parley.core.tournament.TournamentPlan;
import org.parley.io.ScenarioReader;
import org.parley.io.ScenarioWriter;

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
        String protocol, int rounds, Duration time, Duration moveLimit, long seed, boolean records) implements Serializable {

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
}
