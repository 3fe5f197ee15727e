package org.parley.core.preference;

import org.parley.core.model.Outcome;

/** A party's undiscounted utility of an outcome, in [0, 1]. */
@FunctionalInterface
public interface UtilityFunction {

    double utility(Outcome outcome);
}
