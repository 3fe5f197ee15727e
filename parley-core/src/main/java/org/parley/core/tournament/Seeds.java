package org.parley.core.tournament;

/**
 * Per-negotiation seeds: a function of the tournament's seed and the negotiation's index only, so
 * that a negotiation runs the same whichever thread runs it and whatever ran before it. The mix is
 * SplitMix64's finaliser (Steele, Lea and Flood 2014), which spreads neighbouring inputs apart.
 */
public final class Seeds {

    private Seeds() {}

    public static long derive(long seed, long index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
