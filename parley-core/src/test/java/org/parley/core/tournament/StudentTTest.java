package org.parley.core.tournament;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;

class StudentTTest {

    /** Degrees of freedom where Hipparchus itself is accurate (it forms 1 − x by subtraction, as we no longer do). */
    private static final double[] SMALL_DF = {0.1, 0.5, 1, 1.5, 2, 3, 4, 5, 7, 10, 20, 30, 50, 100};

    /** Lower-tail probabilities: exact as doubles, so the reference sees the same p. */
    private static final double[] LOWER_P = {1e-12, 1e-9, 1e-6, 1e-4, 1e-3, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.4};

    @Test
    void quantilesMatchPublishedTables() {
        // Two-sided 95% critical values t(0.975, df).
        assertThat(StudentT.quantile(0.975, 1)).isCloseTo(12.7062, within(1e-4));
        assertThat(StudentT.quantile(0.975, 2)).isCloseTo(4.3027, within(1e-4));
        assertThat(StudentT.quantile(0.975, 10)).isCloseTo(2.2281, within(1e-4));
        assertThat(StudentT.quantile(0.975, 30)).isCloseTo(2.0423, within(1e-4));
        assertThat(StudentT.quantile(0.975, 1e6)).isCloseTo(1.9600, within(1e-4));
        assertThat(StudentT.quantile(0.95, 5)).isCloseTo(2.0150, within(1e-4));
        assertThat(StudentT.quantile(0.025, 10)).isCloseTo(-2.2281, within(1e-4));
        assertThat(StudentT.cdf(0, 7)).isCloseTo(0.5, within(1e-12));
    }

    /*
     * Hipparchus 4's TDistribution over ν ≤ 100 and t in [−60, 60]: the CDF within 1e-13 absolute
     * and the lower tail within 1e-12 of itself (measured: 2e-14 and 4e-14).
     */
    @Test
    void cdfMatchesHipparchus() {
        for (double df : SMALL_DF) {
            TDistribution reference = new TDistribution(df);
            for (int k = -160; k <= 160; k++) {
                double t = k * 0.37 + 0.01;
                double expected = reference.cumulativeProbability(t);
                assertThat(StudentT.cdf(t, df)).as("cdf(%s, %s)", t, df).isCloseTo(expected, within(1e-13));
                if (t < 0) {
                    assertThat(relative(StudentT.cdf(t, df), expected)).as("tail(%s, %s)", t, df).isLessThan(1e-12);
                    assertThat(StudentT.upperTail(-t, df)).isEqualTo(StudentT.cdf(t, df));
                }
            }
        }
    }

    /*
     * Quantiles against Hipparchus (its inverse solved to 1e-15) over ν ≤ 100 and p from 10^-12
     * to 0.4, within 1e-12 relative (measured 4e-14; at ν = 0.1 and p = 10^-12 the quantile is
     * 10^116, and a relative error ε of the tail becomes 10ε in t). Upper quantiles are the
     * lower ones of the same tail negated, exactly.
     */
    @Test
    void quantilesMatchHipparchus() {
        for (double df : SMALL_DF) {
            TDistribution reference = new TDistribution(df, 1e-15);
            for (double p : LOWER_P) {
                double q = StudentT.quantile(p, df);
                assertThat(relative(q, reference.inverseCumulativeProbability(p))).as("quantile(%s, %s)", p, df)
                        .isLessThan(1e-12);
                // 1 − p rounds; the tail it leaves, 1 − (1 − p), is exact and is what the quantile solves for.
                assertThat(StudentT.quantile(1 - p, df)).as("quantile(1 − %s, %s)", p, df)
                        .isEqualTo(-StudentT.quantile(1 - (1 - p), df));
            }
        }
    }

    /*
     * For large ν Hipparchus loses digits, so the reference is the Cornish–Fisher expansion
     * t_p = z + (z³ + z)/(4ν) + (5z⁵ + 16z³ + 3z)/(96ν²) + O(ν⁻³) around Hipparchus's normal
     * quantile z: within 1e-9 relative for ν from 10^4 to 10^7 and p from 10^-6 to 1 − 10^-6
     * (measured 5e-10, at ν = 10^7, where the continued fraction's O(√ν) convergence starts to cost
     * digits: the class comment gives 10^7 as the limit).
     */
    @Test
    void quantilesForManySamplesMatchTheCornishFisherExpansion() {
        NormalDistribution normal = new NormalDistribution();
        double[] ps = {1e-6, 1e-4, 1e-3, 0.01, 0.025, 0.05, 0.1, 0.3, 0.7, 0.9, 0.95, 0.975, 0.99, 0.999, 0.9999};
        for (double df : new double[] {1e4, 1e5, 1e6, 1e7}) {
            for (double p : ps) {
                double z = normal.inverseCumulativeProbability(p);
                double expected = z + (z * z * z + z) / (4 * df) + (5 * Math.pow(z, 5) + 16 * z * z * z + 3 * z)
                        / (96 * df * df);
                assertThat(relative(StudentT.quantile(p, df), expected)).as("quantile(%s, %s)", p, df)
                        .isLessThan(1e-9);
            }
        }
    }

    /* ln Γ against Hipparchus from 0.01 to 10^6: within 1e-14 relative (measured 3e-15). */
    @Test
    void logGammaMatchesHipparchus() {
        for (double x = 0.01; x < 1e6; x *= 1.07) {
            double expected = Gamma.logGamma(x);
            assertThat(StudentT.logGamma(x)).as("lnΓ(%s)", x).isCloseTo(expected,
                    within(1e-14 * Math.max(1, Math.abs(expected))));
        }
    }

    /*
     * ln B(a, b) against Hipparchus's Beta.logBeta (DiDonato and Morris's algorithm) for a, b from
     * 0.05 to 5·10^8: within 1e-13 absolute (measured below 1e-14), where ln Γ(a) − ln Γ(a + b) by
     * subtraction would keep only six digits at a = 5·10^8.
     */
    @Test
    void logBetaMatchesHipparchus() {
        double[] arguments = {0.05, 0.5, 1, 2.5, 9.99, 10, 10.01, 37, 100, 1e4, 1e6, 5e8};
        for (double a : arguments) {
            for (double b : arguments) {
                assertThat(StudentT.logBeta(a, b)).as("ln B(%s, %s)", a, b).isCloseTo(Beta.logBeta(a, b),
                        within(1e-13 * Math.max(1, Math.abs(Beta.logBeta(a, b)))));
            }
        }
    }

    @Test
    void logGammaMatchesFactorials() {
        double factorial = 1;
        for (int n = 1; n < 20; n++) {
            factorial *= n;
            assertThat(StudentT.logGamma(n + 1)).isCloseTo(Math.log(factorial), within(1e-10));
        }
        assertThat(StudentT.logGamma(0.5)).isCloseTo(Math.log(Math.sqrt(Math.PI)), within(1e-12));
    }

    @Test
    void halfWidthNeedsTwoSamples() {
        assertThat(StudentT.halfWidth95(1, 1)).isNaN();
        assertThat(StudentT.halfWidth95(2, 11)).isCloseTo(2.2281 * 2 / Math.sqrt(11), within(1e-4));
    }

    private static double relative(double actual, double expected) {
        return Math.abs(actual - expected) / Math.abs(expected);
    }
}
