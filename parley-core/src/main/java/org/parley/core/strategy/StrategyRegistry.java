package org.parley.core.strategy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.parley.core.model.Party;
import org.parley.core.model.Persona;
import org.parley.core.model.Tolerances;
import org.parley.core.negotiation.StrategySpec;

/**
 * The strategies Parley ships, by name, each with its parameters. {@link #create} turns a spec such
 * as {@code time-dependent:e=0.2} into a fresh strategy; every mistake (unknown name, unknown
 * parameter, bad value) is an {@link IllegalArgumentException} naming it and what was expected.
 *
 * <p>The BOA strategies also take an acceptance condition: {@code ac=next} (default; AC_next),
 * {@code ac=const} with {@code alpha} (AC_const(α), default 0.8), {@code ac=time} with {@code after}
 * (AC_time(T), default 0.98) or {@code ac=combi} with {@code after} (AC_combi(T, MAX^W), default 0.98).
 */
public final class StrategyRegistry {

    /** A strategy's name, what it does, its parameters and how to build it. */
    public record Entry(String name, String description, Set<String> parameters, Function<Parameters, Strategy> factory) {}

    /**
     * The strategy an AI party plays when neither the scenario nor the user names one: the
     * {@link DiplomatStrategy}, which answers the other side's concessions, weighs the deadline,
     * the discount and its walk-away value, courts the coalition the rule needs and says why it
     * moves. The one place to change the default, for {@code parley run}, tournaments and the
     * server's AI seats alike.
     */
    public static final String DEFAULT = "diplomat";

    private static final Set<String> AC = Set.of("ac", "alpha", "after");

    /** The parameter that switches a time-dependent strategy's discount awareness off (see {@link TimePressure}). */
    public static final String DISCOUNT_AWARE = "discount-aware";

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public StrategyRegistry() {
        timeDependent("boulware", 0.2, "time-dependent concession with e = 0.2: holds out, concedes late");
        timeDependent("linear", 1, "time-dependent concession with e = 1: concedes steadily");
        timeDependent("conceder", 2, "time-dependent concession with e = 2: concedes early");
        timeDependent("time-dependent", 1, "time-dependent concession (Faratin et al. 1998), exponent e (default 1)");
        register(new Entry("tit-for-tat", "reciprocates the opponents' concessions, mode=relative (default) or absolute",
                with(AC, "mode"), p -> boa(new TitForTatBidding(p.choice("mode", "relative", "relative", "absolute")
                        .equals("absolute") ? TitForTatBidding.Mode.ABSOLUTE : TitForTatBidding.Mode.RELATIVE), p, null)));
        register(new Entry("hardliner", "always offers its best outcome and accepts nothing less", Set.of(),
                p -> new BoaStrategy(new HardlinerBidding(), (offered, next, t, h) -> offered >= next - Tolerances.ROUNDING, null)));
        register(new Entry("random", "offers random outcomes above its reservation value (AC_next)", AC,
                p -> boa(new RandomBidding(), p, null)));
        register(new Entry("frequency", "learns the opponents' preferences from their offers (HardHeaded frequency"
                + " model) and bids near its estimated Nash point, conceding with exponent e (default 0.2)",
                with(AC, "e", DISCOUNT_AWARE), p -> {
                    FrequencyOpponentModel model = new FrequencyOpponentModel();
                    boolean aware = p.flag(DISCOUNT_AWARE, true);
                    return new BoaStrategy(new NashSeekingBidding(p.positive("e", 0.2), aware), acceptance(p), model, aware);
                }));
        register(new Entry(DEFAULT, "Parley's diplomat: answers concessions (reciprocity), weighs the deadline, the"
                + " discount and its walk-away value, courts the coalition the rule needs, and says why it moves;"
                + " style=hardliner|pragmatic|cooperative, patience and reciprocity from 0 to 1 (a scenario's persona)",
                Set.of("style", "patience", "reciprocity", DISCOUNT_AWARE), p -> new DiplomatStrategy(new Persona(
                        Persona.Style.of(p.choice("style", Persona.DEFAULT.style().key(), "hardliner", "pragmatic",
                                "cooperative")),
                        p.fraction("patience", Persona.DEFAULT.patience()),
                        p.fraction("reciprocity", Persona.DEFAULT.reciprocity())), p.flag(DISCOUNT_AWARE, true))));
        register(new Entry("micro", "MiCRO (de Jonge 2022): concedes one step only when the opponents have made as many distinct offers", Set.of(),
                p -> {
                    MicroBidding micro = new MicroBidding();
                    return new BoaStrategy(micro, (offered, next, t, h) -> offered >= micro.worstNextUtility() - Tolerances.ROUNDING,
                            null);
                }));
    }

    private void timeDependent(String name, double e, String description) {
        register(new Entry(name, description, with(AC, "e", DISCOUNT_AWARE), p -> {
            boolean aware = p.flag(DISCOUNT_AWARE, true);
            return new BoaStrategy(new TimeDependentBidding(p.positive("e", e), aware), acceptance(p), null, aware);
        }));
    }

