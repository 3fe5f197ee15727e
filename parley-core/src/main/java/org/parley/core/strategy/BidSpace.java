package org.parley.core.strategy;

import java.math.BigInteger;
import java.util.random.RandomGenerator;
import org.parley.api.Stable;
import org.parley.core.model.Domain;
import org.parley.core.model.Outcome;
import org.parley.core.model.OutcomeSpace;
import org.parley.core.preference.LinearAdditiveUtility;
import org.parley.core.preference.Preferences;

/**
 * One party's own outcomes ordered by its own utility, restricted to those that keep its hard
 * constraints: what a bidding strategy searches instead of enumerating the outcome space at every
 * move. Built once per party (see {@link #of}) and shared by its strategies; immutable.
 */
@Stable
public interface BidSpace {

    /** Spaces up to this many outcomes are enumerated and sorted; larger ones are searched issue-wise. */
    long SORTED_LIMIT = 200_000;

    /** Whether no outcome keeps the party's constraints. */
    boolean isEmpty();

    /** The party's own undiscounted utility. */
    double utility(Outcome outcome);

    /** The best feasible outcome. */
    Outcome best();

    /** The best feasible utility. */
    double max();

    /** The worst feasible utility. */
    double min();

    /**
     * A feasible outcome of utility at least {@code target}, as close to it as the space can tell
     * ({@link SortedArrayBidSpace} exactly, {@link IssueWiseBidSpace} within its resolution); the
     * best outcome when none reaches the target.
     */
    Outcome atLeast(double target);

    /** A feasible outcome of utility strictly below {@code utility}, as high as possible, or null. */
    Outcome below(double utility);

    /**
     * The outcome after {@code current} in a fixed order of decreasing utility, or null at the end.
     * Ties are stepped through one by one where the space lists outcomes, skipped where it does not.
     */
    default Outcome next(Outcome current) {
        return below(utility(current));
    }

    /** A feasible outcome drawn at random with utility in [lo, hi], or null when none is found. */
    Outcome random(double lo, double hi, RandomGenerator random);

    /** The fitting implementation: sorted when the space is small enough to list, else issue-wise. */
    static BidSpace of(Domain domain, Preferences preferences) {
        OutcomeSpace space = new OutcomeSpace(domain);
        BigInteger count = space.count();
        if (count.compareTo(BigInteger.valueOf(SORTED_LIMIT)) <= 0) {
            return new SortedArrayBidSpace(space, preferences);
        }
        if (!(preferences.utility() instanceof LinearAdditiveUtility)) {
            throw new IllegalArgumentException("The outcome space has " + count + " outcomes, too many to list, and"
                    + " only linear additive utilities can be searched issue by issue.");
        }
        return new IssueWiseBidSpace(space, preferences);
    }
}
