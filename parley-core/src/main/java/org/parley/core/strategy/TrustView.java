package org.parley.core.strategy;

/**
 * How far a party trusts each of the others, from 0 (not at all) to 1 (fully), as a world of
 * repeated negotiations would know it (for example from {@code org.parley.core.world.Reputation}).
 * The {@link DiplomatStrategy} credits a partner's concessions and weighs a coalition by it; a
 * single negotiation has no history, so it trusts everyone ({@link #FULL}).
 */
@FunctionalInterface
public interface TrustView {

    /** Everyone fully trusted: the view of a single negotiation. */
    TrustView FULL = party -> 1;

    /** The trust in {@code party}, from 0 to 1. */
    double trust(String party);
}
