package org.parley.core.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.parley.api.Stable;
import org.parley.core.model.Outcome;
import org.parley.core.model.Party;
import org.parley.core.model.Phrasebook;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.InvalidMoveException;
import org.parley.core.negotiation.Move;
import org.parley.core.negotiation.NegotiationSession;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Rationale;
import org.parley.core.negotiation.Request;
import org.parley.core.negotiation.Result;
import org.parley.core.negotiation.StrategySpec;
import org.parley.core.protocol.Protocols;
import org.parley.core.protocol.TimeSource;
import org.parley.core.strategy.ExternalStrategy;
import org.parley.core.strategy.Setup;
import org.parley.core.strategy.Strategy;
import org.parley.core.strategy.StrategyRegistry;

/**
 * A negotiation with its AI diplomats: a protocol session plus one strategy per AI party. The
 * engine feeds each strategy the public moves and asks it for its moves; parties marked
 * {@code human} are played from outside through {@link #submit}, and {@link #advance} plays the AI
 * parties until the session waits only on humans or has ended.
 *
 * <p>Misbehaviour never stops the run: a strategy that throws, overruns the move time limit, or
 * makes an invalid move is recorded in the log with the reason and leaves the table; so is one whose
 * factory threw when it was created (a plugin's, say). A strategy
 * observes the public moves at its turn, just before it moves, and the move time limit covers
 * both. With a move time limit, {@link #advance} runs strategies on a worker thread watched by the calling
 * thread; a strategy that never returns (an endless loop) is abandoned to its thread, which is
 * interrupted, and the negotiation carries on in a fresh worker. Without a limit, everything runs in
 * the caller. A caller running many negotiations (a tournament) can instead run each in its own
 * thread with {@link #advanceHere} and watch them all from one thread with {@link #seizeIfOverrun},
 * which saves a thread and two hand-overs per negotiation.
 *
 * <p>Every random choice comes from the settings' seed and strategies see only the log, so a run
 * is repeatable, and {@link #resume} rebuilds a negotiation from its stored log (for example after
 * a server restart) by replaying the logged moves into fresh strategies.
 */
@Stable
public final class Negotiation {

    private static final long IDLE = 0;
    private static final long ABANDONED = -1;

    private final NegotiationSession session;
    private final String[] names;
    private final Strategy[] strategies;
    private final Setup[] setups;
    private final Phrasebook[] phrases;
    private final boolean[] gone;
    /** putOut[q]: strategy q misbehaved (it is not called again, not even to end). */
    private final boolean[] putOut;
    /** failed[q]: what strategy q's factory threw, or null. */
    private final Throwable[] failed;
    private final long limitNanos;

    private int nextStart;
    private int nextEnd;
    /** delivered[q]: how many public events strategy q has observed. */
    private final int[] delivered;
    /** The public moves, made once and shared by every strategy. */
    private final List<Move> moves = new java.util.ArrayList<>();

    // The running call's sequence number (or IDLE, ABANDONED); the plain fields below are written
    // before it is set, so a watchdog that reads the sequence first sees them.
    private final AtomicLong moveState = new AtomicLong(IDLE);
    private long moveSeq;
    private long moveStart;
    private int moveParty;
    private Thread moveThread;

    private Negotiation(Scenario scenario, NegotiationSettings settings, StrategyRegistry registry, BidSpaceCache cache,
            TimeSource time) {
        List<Party> parties = scenario.parties();
        int n = parties.size();
        names = scenario.partyNames().toArray(String[]::new);
        strategies = new Strategy[n];
        setups = new Setup[n];
        phrases = new Phrasebook[n];
        gone = new boolean[n];
        putOut = new boolean[n];
        failed = new Throwable[n];
        delivered = new int[n];
        for (String named : settings.strategies().keySet()) {
            if (scenario.indexOf(named) < 0) {
                throw new IllegalArgumentException("The settings give a strategy for an unknown party (" + named
                        + "); the parties are " + scenario.partyNames() + ".");
            }
        }
        for (String named : settings.trust().keySet()) {
            if (scenario.indexOf(named) < 0) {
                throw new IllegalArgumentException("The settings give trust for an unknown party (" + named
                        + "); the parties are " + scenario.partyNames() + ".");
            }
        }
        SplittableRandom seeds = new SplittableRandom(settings.seed());
        for (int i = 0; i < n; i++) {
            phrases[i] = parties.get(i).phrases();
            StrategySpec spec = settings.strategy(names[i]);
            SplittableRandom random = seeds.split();
            if (spec.isHuman()) {
                continue;
            }
            // A spec naming no strategy, or a parameter it lacks, is the caller's mistake and thrown;
            // whatever the strategy's own factory throws is the strategy's, and puts only it out.
            registry.entry(spec);
            try {
                strategies[i] = registry.create(spec);
            } catch (Throwable t) {
                failed[i] = t;
                strategies[i] = Unborn.INSTANCE;
            }
            Party party = parties.get(i);
            setups[i] = new Setup(names[i], scenario.partyNames(), scenario.domain(), party.preferences(),
                    cache.get(scenario.domain(), party.preferences()), scenario.agreement(), settings.protocol(),
                    settings.deadline(), settings.moveTimeLimit(), random, ownTrust(settings, names[i], scenario));
        }
        Duration limit = settings.moveTimeLimit();
        limitNanos = limit == null ? 0 : limit.toNanos();
        session = Protocols.get(settings.protocol()).open(scenario, settings, time);
    }

