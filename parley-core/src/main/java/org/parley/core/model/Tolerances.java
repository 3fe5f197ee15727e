package org.parley.core.model;

/**
 * How far apart two doubles may be and still count as equal, by what is being compared. Utilities
 * lie in [0, 1]; the three tolerances are three different questions, a thousandfold apart, and
 * every comparison of utilities or weights in Parley uses one of them:
 * <ul>
 *   <li>{@link #ROUNDING}: are these one number, computed two ways?
 *   <li>{@link #ACCEPTANCE}: does this utility reach that reservation value or target?
 *   <li>{@link #WRITTEN}: do these numbers, as someone wrote them down, add up?
 * </ul>
 * Comparisons that are not of utilities or weights keep their own margins where they are made: a
 * search's relative pruning margin, a root finder's convergence, a linear programme's feasibility.
 */
public final class Tolerances {

    /**
     * Rounding error: one exact quantity computed along two paths (a weighted sum in another order,
     * a value written to a file and read back, a point tested against the line through two others).
     * Summing k terms of [0, 1] errs by about k · 1.1e-16, far below this for any scenario; it is
     * also the unit of exact analysis ({@code analysis.FixedPoint} counts utilities in 1e-12ths). No
     * one writes a utility this fine, so it never hides a difference anyone meant.
     */
    public static final double ROUNDING = 1e-12;

    /**
     * Acceptance slack: a utility this far below a reservation value or a target still reaches it,
     * and a model bound (weights summing to at most 1, a best outcome within the scale) may be
     * exceeded by this much. A utility and the reservation it is held against come from different
     * sources (points divided by a scale, a decimal written by a user, a GENIUS evaluation normalised
     * by its maximum), each rounded on the way: the slack is a thousand times {@link #ROUNDING} so
     * that no outcome worth exactly the reservation is refused for its last bits, and still a
     * billionth of the utility range, below any difference a negotiator could mean.
     */
    public static final double ACCEPTANCE = 1e-9;

    /**
     * Written numbers: values people and other tools write with a few decimals (three weights of a
     * third as 0.333333; GENIUS's published weights summing to 1.000051804171754). A sum of written
     * weights within this of 1 is taken as 1 silently; further off it is an error in Parley's format
     * and is normalised with a warning when importing GENIUS or GeniusWeb files.
     */
    public static final double WRITTEN = 1e-6;

    private Tolerances() {}
}
