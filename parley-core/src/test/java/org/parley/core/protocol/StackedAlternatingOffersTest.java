package org.parley.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.parley.core.TestScenarios;
import org.parley.core.model.Outcome;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Action.Accept;
import org.parley.core.negotiation.Action.Offer;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.InvalidMoveException;
import org.parley.core.negotiation.NegotiationSession;
import org.parley.core.negotiation.Request;
import org.parley.core.negotiation.Result;

class StackedAlternatingOffersTest {

    // cardassian-talks: federation, union; four issues of three options.
    private static final Outcome DEAL = Outcome.of(2, 1, 1, 2);
    private static final Outcome OTHER = Outcome.of(0, 0, 0, 0);
    // tavrik-accord: federation (authority = federation required), kaldari, vethari (optional).
    private static final Outcome TAVRIK = Outcome.of(0, 2, 1, 1, 2, 1, 1);

    private static NegotiationSession talks(int rounds) {
        return SessionFixtures.open(TestScenarios.cardassianTalks(), "sao", rounds);
    }

    @Test
    void twoPartiesAgreeWhenTheOtherAccepts() {
        NegotiationSession session = talks(10);
        assertThat(session.pending()).singleElement().satisfies(r -> {
            assertThat(r.party()).isEqualTo("federation");
            assertThat(r.kind()).isEqualTo(Request.Kind.PROPOSE);
        });
        session.submit("federation", new Offer(DEAL));
        Request respond = session.pending("union");
        assertThat(respond.kind()).isEqualTo(Request.Kind.RESPOND);
        assertThat(respond.outcome()).isEqualTo(DEAL);
        assertThat(respond.proposer()).isEqualTo("federation");
        session.submit("union", new Accept(DEAL));

        Result result = session.result();
        assertThat(result.agreement()).isTrue();
        assertThat(result.outcome()).isEqualTo(DEAL);
        assertThat(result.signers()).containsExactly("federation", "union");
        assertThat(result.rounds()).isEqualTo(1);
        // Points: federation 25 + 15 + 15 + 0, union 30 + 12 + 15 + 20.
        assertThat(result.payoff("federation").utility()).isCloseTo(0.55, within(1e-9));
        assertThat(result.payoff("union").utility()).isCloseTo(0.77, within(1e-9));
        assertThat(session.events()).hasSize(2);
        assertThat(session.events().get(0).utility()).isCloseTo(0.55, within(1e-9));
        assertThat(session.events().get(1).utility()).isCloseTo(0.77, within(1e-9));
        assertThat(session.pending()).isEmpty();
    }

    @Test
    void perRoundDiscountAppliesToTheAgreementRound() {
        NegotiationSession session = talks(10);
        session.submit("federation", new Offer(OTHER));
        session.submit("union", new Offer(OTHER));       // round 0 ends
        session.submit("federation", new Offer(DEAL));   // round 1
        session.submit("union", new Offer(DEAL));        // counter with the same outcome
        session.submit("federation", new Accept(DEAL));  // round 2
        Result result = session.result();
        assertThat(result.rounds()).isEqualTo(3);
        assertThat(result.signers()).containsExactly("federation", "union");
        assertThat(result.payoff("federation").discounted()).isCloseTo(0.55 * 0.98 * 0.98, within(1e-12));
        assertThat(result.payoff("union").discounted()).isCloseTo(0.77 * 0.995 * 0.995, within(1e-12));
    }

    @Test
    void deadlineEndsWithDiscountedReservationValues() {
        NegotiationSession session = talks(2);
        for (int k = 0; k < 2; k++) {
            session.submit("federation", new Offer(OTHER));
            session.submit("union", new Offer(DEAL));
        }
        Result result = session.result();
        assertThat(result.agreement()).isFalse();
        assertThat(result.ending()).isEqualTo(Result.Ending.DEADLINE);
        assertThat(result.rounds()).isEqualTo(2);
        assertThat(result.time()).isEqualTo(1.0);
        assertThat(result.payoff("federation").utility()).isCloseTo(0.35, within(1e-12));
        assertThat(result.payoff("federation").discounted()).isCloseTo(0.35 * 0.98 * 0.98, within(1e-12));
        assertThatThrownBy(() -> session.submit("federation", new Offer(DEAL)))
                .isInstanceOf(InvalidMoveException.class).hasMessageContaining("has ended");
    }

