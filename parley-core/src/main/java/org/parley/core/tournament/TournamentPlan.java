package org.parley.core.tournament;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.api.Stable;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.StrategySpec;
import org.parley.core.protocol.Protocols;

/**
 * A tournament: every assignment of the strategies to the roles of every scenario (see {@link
 * Assignments}), each repeated {@code repetitions} times. Its negotiations are numbered in a fixed
 * order (scenario, then assignment in lexicographic order, then repetition) and negotiation i runs
 * with the seed {@link Seeds#derive}(seed, i): the results depend on nothing else, in particular not
 * on how many threads run them or in which order.
 */
@Stable
public record TournamentPlan(
        List<Scenario> scenarios, List<StrategySpec> strategies, int repetitions, boolean selfPlay,
        String protocol, Deadline deadline, Duration moveTimeLimit, long seed) {

    /** More negotiations than this is surely a mistake (and would not fit an int index). */
    public static final long LIMIT = 100_000_000;

    public TournamentPlan {
        scenarios = List.copyOf(scenarios);
        strategies = List.copyOf(strategies);
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("A tournament needs at least one scenario.");
        }
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("A tournament needs at least one strategy.");
        }
        if (repetitions < 1) {
            throw new IllegalArgumentException("The repetitions (" + repetitions + ") must be at least 1.");
        }
        if (protocol == null || deadline == null) {
            throw new IllegalArgumentException("A tournament needs a protocol and a deadline.");
        }
        protocol = Protocols.get(protocol).key();
        for (Scenario scenario : scenarios) {
            int roles = scenario.parties().size();
            if (!selfPlay && roles > strategies.size()) {
                String only = strategies.size() == 1 ? "is only 1 strategy" : "are only " + strategies.size() + " strategies";
                throw new IllegalArgumentException("The scenario (" + scenario.name() + ") has " + roles
                        + " parties but there " + only + ": name at least " + roles
                        + ", or allow self-play so that a strategy may play several roles.");
            }
        }
        long total = 0;
        for (Scenario scenario : scenarios) {
            total += Assignments.count(scenario.parties().size(), strategies.size(), selfPlay) * repetitions;
            if (total > LIMIT) {
                throw new IllegalArgumentException("The tournament would run more than " + LIMIT
                        + " negotiations; use fewer strategies, scenarios or repetitions.");
            }
        }
    }

    /** The number of negotiations. */
    public int size() {
        long total = 0;
        for (Scenario scenario : scenarios) {
            total += Assignments.count(scenario.parties().size(), strategies.size(), selfPlay) * repetitions;
        }
        return (int) total;
    }

    /** Every negotiation, in index order. */
    public List<Match> matches() {
        List<Match> matches = new ArrayList<>(size());
        int index = 0;
        for (int s = 0; s < scenarios.size(); s++) {
            for (List<Integer> assignment : Assignments.all(scenarios.get(s).parties().size(), strategies.size(), selfPlay)) {
                for (int r = 0; r < repetitions; r++) {
                    matches.add(new Match(index, s, assignment, r, Seeds.derive(seed, index)));
                    index++;
                }
            }
        }
        return matches;
    }

    /** The settings negotiation {@code match} runs with. */
    public NegotiationSettings settings(Match match) {
        Scenario scenario = scenarios.get(match.scenario());
        Map<String, StrategySpec> chosen = new LinkedHashMap<>();
        for (int role = 0; role < scenario.parties().size(); role++) {
            chosen.put(scenario.parties().get(role).name(), strategies.get(match.assignment().get(role)));
        }
        return new NegotiationSettings(protocol, deadline, chosen, match.seed(), moveTimeLimit);
    }
}
