package org.parley.core.strategy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.parley.api.Stable;
import org.parley.core.model.Party;
import org.parley.core.model.Persona;
import org.parley.core.model.Tolerances;
import org.parley.core.negotiation.StrategySpec;

/**
 * The strategies a run can name, each with its parameters and their defaults: the ones Parley
 * ships, and those added by code ({@link #register}) or by plugins ({@link StrategyPlugins}).
 * {@link #create} turns a spec such as {@code time-dependent:e=0.2} into a fresh strategy; every
 * mistake (unknown name, unknown parameter, missing or bad value) is an
 * {@link IllegalArgumentException} naming it and what was expected.
 *
 * <p>The BOA strategies also take an acceptance condition: {@code ac=next} (default; AC_next),
 * {@code ac=const} with {@code alpha} (AC_const(α), default 0.8), {@code ac=time} with {@code after}
 * (AC_time(T), default 0.98) or {@code ac=combi} with {@code after} (AC_combi(T, MAX^W), default 0.98).
 *
 * <p>Not thread-safe while entries are registered; once set up, creating strategies from several
 * threads is safe.
 */
@Stable
public final class StrategyRegistry {

    /**
     * A parameter a strategy takes: its name, its default as it would be written in a spec (null
     * when the parameter must be given) and what it means, for listings.
     */
    @Stable
    public record Parameter(String name, String defaultValue, String description) {

        public Parameter {
            if (name == null || !name.matches("[a-z][a-zA-Z0-9-]*")) {
                throw new IllegalArgumentException("The parameter name (" + name + ") must start with a lower-case"
                        + " letter and hold only letters, digits and hyphens, like e or max-bids.");
            }
            description = description == null ? "" : description;
        }

        /** A parameter with a default. */
        public static Parameter of(String name, String defaultValue, String description) {
            return new Parameter(name, defaultValue, description);
        }

        /** A parameter every spec must give. */
        public static Parameter required(String name, String description) {
            return new Parameter(name, null, description);
        }

        public boolean isRequired() {
            return defaultValue == null;
        }
    }

    /**
     * A strategy's name, what it does, its parameters and how to build one. The factory is called
     * once per negotiation and party, with the spec's parameters; it must return a fresh strategy.
     */
    @Stable
    public record Entry(String name, String description, List<Parameter> parameters,
            Function<Parameters, Strategy> factory) {

        public Entry {
            if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
                throw new IllegalArgumentException("The strategy name (" + name + ") must be lower-case letters, digits"
                        + " and hyphens, like my-agent.");
            }
            if (StrategySpec.HUMAN.equals(name)) {
                throw new IllegalArgumentException("The strategy name (human) is taken: it marks a person playing.");
            }
            if (factory == null) {
                throw new IllegalArgumentException("The strategy (" + name + ") has no factory.");
            }
            description = description == null ? "" : description;
            parameters = List.copyOf(parameters);
            Set<String> seen = new java.util.HashSet<>();
            for (Parameter p : parameters) {
                if (!seen.add(p.name())) {
                    throw new IllegalArgumentException("The strategy (" + name + ") declares the parameter (" + p.name()
                            + ") twice.");
                }
            }
        }

        /** An entry whose parameters have no defaults or descriptions (each may be left out). */
        public Entry(String name, String description, Set<String> parameters, Function<Parameters, Strategy> factory) {
            this(name, description, new TreeSet<>(parameters).stream().map(p -> Parameter.of(p, "", "")).toList(),
                    factory);
        }

        /** The parameter names, in declaration order. */
        public Set<String> parameterNames() {
            Set<String> names = new LinkedHashSet<>();
            parameters.forEach(p -> names.add(p.name()));
            return names;
        }

