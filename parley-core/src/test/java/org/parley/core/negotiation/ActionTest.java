package org.parley.core.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.core.model.Outcome;
import org.parley.core.negotiation.Action.Misbehaviour;
import org.parley.core.negotiation.Action.Misbehaviour.Reason;

class ActionTest {

    private static final Outcome X = Outcome.of(0, 1);

    @Test
    void everyActionHasOneStoredKeyAndOneLabel() {
        List<Action> all = List.of(new Action.Offer(X), new Action.Accept(X), new Action.Reject(X), new Action.WalkAway(),
                new Misbehaviour(Reason.TIMEOUT, "slow"), new Action.Ratify(X));
        // The keys are what records store: changing one would make old records unreadable.
        assertThat(all).extracting(Action::key)
                .containsExactly("offer", "accept", "reject", "walk-away", "misbehaviour", "ratify");
        assertThat(all).extracting(Action::label)
                .containsExactly("offer", "accept", "reject", "walk away", "misbehaved", "ratify");
        assertThat(all).filteredOn(Action::leavesTable).extracting(Action::key)
                .containsExactly("walk-away", "misbehaviour");
        assertThat(all).filteredOn(Action::recordedByEngine).extracting(Action::key)
                .containsExactly("misbehaviour", "ratify");
    }

    @Test
    void aMisbehaviourHasAReasonWithAKeyAndALabel() {
        assertThat(Arrays.stream(Reason.values()).map(Reason::key)).containsExactly("exception", "timeout", "invalid-move");
        for (Reason reason : Reason.values()) {
            assertThat(Reason.of(reason.key())).isSameAs(reason);
        }
        assertThat(new Misbehaviour(Reason.INVALID_MOVE, "an offer outside the domain").describe())
                .isEqualTo("invalid move: an offer outside the domain");
        assertThat(new Misbehaviour(Reason.EXCEPTION, null).detail()).isEmpty();
        assertThatThrownBy(() -> Reason.of("invalid_move")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown misbehaviour (invalid_move); expected exception, timeout or invalid-move.");
        assertThatThrownBy(() -> new Misbehaviour(null, "x")).hasMessageContaining("needs a reason");
    }

    @Test
    void aPartysActionMayCarryAMessageAndARationaleAndSaysNothingByDefault() {
        assertThat(new Action.Offer(X).message()).isNull();
        assertThat(new Action.Offer(X).rationale()).isNull();
        assertThat(new Action.Offer(X)).isEqualTo(new Action.Offer(X, null, null));
        assertThat(new Action.Offer(X, null, "  ").message()).as("a blank message is none").isNull();
        Rationale why = Rationale.of(Rationale.ACCEPT_ABOVE_TARGET).figure("target", 0.7);
        Action.Accept accept = new Action.Accept(X).explained(why, "Agreed.");
        assertThat(accept.message()).isEqualTo("Agreed.");
        assertThat(accept.rationale()).isEqualTo(why);
        assertThat(new Action.WalkAway().explained(Rationale.of(Rationale.WALK_AWAY), "We leave.").message())
                .isEqualTo("We leave.");
        assertThat(new Misbehaviour(Reason.TIMEOUT, "slow").message()).isNull();
        assertThatThrownBy(() -> new Action.Reject(X, null, "one\ntwo")).hasMessageContaining("one line");
        assertThatThrownBy(() -> new Action.Offer(X, null, "x".repeat(Action.MESSAGE_LIMIT + 1)))
                .hasMessageContaining("at most 500 characters");
    }

    /* The others see what a party says, never why it says it: the rationale holds its private figures. */
    @Test
    void theOthersSeeTheMessageButNotTheRationale() {
        Rationale why = Rationale.of(Rationale.WALK_AWAY_THREAT).figure("reservation", 0.35);
        List<Action> said = List.of(new Action.Offer(X, why, "This is our last word."),
                new Action.Accept(X, why, "Agreed."), new Action.Reject(X, why, "No."), new Action.WalkAway(why, "Farewell."));
        for (Action action : said) {
            Move move = new Event(2, 0.5, "union", action, 0.6).move();
            assertThat(move.action().rationale()).as(action.key()).isNull();
            assertThat(move.action().message()).as(action.key()).isEqualTo(action.message());
            assertThat(move.action().key()).isEqualTo(action.key());
            assertThat(move.action().outcome()).isEqualTo(action.outcome());
        }
    }

    @Test
    void aRationaleChecksItsKeysAndFigures() {
        Rationale r = Rationale.of(Rationale.COALITION_OFFER).term("coalition", "federation, kaldari").figure("value", 0.5);
        assertThat(r.terms()).containsEntry("coalition", "federation, kaldari");
        assertThat(r.figures()).containsEntry("value", 0.5);
        assertThatThrownBy(() -> Rationale.of("Above Target")).hasMessageContaining("The kind (Above Target)");
        assertThatThrownBy(() -> r.figure("gap", Double.NaN)).hasMessageContaining("The figure (gap)")
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> r.term("issue", null)).hasMessageContaining("The term (issue) of a rationale has no value");
        assertThatThrownBy(() -> r.terms().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }
}
