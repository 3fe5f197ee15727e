package org.parley.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.parley.core.TestScenarios;
import org.parley.core.model.Outcome;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Action.Accept;
import org.parley.core.negotiation.Action.Offer;
import org.parley.core.negotiation.Action.Reject;
import org.parley.core.negotiation.InvalidMoveException;
import org.parley.core.negotiation.NegotiationSession;
import org.parley.core.negotiation.Request;
import org.parley.core.negotiation.Result;

class AlternatingMultipleOffersTest {

    private static final Outcome A = Outcome.of(0, 2, 1, 1, 2, 1, 1);
    private static final Outcome B = Outcome.of(0, 1, 1, 2, 2, 2, 1);
    private static final Outcome C = Outcome.of(2, 2, 0, 0, 0, 0, 0);

    private static NegotiationSession tavrik(int rounds) {
        return SessionFixtures.open(TestScenarios.tavrikAccord(), "amop", rounds);
    }

    @Test
    void everyPartyProposesThenVotesOnTheOthers() {
        NegotiationSession session = tavrik(5);
        assertThat(session.pending()).extracting(Request::kind).containsOnly(Request.Kind.PROPOSE).hasSize(3);
        session.submit("vethari", new Offer(C));
        session.submit("federation", new Offer(A));
        // Proposals stay sealed until every party has proposed.
        assertThat(session.published()).isZero();
        session.submit("kaldari", new Offer(B));
        assertThat(session.published()).isEqualTo(3);
        Request first = session.pending("federation");
        assertThat(first.kind()).isEqualTo(Request.Kind.VOTE);
        assertThat(first.proposer()).isEqualTo("kaldari");
        assertThat(session.pending("kaldari").proposer()).isEqualTo("federation");
        assertThat(session.pending("vethari").proposer()).isEqualTo("federation");
    }

    @Test
    void aProposalStandsWhenTheRuleSignersSayYesEvenIfTheOptionalPartySaysNo() {
        NegotiationSession session = tavrik(5);
        session.submit("federation", new Offer(A));
        session.submit("kaldari", new Offer(B));
        session.submit("vethari", new Offer(C));
        session.submit("federation", new Reject(B));
        assertThatThrownBy(() -> session.submit("federation", new Accept(C)))
                .isInstanceOf(InvalidMoveException.class).hasMessageContaining("authority = federation");
        session.submit("federation", new Reject(C));
        session.submit("kaldari", new Accept(A));
        session.submit("kaldari", new Reject(C));
        session.submit("vethari", new Reject(A));
        assertThat(session.published()).isEqualTo(3); // votes sealed until all are in
        session.submit("vethari", new Reject(B));
        assertThat(session.published()).isEqualTo(9);
        Result result = session.result();
        assertThat(result.agreement()).isTrue();
        assertThat(result.outcome()).isEqualTo(A);
        assertThat(result.signers()).containsExactly("federation", "kaldari");
    }

    @Test
    void theProposalWithMostSignersWins() {
        NegotiationSession session = tavrik(5);
        session.submit("federation", new Offer(A));
        session.submit("kaldari", new Offer(B));
        session.submit("vethari", new Offer(B));
        session.submit("federation", new Accept(B));
        session.submit("federation", new Accept(B));
        session.submit("kaldari", new Accept(A));
        session.submit("kaldari", new Accept(B));
        session.submit("vethari", new Reject(A));
        session.submit("vethari", new Accept(B));
        Result result = session.result();
        assertThat(result.outcome()).isEqualTo(B);
        assertThat(result.signers()).containsExactly("federation", "kaldari", "vethari");
    }

    @Test
    void noPassingProposalStartsTheNextRound() {
        NegotiationSession session = SessionFixtures.open(TestScenarios.cardassianTalks(), "amop", 2);
        Outcome x = Outcome.of(0, 0, 0, 0);
        Outcome y = Outcome.of(2, 2, 2, 2);
        session.submit("federation", new Offer(y));
        session.submit("union", new Offer(x));
        session.submit("federation", new Reject(x));
        session.submit("union", new Reject(y));
        assertThat(session.pending()).extracting(Request::kind).containsOnly(Request.Kind.PROPOSE);
        assertThat(session.pending("union").round()).isEqualTo(1);
        assertThat(session.pending("union").time()).isEqualTo(0.5);
        session.submit("federation", new Offer(y));
        session.submit("union", new Offer(x));
        session.submit("federation", new Reject(x));
        session.submit("union", new Reject(y));
        assertThat(session.result().ending()).isEqualTo(Result.Ending.DEADLINE);
    }

    @Test
    void walkingAwayDuringTheVoteVoidsTheLeaversProposal() {
        NegotiationSession session = tavrik(5);
        session.submit("federation", new Offer(A));
        session.submit("kaldari", new Offer(B));
        session.submit("vethari", new Offer(A));
        session.submit("federation", new Reject(B));
        // federation waits on the vethari proposal; the vethari leave.
        session.submit("vethari", new Action.WalkAway());
        assertThat(session.pending("federation")).isNull();
        session.submit("kaldari", new Accept(A));
        assertThat(session.result().outcome()).isEqualTo(A);
        assertThat(session.result().signers()).containsExactly("federation", "kaldari");
    }

    @Test
    void votesMustNameTheProposalPutToTheVoter() {
        NegotiationSession session = tavrik(5);
        session.submit("federation", new Offer(A));
        session.submit("kaldari", new Offer(B));
        session.submit("vethari", new Offer(C));
        assertThatThrownBy(() -> session.submit("federation", new Accept(A)))
                .isInstanceOf(InvalidMoveException.class).hasMessageContaining("was asked about");
        assertThatThrownBy(() -> session.submit("federation", new Offer(A)))
                .isInstanceOf(InvalidMoveException.class).hasMessageContaining("accept, reject or walk away");
    }
}
