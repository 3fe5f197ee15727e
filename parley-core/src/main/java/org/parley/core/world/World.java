package org.parley.core.world;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.StrategySpec;

/**
 * A world of repeated negotiations: a set of powers, a schedule of negotiations among subsets of
 * them (each a scenario whose parties are played by powers), and what happens after an agreement:
 * each signer honours it or breaches it, and the powers remember. One-shot platforms cannot ask the
 * question a world asks: does breaking a deal with one power cost you with the others?
 *
 * @param name the world's name (records and plots carry it)
 * @param powers the powers in file order, each with its diplomat and its honour policy
 * @param meetings the negotiations in the order they happen
 * @param rounds the round limit of every negotiation
 * @param breach what a breach gains and costs, and who sees it
 * @param trust how powers form trust and how much it weighs in their demands
 */
public record World(String name, List<Power> powers, List<Meeting> meetings, int rounds, Breach breach, Trust trust) {

    public World {
        powers = List.copyOf(powers);
        meetings = List.copyOf(meetings);
        if (powers.isEmpty()) {
            throw new IllegalArgumentException("A world needs at least one power.");
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("The round limit (" + rounds + ") must be at least 1.");
        }
        Map<String, Power> byName = new LinkedHashMap<>();
        for (Power p : powers) {
            if (byName.put(p.name(), p) != null) {
                throw new IllegalArgumentException("The power (" + p.name() + ") is listed twice.");
            }
        }
        for (int k = 0; k < meetings.size(); k++) {
            Meeting m = meetings.get(k);
            for (var entry : m.roles().entrySet()) {
                if (!byName.containsKey(entry.getValue())) {
                    throw new IllegalArgumentException("Negotiation " + (k + 1) + " (" + m.scenario().name()
                            + "): unknown power (" + entry.getValue() + ") for party " + entry.getKey() + ".");
                }
            }
        }
    }

    public Power power(String name) {
        for (Power p : powers) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("Unknown power (" + name + ").");
    }

    public List<String> powerNames() {
        List<String> names = new ArrayList<>();
        powers.forEach(p -> names.add(p.name()));
        return names;
    }

    /**
     * A power: who plays for it (a strategy, as in {@code parley run}), whether it honours its
     * agreements, and whether its diplomats let trust change their demands.
     */
    public record Power(String name, StrategySpec strategy, Honour honour, boolean trustAware) {
        public Power {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("A power needs a name.");
            }
            if (strategy == null || strategy.isHuman()) {
                throw new IllegalArgumentException("The power (" + name + ") needs an AI strategy.");
            }
        }
    }

    /** Whether a power keeps the agreements it signs. */
    public enum Honour {
        /** Keeps every agreement. */
        ALWAYS,
        /** Breaks every agreement it gains from breaking. */
        NEVER,
        /** Breaks an agreement when the gain exceeds the reputation cost it expects over the rest of the world. */
        WHEN_IT_PAYS
    }

    /**
     * One scheduled negotiation: a scenario and the power that plays each of its parties (every
     * party is played; a power plays at most one party of a negotiation).
     */
    public record Meeting(Scenario scenario, Map<String, String> roles) {
        public Meeting {
            roles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(roles));
            for (String party : scenario.partyNames()) {
                if (!roles.containsKey(party)) {
                    throw new IllegalArgumentException("The negotiation of " + scenario.name() + " names no power for"
                            + " party " + party + ".");
                }
            }
            for (String party : roles.keySet()) {
                if (!scenario.partyNames().contains(party)) {
                    throw new IllegalArgumentException(scenario.name() + " has no party (" + party + "); its parties are "
                            + scenario.partyNames() + ".");
                }
            }
            if (Set.copyOf(roles.values()).size() != roles.size()) {
                throw new IllegalArgumentException("In the negotiation of " + scenario.name()
                        + ", one power plays two parties: " + roles + ".");
            }
        }
    }

    /**
     * What a breach is worth and costs. {@code gain}: the breacher's gain, NaN for "its utility of
     * its best outcome minus that of the agreement"; {@code loss}: the fraction of its surplus
     * over its walk-away value (utility − reservation) that each other signer loses;
     * {@code visibility}: who learns of it.
     */
    public record Breach(double gain, double loss, Visibility visibility) {
        public static final Breach DEFAULT = new Breach(Double.NaN, 0.5, Visibility.PUBLIC);

        public Breach {
            if (!Double.isNaN(gain) && !(gain >= 0 && gain <= 1)) {
                throw new IllegalArgumentException("A breach's gain (" + gain + ") must lie in [0, 1].");
            }
            if (!(loss >= 0 && loss <= 1)) {
                throw new IllegalArgumentException("A breach's loss (" + loss + ") must lie in [0, 1].");
            }
        }
    }

    /** Who learns of a breach (and of an honoured agreement). */
    public enum Visibility {
        /** Every power. */
        PUBLIC,
        /** The signers of the agreement only. */
        SIGNERS
    }

    /**
     * How trust forms and weighs. {@code model}: none (trust plays no part), beta (each power's own
     * experience, Jøsang and Ismail's beta reputation) or witness (its own experience and what the
     * others saw, shared); {@code forgetting}: the weight λ of old evidence per new observation
     * (1 keeps everything); {@code weight}: how far a trust-aware power raises its walk-away value
     * towards its best outcome when it distrusts a counterpart (0: not at all; 1: up to the best).
     */
    public record Trust(Model model, double forgetting, double weight) {
        public static final Trust DEFAULT = new Trust(Model.BETA, 0.9, 0.6);

        public Trust {
            if (!(forgetting > 0 && forgetting <= 1)) {
                throw new IllegalArgumentException("The forgetting factor (" + forgetting + ") must lie in (0, 1].");
            }
            if (!(weight >= 0 && weight <= 1)) {
                throw new IllegalArgumentException("The trust weight (" + weight + ") must lie in [0, 1].");
            }
        }

        public enum Model { NONE, BETA, WITNESS }
    }
}