    /** What {@code party} believes of the others' reliability: only its own row of the settings' trust. */
    private static Map<String, Double> ownTrust(NegotiationSettings settings, String party, Scenario scenario) {
        Map<String, Double> row = settings.trust(party);
        for (String other : row.keySet()) {
            if (scenario.indexOf(other) < 0) {
                throw new IllegalArgumentException("The settings give " + party + " trust in an unknown party (" + other
                        + "); the parties are " + scenario.partyNames() + ".");
            }
        }
        return row;
    }

    /** A new negotiation, not yet advanced. */
    public static Negotiation start(Scenario scenario, NegotiationSettings settings, StrategyRegistry registry,
            BidSpaceCache cache) {
        return new Negotiation(scenario, settings, registry, cache, TimeSource.live(settings.deadline()));
    }

    public static Negotiation start(Scenario scenario, NegotiationSettings settings) {
        return start(scenario, settings, new StrategyRegistry(), new BidSpaceCache());
    }

    /** Runs a negotiation without human parties to its end. */
    public static Result run(Scenario scenario, NegotiationSettings settings) {
        return start(scenario, settings).run();
    }

    /**
     * Rebuilds a negotiation from its logged events: each logged move is replayed into the session,
     * and every AI party's strategy is asked again for its logged moves, so that its state is what
     * it was. Time is taken from the log; afterwards the wall clock resumes from the last logged
     * time. The negotiation then continues with {@link #advance}.
     *
     * @throws IllegalStateException when the strategies do not reproduce the log (it was made with
     *     other settings or another version of a strategy)
     */
    public static Negotiation resume(Scenario scenario, NegotiationSettings settings, List<Event> log,
            StrategyRegistry registry, BidSpaceCache cache) {
        return resume(scenario, settings, log, registry, cache, 0);
    }

    /**
     * As {@link #resume(Scenario, NegotiationSettings, List, StrategyRegistry, BidSpaceCache)}, with
     * the wall clock of a time limit resuming at {@code elapsed} (a fraction of the limit) if that is
     * later than the last logged event: for a negotiation that was only out of memory, not stopped,
     * so that its time kept running meanwhile.
     */
    public static Negotiation resume(Scenario scenario, NegotiationSettings settings, List<Event> log,
            StrategyRegistry registry, BidSpaceCache cache, double elapsed) {
        ReplayTime time = new ReplayTime(TimeSource.live(settings.deadline()));
        if (!log.isEmpty()) {
            time.logged(log.get(0).time());
        }
        Negotiation negotiation = new Negotiation(scenario, settings, registry, cache, time);
        negotiation.replay(log, time, elapsed);
        return negotiation;
    }

    public NegotiationSession session() {
        return session;
    }

    public boolean finished() {
        return session.finished();
    }

    public Result result() {
        return session.result();
    }

    /** Plays the AI parties until the session ends or waits only on human parties. */
    public void advance() {
        if (limitNanos == 0) {
            while (step()) {
                // each step is one strategy call or one bookkeeping move
            }
            return;
        }
        advanceWatched();
    }

    /**
     * Plays the AI parties in the calling thread until the session ends or waits only on humans,
     * bookkeeping the move time limit for a watchdog thread that calls {@link #seizeIfOverrun}; with
     * no watchdog the limit is still checked when each call returns, but a call that never returns
     * is never cut short.
     *
     * @throws Abandoned when the watchdog took the negotiation from this thread because its strategy
     *     overran: the thread must leave the negotiation alone (the watchdog's thread carries it on)
     */
    public void advanceHere() {
        while (step()) {
            // each step is one strategy call or one bookkeeping move
        }
    }

