package org.parley.core.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.core.model.AgreementRule;
import org.parley.core.model.Domain;
import org.parley.core.model.Outcome;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.InvalidMoveException;
import org.parley.core.negotiation.NegotiationSession;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Request;
import org.parley.core.negotiation.Result;
import org.parley.core.preference.Constraint;
import org.parley.core.preference.Preferences;

/**
 * What the protocols share: the parties still at the table, the open requests, the log, the
 * deadline, walking away, the agreement rule and the payoffs. Subclasses say how moves answer
 * requests and which requests open next. Public so that a protocol registered from outside this
 * package (see {@link ProtocolFactory}) is one class too.
 */
public abstract class AbstractSession implements NegotiationSession {

    protected final Scenario scenario;
    protected final NegotiationSettings settings;
    protected final Domain domain;
    protected final AgreementRule rule;
    protected final int n;
    protected final String[] names;
    protected final Preferences[] preferences;
    protected final boolean[] active;
    protected int activeCount;
    protected final Request[] open;
    private final TimeSource timeSource;
    private final List<Event> events = new ArrayList<>();
    private final List<Event> eventsView = Collections.unmodifiableList(events);
    private int published;
    protected int round;
    protected double time;
    private Result result;

    protected AbstractSession(Scenario scenario, NegotiationSettings settings, TimeSource timeSource) {
        this.scenario = scenario;
        this.settings = settings;
        this.domain = scenario.domain();
        this.rule = scenario.agreement();
        this.n = scenario.parties().size();
        this.names = scenario.partyNames().toArray(String[]::new);
        this.preferences = new Preferences[n];
        for (int i = 0; i < n; i++) {
            preferences[i] = scenario.parties().get(i).preferences();
        }
        this.active = new boolean[n];
        java.util.Arrays.fill(active, true);
        this.activeCount = n;
        this.open = new Request[n];
        this.timeSource = timeSource;
        if (!ruleSatisfiable()) {
            throw new IllegalArgumentException("The agreement rule of (" + scenario.name() + ") can never be met.");
        }
    }

    @Override
    public Scenario scenario() {
        return scenario;
    }

    @Override
    public NegotiationSettings settings() {
        return settings;
    }

    @Override
    public List<Request> pending() {
        List<Request> list = new ArrayList<>(n);
        for (Request request : open) {
            if (request != null) {
                list.add(request);
            }
        }
        return list;
    }

    @Override
    public Request pending(String party) {
        int p = scenario.indexOf(party);
        return p < 0 ? null : open[p];
    }

    @Override
    public Request next() {
        for (Request request : open) {
            if (request != null) {
                return request;
            }
        }
        return null;
    }

    @Override
    public final void submit(String party, Action action) {
        if (result != null) {
            throw new InvalidMoveException("The negotiation has ended (" + result.reason() + "); no more moves.");
        }
        int p = scenario.indexOf(party);
        if (p < 0) {
            throw new InvalidMoveException("Unknown party (" + party + "); the parties are " + scenario.partyNames() + ".");
        }
        Request request = open[p];
        if (request == null) {
            throw new InvalidMoveException("It is not " + party + "'s turn: the protocol waits for " + waitingFor() + ".");
        }
        if (action == null) {
            throw new InvalidMoveException(party + " made no move (null action).");
        }
        if (checkDeadline()) {
            throw new InvalidMoveException("The deadline passed before " + party + "'s move arrived.");
        }
        if (action.recordedByEngine()) {
            throw new InvalidMoveException("A party cannot submit " + action.getClass().getSimpleName()
                    + "; only the engine and the mediator record it.");
        }
        if (action instanceof Action.WalkAway) {
            record(p, action);
            leave(p);
            return;
        }
        handle(p, request, action);
    }

    @Override
    public final void misbehaved(String party, Action.Misbehaviour misbehaviour) {
        int p = scenario.indexOf(party);
        if (p < 0 || result != null || !active[p]) {
            return;
        }
        record(p, misbehaviour);
        leave(p);
    }

    @Override
    public boolean checkDeadline() {
        if (result == null && timeSource.time(round) >= 1) {
            finishDeadline();
        }
        return result != null;
    }

    @Override
    public void stop(String reason) {
        if (result == null) {
            finishNoAgreement(Result.Ending.DEADLINE, reason);
        }
    }

    @Override
    public boolean finished() {
        return result != null;
    }

    @Override
    public List<Event> events() {
        return eventsView;
    }

    @Override
    public int published() {
        return published;
    }

    @Override
    public Result result() {
        return result;
    }

    /** Answers {@code p}'s open request with a move that is neither walking away nor engine-only. */
    protected abstract void handle(int p, Request request, Action action);

    /**
     * Called after {@code p} has left and the agreement rule can still be met. The subclass
     * publishes the departure when its protocol reveals moves (at once, or when the phase closes).
     */
    protected abstract void afterLeave(int p);

    private void leave(int p) {
        active[p] = false;
        activeCount--;
        open[p] = null;
        if (!ruleSatisfiable()) {
            publishAll();
            finishNoAgreement(Result.Ending.WALK_AWAY, names[p] + " left the table ("
                    + (events.get(events.size() - 1).action() instanceof Action.Misbehaviour m
                            ? m.label() + ": " + m.detail()
                            : "walked away")
                    + ") and the agreement rule can no longer be met");
            return;
        }
        afterLeave(p);
    }

