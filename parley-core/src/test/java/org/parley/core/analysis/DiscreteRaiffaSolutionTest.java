package org.parley.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscreteRaiffaSolutionTest {

    private static final DiscreteRaiffaSolution RAIFFA = new DiscreteRaiffaSolution();

    /** A frontier from utilities (sorted descending here), with reservation values. */
    static BargainingProblem problem(double[] reservations, double[]... vectors) {
        List<FrontierPoint> points = new ArrayList<>();
        for (double[] u : vectors) {
            points.add(new FrontierPoint(Arrays.stream(u).mapToLong(FixedPoint::of).toArray(), 1));
        }
        points.sort((a, b) -> Vectors.compareDescending(a.fixed(), 0, b.fixed(), 0, reservations.length));
        return new BargainingProblem(points, Arrays.stream(reservations).mapToLong(FixedPoint::of).toArray());
    }

    static List<double[]> selected(BargainingProblem problem) {
        List<double[]> vectors = new ArrayList<>();
        for (int j : RAIFFA.select(problem)) {
            vectors.add(problem.vector(j).utilities());
        }
        return vectors;
    }

    @Test
    void twoStepsToTheMiddleWhereNashAndKalaiSmorodinskyDisagree() {
        // M = (1, 0.9), d1 = (0.5, 0.45): three vectors stay; M = (1, 0.7), d2 = (0.75, 0.575): one.
        BargainingProblem problem = problem(new double[] {0, 0}, new double[] {1, 0.5}, new double[] {0.8, 0.6},
                new double[] {0.7, 0.7}, new double[] {0, 0.9});
        assertThat(selected(problem)).containsExactly(new double[] {0.8, 0.6});
        assertThat(problem.vector(new NashSolution().select(problem)[0]).utilities()).containsExactly(1, 0.5);
        assertThat(problem.vector(new KalaiSmorodinskySolution().select(problem)[0]).utilities()).containsExactly(0.7, 0.7);
    }

    @Test
    void threePartiesMoveAThirdOfTheWayEachStep() {
        // M = (1, 1, 0.8), d1 = (1/3, 1/3, 4/15): (0.9, 0.9, 0) drops; d2 = (5/9, 5/9, 4/9): one is left.
        BargainingProblem problem = problem(new double[] {0, 0, 0}, new double[] {1, 0.4, 0.8}, new double[] {0.9, 0.9, 0},
                new double[] {0.6, 0.7, 0.6}, new double[] {0.4, 1, 0.4}, new double[] {0.4, 0.8, 0.6});
        assertThat(selected(problem)).containsExactly(new double[] {0.6, 0.7, 0.6});
    }

    @Test
    void anOvershootEndsWithTheFurthestVectorsTowardsTheIdealPoint() {
        // d1 = (0.5, 0.5) is beyond every vector; from d0 the smallest share of the way to M = (1, 1)
        // is 0.3 for the two middle vectors, 0 for the ends: a symmetric tie.
        BargainingProblem problem = problem(new double[] {0, 0}, new double[] {1, 0}, new double[] {0.6, 0.3},
                new double[] {0.3, 0.6}, new double[] {0, 1});
        assertThat(selected(problem)).containsExactly(new double[] {0.6, 0.3}, new double[] {0.3, 0.6});
        BargainingProblem ends = problem(new double[] {0, 0}, new double[] {1, 0}, new double[] {0, 1});
        assertThat(selected(ends)).containsExactly(new double[] {1, 0}, new double[] {0, 1});
    }

    @Test
    void gainsAreClippedAndIndifferentPartiesLeftOut() {
        // Party 2 never gets above its reservation 0.5: only party 1 bargains, and takes its best.
        BargainingProblem one = problem(new double[] {0.2, 0.5}, new double[] {1, 0.5}, new double[] {0.7, 0.5 - 1e-10});
        assertThat(one.active()).containsExactly(0);
        assertThat(selected(one)).containsExactly(new double[] {1, 0.5});
        // Nobody gains anything: every vector ties.
        BargainingProblem none = problem(new double[] {1, 1}, new double[] {1, 1 - 1e-10}, new double[] {1 - 1e-10, 1});
        assertThat(RAIFFA.select(none)).containsExactly(0, 1);
        // A single vector is its own point.
        assertThat(selected(problem(new double[] {0, 0}, new double[] {0.5, 0.5}))).containsExactly(new double[] {0.5, 0.5});
    }

    @Test
    void itIsRegisteredAfterTheOtherBuiltInsAndReportedByEveryAnalysis() {
        assertThat(SolutionConcepts.registered().keys()).startsWith("nash", "kalaiSmorodinsky", "utilitarian",
                "egalitarian", "raiffa");
        assertThat(SolutionConcepts.registered().get("raiffa").displayName()).isEqualTo("Raiffa");
        // The zero-sum split (u1 + u2 = 1, both reservations 0.3): gains (0.4, 0), (0.3, 0.1), (0.1, 0.3),
        // (0, 0.4); d1 = (0.2, 0.2) is beyond all, so the two middle vectors tie, (0.6, 0.4) first.
        Analysis analysis = OutcomeAnalyzer.analyze(AnalysisProblem.of(SolutionConceptsTest.split(0.3, 0.3)), 10);
        BargainingPoint raiffa = analysis.point("raiffa").orElseThrow();
        assertThat(raiffa.point().utilities()).containsExactly(0.6, 0.4);
        assertThat(raiffa.ties()).isEqualTo(2);
        assertThat(analysis.distances(new double[] {0.6, 0.4}).to("raiffa")).isZero();
    }
}
