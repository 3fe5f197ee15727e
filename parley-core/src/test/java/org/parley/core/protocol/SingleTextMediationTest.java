package org.parley.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.core.TestScenarios;
import org.parley.core.model.Domain;
import org.parley.core.model.Outcome;
import org.parley.core.model.RealIssue;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.preference.LinearAdditiveUtility;
import org.parley.core.preference.PiecewiseLinearValueFunction;
import org.parley.core.preference.Preferences;
import org.parley.core.preference.ValueFunction;
import org.parley.core.model.Party;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Action.Accept;
import org.parley.core.negotiation.Action.Reject;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.NegotiationSession;
import org.parley.core.negotiation.Request;
import org.parley.core.negotiation.Result;

class SingleTextMediationTest {

    private static NegotiationSession talks(int rounds) {
        return SessionFixtures.open(TestScenarios.cardassianTalks(), "mediated", rounds);
    }

    /** Evenly spaced real values computed as min + (max − min)·k/steps can round past max. */
    @Test
    void textsOnRealRangesStayWithinTheRange() {
        RealIssue share = new RealIssue("share", 0.20938417613145166, 4.1419351257737125);
        Domain domain = new Domain(List.of(share, new RealIssue("rate", 0.1, 0.7)));
        List<ValueFunction> functions = List.of(
                PiecewiseLinearValueFunction.linear(share.min(), 0, share.max(), 1),
                PiecewiseLinearValueFunction.linear(0.1, 1, 0.7, 0));
        List<Party> parties = List.of(
                new Party("a", new Preferences(new LinearAdditiveUtility(domain, new double[] {0.5, 0.5}, functions))),
                new Party("b", new Preferences(new LinearAdditiveUtility(domain, new double[] {0.2, 0.8}, functions))));
        Scenario scenario = new Scenario("reals", domain, parties);
        for (long seed = 0; seed < 200; seed++) {
            NegotiationSettings settings = new NegotiationSettings("mediated", Deadline.rounds(6),
                    SessionFixtures.humans(scenario, "mediated", Deadline.rounds(6)).strategies(), seed, null);
            NegotiationSession session = Protocols.get("mediated")
                    .open(scenario, settings, TimeSource.live(settings.deadline()));
            while (!session.finished()) {
                for (Request request : session.pending()) {
                    session.submit(request.party(), new Reject(request.outcome()));
                }
            }
            for (Event event : session.events()) {
                if (event.offer() != null) {
                    domain.validate(event.offer());
                }
            }
        }
    }

    @Test
    void theMediatorOpensWithATextAndProposesAModification() {
        NegotiationSession session = talks(5);
        List<Event> events = session.events();
        assertThat(events).hasSize(2);
        assertThat(events).extracting(Event::party).containsOnly(Event.MEDIATOR);
        assertThat(events.get(0).utility()).isNaN();
        Outcome text = events.get(0).offer();
        Outcome modification = events.get(1).offer();
        int changed = 0;
        for (int i = 0; i < text.size(); i++) {
            changed += text.value(i) != modification.value(i) ? 1 : 0;
        }
        assertThat(changed).isEqualTo(1);
        Request vote = session.pending("union");
        assertThat(vote.kind()).isEqualTo(Request.Kind.VOTE);
        assertThat(vote.outcome()).isEqualTo(modification);
        assertThat(vote.reference()).isEqualTo(text);
        assertThat(vote.proposer()).isEqualTo(Event.MEDIATOR);
    }

    @Test
    void theTextMovesOnlyWhenTheVotePasses() {
        NegotiationSession session = talks(5);
        Outcome text = session.events().get(0).offer();
        Outcome first = session.pending("union").outcome();
        session.submit("federation", new Accept(first));
        assertThat(session.published()).isEqualTo(2); // votes sealed until all are in
        session.submit("union", new Reject(first));
        assertThat(session.published()).isEqualTo(5);
        assertThat(session.pending("union").reference()).isEqualTo(text);
        Outcome second = session.pending("union").outcome();
        session.submit("federation", new Accept(second));
        session.submit("union", new Accept(second));
        assertThat(session.pending("union").reference()).isEqualTo(second);
    }

    @Test
    void theLastRoundRatifiesTheText() {
        NegotiationSession session = talks(2);
        Outcome modification = session.pending("union").outcome();
        session.submit("federation", new Accept(modification));
        session.submit("union", new Accept(modification));
        assertThat(session.events()).last().satisfies(e -> assertThat(e.action()).isEqualTo(new Action.Ratify(modification)));
        Request ratify = session.pending("federation");
        assertThat(ratify.kind()).isEqualTo(Request.Kind.RATIFY);
        session.submit("federation", new Accept(modification));
        session.submit("union", new Accept(modification));
        Result result = session.result();
        assertThat(result.agreement()).isTrue();
        assertThat(result.outcome()).isEqualTo(modification);
        assertThat(result.rounds()).isEqualTo(2);
    }

    @Test
    void aRejectedRatificationEndsWithoutAgreement() {
        NegotiationSession session = talks(1);
        Outcome text = session.pending("union").outcome();
        assertThat(session.pending("union").kind()).isEqualTo(Request.Kind.RATIFY);
        session.submit("federation", new Accept(text));
        session.submit("union", new Reject(text));
        assertThat(session.result().ending()).isEqualTo(Result.Ending.NOT_RATIFIED);
        assertThat(session.result().reason()).contains("signed by federation");
    }

    @Test
    void anOptionalPartyCannotBlockRatification() {
        for (long seed = 0; seed < 20; seed++) {
            Scenario scenario = TestScenarios.tavrikAccord();
            var settings = SessionFixtures.humans(scenario, "mediated",
                    org.parley.core.negotiation.Deadline.rounds(1));
            settings = new org.parley.core.negotiation.NegotiationSettings(settings.protocol(), settings.deadline(),
                    settings.strategies(), seed, null);
            NegotiationSession session = Protocols.get("mediated").open(scenario, settings,
                    TimeSource.live(settings.deadline()));
            Outcome text = session.pending("kaldari").outcome();
            boolean fine = true;
            session.submit("vethari", new Reject(text));
            for (String party : List.of("federation", "kaldari")) {
                // A party may only refuse a text that breaks its own constraints.
                boolean allowed = scenario.party(party).preferences().satisfiesConstraints(text);
                session.submit(party, allowed ? new Accept(text) : new Reject(text));
                fine &= allowed;
            }
            assertThat(session.result().agreement()).isEqualTo(fine);
            if (fine) {
                assertThat(session.result().signers()).containsExactly("federation", "kaldari");
                assertThat(session.result().payoff("vethari").utility()).isEqualTo(0.45);
            }
        }
    }

    @Test
    void theMediatorNameIsReserved() {
        Scenario base = TestScenarios.cardassianTalks();
        Party renamed = new Party("mediator", base.parties().get(1).preferences());
        Scenario scenario = new Scenario("x", base.domain(), List.of(base.parties().get(0), renamed));
        assertThatThrownBy(() -> SessionFixtures.open(scenario, "mediated", 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
    }

    @Test
    void theSameSeedGivesTheSameTexts() {
        assertThat(talks(5).events()).isEqualTo(talks(5).events());
    }
}
