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
}
