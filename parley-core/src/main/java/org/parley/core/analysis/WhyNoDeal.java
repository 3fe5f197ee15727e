package org.parley.core.analysis;

import java.util.ArrayList;
import java.util.List;
import org.parley.core.model.Party;
import org.parley.core.model.Scenario;
import org.parley.core.preference.Constraint;
import org.parley.core.preference.Preferences;

/**
 * Why a signer set cannot make a deal: the smallest sets of blockers — a member's hard constraint,
 * or a member's reservation value — whose removal would leave an outcome every member accepts.
 * Removing a reservation value means lowering it to 0. These are the minimal correction sets of
 * the infeasible problem (Liffiton and Sakallah 2008), found by the plain method: candidate sets
 * in order of increasing size, each superset of a set already found skipped (it is not minimal),
 * each other candidate checked by the subset analysis (its frontier is empty iff nothing is
 * acceptable). Feasibility only grows as blockers are removed, so every set found is minimal and,
 * when the search runs to the end, every minimal set is found. Cost: up to 2^b checks for b
 * blockers, each an analysis of the reduced problem; the search stops after a number of checks
 * and says so.
 *
 * <p>Under a rule only the minimal winning signer sets need asking: a deal any winning set could
 * make once some blockers are gone, the minimal set inside it could make with the blockers among
 * its own members gone.
 */
public final class WhyNoDeal {

    /** The default number of reduced problems analysed per signer set before the search stops. */
    public static final int DEFAULT_CHECKS = 2_000;

    /** Candidate sets visited (checked or skipped) per signer set before the search stops. */
    private static final long MAX_VISITS = 2_000_000;

    /** Blockers are numbered in a long bit set. */
    private static final int MAX_BLOCKERS = 62;

    private WhyNoDeal() {}

    /**
     * One blocker: a member's hard constraint ({@code constraint} its index in the party's list, its
     * text as in the scenario) or its reservation value ({@code constraint} −1).
     */
    public record Blocker(String party, Kind kind, int constraint, String text, double reservation) {

        public enum Kind {
            CONSTRAINT,
            RESERVATION
        }

        @Override
        public String toString() {
            return party + ": " + text;
        }
    }

    /**
     * The answer for one signer set. {@code feasible}: some outcome is acceptable to every member
     * as things stand (then {@code minimalSets} is empty). {@code complete}: every minimal set was
     * found; if not, {@code note} says where the search stopped (the sets listed are minimal all
     * the same). Sets are listed smallest first.
     */
    public record CoalitionBlockers(
            List<String> members, boolean feasible, List<List<Blocker>> minimalSets, boolean complete, int checks,
            String note) {

        public CoalitionBlockers {
            members = List.copyOf(members);
            minimalSets = minimalSets.stream().map(List::copyOf).toList();
            note = note == null ? "" : note;
        }
    }

    /** For each minimal winning signer set of {@code analysis}: what blocks it (feasible ones say so). */
    public static List<CoalitionBlockers> explain(RuleAnalysis analysis, int maxChecks) {
        List<CoalitionBlockers> result = new ArrayList<>();
        for (CoalitionAnalysis coalition : analysis.minimal()) {
            if (!coalition.analysis().pareto().isEmpty()) {
                result.add(new CoalitionBlockers(coalition.members(), true, List.of(), true, 0, ""));
            } else {
                result.add(explain(analysis.scenario(), coalition.members(), analysis.realSteps(), maxChecks));
            }
        }
        return result;
    }