    @Test
    void invalidMovesLeaveTheSessionUnchanged() {
        NegotiationSession session = talks(10);
        assertThatThrownBy(() -> session.submit("union", new Offer(DEAL)))
                .isInstanceOf(InvalidMoveException.class).hasMessageContaining("not union's turn");
        assertThatThrownBy(() -> session.submit("federation", new Accept(DEAL)))
                .isInstanceOf(InvalidMoveException.class).hasMessageContaining("no standing offer");
        assertThatThrownBy(() -> session.submit("federation", new Offer(Outcome.of(0, 5, 0, 0))))
                .isInstanceOf(InvalidMoveException.class).hasMessageContaining("front");
        assertThatThrownBy(() -> session.submit("federation", new Offer(Outcome.of(0, 1, 0))))
                .isInstanceOf(InvalidMoveException.class).hasMessageContaining("3 values");
        assertThatThrownBy(() -> session.submit("spy", new Offer(DEAL)))
                .isInstanceOf(InvalidMoveException.class).hasMessageContaining("Unknown party");
        assertThatThrownBy(() -> session.submit("federation", new Action.Reject(DEAL)))
                .isInstanceOf(InvalidMoveException.class).hasMessageContaining("make an offer or walk away");
        assertThatThrownBy(() -> session.submit("federation",
                new Action.Misbehaviour(Action.Misbehaviour.Reason.TIMEOUT, "x")))
                .isInstanceOf(InvalidMoveException.class).hasMessageContaining("only the engine");
        assertThat(session.events()).isEmpty();
        session.submit("federation", new Offer(DEAL));
        assertThatThrownBy(() -> session.submit("union", new Accept(OTHER)))
                .isInstanceOf(InvalidMoveException.class).hasMessageContaining("was asked about");
        assertThat(session.events()).hasSize(1);
    }

    @Test
    void aPartyMayNotOfferWhatBreaksItsOwnConstraint() {
        NegotiationSession session = SessionFixtures.open(TestScenarios.tavrikAccord(), "sao", 10);
        assertThatThrownBy(() -> session.submit("federation", new Offer(Outcome.of(2, 0, 0, 0, 0, 0, 0))))
                .isInstanceOf(InvalidMoveException.class).hasMessageContaining("authority = federation");
    }

    @Test
    void unanimityNeedsEveryOtherPartyInTurn() {
        NegotiationSession session = SessionFixtures.open(TestScenarios.trinityStation(), "sao", 10);
        Outcome deal = Outcome.of(0, 1, 2, 1, 1);
        session.submit("loyalists", new Offer(deal));
        session.submit("rebels", new Accept(deal));
        session.submit("advent", new Accept(deal));
        assertThat(session.finished()).isFalse();
        session.submit("exodus", new Accept(deal));
        assertThat(session.result().signers()).containsExactly("loyalists", "rebels", "advent", "exodus");
    }

    @Test
    void aCounterOfferRestartsTheChain() {
        NegotiationSession session = SessionFixtures.open(TestScenarios.trinityStation(), "sao", 10);
        Outcome first = Outcome.of(0, 1, 2, 1, 1);
        Outcome second = Outcome.of(1, 1, 2, 1, 1);
        session.submit("loyalists", new Offer(first));
        session.submit("rebels", new Accept(first));
        session.submit("advent", new Offer(second));
        session.submit("exodus", new Accept(second));
        session.submit("loyalists", new Accept(second));
        assertThat(session.finished()).isFalse();
        assertThat(session.pending("rebels").outcome()).isEqualTo(second);
        session.submit("rebels", new Accept(second));
        assertThat(session.result().signers()).containsExactly("loyalists", "rebels", "advent", "exodus");
        assertThat(session.result().rounds()).isEqualTo(2);
    }

    @Test
    void walkingAwayUnderUnanimityEndsIt() {
        NegotiationSession session = talks(10);
        session.submit("federation", new Offer(DEAL));
        session.submit("union", new Action.WalkAway());
        Result result = session.result();
        assertThat(result.ending()).isEqualTo(Result.Ending.WALK_AWAY);
        assertThat(result.reason()).contains("union", "walked away");
        assertThat(result.payoff("union").utility()).isCloseTo(0.40, within(1e-12));
    }

    @Test
    void aQuorumDealStandsOnceTheRequiredPartiesHaveSigned() {
        NegotiationSession session = SessionFixtures.open(TestScenarios.tavrikAccord(), "sao", 10);
        session.submit("federation", new Offer(TAVRIK));
        session.submit("kaldari", new Accept(TAVRIK));
        Result result = session.result();
        assertThat(result.agreement()).isTrue();
        assertThat(result.signers()).containsExactly("federation", "kaldari");
        // Outside the deal, the vethari get their reservation value.
        assertThat(result.payoff("vethari").utility()).isCloseTo(0.45, within(1e-12));
        assertThat(result.payoff("kaldari").utility()).isCloseTo(0.73, within(1e-9));
    }

