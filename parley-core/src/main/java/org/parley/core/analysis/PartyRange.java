package org.parley.core.analysis;

import java.util.OptionalDouble;

/**
 * A party's best and worst utility over the acceptable outcomes. Either is empty when no outcome
 * is acceptable; {@code worst} also when the exact minimum is beyond the analysis's limits.
 */
public record PartyRange(String party, double reservation, OptionalDouble best, OptionalDouble worst) {}
