package org.parley.core.analysis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.parley.core.model.Scenario;

/**
 * A set of signers and the exact analysis of the deals it can make alone: the {@link Analysis} of
 * the party subset (its members' constraints and reservations, no one else's). Under an agreement
 * rule a party outside the deal gets its reservation value, so every vector of the subset analysis
 * is also given over all of the scenario's parties ("lifted"), non-members at their reservation
 * value in {@link FixedPoint} units; lifted vectors keep their counts.
 */
public final class CoalitionAnalysis {

    private final List<String> members;
    private final Analysis analysis;
    /** position[p] = the scenario index of member p. */
    private final int[] position;
    /** Every scenario party's reservation in units. */
    private final long[] reservations;

    CoalitionAnalysis(Scenario scenario, Analysis analysis) {
        this.analysis = analysis;
        this.members = analysis.problem().parties();
        this.position = new int[members.size()];
        for (int p = 0; p < position.length; p++) {
            position[p] = scenario.indexOf(members.get(p));
        }
        this.reservations = reservations(scenario);
    }

    static long[] reservations(Scenario scenario) {
        long[] r = new long[scenario.parties().size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = FixedPoint.of(scenario.parties().get(i).preferences().reservation());
        }
        return r;
    }

    /** The signers, in scenario order. */
    public List<String> members() {
        return members;
    }

    public boolean isMember(String party) {
        return members.contains(party);
    }

    /** The analysis of the members alone (vectors over the members, in order). */
    public Analysis analysis() {
        return analysis;
    }

    /** The exact number of outcomes every member accepts (empty when beyond the count's limits). */
    public Optional<BigInteger> acceptable() {
        return analysis.acceptable();
    }

    /** The scenario index of member {@code p}. */
    int position(int member) {
        return position[member];
    }

    /** A member vector over all parties, non-members at their reservation value; same count. */
    public FrontierPoint lift(FrontierPoint memberPoint) {
        return new FrontierPoint(lift(memberPoint.fixed()), memberPoint.count());
    }

    /** {@link #lift(FrontierPoint)} for each. */
    public List<FrontierPoint> lift(Collection<FrontierPoint> memberPoints) {
        List<FrontierPoint> lifted = new ArrayList<>(memberPoints.size());
        for (FrontierPoint point : memberPoints) {
            lifted.add(lift(point));
        }
        return lifted;
    }

    long[] lift(long[] memberVector) {
        if (memberVector.length != position.length) {
            throw new IllegalArgumentException("Expected " + position.length + " utilities (one per member of "
                    + members + "), got " + memberVector.length + ".");
        }
        long[] full = reservations.clone();
        for (int p = 0; p < position.length; p++) {
            full[position[p]] = memberVector[p];
        }
        return full;
    }

    /** Utilities over all parties: the members' from {@code memberUtilities}, everyone else's reservation. */
    public double[] lift(double[] memberUtilities) {
        if (memberUtilities.length != position.length) {
            throw new IllegalArgumentException("Expected " + position.length + " utilities (one per member of "
                    + members + "), got " + memberUtilities.length + ".");
        }
        double[] full = new double[reservations.length];
        for (int i = 0; i < full.length; i++) {
            full[i] = FixedPoint.toUtility(reservations[i]);
        }
        for (int p = 0; p < position.length; p++) {
            full[position[p]] = memberUtilities[p];
        }
        return full;
    }

    /**
     * The coalition's Pareto frontier over all parties, lexicographically descending (members are in
     * scenario order and non-members constant, so this is the order of the member vectors).
     */
    public List<FrontierPoint> frontier() {
        return lift(analysis.pareto().points());
    }

    @Override
    public String toString() {
        return members.toString();
    }
}