    @Test
    void anOptionalPartyLeavingDoesNotStopTheOthers() {
        NegotiationSession session = SessionFixtures.open(TestScenarios.tavrikAccord(), "sao", 10);
        session.submit("federation", new Offer(TAVRIK));
        session.submit("kaldari", new Offer(TAVRIK));
        session.submit("vethari", new Action.WalkAway());
        assertThat(session.finished()).isFalse();
        assertThat(session.pending("federation").kind()).isEqualTo(Request.Kind.RESPOND);
        session.submit("federation", new Accept(TAVRIK));
        Result result = session.result();
        assertThat(result.signers()).containsExactly("federation", "kaldari");
        assertThat(result.payoff("vethari").utility()).isCloseTo(0.45, within(1e-12));
    }

    @Test
    void aRequiredPartyLeavingEndsIt() {
        NegotiationSession session = SessionFixtures.open(TestScenarios.tavrikAccord(), "sao", 10);
        session.submit("federation", new Offer(TAVRIK));
        session.submit("kaldari", new Action.WalkAway());
        assertThat(session.result().ending()).isEqualTo(Result.Ending.WALK_AWAY);
    }

    @Test
    void aProposerLeavingTakesItsOfferWithIt() {
        NegotiationSession session = SessionFixtures.open(TestScenarios.tavrikAccord(), "sao", 10);
        session.submit("federation", new Offer(TAVRIK));
        session.submit("kaldari", new Offer(TAVRIK));
        session.submit("vethari", new Offer(Outcome.of(2, 2, 0, 0, 0, 0, 0)));
        session.misbehaved("vethari", new Action.Misbehaviour(Action.Misbehaviour.Reason.EXCEPTION, "boom"));
        assertThat(session.finished()).isFalse();
        assertThat(session.events()).last().satisfies(e -> assertThat(e.action()).isInstanceOf(Action.Misbehaviour.class));
        assertThat(session.pending("federation").kind()).isEqualTo(Request.Kind.PROPOSE);
    }

    @Test
    void normalisedTimeDiscountsByTheTimeOfAgreement() {
        var base = TestScenarios.cardassianTalks();
        var parties = base.parties().stream().map(p -> new org.parley.core.model.Party(p.name(), p.role(),
                new org.parley.core.preference.Preferences(p.preferences().utility(), p.preferences().constraints(),
                        p.preferences().reservation(), org.parley.core.preference.Discount.overTime(0.5)),
                p.strategy())).toList();
        var scenario = new org.parley.core.model.Scenario("timed", "", base.domain(), parties, null, null);
        NegotiationSession session = SessionFixtures.open(scenario, "sao", 4);
        session.submit("federation", new Offer(OTHER));
        session.submit("union", new Offer(DEAL));
        session.submit("federation", new Accept(DEAL)); // round 1 of 4: t = 0.25
        assertThat(session.result().time()).isEqualTo(0.25);
        assertThat(session.result().payoff("federation").discounted()).isCloseTo(0.55 * Math.pow(0.5, 0.25), within(1e-12));
    }

    @Test
    void movesArePublishedAtOnce() {
        NegotiationSession session = talks(10);
        session.submit("federation", new Offer(DEAL));
        assertThat(session.published()).isEqualTo(1);
    }

    @Test
    void aWallClockDeadlineEndsTheSession() throws InterruptedException {
        var scenario = TestScenarios.cardassianTalks();
        var settings = SessionFixtures.humans(scenario, "sao", Deadline.time(java.time.Duration.ofMillis(30)));
        // A clock the test moves: under load a live 30 ms can pass before the first move is made.
        double[] now = {0.5};
        NegotiationSession session = Protocols.get("sao").open(scenario, settings, round -> now[0]);
        session.submit("federation", new Offer(DEAL));
        now[0] = 1.0;
        assertThatThrownBy(() -> session.submit("union", new Accept(DEAL)))
                .isInstanceOf(InvalidMoveException.class).hasMessageContaining("deadline passed");
        assertThat(session.result().ending()).isEqualTo(Result.Ending.DEADLINE);
        assertThat(session.result().reason()).contains("30 ms");
    }
}
