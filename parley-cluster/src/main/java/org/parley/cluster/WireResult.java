package org.parley.cluster;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.core.model.Outcome;
import org.parley.core.negotiation.Result;
import org.parley.core.tournament.Match;
import org.parley.core.tournament.MatchResult;

/**
 * A {@link MatchResult} as it travels back from a member: the same figures in serialisable
 * values (doubles as Java serialisation writes them, bit for bit, so that the coordinator writes
 * the same bytes as a local run), the final offer as its coordinates, and, when the tournament
 * keeps records, the negotiation's log as its JSON.
 */
record WireResult(int index, String scenario, List<String> parties, List<String> strategies, boolean agreement,
        Result.Ending ending, int rounds, double time, long millis, List<Double> utilities, List<Double> discounted,
        List<Double> reservations, double socialWelfare, double distancePareto, LinkedHashMap<String, Double> distances,
        double[] finalOffer, List<String> misbehaviours, String recordJson) implements Serializable {

    private static final long serialVersionUID = 1L;

    static WireResult of(MatchResult r, String recordJson) {
        return new WireResult(r.index(), r.scenario(), r.parties(), r.strategies(), r.agreement(), r.ending(), r.rounds(),
                r.time(), r.millis(), r.utilities(), r.discounted(), r.reservations(), r.socialWelfare(),
                r.distancePareto(), new LinkedHashMap<>(r.distances()),
                r.finalOffer() == null ? null : r.finalOffer().values(), r.misbehaviours(), recordJson);
    }

    MatchResult toResult(Match match) {
        if (match.index() != index) {
            throw new IllegalStateException("A result for negotiation #" + index + " came back as #" + match.index() + ".");
        }
        Map<String, Double> concepts = distances;
        return new MatchResult(match, scenario, parties, strategies, agreement, ending, rounds, time, millis, utilities,
                discounted, reservations, socialWelfare, distancePareto, concepts,
                finalOffer == null ? null : new Outcome(finalOffer), misbehaviours);
    }
}