    /** Whether the parties still at the table can still form a deal the rule accepts. */
    protected boolean ruleSatisfiable() {
        if (activeCount < rule.quorum()) {
            return false;
        }
        for (String required : rule.required()) {
            if (!active[scenario.indexOf(required)]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Moves to round {@code newRound} and reads the time; returns false (and finishes) when the
     * deadline has passed. Every phase of every protocol opens through here.
     */
    protected boolean openPhase(int newRound) {
        round = newRound;
        if (settings.deadline().hasRounds() && round >= settings.deadline().rounds()) {
            finishDeadline();
            return false;
        }
        double t = timeSource.time(round);
        if (t >= 1) {
            finishDeadline();
            return false;
        }
        time = Math.max(time, t);
        return true;
    }

    protected Request request(int p, Request.Kind kind, Outcome outcome, Outcome reference, String proposer) {
        return new Request(names[p], kind, round, time, outcome, reference, proposer);
    }

    protected void record(int p, Action action) {
        Outcome outcome = action.outcome();
        double utility = outcome == null ? Double.NaN : preferences[p].utility(outcome);
        events.add(new Event(round, time, names[p], action, utility));
    }

    protected void recordMediator(Action action) {
        events.add(new Event(round, time, Event.MEDIATOR, action, Double.NaN));
    }

    protected void publishAll() {
        published = events.size();
    }

    /** Rejects an outcome that does not fit the domain or breaks {@code p}'s own hard constraints. */
    protected void checkOutcome(int p, Outcome outcome, String what) {
        try {
            domain.validate(outcome);
        } catch (IllegalArgumentException e) {
            throw new InvalidMoveException(names[p] + "'s " + what + " does not fit the domain: " + e.getMessage());
        }
        for (Constraint constraint : preferences[p].constraints()) {
            if (!constraint.satisfiedBy(outcome)) {
                throw new InvalidMoveException(names[p] + "'s " + what + " breaks its own hard constraint ("
                        + constraint.describe(domain) + ").");
            }
        }
    }

    /** Rejects a vote or acceptance that names another outcome than the one put to the party. */
    protected void checkSame(int p, Request request, Outcome named) {
        if (!request.outcome().equals(named)) {
            throw new InvalidMoveException(names[p] + " answered about " + domain.format(named)
                    + ", but was asked about " + domain.format(request.outcome()) + ".");
        }
    }

    protected InvalidMoveException wrongKind(int p, Request request, Action action) {
        String allowed = switch (request.kind()) {
            case PROPOSE -> "make an offer or walk away";
            case RESPOND -> "accept the standing offer, make a counter-offer or walk away";
            case VOTE, RATIFY -> "accept, reject or walk away";
        };
        return new InvalidMoveException(names[p] + " may " + allowed + " here, not "
                + action.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + ".");
    }

    protected void finishAgreement(Outcome outcome, List<Integer> signers) {
        publishAll();
        clearOpen();
        List<String> signerNames = new ArrayList<>();
        boolean[] signed = new boolean[n];
        for (int p : signers) {
            signed[p] = true;
        }
        Map<String, Result.Payoff> payoffs = new LinkedHashMap<>();
        for (int p = 0; p < n; p++) {
            if (signed[p]) {
                signerNames.add(names[p]);
            }
            double u = signed[p] ? preferences[p].utility(outcome) : preferences[p].reservation();
            payoffs.put(names[p], new Result.Payoff(u, preferences[p].discount().apply(u, round, time)));
        }
        result = new Result(true, outcome, signerNames, payoffs, round + 1, time, Result.Ending.AGREEMENT,
                "agreement signed by " + String.join(", ", signerNames) + " in round " + round);
    }

    protected void finishNoAgreement(Result.Ending ending, String reason) {
        publishAll();
        clearOpen();
        int rounds = round + 1;
        double end = time;
        if (ending == Result.Ending.DEADLINE) {
            end = 1;
            if (settings.deadline().hasRounds() && round >= settings.deadline().rounds()) {
                rounds = round;
            }
        }
        Map<String, Result.Payoff> payoffs = new LinkedHashMap<>();
        for (int p = 0; p < n; p++) {
            double r = preferences[p].reservation();
            payoffs.put(names[p], new Result.Payoff(r, preferences[p].discount().apply(r, round, end)));
        }
        result = new Result(false, null, List.of(), payoffs, rounds, end, ending, reason);
    }

    private void finishDeadline() {
        String limit = settings.deadline().hasRounds() && round >= settings.deadline().rounds()
                ? "the deadline of " + settings.deadline().rounds() + " rounds passed"
                : "the time limit of " + settings.deadline().time().toMillis() + " ms passed";
        finishNoAgreement(Result.Ending.DEADLINE, limit + " without agreement");
    }

    private void clearOpen() {
        java.util.Arrays.fill(open, null);
    }

    private String waitingFor() {
        List<String> waiting = new ArrayList<>();
        for (Request request : open) {
            if (request != null) {
                waiting.add(request.party());
            }
        }
        return waiting.isEmpty() ? "nobody" : String.join(", ", waiting);
    }
}
