package org.parley.server;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.parley.core.model.AgreementRule;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.Domain;
import org.parley.core.model.IntegerIssue;
import org.parley.core.model.Issue;
import org.parley.core.model.Outcome;
import org.parley.core.model.RealIssue;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Move;
import org.parley.core.preference.Preferences;
import org.parley.core.strategy.FrequencyOpponentModel;
import org.parley.core.strategy.Setup;

/**
 * The advisor a teacher may turn on for a negotiation ({@link TableOptions#advisor()}): at a
 * person's turn it suggests counter-offers that look Pareto-improving over the offer on the table,
 * better for the person and, as far as the others' own offers tell, no worse for any of them.
 *
 * <p>It knows what the seat knows and nothing more: the seat's own preferences and the public
 * moves ({@link Move}s carry neither the movers' utilities nor their rationales). What the others
 * want it guesses with HardHeaded's frequency model (van Krimpen, Looije and Hajizadeh 2013), one
 * per party that has made an offer: an issue on which a party keeps its value from offer to offer
 * weighs more, and a value it offers often is worth more to it. Its candidates are the trades a
 * person would try: the offer on the table with one or two issues changed (logrolling, in the
 * negotiation literature; Raiffa 1982). O(c · issues · others) for c ≤ {@link #MAX_CANDIDATES}
 * candidates, after O(moves · issues) to learn the models.
 */
final class Advisor {

    /** Suggestions shown at a time. */
    static final int SUGGESTIONS = 3;
    /** Candidates looked at, at most (a space of many issues with many options has more two-issue trades). */
    static final int MAX_CANDIDATES = 50_000;
    /** Values tried on a numeric issue besides those offered: its ends and this many steps between. */
    static final int NUMERIC_STEPS = 5;

    /** A suggested counter-offer, its utility for the seat, and the issues it changes. */
    record Suggestion(Outcome outcome, double utility, List<Integer> changed) {}

    /**
     * The advice: the offer it improves on ({@code reference}, by {@code referenceBy}), the parties
     * whose offers it learnt from, and the suggestions (none when no trade looks better for the
     * seat without looking worse for someone who has made offers).
     */
    record Advice(Outcome reference, String referenceBy, List<String> learntFrom, int offersSeen,
            List<Suggestion> suggestions) {}

    private Advisor() {}

    /**
     * Advice for {@code self} about {@code reference} (an offer by {@code referenceBy}), from the
     * seat's own preferences and the public moves only; null when there is nothing to go on (no
     * offer by anyone else yet).
     */
    static Advice advise(Domain domain, List<String> parties, AgreementRule rule, String self, Preferences own,
            List<Move> moves, Outcome reference, String referenceBy) {
        if (reference == null) {
            return null;
        }
        // The model needs only the domain and the names from its setup: no bid space, protocol or deadline.
        Setup setup = new Setup(self, parties, domain, own, null, rule, null, null, null);
        FrequencyOpponentModel model = new FrequencyOpponentModel();
        model.start(setup);
        Set<String> learnt = new LinkedHashSet<>();
        int seen = 0;
        List<Set<Double>> offered = new ArrayList<>();
        for (int i = 0; i < domain.size(); i++) {
            offered.add(new TreeSet<>());
        }
        for (Move move : moves) {
            if (move.party().equals(self) || !(move.action() instanceof Action.Offer offer)
                    || !parties.contains(move.party())) {
                continue;
            }
            model.update(move);
            learnt.add(move.party());
            seen++;
            for (int i = 0; i < domain.size(); i++) {
                offered.get(i).add(offer.outcome().value(i));
            }
        }
        if (learnt.isEmpty()) {
            return null;
        }
        List<String> others = parties.stream().filter(learnt::contains).toList();
        double mine = own.utility(reference);
        double[] theirs = new double[others.size()];
        for (int j = 0; j < theirs.length; j++) {
            theirs[j] = model.utility(others.get(j), reference);
        }
        List<double[]> values = new ArrayList<>();
        for (int i = 0; i < domain.size(); i++) {
            values.add(values(domain.issue(i), offered.get(i), reference.value(i)));
        }
        List<Scored> found = new ArrayList<>();
        int[] looked = {0};
        for (int a = 0; a < domain.size() && looked[0] < MAX_CANDIDATES; a++) {
            for (double x : values.get(a)) {
                double[] one = reference.values();
                one[a] = x;
                consider(new Outcome(one), List.of(a), own, mine, model, others, theirs, found, looked);
                for (int b = a + 1; b < domain.size() && looked[0] < MAX_CANDIDATES; b++) {
                    for (double y : values.get(b)) {
                        double[] two = one.clone();
                        two[b] = y;
                        consider(new Outcome(two), List.of(a, b), own, mine, model, others, theirs, found, looked);
                    }
                }
            }
        }
        // Best for the seat first; among equals, the one that looks best for the others, then the smaller change.
        found.sort(Comparator.comparingDouble((Scored s) -> -s.utility).thenComparingDouble(s -> -s.othersGain)
                .thenComparingInt(s -> s.changed.size()));
        List<Suggestion> picked = new ArrayList<>();
        List<BitSet> used = new ArrayList<>();
        for (Scored s : found) {
            if (picked.size() == SUGGESTIONS) {
                break;
            }
            // Variety: one suggestion per set of issues changed.
            BitSet issues = new BitSet();
            s.changed.forEach(issues::set);
            if (used.contains(issues)) {
                continue;
            }
            used.add(issues);
            picked.add(new Suggestion(s.outcome, s.utility, s.changed));
        }
        return new Advice(reference, referenceBy, others, seen, List.copyOf(picked));
    }

    private record Scored(Outcome outcome, double utility, double othersGain, List<Integer> changed) {}

    private static void consider(Outcome c, List<Integer> changed, Preferences own, double mine,
            FrequencyOpponentModel model, List<String> others, double[] theirs, List<Scored> found, int[] looked) {
        looked[0]++;
        double u = own.utility(c);
        // Better for the seat, and a deal it may sign (its walk-away value reached, its red lines kept).
        if (!(u > mine + 1e-9) || !own.acceptable(c)) {
            return;
        }
        double gain = 0;
        for (int j = 0; j < others.size(); j++) {
            double estimate = model.utility(others.get(j), c);
            if (estimate < theirs[j] - 1e-12) {
                return;
            }
            gain += estimate - theirs[j];
        }
        found.add(new Scored(c, u, gain, changed));
    }

    /** The values to try on an issue, other than the current one: every option, or a numeric issue's ends, steps and offered values. */
    private static double[] values(Issue issue, Set<Double> offered, double current) {
        TreeSet<Double> xs = new TreeSet<>();
        if (issue instanceof DiscreteIssue discrete) {
            for (int k = 0; k < discrete.options().size(); k++) {
                xs.add((double) k);
            }
        } else {
            double min = issue instanceof IntegerIssue i ? i.min() : ((RealIssue) issue).min();
            double max = issue instanceof IntegerIssue i ? i.max() : ((RealIssue) issue).max();
            for (int k = 0; k <= NUMERIC_STEPS + 1; k++) {
                double x = min + (max - min) * k / (NUMERIC_STEPS + 1);
                xs.add(issue instanceof IntegerIssue ? Math.rint(x) : x);
            }
            xs.addAll(offered);
        }
        xs.remove(current);
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