    /**
     * For a watchdog thread of negotiations run by {@link #advanceHere}: when a strategy call under
     * way has run past the move time limit, takes the negotiation from the thread running it (which
     * is interrupted, and gets {@link Abandoned} if the call ever returns), puts the strategy out as
     * timed out and returns true. The caller then owns the negotiation and must carry it on, from a
     * thread of its own, with {@link #advanceHere}. Otherwise returns false and changes nothing.
     */
    public boolean seizeIfOverrun() {
        long seq = moveState.get();
        if (seq <= 0 || limitNanos == 0) {
            return false;
        }
        int q = moveParty;
        Thread stuck = moveThread;
        if (System.nanoTime() - moveStart <= limitNanos || !moveState.compareAndSet(seq, ABANDONED)) {
            return false;
        }
        // This thread owns the negotiation now; the stuck one will exit if its call ever returns.
        stuck.interrupt();
        moveState.set(IDLE);
        misbehave(q, timeout("call"));
        return true;
    }

    /** A human party's move; then the AI parties play on. */
    public void submit(String party, Action action) {
        int p = index(party);
        if (strategies[p] != null) {
            throw new InvalidMoveException("The party (" + party + ") is played by an AI diplomat, not from outside.");
        }
        session.submit(party, action);
        if (action instanceof Action.WalkAway) {
            gone[p] = true;
        }
        advance();
    }

    /** Plays to the end; only for negotiations without human parties (else it stops where a human must move). */
    public Result run() {
        advance();
        if (!session.finished()) {
            throw new IllegalStateException("The negotiation waits on " + session.pending() + "; human parties move"
                    + " through submit().");
        }
        return session.result();
    }

    // ---------------------------------------------------------------------------------------------

    /** One unit of work: a strategy's start, or one strategy's turn (catching up on the public moves, then moving). */
    private boolean step() {
        int n = names.length;
        if (nextStart < n) {
            int q = nextStart++;
            if (failed[q] != null) {
                misbehave(q, new Action.Misbehaviour(Action.Misbehaviour.Reason.EXCEPTION, describe(failed[q], "creation")));
            } else if (strategies[q] != null && !gone[q]) {
                Throwable failure = null;
                long seq = begin(q);
                try {
                    strategies[q].start(setups[q]);
                } catch (Throwable t) {
                    failure = t;
                }
                Action.Misbehaviour m = end(seq, failure, "start");
                if (m != null) {
                    misbehave(q, m);
                }
            }
            return true;
        }
        if (session.finished() || session.checkDeadline()) {
            return endNext();
        }
        Request request = nextAiRequest();
        if (request == null) {
            return false;
        }
        int q = index(request.party());
        Action action = null;
        Throwable failure = null;
        String what = "observation of the moves before its turn";
        // The moves to catch up on are gathered first: inside the guarded window only strategy
        // code runs, so a worker abandoned there can touch nothing the negotiation still uses.
        Move[] batch = catchUp(q);
        long seq = begin(q);
        try {
            for (Move move : batch) {
                strategies[q].observe(move);
            }
            what = "move";
            action = strategies[q].act(request);
        } catch (Throwable t) {
            failure = t;
        }
        Action.Misbehaviour m = end(seq, failure, what);
        if (m != null) {
            misbehave(q, m);
            return true;
        }
        action = voice(q, request, action);
        try {
            session.submit(request.party(), action);
            if (action instanceof Action.WalkAway) {
                gone[q] = true;
            }
        } catch (InvalidMoveException e) {
            if (!session.finished()) {
                misbehave(q, new Action.Misbehaviour(Action.Misbehaviour.Reason.INVALID_MOVE, e.getMessage()));
            }
        }
        return true;
    }

    /**
     * The action with a line in the faction's words when the strategy gave a rationale but no
     * message: the phrasebook sees only the rationale's kind and public terms, never its figures.
     * The variant turns with the round, so that a faction does not say the same thing each time.
     */
    private Action voice(int q, Request request, Action action) {
        if (action == null || action.message() != null || action.rationale() == null) {
            return action;
        }
        Rationale why = action.rationale();
        String line = phrases[q].render(why.kind(), why.terms(), request.round() + q);
        if (line == null) {
            return action;
        }
        return action.explained(why, line);
    }