    /**
     * The minimal blocker sets of the signer set {@code members}.
     *
     * @throws IllegalArgumentException naming an unknown party, or when the members hold more than
     *     62 blockers
     */
    public static CoalitionBlockers explain(Scenario scenario, List<String> members, int realSteps, int maxChecks) {
        if (maxChecks < 1) {
            throw new IllegalArgumentException("The number of checks (" + maxChecks + ") must be at least 1.");
        }
        List<String> ordered = AnalysisProblem.of(scenario, members, realSteps).parties();
        List<Blocker> blockers = new ArrayList<>();
        for (String name : scenario.partyNames()) {
            if (!ordered.contains(name)) {
                continue;
            }
            Preferences preferences = scenario.party(name).preferences();
            for (int c = 0; c < preferences.constraints().size(); c++) {
                blockers.add(new Blocker(name, Blocker.Kind.CONSTRAINT, c,
                        preferences.constraints().get(c).describe(scenario.domain()), Double.NaN));
            }
            if (preferences.reservation() > 0) {
                blockers.add(new Blocker(name, Blocker.Kind.RESERVATION, -1,
                        "reservation " + preferences.reservation(), preferences.reservation()));
            }
        }
        List<String> inOrder = scenario.partyNames().stream().filter(ordered::contains).toList();
        if (feasible(scenario, inOrder, blockers, 0, realSteps)) {
            return new CoalitionBlockers(inOrder, true, List.of(), true, 1, "");
        }
        int b = blockers.size();
        if (b > MAX_BLOCKERS) {
            throw new IllegalArgumentException("The signers " + inOrder + " hold " + b + " hard constraints and"
                    + " reservation values; the search for minimal blocker sets handles at most " + MAX_BLOCKERS + ".");
        }
        List<Long> found = new ArrayList<>();
        int checks = 1;
        long visits = 0;
        for (int size = 1; size <= b; size++) {
            boolean anyChecked = false;
            int[] combination = new int[size];
            for (int t = 0; t < size; t++) {
                combination[t] = t;
            }
            for (boolean more = true; more; more = nextCombination(combination, b)) {
                if (++visits > MAX_VISITS || checks >= maxChecks) {
                    return result(inOrder, blockers, found, false, checks, "stopped after " + checks
                            + " checks, at sets of " + size + " blockers; the sets listed are minimal, larger ones"
                            + " may be missing");
                }
                long set = 0;
                for (int t : combination) {
                    set |= 1L << t;
                }
                boolean superset = false;
                for (long f : found) {
                    if ((set & f) == f) {
                        superset = true;
                        break;
                    }
                }
                if (superset) {
                    continue;
                }
                anyChecked = true;
                checks++;
                if (feasible(scenario, inOrder, blockers, set, realSteps)) {
                    found.add(set);
                }
            }
            if (!anyChecked) {
                break; // every set of this size contains one found: so does every larger set
            }
        }
        return result(inOrder, blockers, found, true, checks, found.isEmpty()
                ? "no outcome is acceptable even with every hard constraint and reservation value removed" : "");
    }

    /** Advances an ascending k-subset of {0, …, m − 1} to the next in lexicographic order; false after the last. */
    private static boolean nextCombination(int[] c, int m) {
        int k = c.length;
        int i = k - 1;
        while (i >= 0 && c[i] == m - k + i) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        c[i]++;
        for (int t = i + 1; t < k; t++) {
            c[t] = c[t - 1] + 1;
        }
        return true;
    }

    private static CoalitionBlockers result(List<String> members, List<Blocker> blockers, List<Long> found,
            boolean complete, int checks, String note) {
        List<List<Blocker>> sets = new ArrayList<>();
        for (long set : found) {
            List<Blocker> list = new ArrayList<>();
            for (int t = 0; t < blockers.size(); t++) {
                if ((set >> t & 1) == 1) {
                    list.add(blockers.get(t));
                }
            }
            sets.add(list);
        }
        return new CoalitionBlockers(members, false, sets, complete, checks, note);
    }

    /** Whether some outcome is acceptable to every member once the blockers in {@code removed} are gone. */
    private static boolean feasible(Scenario scenario, List<String> members, List<Blocker> blockers, long removed,
            int realSteps) {
        List<Party> parties = new ArrayList<>();
        for (Party party : scenario.parties()) {
            Preferences old = party.preferences();
            List<Constraint> constraints = new ArrayList<>();
            double reservation = old.reservation();
            for (int t = 0; t < blockers.size(); t++) {
                Blocker blocker = blockers.get(t);
                if ((removed >> t & 1) == 1 && blocker.party().equals(party.name())
                        && blocker.kind() == Blocker.Kind.RESERVATION) {
                    reservation = 0;
                }
            }
            for (int c = 0; c < old.constraints().size(); c++) {
                if (!removedConstraint(blockers, removed, party.name(), c)) {
                    constraints.add(old.constraints().get(c));
                }
            }
            parties.add(new Party(party.name(), party.role(),
                    new Preferences(old.utility(), constraints, reservation, old.discount()), party.strategy()));
        }
        Scenario reduced = new Scenario(scenario.name(), scenario.description(), scenario.domain(), parties,
                scenario.agreement(), scenario.coalition());
        return !OutcomeAnalyzer.frontier(AnalysisProblem.of(reduced, members, realSteps)).isEmpty();
    }

    private static boolean removedConstraint(List<Blocker> blockers, long removed, String party, int constraint) {
        for (int t = 0; t < blockers.size(); t++) {
            Blocker blocker = blockers.get(t);
            if ((removed >> t & 1) == 1 && blocker.kind() == Blocker.Kind.CONSTRAINT && blocker.party().equals(party)
                    && blocker.constraint() == constraint) {
                return true;
            }
        }
        return false;
    }
}
