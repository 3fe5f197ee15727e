package org.parley.core.strategy;

import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;
import org.parley.api.Stable;
import org.parley.core.model.AgreementRule;
import org.parley.core.model.Domain;
import org.parley.core.model.Outcome;
import org.parley.core.negotiation.Deadline;
import org.parley.core.preference.Preferences;

/**
 * All a strategy is told before the first move: who it plays, its own preferences (and their bid
 * space), the public facts of the table (the domain, the parties' names, the agreement rule, the
 * protocol's key, the deadline), the time it may take for one move (null for no limit) and a random
 * generator derived from the run's seed. Nothing here leads to another party's preferences: there
 * is no scenario, no party record, no session.
 */
@Stable
public record Setup(
        String self, List<String> parties, Domain domain, Preferences preferences, BidSpace bids, AgreementRule rule,
        String protocol, Deadline deadline, Duration moveTimeLimit, RandomGenerator random) {

    /** A setup without a move time limit. */
    public Setup(String self, List<String> parties, Domain domain, Preferences preferences, BidSpace bids,
            AgreementRule rule, String protocol, Deadline deadline, RandomGenerator random) {
        this(self, parties, domain, preferences, bids, rule, protocol, deadline, null, random);
    }

    public Setup {
        parties = List.copyOf(parties);
        if (!parties.contains(self)) {
            throw new IllegalArgumentException("The party (" + self + ") is not among " + parties + ".");
        }
    }

    /** The other parties, in table order. */
    public List<String> opponents() {
        return parties.stream().filter(p -> !p.equals(self)).toList();
    }

    public double utility(Outcome outcome) {
        return preferences.utility(outcome);
    }

    /** At least the reservation value and no hard constraint broken. */
    public boolean acceptable(Outcome outcome) {
        return preferences.acceptable(outcome);
    }

    public double reservation() {
        return preferences.reservation();
    }
}
