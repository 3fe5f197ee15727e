package org.parley.core.protocol;

import java.util.ArrayList;
import java.util.List;
import org.parley.core.model.Outcome;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.NegotiationSession;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Request;

/**
 * Alternating multiple offers (Aydoğan et al. 2017). Each round has two phases. In the proposal
 * phase every party at the table makes an offer, unseen by the others until all have. In the
 * voting phase every party votes yes or no on every other party's proposal, proposals taken in
 * party order; a proposer counts as signing its own. Votes are revealed when all are in. O(n²)
 * votes per round.
 *
 * <p>A proposal is agreed when its signers satisfy the agreement rule; an optional party's no
 * does not block it. When several pass, the one with the most signers stands, ties going to the
 * earliest proposer in party order. A party that walks away leaves the table (its proposal of the
 * round lapses); the others go on while the rule can still be met.
 */
public final class AlternatingMultipleOffers implements ProtocolFactory {

    @Override
    public String key() {
        return "amop";
    }

    @Override
    public String title() {
        return "alternating multiple offers";
    }

    @Override
    public String description() {
        return "every party proposes each round, then all vote on every proposal";
    }

    @Override
    public NegotiationSession open(Scenario scenario, NegotiationSettings settings, TimeSource time) {
        return new Session(scenario, settings, time);
    }

    static final class Session extends AbstractSession {

        private final Outcome[] proposals;
        /** votes[voter][proposer]: 1 yes, -1 no, 0 not yet. */
        private final int[][] votes;
        private boolean voting;

        Session(Scenario scenario, NegotiationSettings settings, TimeSource time) {
            super(scenario, settings, time);
            proposals = new Outcome[n];
            votes = new int[n][n];
            if (openPhase(0)) {
                openProposals();
            }
        }

        @Override
        protected void handle(int p, Request request, Action action) {
            if (!voting) {
                if (!(action instanceof Action.Offer offer)) {
                    throw wrongKind(p, request, action);
                }
                checkOutcome(p, offer.outcome(), "proposal");
                record(p, action);
                proposals[p] = offer.outcome();
                open[p] = null;
                if (allAnswered()) {
                    publishAll();
                    openVotes();
                }
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
            int proposer = scenario.indexOf(request.proposer());
            votes[p][proposer] = vote.yes() ? 1 : -1;
            open[p] = nextVote(p);
            if (allAnswered()) {
                publishAll();
                countVotes();
            }
        }

        @Override
        protected void afterLeave(int p) {
            proposals[p] = null;
            if (!voting) {
                if (allAnswered()) {
                    publishAll();
                    openVotes();
                }
                return;
            }
            // Voters waiting on the leaver's proposal move on to the next one.
            for (int v = 0; v < n; v++) {
                if (open[v] != null && names[p].equals(open[v].proposer())) {
                    open[v] = nextVote(v);
                }
            }
            if (allAnswered()) {
                publishAll();
                countVotes();
            }
        }

        private boolean allAnswered() {
            for (Request request : open) {
                if (request != null) {
                    return false;
                }
            }
            return true;
        }

        private void openProposals() {
            voting = false;
            for (int p = 0; p < n; p++) {
                proposals[p] = null;
                open[p] = active[p] ? request(p, Request.Kind.PROPOSE, null, null, null) : null;
            }
        }

        private void openVotes() {
            voting = true;
            for (int v = 0; v < n; v++) {
                java.util.Arrays.fill(votes[v], 0);
            }
            for (int v = 0; v < n; v++) {
                open[v] = active[v] ? nextVote(v) : null;
            }
            if (allAnswered()) {
                countVotes();
            }
        }

        /** The next proposal {@code v} has not voted on, as a request, or null. */
        private Request nextVote(int v) {
            for (int q = 0; q < n; q++) {
                if (q != v && proposals[q] != null && active[q] && votes[v][q] == 0) {
                    return request(v, Request.Kind.VOTE, proposals[q], null, names[q]);
                }
            }
            return null;
        }

        private void countVotes() {
            int best = -1;
            List<Integer> bestSigners = null;
            for (int q = 0; q < n; q++) {
                if (proposals[q] == null || !active[q]) {
                    continue;
                }
                List<Integer> signers = new ArrayList<>();
                List<String> signerNames = new ArrayList<>();
                for (int v = 0; v < n; v++) {
                    if (active[v] && (v == q || votes[v][q] == 1)) {
                        signers.add(v);
                        signerNames.add(names[v]);
                    }
                }
                if (rule.stands(signerNames) && (bestSigners == null || signers.size() > bestSigners.size())) {
                    best = q;
                    bestSigners = signers;
                }
            }
            if (best >= 0) {
                finishAgreement(proposals[best], bestSigners);
            } else if (openPhase(round + 1)) {
                openProposals();
            }
        }
    }
}
