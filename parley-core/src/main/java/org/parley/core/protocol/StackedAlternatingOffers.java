package org.parley.core.protocol;

import java.util.ArrayList;
import java.util.List;
import org.parley.core.model.Outcome;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.InvalidMoveException;
import org.parley.core.negotiation.NegotiationSession;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Request;

/**
 * Stacked alternating offers (Aydoğan et al. 2017; Rubinstein's alternating offers for two
 * parties). The parties move in scenario order, one round being one turn each. The party to move
 * accepts the standing offer, replaces it with its own, or walks away; the first mover has no offer
 * to accept. O(1) work per move besides the utility of the move's outcome.
 *
 * <p>Agreement rules: the signers of the standing offer are its proposer and the parties that have
 * accepted it since, in turn. The deal stands as soon as they satisfy the scenario's agreement
 * rule: under unanimity when every other party has accepted; under a quorum with required
 * signatories when the required parties (and enough others) have, so an optional party whose turn
 * has not come cannot block it, though at its turn it may replace the offer with its own. A party
 * that walks away leaves the table; the others go on while the rule can still be met, otherwise
 * the negotiation ends without agreement. If the proposer itself leaves, its offer lapses.
 */
public final class StackedAlternatingOffers implements ProtocolFactory {

    @Override
    public String key() {
        return "sao";
    }

    @Override
    public List<String> aliases() {
        return List.of("saop");
    }

    @Override
    public String title() {
        return "stacked alternating offers";
    }

    @Override
    public String description() {
        return "in turn, each party accepts the standing offer, replaces it with its own, or walks away";
    }

    @Override
    public NegotiationSession open(Scenario scenario, NegotiationSettings settings, TimeSource time) {
        return new Session(scenario, settings, time);
    }

    static final class Session extends AbstractSession {

        private int current;
        private Outcome standing;
        private int proposer = -1;
        private final List<Integer> signers = new ArrayList<>();

        Session(Scenario scenario, NegotiationSettings settings, TimeSource time) {
            super(scenario, settings, time);
            current = 0;
            if (openPhase(0)) {
                openTurn();
            }
        }

        @Override
        protected void handle(int p, Request request, Action action) {
            if (action instanceof Action.Offer offer) {
                checkOutcome(p, offer.outcome(), "offer");
                record(p, action);
                standing = offer.outcome();
                proposer = p;
                signers.clear();
                signers.add(p);
                publishAll();
                advance();
            } else if (action instanceof Action.Accept accept) {
                if (request.kind() != Request.Kind.RESPOND) {
                    throw new InvalidMoveException(names[p] + " cannot accept: there is no standing offer yet;"
                            + " make an offer or walk away.");
                }
                checkSame(p, request, accept.outcome());
                checkOutcome(p, accept.outcome(), "acceptance");
                record(p, action);
                signers.add(p);
                if (rule.stands(signerNames())) {
                    finishAgreement(standing, List.copyOf(signers));
                    return;
                }
                publishAll();
                advance();
            } else {
                throw wrongKind(p, request, action);
            }
        }

        @Override
        protected void afterLeave(int p) {
            publishAll();
            if (p == proposer) {
                standing = null;
                proposer = -1;
                signers.clear();
            } else {
                signers.remove(Integer.valueOf(p));
            }
            if (p == current) {
                advance();
            } else if (open[current] != null) {
                openTurn();
            }
        }

        private List<String> signerNames() {
            List<String> list = new ArrayList<>(signers.size());
            for (int s : signers) {
                list.add(names[s]);
            }
            return list;
        }

        private void advance() {
            open[current] = null;
            int next = current;
            boolean wrapped = false;
            do {
                next++;
                if (next == n) {
                    next = 0;
                    wrapped = true;
                }
            } while (!active[next]);
            current = next;
            // Every turn reads the clock (a person may take a while over a move).
            if (!openPhase(wrapped ? round + 1 : round)) {
                return;
            }
            openTurn();
        }

        private void openTurn() {
            if (standing == null || current == proposer) {
                // A party whose own offer comes back to it unaccepted makes a new one.
                standing = current == proposer ? null : standing;
                open[current] = request(current, Request.Kind.PROPOSE, null, null, null);
            } else {
                open[current] = request(current, Request.Kind.RESPOND, standing, null, names[proposer]);
            }
        }
    }
}
