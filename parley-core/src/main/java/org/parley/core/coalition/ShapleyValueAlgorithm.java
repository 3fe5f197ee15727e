package org.parley.core.coalition;

/** Computes (or estimates) the Shapley value of games of type {@code G}. */
public interface ShapleyValueAlgorithm<G extends CoalitionalGame> {

    ShapleyValue shapleyValue(G game);
}
