package org.parley.core.world;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each power believes of each other power's reliability, from the agreements it saw honoured
 * and breached: the beta reputation system of Jøsang and Ismail ("The Beta Reputation System",
 * 15th Bled Electronic Commerce Conference, 2002). An observer keeps, per target, the evidence
 * r (honoured) and s (breached); each new observation first multiplies both by the forgetting
 * factor λ, so old deeds fade; trust is the expected value of the beta distribution,
 * (r + 1) / (r + s + 2): ½ for a stranger.
 *
 * <p>In the witness form (after the witness information of Huynh, Jennings and Shadbolt's FIRE
 * model, 2006, simplified), an observer also counts what the other powers saw, at half weight: a
 * breach seen by the signers alone still reaches the rest, more faintly.
 *
 * <p>The evidence is kept in n × n arrays with each target's column sums beside them, so that a
 * witness trust is O(1) rather than a walk over every witness (a world of 50 powers asks for
 * every power's standing after each of its 10^4 negotiations): an observation costs O(n), a trust
 * O(1), a standing O(n).
 */
public final class Reputation {

    /** Witness reports count for this much of one's own observation. */
    static final double WITNESS_WEIGHT = 0.5;

    private final World.Trust settings;
    private final List<String> powers;
    private final Map<String, Integer> index = new HashMap<>();
    /** r[observer][target], s[observer][target]: the (forgetting) counts of honoured and breached agreements. */
    private final double[][] r;
    private final double[][] s;
    /** Column sums over every observer: what all the powers together saw of each target. */
    private final double[] seenR;
    private final double[] seenS;

    public Reputation(World.Trust settings, List<String> powers) {
        this.settings = settings;
        this.powers = List.copyOf(powers);
        for (String p : this.powers) {
            if (index.put(p, index.size()) != null) {
                throw new IllegalArgumentException("The power (" + p + ") is listed twice.");
            }
        }
        int n = this.powers.size();
        r = new double[n][n];
        s = new double[n][n];
        seenR = new double[n];
        seenS = new double[n];
    }

    private int at(String power) {
        Integer i = index.get(power);
        if (i == null) {
            throw new IllegalArgumentException("Unknown power (" + power + "); the powers are " + powers + ".");
        }
        return i;
    }

    /** {@code observer} saw {@code target} honour (or breach) an agreement. */
    public void observe(String observer, String target, boolean honoured) {
        int o = at(observer);
        int t = at(target);
        if (o == t) {
            throw new IllegalArgumentException("A power (" + observer + ") does not keep a record of itself.");
        }
        double keep = settings.forgetting();
        r[o][t] = keep * r[o][t] + (honoured ? 1 : 0);
        s[o][t] = keep * s[o][t] + (honoured ? 0 : 1);
        // Summed afresh, not by difference, so that no rounding error builds up over a long world.
        double sumR = 0;
        double sumS = 0;
        for (int w = 0; w < r.length; w++) {
            sumR += r[w][t];
            sumS += s[w][t];
        }
        seenR[t] = sumR;
        seenS[t] = sumS;
    }

    /** How far {@code observer} trusts {@code target}, in [0, 1]; 1 when trust plays no part. */
    public double trust(String observer, String target) {
        if (settings.model() == World.Trust.Model.NONE || observer.equals(target)) {
            return 1;
        }
        int o = at(observer);
        int t = at(target);
        return trust(r[o][t], s[o][t], seenR[t], seenS[t]);
    }

    /** Trust from own evidence and the column sums (the target's own entry is always 0). */
    private double trust(double ownR, double ownS, double allR, double allS) {
        double rr = ownR;
        double ss = ownS;
        if (settings.model() == World.Trust.Model.WITNESS) {
            rr += WITNESS_WEIGHT * (allR - ownR);
            ss += WITNESS_WEIGHT * (allS - ownS);
        }
        return (rr + 1) / (rr + ss + 2);
    }

    /** The mean trust of the other powers in {@code target}: its standing in the world. */
    public double standing(String target) {
        if (settings.model() == World.Trust.Model.NONE) {
            return 1;
        }
        int t = at(target);
        double sum = 0;
        int n = 0;
        for (int o = 0; o < r.length; o++) {
            if (o != t) {
                sum += trust(r[o][t], s[o][t], seenR[t], seenS[t]);
                n++;
            }
        }
        return n == 0 ? 1 : sum / n;
    }

    /**
     * For each power, how much less it would trust {@code target} if {@code observers} saw it
     * breach an agreement now than if they saw it honour one: what a breach would cost in trust.
     * Worked out without changing this reputation, in O(n).
     */
    public Map<String, Double> fallIfBreached(String target, Collection<String> observers) {
        int t = at(target);
        double keep = settings.forgetting();
        boolean[] sees = new boolean[r.length];
        for (String observer : observers) {
            int o = at(observer);
            sees[o] = o != t;
        }
        // Each observer's evidence after each outcome, and the column sums after each.
        double keptR = 0;
        double keptS = 0;
        double brokeR = 0;
        double brokeS = 0;
        for (int w = 0; w < r.length; w++) {
            keptR += sees[w] ? keep * r[w][t] + 1 : r[w][t];
            keptS += sees[w] ? keep * s[w][t] : s[w][t];
            brokeR += sees[w] ? keep * r[w][t] : r[w][t];
            brokeS += sees[w] ? keep * s[w][t] + 1 : s[w][t];
        }
        Map<String, Double> fall = new LinkedHashMap<>();
        for (int o = 0; o < r.length; o++) {
            if (o == t) {
                continue;
            }
            double kept = sees[o] ? trust(keep * r[o][t] + 1, keep * s[o][t], keptR, keptS) : trust(r[o][t], s[o][t], keptR, keptS);
            double broke = sees[o] ? trust(keep * r[o][t], keep * s[o][t] + 1, brokeR, brokeS)
                    : trust(r[o][t], s[o][t], brokeR, brokeS);
            fall.put(powers.get(o), settings.model() == World.Trust.Model.NONE ? 0 : kept - broke);
        }
        return fall;
    }

    /** A copy, to ask "what if" without changing this one. */
    public Reputation copy() {
        Reputation c = new Reputation(settings, powers);
        for (int o = 0; o < r.length; o++) {
            c.r[o] = r[o].clone();
            c.s[o] = s[o].clone();
        }
        System.arraycopy(seenR, 0, c.seenR, 0, seenR.length);
        System.arraycopy(seenS, 0, c.seenS, 0, seenS.length);
        return c;
    }

    List<String> powers() {
        return new ArrayList<>(powers);
    }
}
