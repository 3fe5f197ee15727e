package org.parley.core.strategy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * protocol's key, the deadline), the time it may take for one move (null for no limit), a random
 * generator derived from the run's seed, and its own trust in the other parties from earlier
 * dealings ({@code trust}: opponent → [0, 1], ½ a stranger's; empty outside a world). Nothing here
 * leads to another party's preferences: there is no scenario, no party record, no session; and the
 * trust is this party's belief, not anything the others told.
 */
@Stable
public record Setup(
        String self, List<String> parties, Domain domain, Preferences preferences, BidSpace bids, AgreementRule rule,
        String protocol, Deadline deadline, Duration moveTimeLimit, RandomGenerator random, Map<String, Double> trust) {

    /** Trust below this is distrust: a stranger's trust, the beta model's prior mean. */
    public static final double STRANGER = 0.5;

    /** A setup without trust (a negotiation outside a world). */
    public Setup(String self, List<String> parties, Domain domain, Preferences preferences, BidSpace bids,
            AgreementRule rule, String protocol, Deadline deadline, Duration moveTimeLimit, RandomGenerator random) {
        this(self, parties, domain, preferences, bids, rule, protocol, deadline, moveTimeLimit, random, Map.of());
    }

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
        trust = trust == null ? Map.of() : Map.copyOf(trust);
        for (String other : trust.keySet()) {
            if (other.equals(self) || !parties.contains(other)) {
                throw new IllegalArgumentException("Trust is given in " + other + ", not an opponent of " + self
                        + " among " + parties + ".");
            }
        }
    }

    /** Its trust in {@code opponent}: ½, a stranger's, when it has none. */
    public double trust(String opponent) {
        return trust.getOrDefault(opponent, STRANGER);
    }

    /**
     * How far it distrusts {@code opponent}: 0 at a stranger's trust (½) or more, rising to 1 at
     * trust 0.
     */
    public double distrust(String opponent) {
        return Math.max(0, 1 - trust(opponent) / STRANGER);
    }

    /** Its distrust of the least-trusted opponent at the table. */
    public double distrust() {
        double d = 0;
        for (String other : trust.keySet()) {
            d = Math.max(d, distrust(other));
        }
        return d;
    }

    /**
     * The walk-away value a wary strategy negotiates with: its reservation value raised towards its
     * best bid by {@code wary × distrust()}. A strategy that signs nothing below this and concedes
     * no further demands more from a distrusted table; {@code wary} 0 or no distrust leaves the
     * reservation value.
     */
    public double guardedReservation(double wary) {
        double d = distrust();
        if (d == 0 || wary == 0 || bids.isEmpty()) {
            return reservation();
        }
        return reservation() + wary * d * Math.max(0, bids.max() - reservation());
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
