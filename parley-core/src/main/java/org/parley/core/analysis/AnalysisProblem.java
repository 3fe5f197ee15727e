package org.parley.core.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.parley.core.model.Outcome;
import org.parley.core.model.OutcomeSpace;
import org.parley.core.model.Party;
import org.parley.core.model.Scenario;
import org.parley.core.model.Tolerances;
import org.parley.core.preference.Constraint;
import org.parley.core.preference.LinearAdditiveUtility;
import org.parley.core.preference.Preferences;

/**
 * What an analysis is about: a scenario's outcome space (real ranges discretised), the parties whose
 * view counts, and, per party, utilities as fixed-point longs ({@link FixedPoint}). An outcome is
 * acceptable when every named party's hard constraints hold and its utility reaches its
 * reservation value with {@link Tolerances#ACCEPTANCE} of slack, as in {@link
 * Preferences#acceptable}; parties left out of the list and their constraints play no part.
 */
public final class AnalysisProblem {

    private final Scenario scenario;
    private final List<String> parties;
    private final List<Preferences> preferences;
    private final OutcomeSpace space;
    private final long[] reservations;
    private final long[] thresholds;
    private final List<Constraint> constraints;
    /** terms[party][issue][value index] = w·v in units, or null when some utility is not linear additive. */
    private final long[][][] terms;

    private AnalysisProblem(Scenario scenario, List<String> parties, OutcomeSpace space) {
        this.scenario = scenario;
        this.parties = List.copyOf(parties);
        this.space = space;
        int k = parties.size();
        this.preferences = new ArrayList<>(k);
        this.reservations = new long[k];
        this.thresholds = new long[k];
        List<Constraint> all = new ArrayList<>();
        boolean linear = true;
        for (int p = 0; p < k; p++) {
            Party party = scenario.party(parties.get(p));
            Preferences prefs = party.preferences();
            preferences.add(prefs);
            reservations[p] = FixedPoint.of(prefs.reservation());
            thresholds[p] = FixedPoint.threshold(prefs.reservation());
            all.addAll(prefs.constraints());
            linear &= prefs.utility() instanceof LinearAdditiveUtility la && la.domain().size() == space.issueCount();
        }
        this.constraints = List.copyOf(all);
        if (linear) {
            terms = new long[k][space.issueCount()][];
            for (int p = 0; p < k; p++) {
                LinearAdditiveUtility la = (LinearAdditiveUtility) preferences.get(p).utility();
                for (int i = 0; i < space.issueCount(); i++) {
                    terms[p][i] = new long[space.size(i)];
                    for (int v = 0; v < space.size(i); v++) {
                        terms[p][i][v] = FixedPoint.of(la.term(i, space.value(i, v)));
                    }
                }
            }
        } else {
            terms = null;
        }
    }

    /**
     * The problem for the named parties (all when {@code parties} is null or empty), real ranges
     * discretised into {@code realSteps} values.
     *
     * @throws IllegalArgumentException naming an unknown or repeated party, or a bad step count
     */
    public static AnalysisProblem of(Scenario scenario, List<String> parties, int realSteps) {
        List<String> names = parties == null || parties.isEmpty() ? scenario.partyNames() : parties;
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (scenario.indexOf(name) < 0) {
                throw new IllegalArgumentException("Unknown party (" + name + ") in scenario (" + scenario.name()
                        + "); the parties are " + scenario.partyNames() + ".");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("The party (" + name + ") is named twice.");
            }
        }
        return new AnalysisProblem(scenario, names, new OutcomeSpace(scenario.domain(), realSteps));
    }

    public static AnalysisProblem of(Scenario scenario) {
        return of(scenario, null, OutcomeSpace.DEFAULT_REAL_STEPS);
    }

    public Scenario scenario() {
        return scenario;
    }

    public List<String> parties() {
        return parties;
    }

    public int partyCount() {
        return parties.size();
    }

    public OutcomeSpace space() {
        return space;
    }

    public Preferences preferences(int party) {
        return preferences.get(party);
    }

    /** Whether every named party's utility is linear additive, so the issue-wise path applies. */
    public boolean linearAdditive() {
        return terms != null;
    }

    /** The reservation value of {@code party} in units. */
    public long reservation(int party) {
        return reservations[party];
    }

    /** The least utility in units that {@code party} accepts: its reservation less the tolerance. */
    public long threshold(int party) {
        return thresholds[party];
    }

    /** The hard constraints of all named parties. */
    public List<Constraint> constraints() {
        return constraints;
    }

    /** w·v(x) in units for value index {@code value} of {@code issue}; only for linear additive problems. */
    public long term(int party, int issue, int value) {
        return terms[party][issue][value];
    }

    /** The utility vector in units of the outcome with value indices {@code indices} (one per issue). */
    public long[] fixedUtilities(int[] indices) {
        int k = parties.size();
        long[] u = new long[k];
        if (terms != null) {
            for (int p = 0; p < k; p++) {
                long sum = 0;
                long[][] t = terms[p];
                for (int i = 0; i < indices.length; i++) {
                    sum += t[i][indices[i]];
                }
                u[p] = sum;
            }
        } else {
            Outcome outcome = space.outcome(indices);
            for (int p = 0; p < k; p++) {
                u[p] = FixedPoint.of(preferences.get(p).utility(outcome));
            }
        }
        return u;
    }

    /** Every named party's utility of {@code outcome} (any outcome of the domain, on the grid or not). */
    public double[] utilities(Outcome outcome) {
        double[] u = new double[parties.size()];
        for (int p = 0; p < u.length; p++) {
            u[p] = preferences.get(p).utility(outcome);
        }
        return u;
    }

    /** No named party's hard constraint broken. */
    public boolean satisfiesConstraints(Outcome outcome) {
        for (Constraint constraint : constraints) {
            if (!constraint.satisfiedBy(outcome)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a utility vector in units meets every named party's reservation. */
    public boolean meetsReservations(long[] utilities) {
        for (int p = 0; p < utilities.length; p++) {
            if (utilities[p] < thresholds[p]) {
                return false;
            }
        }
        return true;
    }
}