    private static Set<String> with(Set<String> base, String... more) {
        Set<String> set = new TreeSet<>(base);
        set.addAll(Set.of(more));
        return set;
    }

    private static Strategy boa(BiddingStrategy bidding, Parameters p, OpponentModel model) {
        return new BoaStrategy(bidding, acceptance(p), model);
    }

    private static AcceptanceCondition acceptance(Parameters p) {
        return switch (p.choice("ac", "next", "next", "const", "time", "combi")) {
            case "const" -> AcceptanceCondition.constant(p.fraction("alpha", 0.8));
            case "time" -> AcceptanceCondition.time(p.fraction("after", 0.98));
            case "combi" -> AcceptanceCondition.combi(p.fraction("after", 0.98));
            default -> AcceptanceCondition.next();
        };
    }

    /**
     * The spec a party plays when the user names none: the scenario's strategy for it, else
     * {@link #DEFAULT}; the diplomat takes the party's persona as its parameters (any it is given
     * explicitly win).
     */
    public static StrategySpec defaultSpec(Party party) {
        StrategySpec spec = StrategySpec.parse(party.strategy() == null ? DEFAULT : party.strategy());
        return withPersona(spec, party.persona());
    }

    /** {@code spec} with the persona's parameters added when it is the diplomat; the spec's own parameters win. */
    public static StrategySpec withPersona(StrategySpec spec, Persona persona) {
        if (persona == null || !spec.name().equals(DEFAULT)) {
            return spec;
        }
        Map<String, String> parameters = new LinkedHashMap<>(persona.parameters());
        parameters.putAll(spec.parameters());
        return new StrategySpec(spec.name(), parameters);
    }

    public void register(Entry entry) {
        entries.put(entry.name(), entry);
    }

    public Map<String, Entry> entries() {
        return java.util.Collections.unmodifiableMap(entries);
    }

    /** Checks the spec's name and parameters; throws naming the mistake. */
    public void validate(StrategySpec spec) {
        create(spec);
    }

    /** A fresh strategy for {@code spec}. */
    public Strategy create(StrategySpec spec) {
        if (spec.isHuman()) {
            throw new IllegalArgumentException("The strategy (human) is a person playing through a session, not an"
                    + " AI diplomat; choose one of " + entries.keySet() + ".");
        }
        Entry entry = entries.get(spec.name());
        if (entry == null) {
            throw new IllegalArgumentException("Unknown strategy (" + spec.name() + "); the strategies are "
                    + String.join(", ", entries.keySet()) + ".");
        }
        for (String key : spec.parameters().keySet()) {
            if (!entry.parameters().contains(key)) {
                throw new IllegalArgumentException("The strategy (" + spec.name() + ") has no parameter (" + key + ")"
                        + (entry.parameters().isEmpty() ? "; it takes none." : "; its parameters are "
                                + String.join(", ", new TreeSet<>(entry.parameters())) + "."));
            }
        }
        return entry.factory().apply(new Parameters(spec));
    }

    /** A spec's parameters, read with defaults and checked. */
    public static final class Parameters {

        private final StrategySpec spec;

        Parameters(StrategySpec spec) {
            this.spec = spec;
        }

        public double positive(String key, double fallback) {
            double x = number(key, fallback);
            if (!(x > 0)) {
                throw bad(key, "a positive number");
            }
            return x;
        }

        public double fraction(String key, double fallback) {
            double x = number(key, fallback);
            if (!(x >= 0 && x <= 1)) {
                throw bad(key, "a number from 0 to 1");
            }
            return x;
        }

        public boolean flag(String key, boolean fallback) {
            String value = spec.parameters().get(key);
            if (value == null) {
                return fallback;
            }
            return switch (value) {
                case "true", "on", "yes" -> true;
                case "false", "off", "no" -> false;
                default -> throw bad(key, "true or false");
            };
        }

        public String choice(String key, String fallback, String... allowed) {
            String value = spec.parameters().getOrDefault(key, fallback);
            for (String a : allowed) {
                if (a.equals(value)) {
                    return value;
                }
            }
            throw bad(key, "one of " + String.join(", ", allowed));
        }

        private double number(String key, double fallback) {
            String value = spec.parameters().get(key);
            if (value == null) {
                return fallback;
            }
            try {
                double x = Double.parseDouble(value);
                if (!Double.isFinite(x)) {
                    throw bad(key, "a finite number");
                }
                return x;
            } catch (NumberFormatException e) {
                throw bad(key, "a number");
            }
        }

        private IllegalArgumentException bad(String key, String expected) {
            return new IllegalArgumentException("The parameter (" + key + ") of strategy (" + spec.name() + ") must be "
                    + expected + ", got (" + spec.parameters().get(key) + ").");
        }
    }
}
