package org.parley.core.strategy;

import java.util.HashMap;
import java.util.Map;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.Domain;
import org.parley.core.model.IntegerIssue;
import org.parley.core.model.Issue;
import org.parley.core.model.Outcome;
import org.parley.core.model.RealIssue;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Move;

/**
 * The frequency model of HardHeaded (van Krimpen, Looije and Hajizadeh 2013), one per opponent.
 * Issue weights start equal; when an opponent's new offer keeps an issue's value from its previous
 * offer, that issue gains weight (the opponent cares about it), and weights are renormalised. Each
 * value counts how often the opponent offered it; its estimated value is count / highest count of
 * the issue. Numeric issues are counted in {@value #BINS} equal bins. O(issues) per offer and per
 * estimate.
 */
public final class FrequencyOpponentModel implements OpponentModel {

    static final int BINS = 10;
    private static final double LEARNING_RATE = 0.2;

    private Setup setup;
    private Domain domain;
    private final Map<String, Profile> profiles = new HashMap<>();

    private final class Profile {
        final double[] weights;
        final double[][] counts;
        final double[] maxCount;
        Outcome previous;

        Profile() {
            int issues = domain.size();
            weights = new double[issues];
            java.util.Arrays.fill(weights, 1.0 / issues);
            counts = new double[issues][];
            maxCount = new double[issues];
            for (int i = 0; i < issues; i++) {
                counts[i] = new double[bins(domain.issue(i))];
                java.util.Arrays.fill(counts[i], 1);
                maxCount[i] = 1;
            }
        }

        void learn(Outcome offer) {
            if (previous != null) {
                double gained = 0;
                for (int i = 0; i < weights.length; i++) {
                    if (offer.value(i) == previous.value(i)) {
                        weights[i] += LEARNING_RATE / weights.length;
                        gained += LEARNING_RATE / weights.length;
                    }
                }
                if (gained > 0) {
                    for (int i = 0; i < weights.length; i++) {
                        weights[i] /= 1 + gained;
                    }
                }
            }
            for (int i = 0; i < weights.length; i++) {
                int bin = bin(domain.issue(i), offer.value(i));
                counts[i][bin] += 1;
                maxCount[i] = Math.max(maxCount[i], counts[i][bin]);
            }
            previous = offer;
        }

        double utility(Outcome outcome) {
            double u = 0;
            for (int i = 0; i < weights.length; i++) {
                u += weights[i] * counts[i][bin(domain.issue(i), outcome.value(i))] / maxCount[i];
            }
            return u;
        }
    }

    @Override
    public void start(Setup setup) {
        this.setup = setup;
        this.domain = setup.domain();
        for (String opponent : setup.opponents()) {
            profiles.put(opponent, new Profile());
        }
    }

    @Override
    public void update(Move move) {
        if (move.action() instanceof Action.Offer offer) {
            Profile profile = profiles.get(move.party());
            if (profile != null) {
                profile.learn(offer.outcome());
            }
        }
    }

    @Override
    public double utility(String party, Outcome outcome) {
        Profile profile = profiles.get(party);
        if (profile == null) {
            throw new IllegalArgumentException("No model of (" + party + "); the opponents are " + setup.opponents() + ".");
        }
        return profile.utility(outcome);
    }

    /** The estimated issue weights of {@code party}, for tests and display. */
    public double[] weights(String party) {
        return profiles.get(party).weights.clone();
    }

    private static int bins(Issue issue) {
        if (issue instanceof DiscreteIssue discrete) {
            return discrete.options().size();
        } else if (issue instanceof IntegerIssue integer && integer.size() <= 100) {
            return (int) integer.size();
        }
        return BINS;
    }

    private static int bin(Issue issue, double x) {
        if (issue instanceof DiscreteIssue) {
            return (int) x;
        } else if (issue instanceof IntegerIssue integer) {
            if (integer.size() <= 100) {
                return (int) (x - integer.min());
            }
            return (int) Math.min(BINS - 1, (x - integer.min()) * BINS / integer.size());
        }
        RealIssue real = (RealIssue) issue;
        if (real.max() == real.min()) {
            return 0;
        }
        return (int) Math.min(BINS - 1, (x - real.min()) * BINS / (real.max() - real.min()));
    }
}
