package org.parley.coalitions;

import org.parley.core.coalition.CoalitionalGame;

/** Computes the nucleolus. */
public interface NucleolusAlgorithm {

    Nucleolus nucleolus(CoalitionalGame game);
}
