package org.parley.core.tournament;

import java.util.List;
import org.parley.api.Stable;

/**
 * Where a tournament's negotiations run: {@link TournamentRunner#onThreads this machine's threads}
 * (the default), or the members of a cluster (the {@code parley-cluster} module). An executor
 * runs the negotiations it is given and hands each result to the sink, one call at a time; it
 * starts no more once {@link TournamentRunner#stopped()} and returns how many it ran. The results
 * depend only on the plan, never on the executor: a negotiation's seed is fixed by its index.
 */
@Stable
@FunctionalInterface
public interface MatchExecutor {

    int run(TournamentRunner runner, List<Match> todo, TournamentRunner.Sink sink) throws InterruptedException;
}
