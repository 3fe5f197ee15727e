package org.parley.core.preference;

import org.parley.api.Stable;
import org.parley.core.model.Outcome;

/** A party's undiscounted utility of an outcome, in [0, 1]. */
@FunctionalInterface
@Stable
public interface UtilityFunction {

    double utility(Outcome outcome);
}
