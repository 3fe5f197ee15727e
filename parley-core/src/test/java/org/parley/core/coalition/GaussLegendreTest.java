package org.parley.core.coalition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.Test;

class GaussLegendreTest {

    /* ∫_0^1 t^k dt = 1/(k + 1) exactly for every k below 2N. */
    @Test
    void integratesMonomialsUpToDegreeTwoNMinusOne() {
        for (int points : new int[] {1, 2, 3, 7, 20, 101}) {
            GaussLegendre rule = new GaussLegendre(points);
            for (int k = 0; k < 2 * points; k++) {
                double sum = 0;
                for (int i = 0; i < points; i++) {
                    double[] node = rule.node(i);
                    sum += node[1] * Math.pow(node[0], k);
                }
                assertThat(sum).as("N = %d, k = %d", points, k).isCloseTo(1.0 / (k + 1), within(1e-14));
            }
        }
    }

    /* The Shapley weights: ∫ t^k (1 − t)^(m−k) dt = k!(m − k)!/(m + 1)!, here for m = 999 and N = 500. */
    @Test
    void integratesTheShapleyWeightsOfAThousandPlayers() {
        int m = 999;
        GaussLegendre rule = new GaussLegendre((m + 2) / 2);
        double[][] nodes = new double[rule.points()][];
        for (int i = 0; i < rule.points(); i++) {
            nodes[i] = rule.node(i);
        }
        for (int k : new int[] {0, 1, 250, 499, 500, 998, 999}) {
            // log of k!(m − k)!/(m + 1)! and of the quadrature, in logs to avoid underflow
            double exact = logFactorial(k) + logFactorial(m - k) - logFactorial(m + 1);
            double sum = 0;
            for (double[] node : nodes) {
                sum += node[1] * Math.exp(k * Math.log(node[0]) + (m - k) * Math.log1p(-node[0]) - exact);
            }
            assertThat(sum).as("k = %d", k).isCloseTo(1, within(1e-11));
        }
    }

    /*
     * Against Hipparchus 4's rules on [0, 1]: its 34-digit rule (legendreHighPrecision, computed in
     * Dfp arithmetic and rounded once; slow, so) for N ≤ 9, and its double rule for N up to 144 (beyond,
     * it takes seconds). Nodes within 3e-16 absolute (measured 1.1e-16, one rounding of a number
     * below 1); weights within 1e-14 relative of the 34-digit rule (measured 5e-15) and 2e-12 of
     * the double one (measured 8e-13: the two differ most at the smallest weights, next to the
     * ends, where 1 − x² loses digits in both).
     */
    @Test
    void matchesHipparchusRules() {
        GaussIntegratorFactory exact = new GaussIntegratorFactory(34);
        for (int points : new int[] {1, 2, 3, 4, 5, 8, 9}) {
            compare(new GaussLegendre(points), exact.legendreHighPrecision(points, 0, 1), 1e-14);
        }
        GaussIntegratorFactory doubles = new GaussIntegratorFactory();
        for (int points : new int[] {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144}) {
            compare(new GaussLegendre(points), doubles.legendre(points, 0, 1), 2e-12);
        }
    }

    private static void compare(GaussLegendre rule, GaussIntegrator reference, double weightTolerance) {
        assertThat(reference.getNumberOfPoints()).isEqualTo(rule.points());
        for (int i = 0; i < rule.points(); i++) {
            double[] node = rule.node(i);
            assertThat(node[0]).as("node %d of %d", i, rule.points()).isCloseTo(reference.getPoint(i), within(3e-16));
            assertThat(node[1]).as("weight %d of %d", i, rule.points())
                    .isCloseTo(reference.getWeight(i), within(weightTolerance * reference.getWeight(i)));
        }
    }

    @Test
    void nodesIncreaseAndEstimatesStayClose() {
        GaussLegendre rule = new GaussLegendre(300);
        double previous = 0;
        for (int i = 0; i < 300; i++) {
            double t = rule.node(i)[0];
            assertThat(t).isGreaterThan(previous).isLessThan(1);
            assertThat(Math.abs(rule.estimate(i) - t)).isLessThan(1.0 / 300);
            previous = t;
        }
    }

    private static double logFactorial(int k) {
        double s = 0;
        for (int i = 2; i <= k; i++) {
            s += Math.log(i);
        }
        return s;
    }
}
