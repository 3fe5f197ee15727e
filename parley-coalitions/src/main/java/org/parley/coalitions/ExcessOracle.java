package org.parley.coalitions;

import java.util.List;
import java.util.function.LongPredicate;
import org.parley.core.coalition.CoalitionalGame;
import org.parley.core.coalition.MonotonicCoverGame;
import org.parley.core.coalition.TableGame;

/**
 * The separation problem of the core's linear programmes: given a payoff x, which coalitions S have
 * the largest excess e(S) = v(S) − x(S)? Row generation asks it instead of writing a constraint for
 * each of the 2^n coalitions. Coalitions are bitmasks; the empty and the grand coalition are never
 * returned, nor any coalition the {@link Admission} rejects (those whose excess an earlier stage of
 * the nucleolus has fixed).
 */
public interface ExcessOracle {

    CoalitionalGame game();

    /** How the oracle finds coalitions, for reports: "a search of the 12 basis coalitions". */
    String description();

    /** The largest |v(S)|, for tolerances. */
    double scale();

    /**
     * Which coalitions a programme constrains. {@code settled}: players whose own vector lies in the
     * span of the rejected coalitions, so that adding or removing one never changes whether a
     * coalition is admitted (an oracle may then try each such player on its better side only).
     */
    record Admission(LongPredicate admit, long settled) {

        /** Every coalition but the empty and the grand one. */
        public static Admission all() {
            return new Admission(s -> true, 0);
        }
    }

    /**
     * At most {@code k} admitted coalitions whose excess under {@code x} exceeds {@code floor}, the
     * largest first; in floating point, for choosing constraints.
     */
    List<Long> largest(double[] x, double floor, Admission admission, int k);

    /**
     * Exactly: at most {@code k} admitted coalitions S with v(S) − x(S) > ε, the most violated
     * first (as far as floating point tells), and none only when there is no such coalition. That
     * completeness is what makes row generation exact.
     */
    List<Long> violated(Rational[] x, Rational epsilon, Admission admission, int k);

    /**
     * The best oracle for {@code game}: a search over the basis of a {@link MonotonicCoverGame} (any
     * n ≤ 62), else enumeration (n ≤ {@link TableGame#MAX_PLAYERS}).
     *
     * @throws IllegalArgumentException when the game is too large to enumerate and has no structure
     *     the oracle can search
     */
    static ExcessOracle of(CoalitionalGame game) {
        if (game instanceof MonotonicCoverGame cover) {
            return new MonotonicCoverExcessOracle(cover);
        }
        return new EnumeratingExcessOracle(game);
    }
}
