package org.parley.core.tournament;

import java.util.List;

/**
 * One negotiation of a tournament: its place in the tournament's fixed order ({@code index}), the
 * scenario, which strategy (an index into the tournament's list) plays each role in the scenario's
 * party order, the repetition, and the seed derived from the tournament's seed and the index.
 */
public record Match(int index, int scenario, List<Integer> assignment, int repetition, long seed) {

    public Match {
        assignment = List.copyOf(assignment);
    }
}
