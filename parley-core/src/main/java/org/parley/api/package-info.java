/**
 * Parley's public API: the types a strategy plugin, a remote agent's documentation or a program
 * embedding Parley may rely on, each marked {@link org.parley.api.Stable}.
 *
 * <p>A strategy sees exactly this and nothing more:
 * <ul>
 *   <li>{@link org.parley.core.strategy.Strategy}: what it implements ({@code start}, {@code observe},
 *       {@code act}, {@code end});
 *   <li>{@link org.parley.core.strategy.Setup}: what it is told once: who it plays, the parties' names,
 *       the domain, <em>its own</em> {@link org.parley.core.preference.Preferences} and
 *       {@link org.parley.core.strategy.BidSpace}, the agreement rule, the protocol's key, the deadline,
 *       the move time limit and a seeded random generator;
 *   <li>{@link org.parley.core.negotiation.Move}: each public move, in order (its own included);
 *   <li>{@link org.parley.core.negotiation.Request}: what the protocol asks of it now, with the
 *       normalised time t in [0, 1] (the clock);
 *   <li>{@link org.parley.core.negotiation.Action}: what it answers (an offer, an acceptance or
 *       rejection, or walking away).
 * </ul>
 * No type reachable from these leads to another party's preferences, the scenario, the session or
 * the log. {@link org.parley.api.StrategyProvider} registers a jar's strategies, by name, with
 * their parameters ({@link org.parley.core.strategy.StrategyRegistry.Entry},
 * {@link org.parley.core.strategy.StrategyRegistry.Parameter},
 * {@link org.parley.core.strategy.StrategyRegistry.Parameters}).
 *
 * <p>Also stable, for programs that run negotiations and tournaments themselves: the model values
 * ({@link org.parley.core.model.Scenario}, {@link org.parley.core.model.Domain},
 * {@link org.parley.core.model.Issue}, {@link org.parley.core.model.Outcome},
 * {@link org.parley.core.model.AgreementRule}, {@link org.parley.core.preference.Preferences},
 * {@link org.parley.core.preference.UtilityFunction}), the negotiation values
 * ({@link org.parley.core.negotiation.Deadline}, {@link org.parley.core.negotiation.StrategySpec},
 * {@link org.parley.core.negotiation.NegotiationSettings}, {@link org.parley.core.negotiation.Result},
 * {@link org.parley.core.negotiation.Rationale}), the engine
 * ({@link org.parley.core.engine.Negotiation}, {@link org.parley.core.engine.BidSpaceCache}), the
 * tournament ({@link org.parley.core.tournament.TournamentPlan},
 * {@link org.parley.core.tournament.TournamentRunner}, {@link org.parley.core.tournament.MatchResult},
 * {@link org.parley.core.tournament.Ranking}), {@link org.parley.core.generate.ScenarioGenerator}
 * and {@link org.parley.core.strategy.StrategyPlugins}. Every other type may change in any release.
 */
@Stable
package org.parley.api;
