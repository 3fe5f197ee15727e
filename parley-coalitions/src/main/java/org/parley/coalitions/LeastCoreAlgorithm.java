package org.parley.coalitions;

import org.parley.core.coalition.CoalitionalGame;

/** Computes the least core (and so whether the core is empty, and a core allocation if not). */
public interface LeastCoreAlgorithm {

    LeastCore leastCore(CoalitionalGame game);
}
