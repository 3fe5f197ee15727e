package org.parley.cli.extensions;

import java.util.ArrayList;
import java.util.List;
import org.parley.core.model.Outcome;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.NegotiationSession;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Request;
import org.parley.core.protocol.AbstractSession;
import org.parley.core.protocol.ProtocolFactory;
import org.parley.core.protocol.TimeSource;

/**
 * A protocol that lives outside Parley's main tree, registered only in this module's test-scope
 * META-INF/services: closed-rule bargaining (Baron and Ferejohn 1989) with the proposer in turn
 * rather than drawn at random. Each round one party, in scenario order, makes an offer; every other
 * party still at the table votes on it once; the deal stands when the proposer and the yes-voters
 * satisfy the agreement rule, else the next party proposes. O(n) moves per round.
 */
public final class RotatingUltimatum implements ProtocolFactory {

    @Override
    public String key() {
        return "rotating-ultimatum";
    }

    @Override
    public List<String> aliases() {
        return List.of("closed-rule");
    }

    @Override
    public String title() {
        return "rotating ultimatum";
    }

    @Override
    public String description() {
        return "each round one party in turn makes an offer that the others accept or reject once";
    }

    @Override
    public NegotiationSession open(Scenario scenario, NegotiationSettings settings, TimeSource time) {
        return new Session(scenario, settings, time);
    }

    static final class Session extends AbstractSession {

        private int proposer;
        private Outcome offer;
        private final boolean[] yes;

        Session(Scenario scenario, NegotiationSettings settings, TimeSource time) {
            super(scenario, settings, time);
            yes = new boolean[n];
            if (openPhase(0)) {
                openProposal();
            }
        }

        @Override
        protected void handle(int p, Request request, Action action) {
            if (request.kind() == Request.Kind.PROPOSE) {
                if (!(action instanceof Action.Offer made)) {
                    throw wrongKind(p, request, action);
                }
                checkOutcome(p, made.outcome(), "offer");
                record(p, action);
                offer = made.outcome();
                open[p] = null;
                publishAll();
                java.util.Arrays.fill(yes, false);
                yes[p] = true;
                for (int q = 0; q < n; q++) {
                    if (q != p && active[q]) {
                        open[q] = request(q, Request.Kind.VOTE, offer, null, names[p]);
                    }
                }
                countIfDone();
                return;
            }
            if (!(action instanceof Action.Vote vote)) {
                throw wrongKind(p, request, action);
            }
            checkSame(p, request, vote.outcome());
            if (vote.yes()) {
                checkOutcome(p, vote.outcome(), "acceptance");
            }
            record(p, action);
            yes[p] = vote.yes();
            open[p] = null;
            countIfDone();
        }

        @Override
        protected void afterLeave(int p) {
            if (offer == null) {
                // The proposer left before proposing: the turn passes.
                passTurn();
            } else {
                countIfDone();
            }
        }

        private void openProposal() {
            offer = null;
            while (!active[proposer]) {
                proposer = (proposer + 1) % n;
            }
            open[proposer] = request(proposer, Request.Kind.PROPOSE, null, null, null);
        }

        private void countIfDone() {
            for (Request request : open) {
                if (request != null) {
                    return;
                }
            }
            publishAll();
            List<Integer> signers = new ArrayList<>();
            List<String> signerNames = new ArrayList<>();
            for (int q = 0; q < n; q++) {
                if (active[q] && yes[q]) {
                    signers.add(q);
                    signerNames.add(names[q]);
                }
            }
            if (active[proposer] && rule.stands(signerNames)) {
                finishAgreement(offer, signers);
            } else {
                passTurn();
            }
        }

        private void passTurn() {
            proposer = (proposer + 1) % n;
            if (openPhase(round + 1)) {
                openProposal();
            }
        }
    }
}
