package org.parley.core.world;

import java.util.ArrayList;
import java.util.HashMap;
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
 */
public final class Reputation {

    /** Witness reports count for this much of one's own observation. */
    static final double WITNESS_WEIGHT = 0.5;

    private final World.Trust settings;
    private final List<String> powers;
    /** evidence[observer][target] = {r, s}. */
    private final Map<String, Map<String, double[]>> evidence = new HashMap<>();

    public Reputation(World.Trust settings, List<String> powers) {
        this.settings = settings;
        this.powers = List.copyOf(powers);
        for (String observer : powers) {
            Map<String, double[]> row = new HashMap<>();
            for (String target : powers) {
                row.put(target, new double[2]);
            }
            evidence.put(observer, row);
        }
    }

    /** {@code observer} saw {@code target} honour (or breach) an agreement. */
    public void observe(String observer, String target, boolean honoured) {
        double[] e = evidence.get(observer).get(target);
        e[0] = settings.forgetting() * e[0] + (honoured ? 1 : 0);
        e[1] = settings.forgetting() * e[1] + (honoured ? 0 : 1);
    }

    /** How far {@code observer} trusts {@code target}, in [0, 1]; 1 when trust plays no part. */
    public double trust(String observer, String target) {
        if (settings.model() == World.Trust.Model.NONE || observer.equals(target)) {
            return 1;
        }
        double[] own = evidence.get(observer).get(target);
        double r = own[0];
        double s = own[1];
        if (settings.model() == World.Trust.Model.WITNESS) {
            for (String witness : powers) {
                if (!witness.equals(observer) && !witness.equals(target)) {
                    double[] seen = evidence.get(witness).get(target);
                    r += WITNESS_WEIGHT * seen[0];
                    s += WITNESS_WEIGHT * seen[1];
                }
            }
        }
        return (r + 1) / (r + s + 2);
    }

    /** The mean trust of the other powers in {@code target}: its standing in the world. */
    public double standing(String target) {
        double sum = 0;
        int n = 0;
        for (String observer : powers) {
            if (!observer.equals(target)) {
                sum += trust(observer, target);
                n++;
            }
        }
        return n == 0 ? 1 : sum / n;
    }

    /** A copy, to ask "what if" without changing this one. */
    public Reputation copy() {
        Reputation c = new Reputation(settings, powers);
        evidence.forEach((o, row) -> row.forEach((t, e) -> c.evidence.get(o).put(t, e.clone())));
        return c;
    }

    List<String> powers() {
        return new ArrayList<>(powers);
    }
}