        /** The declared parameter, or null. */
        public Parameter parameter(String key) {
            for (Parameter p : parameters) {
                if (p.name().equals(key)) {
                    return p;
                }
            }
            return null;
        }
    }

    /**
     * The strategy an AI party plays when neither the scenario nor the user names one: the
     * {@link DiplomatStrategy}, which answers the other side's concessions, weighs the deadline,
     * the discount and its walk-away value, courts the coalition the rule needs and says why it
     * moves. The one place to change the default, for {@code parley run}, tournaments and the
     * server's AI seats alike.
     */
    public static final String DEFAULT = "diplomat";

    /** The parameter that switches a time-dependent strategy's discount awareness off (see {@link TimePressure}). */
    public static final String DISCOUNT_AWARE = "discount-aware";

    private static final Parameter AWARE = Parameter.of(DISCOUNT_AWARE, "true", "plan the concession on the discounted"
            + " utility and the walk-away value (false: the classic curve on the undiscounted utility)");

    /** The parameter of the strategies that read trust (a world of repeated negotiations tells them). */
    public static final String WARY = "wary";

    /** Where the strategies Parley ships come from, in {@link #origin}. */
    public static final String BUILT_IN = "built-in";

    private static final List<Parameter> AC = List.of(
            Parameter.of("ac", "next", "acceptance condition: next (AC_next), const, time or combi"),
            Parameter.of("alpha", "0.8", "ac=const: accept any offer worth at least this"),
            Parameter.of("after", "0.98", "ac=time, ac=combi: the time from which it accepts (more)"));

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, String> origins = new LinkedHashMap<>();

    public StrategyRegistry() {
        timeDependent("boulware", "0.2", "time-dependent concession with e = 0.2: holds out, concedes late");
        timeDependent("linear", "1", "time-dependent concession with e = 1: concedes steadily");
        timeDependent("conceder", "2", "time-dependent concession with e = 2: concedes early");
        timeDependent("time-dependent", "1", "time-dependent concession (Faratin et al. 1998), exponent e (default 1)");
        register(new Entry("tit-for-tat", "reciprocates the opponents' concessions, mode=relative (default) or absolute",
                with(AC, Parameter.of("mode", "relative", "relative or absolute reciprocity")),
                p -> boa(new TitForTatBidding(p.oneOf("mode", "relative", "absolute")
                        .equals("absolute") ? TitForTatBidding.Mode.ABSOLUTE : TitForTatBidding.Mode.RELATIVE), p, null)));
        register(new Entry("hardliner", "always offers its best outcome and accepts nothing less", List.of(),
                p -> new BoaStrategy(new HardlinerBidding(), (offered, next, t, h) -> offered >= next - Tolerances.ROUNDING, null)));
        register(new Entry("random", "offers random outcomes above its reservation value (AC_next)", AC,
                p -> boa(new RandomBidding(), p, null)));
        register(new Entry("frequency", "learns the opponents' preferences from their offers (HardHeaded frequency"
                + " model) and bids near its estimated Nash point, conceding with exponent e (default 0.2)",
                with(AC, Parameter.of("e", "0.2", "concession exponent"), AWARE), p -> {
                    FrequencyOpponentModel model = new FrequencyOpponentModel();
                    boolean aware = p.flag(DISCOUNT_AWARE, true);
                    return new BoaStrategy(new NashSeekingBidding(p.positive("e"), aware), acceptance(p), model, aware);
                }));
        register(new Entry(DEFAULT, "Parley's diplomat: answers concessions (reciprocity), weighs the deadline, the"
                + " discount and its walk-away value, courts the coalition the rule needs, and says why it moves",
                List.of(Parameter.of("style", Persona.DEFAULT.style().key(), "hardliner, pragmatic or cooperative"),
                        Parameter.of("patience", String.valueOf(Persona.DEFAULT.patience()),
                                "0 to 1: how long it holds before the deadline pulls it"),
                        Parameter.of("reciprocity", String.valueOf(Persona.DEFAULT.reciprocity()),
                                "0 to 1: how much of the other side's concession it answers"),
                        AWARE, Parameter.of(WARY, "0.6", "how far distrust of a counterpart (trust below a"
                                + " stranger's, from earlier dealings in a world) raises its floor, towards its best;"
                                + " it also credits and courts a distrusted power less: 0 ignores trust")),
                p -> new DiplomatStrategy(new Persona(
                        Persona.Style.of(p.oneOf("style", "hardliner", "pragmatic", "cooperative")),
                        p.fraction("patience"), p.fraction("reciprocity")), p.flag(DISCOUNT_AWARE, true),
                        p.fraction(WARY))));
        register(new Entry("micro", "MiCRO (de Jonge 2022): concedes one step only when the opponents have made as many distinct offers", List.of(),
                p -> {
                    MicroBidding micro = new MicroBidding();
                    return new BoaStrategy(micro, (offered, next, t, h) -> offered >= micro.worstNextUtility() - Tolerances.ROUNDING,
                            null);
                }));
        origins.replaceAll((name, origin) -> BUILT_IN);
    }

    private void timeDependent(String name, String e, String description) {
        register(new Entry(name, description, with(AC, Parameter.of("e", e, "concession exponent: below 1 holds out,"
                + " above 1 concedes early"), AWARE, Parameter.of(WARY, "0.6", "how far distrust of a counterpart"
                + " (trust below a stranger's, from earlier dealings in a world) raises the least it concedes to and"
                + " signs, towards its best: 0 ignores trust")), p -> {
            boolean aware = p.flag(DISCOUNT_AWARE, true);
            double wary = p.fraction(WARY);
            return new BoaStrategy(new TimeDependentBidding(p.positive("e"), aware, wary), acceptance(p), null, aware,
                    wary);
        }));
    }

    private static List<Parameter> with(List<Parameter> base, Parameter... more) {
        List<Parameter> list = new ArrayList<>(List.of(more));
        list.addAll(base);
        return list;
    }

    private static Strategy boa(BiddingStrategy bidding, Parameters p, OpponentModel model) {
        return new BoaStrategy(bidding, acceptance(p), model);
    }

    private static AcceptanceCondition acceptance(Parameters p) {
        return switch (p.oneOf("ac", "next", "const", "time", "combi")) {
            case "const" -> AcceptanceCondition.constant(p.fraction("alpha"));
            case "time" -> AcceptanceCondition.time(p.fraction("after"));
            case "combi" -> AcceptanceCondition.combi(p.fraction("after"));
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

    /** Adds (or replaces) a strategy registered by code; its origin is null. */
    public void register(Entry entry) {
        entries.put(entry.name(), entry);
        origins.put(entry.name(), null);
    }

    /**
     * Adds a strategy from {@code origin} (a plugin jar, say); a name already taken is an
     * {@link IllegalArgumentException} naming both origins.
     */
    public void register(Entry entry, String origin) {
        if (entries.containsKey(entry.name())) {
            String other = origins.get(entry.name());
            throw new IllegalArgumentException("The strategy (" + entry.name() + ") of " + origin + " is taken already"
                    + (other == null ? "" : " by " + other) + "; rename it.");
        }
        entries.put(entry.name(), entry);
        origins.put(entry.name(), origin);
    }

    public Map<String, Entry> entries() {
        return Collections.unmodifiableMap(entries);
    }

    /** Where the strategy comes from: {@link #BUILT_IN}, a plugin jar, or null when code registered it. */
    public String origin(String name) {
        return origins.get(name);
    }

    /** Checks the spec's name and parameters, values included; throws naming the mistake. */
    public void validate(StrategySpec spec) {
        Entry entry = entry(spec);
        try {
            entry.factory().apply(new Parameters(spec, entry));
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalArgumentException("The strategy (" + spec + ") cannot be created: " + e, e);
        }
    }

    /**
     * The entry {@code spec} names, its parameter names checked (not their values); throws naming
     * the mistake.
     */
    public Entry entry(StrategySpec spec) {
        if (spec.isHuman()) {
            throw new IllegalArgumentException("The strategy (human) is a person playing through a session, not an"
                    + " AI diplomat; choose one of " + entries.keySet() + ".");
        }
        Entry entry = entries.get(spec.name());
        if (entry == null) {
            throw new IllegalArgumentException("Unknown strategy (" + spec.name() + "); the strategies are "
                    + String.join(", ", entries.keySet()) + ".");
        }
        Set<String> names = entry.parameterNames();
        for (String key : spec.parameters().keySet()) {
            if (!names.contains(key)) {
                throw new IllegalArgumentException("The strategy (" + spec.name() + ") has no parameter (" + key + ")"
                        + (names.isEmpty() ? "; it takes none." : "; its parameters are "
                                + String.join(", ", new TreeSet<>(names)) + "."));
            }
        }
        for (Parameter p : entry.parameters()) {
            if (p.isRequired() && !spec.parameters().containsKey(p.name())) {
                throw new IllegalArgumentException("The strategy (" + spec.name() + ") needs the parameter (" + p.name()
                        + ")" + (p.description().isEmpty() ? "" : ": " + p.description()) + ", like " + spec.name() + ":"
                        + p.name() + "=....");
            }
        }
        return entry;
    }

    /** A fresh strategy for {@code spec}. */
    public Strategy create(StrategySpec spec) {
        Entry entry = entry(spec);
        Strategy strategy = entry.factory().apply(new Parameters(spec, entry));
        if (strategy == null) {
            throw new IllegalStateException("The factory of strategy (" + spec.name() + ") returned no strategy.");
        }
        return strategy;
    }

    /**
     * A spec's parameters, read and checked. The one-argument readers fall back on the default the
     * entry declares; a mistake is an {@link IllegalArgumentException} naming the parameter, the
     * value and what was expected.
     */
    @Stable
    public static final class Parameters {

        private final StrategySpec spec;
        private final Entry entry;

        Parameters(StrategySpec spec, Entry entry) {
            this.spec = spec;
            this.entry = entry;
        }

        /** The spec as written, e.g. {@code my-agent:e=0.5}. */
        public StrategySpec spec() {
            return spec;
        }

        /** The value as written, else the declared default (null when neither). */
        public String text(String key) {
            String value = spec.parameters().get(key);
            if (value != null) {
                return value;
            }
            Parameter declared = entry == null ? null : entry.parameter(key);
            return declared == null || declared.defaultValue() == null || declared.defaultValue().isEmpty() ? null
                    : declared.defaultValue();
        }

        public double number(String key) {
            return number(key, Double.NaN, true);
        }

        public double number(String key, double fallback) {
            return number(key, fallback, false);
        }

        public double positive(String key) {
            return positive(number(key, Double.NaN, true), key);
        }

        public double positive(String key, double fallback) {
            return positive(number(key, fallback, false), key);
        }

        public double fraction(String key) {
            return fraction(number(key, Double.NaN, true), key);
        }

        public double fraction(String key, double fallback) {
            return fraction(number(key, fallback, false), key);
        }

        /** A whole number. */
        public long integer(String key) {
            double x = number(key);
            if (x != Math.rint(x) || Math.abs(x) > 1e15) {
                throw bad(key, "a whole number");
            }
            return (long) x;
        }

        /** true/on/yes or false/off/no; when not given, {@code fallback}. */
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

        /** One of {@code allowed}; when not given, the declared default. */
        public String oneOf(String key, String... allowed) {
            return choice(key, text(key), allowed);
        }

        /** One of {@code allowed}; when not given, {@code fallback}. */
        public String choice(String key, String fallback, String... allowed) {
            String value = spec.parameters().getOrDefault(key, fallback);
            for (String a : allowed) {
                if (a.equals(value)) {
                    return value;
                }
            }
            throw bad(key, "one of " + String.join(", ", allowed));
        }

        private double positive(double x, String key) {
            if (!(x > 0)) {
                throw bad(key, "a positive number");
            }
            return x;
        }

        private double fraction(double x, String key) {
            if (!(x >= 0 && x <= 1)) {
                throw bad(key, "a number from 0 to 1");
            }
            return x;
        }

        private double number(String key, double fallback, boolean declared) {
            String value = declared ? text(key) : spec.parameters().get(key);
            if (value == null) {
                if (declared) {
                    throw new IllegalArgumentException("The strategy (" + spec.name() + ") reads the parameter (" + key
                            + "), which has no value and no default.");
                }
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
                    + expected + ", got (" + text(key) + ").");
        }
    }
}
