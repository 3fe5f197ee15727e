package org.parley.core.negotiation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.parley.api.Stable;

/**
 * Why a party made a move, in a form a program can read: a {@code kind} (one of the keys below, or
 * a strategy's own), public {@code terms} that its message may quote (an issue, an option, the
 * parties of a coalition, the rounds left: facts its own moves and the table show anyway), and
 * private {@code figures} (its target, the offer's value to it, its walk-away value). The rationale
 * stays in the record and the owner's view: another party is shown the move without it
 * ({@link Event#move()}), so the figures never reach the other side.
 */
@Stable
public record Rationale(String kind, Map<String, String> terms, Map<String, Double> figures) {

    /** The first offer: the party's best. */
    public static final String OPENING = "opening";
    /** The party repeats or barely moves: its plan does not call for a concession yet. */
    public static final String HOLD = "hold";
    /** The party keeps a term on an issue it will not trade (terms: issue, option). */
    public static final String NON_NEGOTIABLE = "non-negotiable";
    /** A concession the party's time plan calls for. */
    public static final String CONCESSION = "concession";
    /** A concession that answers another party's (terms: party). */
    public static final String CONCESSION_ANSWERED = "concession-answered";
    /** A concession because the deadline nears (terms: rounds-left when the deadline has rounds). */
    public static final String DEADLINE = "deadline";
    /** The party is close to its walk-away value and warns that it will leave rather than go lower. */
    public static final String WALK_AWAY_THREAT = "walk-away-threat";
    /** An offer aimed at the parties of one winning coalition (terms: coalition, the parties joined by ", "). */
    public static final String COALITION_OFFER = "coalition-offer";
    /** An acceptance of an offer at or above what the party aims for now. */
    public static final String ACCEPT_ABOVE_TARGET = "accept-above-target";
    /** An acceptance of an offer below its aim, but better than walking away with the time that is left. */
    public static final String ACCEPT_BEFORE_DEADLINE = "accept-before-deadline";
    /** A no to an outcome worth less than what the party aims for. */
    public static final String REJECT_BELOW_TARGET = "reject-below-target";
    /** A no to an outcome the party can never accept (below its walk-away value or against a hard constraint). */
    public static final String REJECT_UNACCEPTABLE = "reject-unacceptable";
    /** The party leaves: no deal left within reach is worth more to it than walking away. */
    public static final String WALK_AWAY = "walk-away";

    public Rationale {
        requireKey(kind, "kind");
        terms = copy(terms, "term");
        Map<String, Double> checked = new LinkedHashMap<>();
        if (figures != null) {
            figures.forEach((key, value) -> {
                requireKey(key, "figure");
                if (value == null || !Double.isFinite(value)) {
                    throw new IllegalArgumentException("The figure (" + key + ") of a rationale must be a finite number,"
                            + " got (" + value + ").");
                }
                checked.put(key, value);
            });
        }
        figures = Collections.unmodifiableMap(checked);
    }

    /** A rationale with no terms and no figures. */
    public static Rationale of(String kind) {
        return new Rationale(kind, Map.of(), Map.of());
    }

    /** This rationale with one more public term. */
    public Rationale term(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(terms);
        more.put(key, value);
        return new Rationale(kind, more, figures);
    }

    /** This rationale with one more private figure. */
    public Rationale figure(String key, double value) {
        Map<String, Double> more = new LinkedHashMap<>(figures);
        more.put(key, value);
        return new Rationale(kind, terms, more);
    }

    private static Map<String, String> copy(Map<String, String> terms, String what) {
        Map<String, String> checked = new LinkedHashMap<>();
        if (terms != null) {
            terms.forEach((key, value) -> {
                requireKey(key, what);
                if (value == null) {
                    throw new IllegalArgumentException("The " + what + " (" + key + ") of a rationale has no value.");
                }
                checked.put(key, value);
            });
        }
        return Collections.unmodifiableMap(checked);
    }

    private static void requireKey(String key, String what) {
        if (!isKey(key)) {
            throw new IllegalArgumentException("The " + what + " (" + key + ") of a rationale must be lower-case"
                    + " letters, digits and hyphens, like concession-answered.");
        }
    }

    /**
     * Whether the key matches {@code [a-z][a-z0-9-]*}, checked by hand: a diplomat's every move
     * builds rationales, and {@link String#matches} compiled the pattern anew for each key (most of
     * an AI move's CPU on the server).
     */
    static boolean isKey(String key) {
        if (key == null || key.isEmpty() || key.charAt(0) < 'a' || key.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
