package org.parley.core.strategy;

/**
 * A strategy whose moves are decided outside this process (a remote agent over HTTP), so that
 * they cannot be asked for again. When a negotiation is rebuilt from its log, such a strategy is
 * started afresh and shown every logged move, its own included, as public moves; it is never asked
 * to repeat its logged moves, which are taken as they are.
 */
public interface ExternalStrategy extends Strategy {}
