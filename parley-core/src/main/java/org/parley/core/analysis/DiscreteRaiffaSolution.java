package org.parley.core.analysis;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The discrete Raiffa point (H. Raiffa 1953, "Arbitration schemes for generalized two-person
 * games", Contributions to the Theory of Games II, Annals of Mathematics Studies 28, 361–387; for
 * n parties and its general form, S. Diskin, M. Koppel and D. Samet 2011, "Generalized Raiffa
 * solutions", Games and Economic Behavior 73, 452–458), made well-defined on a finite frontier.
 *
 * <p><b>The procedure.</b> The parties bargain in steps. At each step every party names the best
 * it could get if the others kept what they already have; the new status quo is the average of
 * those a demands (a parties), so each party moves a fraction 1/a of the way towards its demand.
 * In gains g_i(u) = max(0, u_i − r_i) of the a active parties ({@link BargainingProblem}; an
 * indifferent party gains nothing at any step and is left out, as in the other concepts):
 * <ol>
 *   <li>d_0 = 0 (the reservation values). D_t = the frontier vectors u with g(u) ≥ d_t: those
 *       still open to everyone; D_0 is the whole frontier.
 *   <li>If every vector of D_t has the same gains, they are the point: stop.
 *   <li>Party i's demand is M_i = max{g_i(u) : u in F, g_j(u) ≥ d_t,j for every j ≠ i}. While
 *       D_t is not empty this maximum is reached inside D_t (a vector reaching it has
 *       g_i ≥ g_i(v) ≥ d_t,i for any v in D_t), so M is D_t's ideal point.
 *   <li>d_{t+1} = the average over i of (d_t with coordinate i replaced by M_i), that is
 *       d_{t+1,i} = ((a − 1)·d_t,i + M_i) / a: the point 1/a of the way from d_t to M.
 *   <li>If some frontier vector still gives every party at least d_{t+1} (D_{t+1} not empty), go
 *       on from step 2 with t + 1.
 *   <li>Otherwise the step overshot: on a convex set the average of feasible demands is feasible,
 *       on a finite set it need not be. The point is then the vectors of D_t that go furthest from
 *       d_t towards M along the same line, in the max-min sense: argmax over D_t of
 *       min_i (g_i − d_t,i) / (M_i − d_t,i), over the parties with M_i &gt; d_t,i. This is
 *       Kalai–Smorodinsky relative to d_t, which is what the rest of the procedure approaches in
 *       the continuous case (Raiffa's steps all aim at the ideal point).
 * </ol>
 *
 * <p><b>Well-defined, exact, finite.</b> d_t never decreases, so D_t only shrinks. d_t is a
 * rational with denominator a^t, held as BigInteger numerators over a^t; a vector stays in D_t when
 * each gain (an integer in fixed-point units) is at least ⌈d_t,i⌉, compared in longs. Each step
 * shrinks every gap M_i − d_t,i by a factor (a − 1)/a at least (M can only fall as D_t shrinks);
 * once every gap is below one unit, all of D_t has the same gains and step 2 stops. So there are
 * at most 1 + ln(S) / ln(a / (a − 1)) ≤ 1 + a·ln(S) steps for a largest gain S in units (under
 * 30·a steps for utilities in [0, 1]), each O(|D_t| · a); O(|F| · a² · ln S) in all. No tolerance
 * is involved. Ties: every vector selected in step 2 or step 6.
 *
 * <p>Two parties, r = 0, F = {(1, 0.5), (0.8, 0.6), (0.7, 0.7), (0, 0.9)}: M = (1, 0.9),
 * d_1 = (0.5, 0.45), D_1 = the first three; M = (1, 0.7), d_2 = (0.75, 0.575), D_2 = {(0.8, 0.6)}:
 * the Raiffa point, where Nash picks (1, 0.5) and Kalai–Smorodinsky (0.7, 0.7).
 */
public final class DiscreteRaiffaSolution implements SolutionConcept {

    public static final String KEY = "raiffa";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String displayName() {
        return "Raiffa";
    }

    @Override
    public int[] select(BargainingProblem frontier) {
        int[] active = frontier.active();
        int a = active.length;
        int count = frontier.size();
        int[] candidates = new int[count];
        for (int j = 0; j < count; j++) {
            candidates[j] = j;
        }
        if (a == 0) {
            return candidates;
        }
        long[][] gains = new long[count][a];
        for (int j = 0; j < count; j++) {
            for (int i = 0; i < a; i++) {
                gains[j][i] = frontier.gain(j, active[i]);
            }
        }
        BigInteger parties = BigInteger.valueOf(a);
        BigInteger others = BigInteger.valueOf(a - 1L);
        // d_t = status[i] / scale, scale = a^t.
        BigInteger scale = BigInteger.ONE;
        BigInteger[] status = new BigInteger[a];
        Arrays.fill(status, BigInteger.ZERO);
        while (true) {
            long[] ideal = new long[a];
            long[] low = new long[a];
            Arrays.fill(ideal, Long.MIN_VALUE);
            Arrays.fill(low, Long.MAX_VALUE);
            for (int c = 0; c < count; c++) {
                long[] g = gains[candidates[c]];
                for (int i = 0; i < a; i++) {
                    ideal[i] = Math.max(ideal[i], g[i]);
                    low[i] = Math.min(low[i], g[i]);
                }
            }
            if (Arrays.equals(ideal, low)) {
                return Arrays.copyOf(candidates, count);
            }
            BigInteger nextScale = scale.multiply(parties);
            BigInteger[] next = new BigInteger[a];
            long[] least = new long[a];
            for (int i = 0; i < a; i++) {
                next[i] = status[i].multiply(others).add(BigInteger.valueOf(ideal[i]).multiply(scale));
                // ⌈next / nextScale⌉ ≤ ideal[i]: a long.
                least[i] = next[i].add(nextScale).subtract(BigInteger.ONE).divide(nextScale).longValueExact();
            }
            int kept = 0;
            int[] survivors = new int[count];
            for (int c = 0; c < count; c++) {
                long[] g = gains[candidates[c]];
                boolean open = true;
                for (int i = 0; i < a && open; i++) {
                    open = g[i] >= least[i];
                }
                if (open) {
                    survivors[kept++] = candidates[c];
                }
            }
            if (kept == 0) {
                return furthestTowardsIdeal(candidates, count, gains, status, scale, ideal);
            }
            candidates = survivors;
            count = kept;
            status = next;
            scale = nextScale;
        }
    }

    /**
     * Step 6: the candidates maximising min_i (g_i − d_i) / (M_i − d_i) over the parties with
     * M_i &gt; d_i, d = status / scale; as fractions (g_i·scale − status_i) / (M_i·scale − status_i),
     * compared by cross-multiplying.
     */
    private static int[] furthestTowardsIdeal(
            int[] candidates, int count, long[][] gains, BigInteger[] status, BigInteger scale, long[] ideal) {
        int a = ideal.length;
        BigInteger[] span = new BigInteger[a];
        for (int i = 0; i < a; i++) {
            span[i] = BigInteger.valueOf(ideal[i]).multiply(scale).subtract(status[i]);
        }
        int[] best = new int[count];
        int ties = 0;
        BigInteger bestNum = null;
        BigInteger bestDen = BigInteger.ONE;
        for (int c = 0; c < count; c++) {
            long[] g = gains[candidates[c]];
            BigInteger num = null;
            BigInteger den = BigInteger.ONE;
            for (int i = 0; i < a; i++) {
                if (span[i].signum() <= 0) {
                    continue;
                }
                BigInteger gain = BigInteger.valueOf(g[i]).multiply(scale).subtract(status[i]);
                if (num == null || gain.multiply(den).compareTo(num.multiply(span[i])) < 0) {
                    num = gain;
                    den = span[i];
                }
            }
            int order = bestNum == null ? 1 : num.multiply(bestDen).compareTo(bestNum.multiply(den));
            if (order > 0) {
                bestNum = num;
                bestDen = den;
                ties = 0;
            }
            if (order >= 0) {
                best[ties++] = candidates[c];
            }
        }
        return Arrays.copyOf(best, ties);
    }
}
