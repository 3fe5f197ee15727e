package org.parley.core.coalition;

/**
 * Coalition structure generation: the partition of all players into coalitions with the largest
 * total value Σ v(C). Exact methods return the optimum unless the {@link SearchControl} stops them
 * early; then they return the best structure found so far with a proven upper bound.
 */
public interface CoalitionStructureAlgorithm {

    CoalitionStructure solve(CoalitionalGame game, SearchControl control);

    default CoalitionStructure solve(CoalitionalGame game) {
        return solve(game, SearchControl.UNLIMITED);
    }
}
