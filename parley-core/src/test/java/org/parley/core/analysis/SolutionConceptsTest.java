package org.parley.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.Domain;
import org.parley.core.model.Party;
import org.parley.core.model.Scenario;
import org.parley.core.preference.Discount;
import org.parley.core.preference.LinearAdditiveUtility;
import org.parley.core.preference.Preferences;

class SolutionConceptsTest {

    private static final String SERVICES = "META-INF/services/" + SolutionConcept.class.getName();

    @TempDir
    Path dir;

    /** Two parties on a 3 × 2 space: u1 = (0/30/60 + 0/40) / 100, u2 = (60/30/0 + 40/0) / 100. */
    static Scenario split(double r1, double r2) {
        Domain domain = new Domain(List.of(new DiscreteIssue("a", List.of("x", "y", "z")),
                new DiscreteIssue("b", List.of("x", "y"))));
        var u1 = LinearAdditiveUtility.fromPoints(domain, new double[][] {{0, 30, 60}, {0, 40}}, 100);
        var u2 = LinearAdditiveUtility.fromPoints(domain, new double[][] {{60, 30, 0}, {40, 0}}, 100);
        return new Scenario("split", domain, List.of(
                new Party("one", new Preferences(u1, List.of(), r1, Discount.NONE)),
                new Party("two", new Preferences(u2, List.of(), r2, Discount.NONE))));
    }

    @Test
    void theBuiltInsComeFirstInTheirOrder() {
        SolutionConcepts registered = SolutionConcepts.registered();
        assertThat(registered.keys().subList(0, 4)).containsExactly("nash", "kalaiSmorodinsky", "utilitarian", "egalitarian");
        assertThat(registered.get("kalaiSmorodinsky").displayName()).isEqualTo("Kalai–Smorodinsky");
        assertThat(registered.get("nash")).isInstanceOf(NashSolution.class);
        assertThat(SolutionConcepts.registered()).isSameAs(registered);
        // Every registered concept is in every analysis.
        Analysis analysis = OutcomeAnalyzer.analyze(AnalysisProblem.of(split(0.3, 0.3)), 10);
        assertThat(analysis.points().keySet()).containsExactlyElementsOf(registered.keys());
        assertThat(analysis.distances(new double[] {0.5, 0.5}).concepts().keySet())
                .containsExactlyElementsOf(registered.keys());
    }

