package org.parley.core.world;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.core.negotiation.Result;

/**
 * What became of a world: each negotiation's ending and aftermath, and per power its welfare, its
 * agreements made, honoured and broken, and its standing (the others' mean trust in it) after each
 * negotiation.
 */
public record WorldResult(String world, long seed, List<MeetingResult> meetings, Map<String, PowerTotals> totals,
        Map<String, List<Double>> standing, Map<String, List<Double>> welfare) {

    public WorldResult {
        meetings = List.copyOf(meetings);
        totals = Collections.unmodifiableMap(new LinkedHashMap<>(totals));
        standing = Collections.unmodifiableMap(new LinkedHashMap<>(standing));
        welfare = Collections.unmodifiableMap(new LinkedHashMap<>(welfare));
    }

    /**
     * One negotiation of the world: its result (in the scenario's parties), the powers that played
     * it, the walk-away values the trust-aware powers negotiated with (raised against distrusted
     * counterparts), who breached, and each power's payoff after the execution phase.
     */
    public record MeetingResult(int index, String scenario, Map<String, String> roles, Result result,
            Map<String, Double> demanded, List<String> breachers, Map<String, Double> payoffs) {
        public MeetingResult {
            roles = Collections.unmodifiableMap(new LinkedHashMap<>(roles));
            demanded = Collections.unmodifiableMap(new LinkedHashMap<>(demanded));
            breachers = List.copyOf(breachers);
            payoffs = Collections.unmodifiableMap(new LinkedHashMap<>(payoffs));
        }
    }

    /** A power's totals over the world. */
    public record PowerTotals(double welfare, int negotiations, int agreements, int honoured, int breached,
            double standing) {}
}
