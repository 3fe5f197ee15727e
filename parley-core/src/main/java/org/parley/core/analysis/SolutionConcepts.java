package org.parley.core.analysis;

import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The solution concepts Parley reports, in a fixed order, each found by its {@link
 * SolutionConcept#key() key}. {@link #registered()} holds every concept registered with Java's
 * {@link ServiceLoader} under {@code META-INF/services/org.parley.core.analysis.SolutionConcept}:
 * the built-ins that ship with parley-core first, in the order of parley-core's registration file,
 * then any others (a test's, a plugin's) by key, so that the order does not depend on the class
 * path. Immutable.
 */
public final class SolutionConcepts implements Iterable<SolutionConcept> {

    /**
     * Names that Parley's JSON forms put beside concept keys (an analysis, a run's distances, the
     * server's debrief and plot), so no concept may take them.
     */
    public static final Set<String> RESERVED_KEYS = Set.of("pareto", "frontier", "frontierOutcomes", "concepts",
            "scenario", "method", "outcomes", "acceptable", "acceptableNote", "discretisation", "parties", "agreement",
            "offers", "reservations", "note", "socialWelfare", "x", "y");

    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]*");

    private final List<SolutionConcept> concepts;
    private final Map<String, SolutionConcept> byKey;

    private SolutionConcepts(List<SolutionConcept> concepts) {
        Map<String, SolutionConcept> map = new LinkedHashMap<>();
        for (SolutionConcept concept : concepts) {
            String key = concept.key();
            String type = concept.getClass().getName();
            if (key == null || !KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("The solution concept " + type + " has the key (" + key + "); expected"
                        + " a camelCase identifier such as nash or kalaiSmorodinsky (letters and digits, a lower-case"
                        + " letter first).");
            }
            if (RESERVED_KEYS.contains(key)) {
                throw new IllegalArgumentException("The solution concept " + type + " has the key (" + key + "), which"
                        + " Parley's JSON uses for something else; choose another (reserved: " + sorted(RESERVED_KEYS)
                        + ").");
            }
            if (concept.displayName() == null || concept.displayName().isBlank()) {
                throw new IllegalArgumentException("The solution concept " + type + " (" + key + ") has no display"
                        + " name; expected a name such as \"Nash\".");
            }
            SolutionConcept previous = map.putIfAbsent(key, concept);
            if (previous != null) {
                throw new IllegalArgumentException("Two solution concepts have the key (" + key + "): "
                        + previous.getClass().getName() + " and " + type + "; keys must be unique.");
            }
        }
        this.concepts = List.copyOf(concepts);
        this.byKey = map;
    }

    /** Exactly {@code concepts}, in this order (for tests and for callers that want a subset). */
    public static SolutionConcepts of(List<? extends SolutionConcept> concepts) {
        return new SolutionConcepts(new ArrayList<>(concepts));
    }

    /** Every concept registered on parley-core's class path; loaded once. */
    public static SolutionConcepts registered() {
        return Registered.CONCEPTS;
    }

    /**
     * Every concept {@code loader} finds, built-ins first (see the class comment).
     *
     * @throws IllegalStateException when a registered class cannot be loaded or none is found
     */
    public static SolutionConcepts load(ClassLoader loader) {
        List<SolutionConcept> builtIn = new ArrayList<>();
        List<SolutionConcept> added = new ArrayList<>();
        try {
            for (SolutionConcept concept : ServiceLoader.load(SolutionConcept.class, loader)) {
                (shipsWithCore(concept) ? builtIn : added).add(concept);
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("A registered solution concept cannot be loaded (" + e.getMessage() + ");"
                    + " each line of META-INF/services/" + SolutionConcept.class.getName() + " must name a public class"
                    + " with a public no-argument constructor.", e);
        }
        if (builtIn.isEmpty() && added.isEmpty()) {
            throw new IllegalStateException("No solution concept is registered: META-INF/services/"
                    + SolutionConcept.class.getName() + " is missing from the class path (a jar built without"
                    + " merging service files?).");
        }
        added.sort(Comparator.comparing(SolutionConcept::key));
        builtIn.addAll(added);
        return new SolutionConcepts(builtIn);
    }

    private static boolean shipsWithCore(SolutionConcept concept) {
        return Objects.equals(location(concept.getClass()), location(SolutionConcept.class));
    }

    private static String location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? null : source.getLocation().toString();
    }

    /** The concepts in order. */
    public List<SolutionConcept> list() {
        return concepts;
    }

    /** Their keys in order. */
    public List<String> keys() {
        return List.copyOf(byKey.keySet());
    }

    public int size() {
        return concepts.size();
    }

    public boolean contains(String key) {
        return byKey.containsKey(key);
    }

    public Optional<SolutionConcept> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /**
     * The concept with {@code key}.
     *
     * @throws IllegalArgumentException naming the key and listing the known ones
     */
    public SolutionConcept get(String key) {
        SolutionConcept concept = byKey.get(key);
        if (concept == null) {
            throw unknown(key);
        }
        return concept;
    }

    IllegalArgumentException unknown(String key) {
        return new IllegalArgumentException("Unknown solution concept (" + key + "); the known concepts are "
                + String.join(", ", byKey.keySet()) + ".");
    }

    @Override
    public Iterator<SolutionConcept> iterator() {
        return concepts.iterator();
    }

    /**
     * Every concept's point on {@code frontier} (none when it is empty), by key in order, listing
     * at most {@code listLimit} tied outcomes each. O(|F| · k) per concept that maximises a
     * per-vector objective.
     */
    public Map<String, BargainingPoint> points(ParetoFrontier frontier, int listLimit) {
        Map<String, BargainingPoint> points = new LinkedHashMap<>();
        if (frontier.isEmpty()) {
            return points;
        }
        BargainingProblem problem = BargainingProblem.of(frontier);
        for (SolutionConcept concept : concepts) {
            points.put(concept.key(), point(concept, frontier, concept.select(problem), listLimit));
        }
        return points;
    }

    /**
     * The point made of the selected vectors {@code tied} of {@code frontier}, after checking them:
     * the tie rule of {@link SolutionConcept} lives here.
     *
     * @throws IllegalStateException when the selection breaks the contract of {@link SolutionConcept#select}
     */
    static BargainingPoint point(SolutionConcept concept, ParetoFrontier frontier, int[] tied, int listLimit) {
        int n = frontier.points().size();
        boolean valid = tied != null && tied.length > 0;
        for (int i = 0; valid && i < tied.length; i++) {
            valid = tied[i] >= 0 && tied[i] < n && (i == 0 || tied[i] > tied[i - 1]);
        }
        if (!valid) {
            throw new IllegalStateException("The solution concept " + concept.key() + " (" + concept.getClass().getName()
                    + ") selected " + (tied == null ? "null" : java.util.Arrays.toString(tied)) + " from a frontier of "
                    + n + " vectors; expected at least one index, ascending, each from 0 to " + (n - 1) + ".");
        }
        return BargainingPoint.of(concept.key(), frontier, tied, listLimit);
    }

    @Override
    public String toString() {
        return "SolutionConcepts" + keys();
    }

    /**
     * A field named after a concept, for JSON forms that prefix it: {@code ("distance", "nash")} →
     * {@code distanceNash}, {@code ("distanceTo", "kalaiSmorodinsky")} → {@code distanceToKalaiSmorodinsky}.
     */
    public static String prefixed(String prefix, String key) {
        return prefix + Character.toUpperCase(key.charAt(0)) + key.substring(1);
    }

    /** A key in lower-case words joined by {@code separator}: {@code kalaiSmorodinsky} → {@code kalai-smorodinsky}. */
    public static String words(String key, char separator) {
        StringBuilder text = new StringBuilder();
        for (char c : key.toCharArray()) {
            if (Character.isUpperCase(c)) {
                text.append(separator).append(Character.toLowerCase(c));
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    private static final class Registered {
        static final SolutionConcepts CONCEPTS = load(SolutionConcept.class.getClassLoader());
    }
}
