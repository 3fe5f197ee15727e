package org.parley.cluster;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.core.world.WorldResult;
import org.parley.core.world.WorldSummary;

/**
 * A {@link WorldSummary} as it travels back from a member: the same figures in serialisable
 * values (doubles as Java serialisation writes them, bit for bit, so that the coordinator writes
 * the same bytes as a local run), each power's totals in the world's order of powers.
 */
record WireWorld(int index, int world, String name, long seed, int negotiations, int agreements, int breaches,
        List<String> powers, double[] welfare, int[] negotiated, int[] agreed, int[] honoured, int[] breached,
        double[] standing) implements Serializable {

    private static final long serialVersionUID = 1L;

    static WireWorld of(WorldSummary s) {
        int n = s.totals().size();
        List<String> powers = new ArrayList<>(s.totals().keySet());
        double[] welfare = new double[n];
        int[] negotiated = new int[n];
        int[] agreed = new int[n];
        int[] honoured = new int[n];
        int[] breached = new int[n];
        double[] standing = new double[n];
        for (int k = 0; k < n; k++) {
            WorldResult.PowerTotals t = s.totals().get(powers.get(k));
            welfare[k] = t.welfare();
            negotiated[k] = t.negotiations();
            agreed[k] = t.agreements();
            honoured[k] = t.honoured();
            breached[k] = t.breached();
            standing[k] = t.standing();
        }
        return new WireWorld(s.index(), s.world(), s.name(), s.seed(), s.negotiations(), s.agreements(), s.breaches(),
                powers, welfare, negotiated, agreed, honoured, breached, standing);
    }

    WorldSummary toSummary(int expected) {
        if (index != expected) {
            throw new IllegalStateException("The summary of world run #" + index + " came back as #" + expected + ".");
        }
        Map<String, WorldResult.PowerTotals> totals = new LinkedHashMap<>();
        for (int k = 0; k < powers.size(); k++) {
            totals.put(powers.get(k), new WorldResult.PowerTotals(welfare[k], negotiated[k], agreed[k], honoured[k],
                    breached[k], standing[k]));
        }
        return new WorldSummary(index, world, name, seed, negotiations, agreements, breaches, totals);
    }
}
