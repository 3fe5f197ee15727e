package org.parley.core.coalition;

/** Computes the Banzhaf index of games of type {@code G}. */
public interface BanzhafIndexAlgorithm<G extends CoalitionalGame> {

    BanzhafIndex banzhafIndex(G game);
}