    @Test
    void unknownKeysAreNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> SolutionConcepts.registered().get("nsh")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Unknown solution concept (nsh); the known concepts are nash, kalaiSmorodinsky,");
        Analysis analysis = OutcomeAnalyzer.analyze(AnalysisProblem.of(split(0.3, 0.3)), 10);
        assertThatThrownBy(() -> analysis.point("nsh")).hasMessageContaining("the known concepts are nash");
        assertThatThrownBy(() -> analysis.distances(new double[] {0.5, 0.5}).to("nsh"))
                .hasMessageContaining("Unknown solution concept (nsh)");
        assertThat(SolutionConcepts.registered().find("nsh")).isEmpty();
    }

    @Test
    void aConceptFoundByTheServiceLoaderComesAfterTheBuiltInsWhereverItsFileIs() throws IOException {
        Path services = dir.resolve(SERVICES);
        Files.createDirectories(services.getParent());
        Files.writeString(services, "# a test's registration\n" + LastPartyBestConcept.class.getName() + "\n");
        try (URLClassLoader loader = ownFirst(dir)) {
            SolutionConcepts concepts = SolutionConcepts.load(loader);
            assertThat(concepts.keys()).startsWith("nash", "kalaiSmorodinsky", "utilitarian", "egalitarian")
                    .endsWith("lastPartyBest");
            Analysis analysis = OutcomeAnalyzer.analyze(AnalysisProblem.of(split(0.3, 0.3)), 10, concepts);
            // The zero-sum frontier u1 + u2 = 1 with both reservations 0.3: two's best is (0.3, 0.7).
            assertThat(analysis.point("lastPartyBest").orElseThrow().point().utilities()).containsExactly(0.3, 0.7);
            assertThat(new BruteForceParetoFrontier().analyze(analysis.problem(), 10, concepts).points())
                    .isEqualTo(analysis.points());
        }
    }

    @Test
    void aRegistrationThatCannotBeLoadedIsAClearError() throws IOException {
        Path services = dir.resolve(SERVICES);
        Files.createDirectories(services.getParent());
        Files.writeString(services, "org.parley.core.analysis.NoSuchConcept\n");
        try (URLClassLoader loader = ownFirst(dir)) {
            assertThatThrownBy(() -> SolutionConcepts.load(loader)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("NoSuchConcept").hasMessageContaining(SERVICES)
                    .hasMessageContaining("public no-argument constructor");
        }
    }

    @Test
    void keysMustBeUniqueIdentifiersThatTheJsonDoesNotUse() {
        assertThatThrownBy(() -> SolutionConcepts.of(List.of(new NashSolution(), new NashSolution())))
                .hasMessage("Two solution concepts have the key (nash): " + NashSolution.class.getName() + " and "
                        + NashSolution.class.getName() + "; keys must be unique.");
        assertThatThrownBy(() -> SolutionConcepts.of(List.of(named("kalai-smorodinsky", "KS"))))
                .hasMessageContaining("has the key (kalai-smorodinsky); expected a camelCase identifier");
        assertThatThrownBy(() -> SolutionConcepts.of(List.of(named("pareto", "Pareto"))))
                .hasMessageContaining("has the key (pareto), which Parley's JSON uses for something else");
        assertThatThrownBy(() -> SolutionConcepts.of(List.of(named("blank", " "))))
                .hasMessageContaining("(blank) has no display name");
        assertThat(SolutionConcepts.of(List.of(named("fine2", "Fine"))).keys()).containsExactly("fine2");
    }

    @Test
    void aSelectionThatBreaksTheContractIsRefusedNamingTheConcept() {
        AnalysisProblem problem = AnalysisProblem.of(split(0.3, 0.3));
        for (int[] bad : new int[][] {{}, {1, 0}, {0, 0}, {-1}, {4}}) {
            SolutionConcepts concepts = SolutionConcepts.of(List.of(selecting(bad)));
            assertThatThrownBy(() -> OutcomeAnalyzer.analyze(problem, 10, concepts))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("The solution concept broken (")
                    .hasMessageContaining("from a frontier of 4 vectors; expected at least one index, ascending, each from 0 to 3");
        }
        // A good selection: the lexicographically largest selected vector is the point; all are ties.
        Analysis analysis = OutcomeAnalyzer.analyze(problem, 10, SolutionConcepts.of(List.of(selecting(new int[] {1, 3}))));
        BargainingPoint point = analysis.point("broken").orElseThrow();
        assertThat(point.point().utilities()).containsExactly(0.6, 0.4);
        assertThat(point.tiedPoints()).extracting(p -> p.utility(0)).containsExactly(0.6, 0.3);
        assertThat(point.ties()).isEqualTo(2);
        assertThat(point.concept()).isEqualTo("broken");
    }

    @Test
    void aProblemTakesDistinctVectorsInDescendingOrder() {
        long[] r = {0, 0};
        FrontierPoint high = new FrontierPoint(new long[] {2, 1}, 1);
        FrontierPoint low = new FrontierPoint(new long[] {1, 2}, 1);
        assertThat(new BargainingProblem(List.of(high, low), r).size()).isEqualTo(2);
        assertThatThrownBy(() -> new BargainingProblem(List.of(low, high), r))
                .hasMessageContaining("expected distinct vectors in lexicographically descending order");
        assertThatThrownBy(() -> new BargainingProblem(List.of(high, high), r)).hasMessageContaining("distinct");
        assertThatThrownBy(() -> new BargainingProblem(List.of(new FrontierPoint(new long[] {1}, 1)), r))
                .hasMessageContaining("has 1 utilities; expected 2");
        BargainingProblem problem = new BargainingProblem(List.of(high, low), new long[] {1, 5});
        assertThat(problem.active()).containsExactly(0);
        assertThat(problem.gain(1, 1)).isZero();
        assertThat(problem.span(0)).isEqualTo(1);
    }

    @Test
    void ratiosCompareExactlyBeyondDoublePrecision() {
        long big = 1L << 62;
        assertThat(new Ratio(big - 1, big).compareTo(new Ratio(big - 2, big - 1))).isPositive();
        assertThat(new Ratio(1, 2).compareTo(new Ratio(2, 4))).isZero();
        assertThatThrownBy(() -> new Ratio(1, 0)).hasMessageContaining("positive denominator");
    }

    @Test
    void namesDerivedFromKeys() {
        assertThat(SolutionConcepts.prefixed("distance", "kalaiSmorodinsky")).isEqualTo("distanceKalaiSmorodinsky");
        assertThat(SolutionConcepts.words("kalaiSmorodinsky", '-')).isEqualTo("kalai-smorodinsky");
        assertThat(SolutionConcepts.words("nash", '_')).isEqualTo("nash");
    }

    private static SolutionConcept named(String key, String name) {
        return new SolutionConcept() {
            public String key() {
                return key;
            }

            public String displayName() {
                return name;
            }

            public int[] select(BargainingProblem frontier) {
                return new int[] {0};
            }
        };
    }

    private static SolutionConcept selecting(int[] selection) {
        return new SolutionConcept() {
            public String key() {
                return "broken";
            }

            public String displayName() {
                return "broken";
            }

            public int[] select(BargainingProblem frontier) {
                return selection.clone();
            }
        };
    }

    /** A loader that lists its own resources before its parent's, as a test's class path does. */
    private static URLClassLoader ownFirst(Path root) throws IOException {
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, SolutionConceptsTest.class.getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                List<URL> urls = new ArrayList<>(Collections.list(findResources(name)));
                urls.addAll(Collections.list(getParent().getResources(name)));
                return Collections.enumeration(urls);
            }
        };
    }
}