    /**
     * Tells the next strategy still at the table, or gone by walking away, that the negotiation is
     * over (after the moves it has not seen); false when all have been told. What it does wrong
     * then no longer counts: the result is settled.
     */
    private boolean endNext() {
        while (nextEnd < names.length) {
            int q = nextEnd++;
            if (strategies[q] == null || putOut[q]) {
                continue;
            }
            Result result = session.result();
            Outcome agreement = result != null && result.agreement() ? result.outcome() : null;
            Move[] batch = catchUp(q);
            Throwable failure = null;
            long seq = begin(q);
            try {
                for (Move move : batch) {
                    strategies[q].observe(move);
                }
                strategies[q].end(agreement);
            } catch (Throwable t) {
                failure = t;
            }
            end(seq, failure, "end");
            return true;
        }
        return false;
    }

    private static final Move[] NONE = new Move[0];

    /** The public moves strategy {@code q} has not yet seen, marked as seen. */
    private Move[] catchUp(int q) {
        int published = session.published();
        if (delivered[q] >= published) {
            return NONE;
        }
        Move[] batch = new Move[published - delivered[q]];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = move(delivered[q] + i);
        }
        delivered[q] = published;
        return batch;
    }

    private Move move(int index) {
        while (moves.size() <= index) {
            moves.add(session.events().get(moves.size()).move());
        }
        return moves.get(index);
    }

    private Request nextAiRequest() {
        Request first = session.next();
        if (first == null) {
            return null;
        }
        int p = index(first.party());
        if (strategies[p] != null && !gone[p]) {
            return first;
        }
        for (int q = p + 1; q < names.length; q++) {
            if (strategies[q] != null && !gone[q]) {
                Request request = session.pending(names[q]);
                if (request != null) {
                    return request;
                }
            }
        }
        return null;
    }

    private void misbehave(int q, Action.Misbehaviour m) {
        gone[q] = true;
        putOut[q] = true;
        session.misbehaved(names[q], m);
    }

    /** Marks a strategy call as running (with a time limit); returns its sequence number. */
    private long begin(int q) {
        if (limitNanos == 0) {
            return 0;
        }
        long seq = ++moveSeq;
        moveParty = q;
        moveThread = Thread.currentThread();
        moveStart = System.nanoTime();
        moveState.setRelease(seq);
        return seq;
    }

    /**
     * Ends a strategy call: its misbehaviour, if any, or null. Throws {@link Abandoned} when the
     * watchdog gave the call up meanwhile: this thread no longer owns the negotiation.
     */
    private Action.Misbehaviour end(long seq, Throwable failure, String what) {
        if (limitNanos != 0) {
            long elapsed = System.nanoTime() - moveStart;
            if (!moveState.compareAndSet(seq, IDLE)) {
                throw Abandoned.INSTANCE;
            }
            if (elapsed > limitNanos) {
                return timeout(what);
            }
        }
        if (failure == null) {
            return null;
        }
        if (failure instanceof Abandoned abandoned) {
            throw abandoned;
        }
        return new Action.Misbehaviour(Action.Misbehaviour.Reason.EXCEPTION, describe(failure, what));
    }

    private Action.Misbehaviour timeout(String what) {
        return new Action.Misbehaviour(Action.Misbehaviour.Reason.TIMEOUT,
                "its " + what + " took longer than the limit of " + (limitNanos / 1_000_000) + " ms");
    }

    private static String describe(Throwable failure, String what) {
        StringBuilder text = new StringBuilder("its ").append(what).append(" threw ").append(failure.getClass().getName());
        if (failure.getMessage() != null) {
            text.append(": ").append(failure.getMessage());
        }
        StackTraceElement[] trace = failure.getStackTrace();
        if (trace.length > 0) {
            text.append(" (at ").append(trace[0].getClassName()).append('.').append(trace[0].getMethodName())
                    .append(':').append(trace[0].getLineNumber()).append(')');
        }
        return text.toString();
    }

    /** Stands for a strategy whose factory threw: it is put out before its start and never called. */
    private static final class Unborn implements Strategy {
        static final Unborn INSTANCE = new Unborn();

        @Override
        public void start(Setup setup) {
            throw new IllegalStateException("never started");
        }

        @Override
        public Action act(Request request) {
            throw new IllegalStateException("never called");
        }
    }

    /**
     * Thrown to a thread whose strategy call overran the move time limit once the call returns: a
     * watchdog has taken the negotiation from it (see {@link #seizeIfOverrun}).
     */
    public static final class Abandoned extends RuntimeException {
        static final Abandoned INSTANCE = new Abandoned();

        private Abandoned() {
            super(null, null, false, false);
        }
    }

    private void advanceWatched() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        startWorker(done);
        long pollMillis = Math.max(1, limitNanos / 4_000_000);
        while (true) {
            try {
                done.get(pollMillis, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                takeOverIfOverrun(done);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the negotiation ran.", e);
            }
        }
    }

    private void takeOverIfOverrun(CompletableFuture<Void> done) {
        if (seizeIfOverrun()) {
            startWorker(done);
        }
    }

    private void startWorker(CompletableFuture<Void> done) {
        Thread worker = new Thread(() -> {
            try {
                while (step()) {
                    // see step()
                }
                done.complete(null);
            } catch (Abandoned abandoned) {
                // The watchdog took over; this thread's strategy overran its time.
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        }, "parley-negotiation");
        worker.setDaemon(true);
        worker.start();
    }

    // --- strategy calls run by the caller ---------------------------------------------------------

    /**
     * The next strategy call the negotiation owes (a strategy's start, or an AI party's turn), or
     * null when the session has ended or waits only on human parties. For a caller that runs
     * strategies on threads of its own, such as a server with a pool of workers: it takes the call
     * under its lock on the negotiation, {@linkplain Call#run runs} it without the lock (the call
     * touches only its own strategy, never the session), and hands it back to {@link #complete}
     * under the lock again. While a call is out, the caller asks for no other (one strategy call
     * at a time per negotiation, as in {@link #advance}); human parties may move meanwhile.
     */
    public Call nextCall() {
        while (nextStart < names.length) {
            int q = nextStart++;
            if (strategies[q] != null && !gone[q]) {
                return new Call(q, null, NONE);
            }
        }
        if (session.finished() || session.checkDeadline()) {
            return null;
        }
        Request request = nextAiRequest();
        if (request == null) {
            return null;
        }
        int q = index(request.party());
        return new Call(q, request, catchUp(q));
    }

    /**
     * Applies a call that has run: its move, or the party's misbehaviour (it threw, overran the
     * move time limit, or moved invalidly) with which it leaves the table. A call whose turn is
     * gone (the deadline ended the negotiation meanwhile) is dropped; so is an abandoned one.
     */
    public void complete(Call call) {
        if (call.abandoned || call.completed) {
            return;
        }
        call.completed = true;
        int q = call.party;
        Action.Misbehaviour m = null;
        if (limitNanos != 0 && call.elapsed > limitNanos) {
            m = timeout(call.what);
        } else if (call.failure != null) {
            m = new Action.Misbehaviour(Action.Misbehaviour.Reason.EXCEPTION, describe(call.failure, call.what));
        }
        if (session.finished()) {
            return;
        }
        if (m != null) {
            misbehave(q, m);
            return;
        }
        if (call.request == null || !call.request.equals(session.pending(names[q]))) {
            return;
        }
        // The same line as on the engine's own thread: a replay (voice in replay) must find it again.
        Action action = voice(q, call.request, call.action);
        try {
            session.submit(names[q], action);
            if (action instanceof Action.WalkAway) {
                gone[q] = true;
            }
        } catch (InvalidMoveException e) {
            if (!session.finished()) {
                misbehave(q, new Action.Misbehaviour(Action.Misbehaviour.Reason.INVALID_MOVE, e.getMessage()));
            }
        }
    }

    /**
     * Gives up on a call that overran the move time limit and has not returned: its party leaves
     * the table with a timeout, and whatever the call returns later is ignored. The caller
     * interrupts the thread running it and carries on with the next call.
     */
    public void abandon(Call call) {
        if (call.abandoned || call.completed) {
            return;
        }
        call.abandoned = true;
        if (!session.finished()) {
            misbehave(call.party, timeout("call"));
        }
    }

    /** The move time limit of the settings, or null when there is none. */
    public Duration moveTimeLimit() {
        return limitNanos == 0 ? null : Duration.ofNanos(limitNanos);
    }

    /** One strategy call, taken with {@link #nextCall}: run it anywhere, then {@link #complete} it. */
    public final class Call {
        private final int party;
        private final Request request;
        private final Move[] observe;
        private String what;
        private Action action;
        private Throwable failure;
        private long elapsed;
        private volatile boolean abandoned;
        private boolean completed;

        private Call(int party, Request request, Move[] observe) {
            this.party = party;
            this.request = request;
            this.observe = observe;
            this.what = request == null ? "start" : "observation of the moves before its turn";
        }

        /** The AI party whose strategy this call runs. */
        public String party() {
            return names[party];
        }

        /** Whether this is a strategy's start rather than a turn. */
        public boolean isStart() {
            return request == null;
        }

        /** Runs the strategy's code: nothing but its own strategy is touched, so no lock is needed. */
        public void run() {
            long start = System.nanoTime();
            try {
                if (request == null) {
                    strategies[party].start(setups[party]);
                } else {
                    for (Move move : observe) {
                        strategies[party].observe(move);
                    }
                    what = "move";
                    action = strategies[party].act(request);
                }
            } catch (Throwable t) {
                failure = t;
            }
            elapsed = System.nanoTime() - start;
        }

        /** How long {@link #run} took, in nanoseconds. */
        public long elapsedNanos() {
            return elapsed;
        }

        public boolean abandoned() {
            return abandoned;
        }
    }

    // ---------------------------------------------------------------------------------------------

    private void replay(List<Event> log, ReplayTime time, double elapsed) {
        // A strategy that once overran its time might do so again: its logged moves are taken as
        // they are, and it is never called (it left the table at that point anyway).
        for (Event event : log) {
            if (event.action() instanceof Action.Misbehaviour m && m.reason() == Action.Misbehaviour.Reason.TIMEOUT) {
                strategies[index(event.party())] = null;
            }
        }
        for (int q = 0; q < names.length; q++) {
            if (strategies[q] != null) {
                try {
                    strategies[q].start(setups[q]);
                } catch (Throwable ignored) {
                    // The log records what came of it.
                }
            }
        }
        nextStart = names.length;
        for (int i = 0; i < log.size(); i++) {
            Event event = log.get(i);
            deliverQuietly();
            if (i + 1 < log.size()) {
                time.logged(log.get(i + 1).time());
            } else {
                time.live(TimeSource.live(session.settings().deadline(), event.time()));
            }
            if (Event.MEDIATOR.equals(event.party())) {
                check(log, i);
                continue;
            }
            int q = index(event.party());
            if (event.action() instanceof Action.Misbehaviour m) {
                gone[q] = true;
                putOut[q] = true;
                session.misbehaved(event.party(), m);
            } else {
                if (strategies[q] != null && !(strategies[q] instanceof ExternalStrategy)) {
                    Request request = session.pending(event.party());
                    Action replayed;
                    try {
                        replayed = request == null ? null : voice(q, request, strategies[q].act(request));
                    } catch (Throwable t) {
                        replayed = null;
                    }
                    if (!event.action().equals(replayed)) {
                        throw diverged(i, event, "the strategy now plays " + replayed);
                    }
                }
                try {
                    session.submit(event.party(), event.action());
                } catch (InvalidMoveException e) {
                    throw diverged(i, event, e.getMessage());
                }
                if (event.action() instanceof Action.WalkAway) {
                    gone[q] = true;
                }
            }
            check(log, i);
        }
        // The clock goes on from the last logged move, or from later when the caller says its time ran on
        // (set once the log is replayed, so that the replayed moves keep their own times).
        if (log.isEmpty() || elapsed > log.get(log.size() - 1).time()) {
            time.live(TimeSource.live(session.settings().deadline(),
                    Math.max(elapsed, log.isEmpty() ? 0 : log.get(log.size() - 1).time())));
        }
        deliverQuietly();
    }

    private void check(List<Event> log, int i) {
        List<Event> events = session.events();
        if (events.size() <= i || !events.get(i).equals(log.get(i))) {
            throw diverged(i, log.get(i), "the session now records " + (events.size() <= i ? "nothing" : events.get(i)));
        }
    }

    private void deliverQuietly() {
        int published = session.published();
        for (int q = 0; q < names.length; q++) {
            while (strategies[q] != null && !gone[q] && delivered[q] < published) {
                try {
                    strategies[q].observe(move(delivered[q]++));
                } catch (Throwable ignored) {
                    // The log records what came of it.
                }
            }
        }
    }

    private IllegalStateException diverged(int i, Event event, String detail) {
        return new IllegalStateException("The log diverges from its replay at event #" + i + " (" + event.party()
                + ", round " + event.round() + ", " + event.action() + "): " + detail + ". Was it made with other"
                + " settings or another version of a strategy?");
    }

    private int index(String party) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(party)) {
                return i;
            }
        }
        throw new IllegalArgumentException("Unknown party (" + party + ").");
    }
}
