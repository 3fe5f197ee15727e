package org.parley.core.analysis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.Domain;
import org.parley.core.model.IntegerIssue;
import org.parley.core.model.Issue;
import org.parley.core.model.Outcome;
import org.parley.core.model.OutcomeSpace;
import org.parley.core.model.RealIssue;

/**
 * The outcomes a chart draws of an outcome space: all of them when there are few, otherwise a
 * uniform random sample, stratified so that both regions show. A chart of a large space that draws
 * outcomes at evenly spaced ranks is not representative: in mixed-radix order the leading issues
 * hardly vary, so 6,000 ranks of a 10^12 space gave 780 distinct points, all of one region. Here
 * every issue is drawn independently and uniformly (uniform over the discretised space; real
 * issues at uniform random points of their range), with a fixed seed so the same scenario gives
 * the same chart.
 *
 * <p>Stratified: when the uniform draws hold fewer than {@link #minimumPerRegion} outcomes of one
 * region (acceptable or not) although that region exists, further outcomes of that region are
 * drawn by rejection, up to a budget of draws, and reported as extra so that a reader can tell the
 * sample's shares from the space's. The exact frontier and solution points are not sampled: the
 * chart draws them from the exact analysis.
 *
 * @param outcomes the outcomes drawn: uniform draws first, then the extra ones of each region
 * @param acceptable for each outcome, whether it is in the acceptable region
 * @param spaceSize the number of outcomes of the discretised space
 * @param complete true when {@code outcomes} is the whole space
 * @param uniform how many of {@code outcomes} are uniform draws (all of them when complete)
 * @param extraAcceptable acceptable outcomes drawn beyond the uniform ones
 * @param extraUnacceptable unacceptable outcomes drawn beyond the uniform ones
 */
public record OutcomeSample(
        List<Outcome> outcomes,
        List<Boolean> acceptable,
        BigInteger spaceSize,
        boolean complete,
        int uniform,
        int extraAcceptable,
        int extraUnacceptable) {

    /** The seed of every chart sample: a chart is the same each time it is drawn. */
    public static final long SEED = 20_260_101L;

    public OutcomeSample {
        outcomes = List.copyOf(outcomes);
        acceptable = List.copyOf(acceptable);
        if (outcomes.size() != acceptable.size()) {
            throw new IllegalArgumentException("one acceptability flag per outcome");
        }
    }

    /** A tenth of the sample: the fewest outcomes of a non-empty region that a chart shows. */
    public static int minimumPerRegion(int size) {
        return Math.max(1, size / 10);
    }

    /**
     * Draws up to {@code size} outcomes of {@code domain}'s space (real issues in
     * {@code realSteps} steps when the space is enumerated), classifying each with
     * {@code acceptable}.
     */
    public static OutcomeSample of(Domain domain, int realSteps, int size, Predicate<Outcome> acceptable) {
        if (size < 1) {
            throw new IllegalArgumentException("a sample needs at least one outcome, not " + size);
        }
        OutcomeSpace space = new OutcomeSpace(domain, realSteps);
        BigInteger count = space.count();
        boolean continuous = domain.issues().stream().anyMatch(i -> i instanceof RealIssue r && r.min() != r.max());
        List<Outcome> outcomes = new ArrayList<>();
        List<Boolean> flags = new ArrayList<>();
        if (!continuous && count.compareTo(BigInteger.valueOf(size)) <= 0) {
            for (long rank = 0; rank < count.longValueExact(); rank++) {
                Outcome o = space.outcome(rank);
                outcomes.add(o);
                flags.add(acceptable.test(o));
            }
            return new OutcomeSample(outcomes, flags, count, true, outcomes.size(), 0, 0);
        }
        SplittableRandom random = new SplittableRandom(SEED);
        int inRegion = 0;
        for (int k = 0; k < size; k++) {
            Outcome o = draw(domain, random);
            boolean a = acceptable.test(o);
            outcomes.add(o);
            flags.add(a);
            inRegion += a ? 1 : 0;
        }
        int minimum = minimumPerRegion(size);
        // Rejection draws for a thin region: a budget of 1,000 draws per wanted outcome bounds the
        // time (a region of well under 0.1 % of the space may stay under its minimum; it is then
        // drawn as found, and the counts say so).
        int extraAcceptable = topUp(domain, random, acceptable, true, minimum - inRegion, outcomes, flags);
        int extraUnacceptable = topUp(domain, random, acceptable, false, minimum - (size - inRegion), outcomes, flags);
        return new OutcomeSample(outcomes, flags, count, false, size, extraAcceptable, extraUnacceptable);
    }

    private static int topUp(Domain domain, SplittableRandom random, Predicate<Outcome> acceptable, boolean wanted,
            int missing, List<Outcome> outcomes, List<Boolean> flags) {
        int added = 0;
        for (long budget = 1000L * Math.max(0, missing); added < missing && budget > 0; budget--) {
            Outcome o = draw(domain, random);
            if (acceptable.test(o) == wanted) {
                outcomes.add(o);
                flags.add(wanted);
                added++;
            }
        }
        return added;
    }

    private static Outcome draw(Domain domain, SplittableRandom random) {
        List<Issue> issues = domain.issues();
        double[] values = new double[issues.size()];
        for (int i = 0; i < values.length; i++) {
            Issue issue = issues.get(i);
            if (issue instanceof DiscreteIssue d) {
                values[i] = random.nextInt(d.options().size());
            } else if (issue instanceof IntegerIssue n) {
                values[i] = n.min() + random.nextLong(n.size());
            } else {
                RealIssue r = (RealIssue) issue;
                values[i] = r.min() == r.max() ? r.min() : r.min() + random.nextDouble() * (r.max() - r.min());
            }
        }
        return new Outcome(values);
    }

    /** How many outcomes of the acceptable region the sample holds. */
    public int acceptableCount() {
        int n = 0;
        for (boolean a : acceptable) {
            n += a ? 1 : 0;
        }
        return n;
    }

    /**
     * One line for a chart's reader: what was drawn of how many, and what was added to a region.
     * For example "4,000 of 1.0e12 outcomes drawn uniformly at random, plus 400 acceptable ones".
     */
    public String describe() {
        if (complete) {
            return "all " + String.format("%,d", outcomes.size()) + " outcomes";
        }
        String of = spaceSize.bitLength() < 40 ? String.format("%,d", spaceSize) : scientific(spaceSize);
        StringBuilder s = new StringBuilder(String.format("%,d", uniform)).append(" of ").append(of)
                .append(" outcomes drawn uniformly at random");
        if (extraAcceptable > 0) {
            s.append(String.format(", plus %,d acceptable ones", extraAcceptable));
        }
        if (extraUnacceptable > 0) {
            s.append(String.format(", plus %,d unacceptable ones", extraUnacceptable));
        }
        return s.toString();
    }

    private static String scientific(BigInteger n) {
        String digits = n.toString();
        return digits.charAt(0) + "." + digits.charAt(1) + "e" + (digits.length() - 1);
    }
}
