package org.parley.core.protocol;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.Domain;
import org.parley.core.model.IntegerIssue;
import org.parley.core.model.Issue;
import org.parley.core.model.Outcome;
import org.parley.core.model.RealIssue;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.NegotiationSession;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Request;

/**
 * Single-text mediation (Raiffa 1982; the mediated protocol of Klein et al. 2003). A mediator with
 * no stake, and no sight of anyone's preferences, holds one text. Its first logged offer is the
 * opening text, drawn at random from the seed; each round it then proposes a modification (one
 * issue changed at random; two once a run of proposals has failed) and every party votes yes or no
 * on replacing the text with it, seeing both. The text moves when the yes-voters satisfy the
 * agreement rule, so an optional party cannot hold it still. A rejected modification is not put
 * again to the same text. In the last round (round limit − 1, or once 95% of a time limit has
 * passed) the mediator puts the text to a ratification vote: the yes-voters sign, and the deal
 * stands if they satisfy the agreement rule; otherwise it ends without agreement. Votes are
 * revealed when all are in. O(n + issues) work per round.
 */
public final class SingleTextMediation implements ProtocolFactory {

    /** With a time limit only, the share of it after which the text goes to ratification. */
    public static final double RATIFY_AT = 0.95;

    private static final long MEDIATOR_SALT = 0x6D65646961746F72L;

    @Override
    public String key() {
        return "mediated";
    }

    @Override
    public String title() {
        return "single-text mediation";
    }

    @Override
    public String description() {
        return "a mediator amends one text, the parties vote on each change, the final text is ratified";
    }

    @Override
    public NegotiationSession open(Scenario scenario, NegotiationSettings settings, TimeSource time) {
        if (scenario.indexOf(Event.MEDIATOR) >= 0) {
            throw new IllegalArgumentException("The party name (" + Event.MEDIATOR + ") is reserved for the mediator"
                    + " in single-text mediation; rename the party.");
        }
        return new Session(scenario, settings, time);
    }

    static final class Session extends AbstractSession {

        private final SplittableRandom random;
        private Outcome text;
        private Outcome modification;
        private boolean ratifying;
        private final int[] votes;
        private final Set<Outcome> rejected = new HashSet<>();
        private int failures;

        Session(Scenario scenario, NegotiationSettings settings, TimeSource time) {
            super(scenario, settings, time);
            random = new SplittableRandom(settings.seed() ^ MEDIATOR_SALT);
            votes = new int[n];
            if (openPhase(0)) {
                text = randomOutcome();
                recordMediator(new Action.Offer(text));
                openRound();
            }
        }

        @Override
        protected void handle(int p, Request request, Action action) {
            if (!(action instanceof Action.Vote vote)) {
                throw wrongKind(p, request, action);
            }
            checkSame(p, request, vote.outcome());
            if (vote.yes()) {
                checkOutcome(p, vote.outcome(), ratifying ? "signature" : "vote");
            }
            record(p, action);
            votes[p] = vote.yes() ? 1 : -1;
            open[p] = null;
            closeIfDone();
        }

        @Override
        protected void afterLeave(int p) {
            closeIfDone();
        }

        private void openRound() {
            ratifying = isLastRound();
            java.util.Arrays.fill(votes, 0);
            if (ratifying) {
                recordMediator(new Action.Ratify(text));
            } else {
                modification = propose();
                recordMediator(new Action.Offer(modification));
            }
            publishAll();
            for (int p = 0; p < n; p++) {
                open[p] = !active[p] ? null
                        : ratifying
                                ? request(p, Request.Kind.RATIFY, text, null, Event.MEDIATOR)
                                : request(p, Request.Kind.VOTE, modification, text, Event.MEDIATOR);
            }
        }

        private boolean isLastRound() {
            var deadline = settings.deadline();
            return (deadline.hasRounds() && round >= deadline.rounds() - 1) || (deadline.hasTime() && time >= RATIFY_AT);
        }

        private void closeIfDone() {
            for (Request request : open) {
                if (request != null) {
                    return;
                }
            }
            publishAll();
            List<Integer> yes = new ArrayList<>();
            List<String> yesNames = new ArrayList<>();
            for (int p = 0; p < n; p++) {
                if (active[p] && votes[p] == 1) {
                    yes.add(p);
                    yesNames.add(names[p]);
                }
            }
            boolean passed = rule.stands(yesNames);
            if (ratifying) {
                if (passed) {
                    finishAgreement(text, yes);
                } else {
                    finishNoAgreement(org.parley.core.negotiation.Result.Ending.NOT_RATIFIED,
                            "the final text was not ratified (signed by " + (yesNames.isEmpty() ? "nobody"
                                    : String.join(", ", yesNames)) + ")");
                }
                return;
            }
            if (passed) {
                text = modification;
                rejected.clear();
                failures = 0;
            } else {
                rejected.add(modification);
                failures++;
            }
            if (openPhase(round + 1)) {
                openRound();
            }
        }

        /** A modification of the text not yet rejected against it, if one is found in a few draws. */
        private Outcome propose() {
            Domain domain = scenario.domain();
            int changes = failures >= 3 * domain.size() ? 2 : 1;
            Outcome candidate = text;
            for (int attempt = 0; attempt < 32; attempt++) {
                candidate = text;
                for (int c = 0; c < changes; c++) {
                    int issue = random.nextInt(domain.size());
                    candidate = candidate.with(issue, otherValue(domain.issue(issue), text.value(issue)));
                }
                if (!candidate.equals(text) && !rejected.contains(candidate)) {
                    break;
                }
            }
            return candidate;
        }

        private Outcome randomOutcome() {
            Domain domain = scenario.domain();
            double[] values = new double[domain.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = randomValue(domain.issue(i));
            }
            return new Outcome(values);
        }

        private double otherValue(Issue issue, double current) {
            for (int attempt = 0; attempt < 8; attempt++) {
                double x = randomValue(issue);
                if (x != current) {
                    return x;
                }
            }
            return current;
        }

        private double randomValue(Issue issue) {
            if (issue instanceof DiscreteIssue discrete) {
                return random.nextInt(discrete.options().size());
            } else if (issue instanceof IntegerIssue integer) {
                return integer.min() + random.nextLong(integer.size());
            }
            RealIssue real = (RealIssue) issue;
            int steps = org.parley.core.model.OutcomeSpace.DEFAULT_REAL_STEPS;
            // The values the analysis lists, rounded as it rounds them (RealIssue.grid).
            return real.gridValue(random.nextInt(steps), steps);
        }
    }
}
