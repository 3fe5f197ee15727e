package org.parley.io.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.core.analysis.Analysis;
import org.parley.core.analysis.AnalysisProblem;
import org.parley.core.analysis.FrontierPoint;
import org.parley.core.analysis.OutcomeAnalyzer;
import org.parley.core.model.OutcomeSpace;
import org.parley.core.model.Scenario;

/**
 * Parley's analysis of imported samples gives the Pareto frontier and Nash point as GENIUS defines
 * them (genius.core.analysis.BidSpace): the frontier of all bids' utility vectors, and the Nash
 * point the frontier vector maximising Π (u_i − r_i), with the reservation values as disagreement
 * point. Parley keeps only acceptable outcomes (u_i ≥ r_i); since an outcome that dominates an
 * acceptable one is acceptable too, its frontier is GENIUS's restricted to the acceptable region.
 * Both are computed here independently, by enumeration.
 */
class ImportedAnalysisTest {

    /** Vectors are compared on a 1e-9 grid: sums of the same terms in other orders differ in the last bits. */
    private static final double GRID = 1e9;

    static Stream<String> samples() {
        return RoundTripTest.samples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void frontierAndNashPointAreGeniuss(String folder) {
        Scenario scenario = ScenarioImport.load(SampleImportTest.SAMPLES.resolve(folder)).scenario();
        double[] reservation = scenario.parties().stream().mapToDouble(p -> p.preferences().reservation()).toArray();

        List<double[]> frontier = geniusFrontier(scenario);
        Set<List<Long>> geniusAcceptable = new HashSet<>();
        for (double[] v : frontier) {
            if (v[0] >= reservation[0] - 1e-9 && v[1] >= reservation[1] - 1e-9) {
                geniusAcceptable.add(key(v));
            }
        }
        double best = -1;
        List<List<Long>> nash = new ArrayList<>();
        for (double[] v : frontier) {
            double product = (v[0] - reservation[0]) * (v[1] - reservation[1]);
            if (product > best + 1e-12) {
                best = product;
                nash.clear();
            }
            if (Math.abs(product - best) <= 1e-12) {
                nash.add(key(v));
            }
        }

        Analysis analysis = OutcomeAnalyzer.analyze(AnalysisProblem.of(scenario), 10);
        Set<List<Long>> parley = new HashSet<>();
        for (FrontierPoint point : analysis.pareto().points()) {
            parley.add(key(point.utilities()));
        }
        assertThat(parley).isEqualTo(geniusAcceptable);
        assertThat(analysis.nash()).isPresent();
        double[] point = analysis.nash().get().point().utilities();
        assertThat(nash).contains(key(point));
        assertThat((point[0] - reservation[0]) * (point[1] - reservation[1])).isCloseTo(best,
                org.assertj.core.api.Assertions.within(1e-9));
    }

    /** GENIUS's frontier: the utility vectors of all bids that no other bid's vector dominates. */
    static List<double[]> geniusFrontier(Scenario scenario) {
        OutcomeSpace space = new OutcomeSpace(scenario.domain());
        long n = space.count().longValueExact();
        List<double[]> vectors = new ArrayList<>();
        Set<List<Long>> seen = new HashSet<>();
        for (long k = 0; k < n; k++) {
            var o = space.outcome(k);
            double[] v = {scenario.parties().get(0).preferences().utility(o), scenario.parties().get(1).preferences().utility(o)};
            if (seen.add(key(v))) {
                vectors.add(v);
            }
        }
        // Sweep by the first utility descending (ties: second descending): a vector is on the frontier when its
        // second utility beats every vector seen before it.
        vectors.sort(Comparator.<double[]>comparingLong(v -> -Math.round(v[0] * GRID)).thenComparingLong(v -> -Math.round(v[1] * GRID)));
        List<double[]> frontier = new ArrayList<>();
        long bestSecond = Long.MIN_VALUE;
        for (double[] v : vectors) {
            long second = Math.round(v[1] * GRID);
            if (second > bestSecond) {
                frontier.add(v);
                bestSecond = second;
            }
        }
        return frontier;
    }

    private static List<Long> key(double[] v) {
        List<Long> key = new ArrayList<>();
        for (double x : v) {
            key.add(Math.round(x * GRID));
        }
        return key;
    }
}
