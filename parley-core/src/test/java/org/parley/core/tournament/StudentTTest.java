package org.parley.core.tournament;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StudentTTest {

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
}
