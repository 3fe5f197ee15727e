package org.parley.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.parley.core.model.OutcomeSpace;
import org.parley.core.model.Scenario;

/**
 * {@link DiscreteRaiffaSolution} against the definition computed literally: exact fractions in
 * lowest terms, each party's demand M_i taken over every vector that gives the others at least
 * d_t (not the shortcut through D_t's ideal point), the average of the a demand points as points,
 * and D_t recomputed from all vectors at each step; over every acceptable vector, dominated ones
 * included, keeping the efficient ones at the end.
 */
class DiscreteRaiffaSolutionProperties {

    /** An exact fraction in lowest terms, den > 0. */
    record Fraction(BigInteger num, BigInteger den) implements Comparable<Fraction> {
        static final Fraction ZERO = of(BigInteger.ZERO, BigInteger.ONE);

        static Fraction of(BigInteger num, BigInteger den) {
            BigInteger gcd = num.gcd(den);
            if (gcd.signum() == 0) {
                gcd = BigInteger.ONE;
            }
            return new Fraction(num.divide(gcd), den.divide(gcd));
        }

        static Fraction of(long n) {
            return of(BigInteger.valueOf(n), BigInteger.ONE);
        }

        Fraction plus(Fraction o) {
            return of(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
        }

        Fraction minus(Fraction o) {
            return of(num.multiply(o.den).subtract(o.num.multiply(den)), den.multiply(o.den));
        }

        Fraction dividedBy(Fraction o) {
            return of(num.multiply(o.den), den.multiply(o.num)).normalSign();
        }

        Fraction dividedBy(long n) {
            return of(num, den.multiply(BigInteger.valueOf(n)));
        }

        Fraction normalSign() {
            return den.signum() < 0 ? new Fraction(num.negate(), den.negate()) : this;
        }

        @Override
        public int compareTo(Fraction o) {
            return num.multiply(o.den).compareTo(o.num.multiply(den));
        }
    }

    /** The Raiffa vectors of {@code vectors} (any set), by the definition; the efficient ones. */
    static List<long[]> oracle(List<long[]> vectors, long[] r) {
        int k = r.length;
        List<Integer> active = new ArrayList<>();
        for (int p = 0; p < k; p++) {
            final int party = p;
            if (vectors.stream().anyMatch(u -> u[party] > r[party])) {
                active.add(p);
            }
        }
        int a = active.size();
        if (a == 0) {
            return efficient(vectors, vectors);
        }
        Fraction[] d = new Fraction[a];
        Arrays.fill(d, Fraction.ZERO);
        for (int step = 0; step < 10_000; step++) {
            List<long[]> open = open(vectors, r, active, d);
            assertThat(open).as("D_t is never empty").isNotEmpty();
            if (open.stream().map(u -> Arrays.toString(gains(u, r, active))).distinct().count() == 1) {
                return efficient(open, vectors);
            }
            Fraction[] demand = new Fraction[a];
            for (int i = 0; i < a; i++) {
                for (long[] u : vectors) {
                    long[] g = gains(u, r, active);
                    boolean othersKeep = true;
                    for (int j = 0; j < a; j++) {
                        othersKeep &= j == i || Fraction.of(g[j]).compareTo(d[j]) >= 0;
                    }
                    if (othersKeep && (demand[i] == null || Fraction.of(g[i]).compareTo(demand[i]) > 0)) {
                        demand[i] = Fraction.of(g[i]);
                    }
                }
            }
            // The average of the a points (d with coordinate i replaced by party i's demand).
            Fraction[] next = new Fraction[a];
            Arrays.fill(next, Fraction.ZERO);
            for (int i = 0; i < a; i++) {
                for (int j = 0; j < a; j++) {
                    next[j] = next[j].plus(j == i ? demand[i] : d[j]);
                }
            }
            for (int j = 0; j < a; j++) {
                next[j] = next[j].dividedBy(a);
            }
            if (open(vectors, r, active, next).isEmpty()) {
                Fraction best = null;
                List<long[]> furthest = new ArrayList<>();
                for (long[] u : open) {
                    long[] g = gains(u, r, active);
                    Fraction min = null;
                    for (int i = 0; i < a; i++) {
                        if (demand[i].compareTo(d[i]) > 0) {
                            Fraction share = Fraction.of(g[i]).minus(d[i]).dividedBy(demand[i].minus(d[i]));
                            min = min == null || share.compareTo(min) < 0 ? share : min;
                        }
                    }
                    if (best == null || min.compareTo(best) > 0) {
                        best = min;
                        furthest.clear();
                    }
                    if (min.compareTo(best) == 0) {
                        furthest.add(u);
                    }
                }
                return efficient(furthest, vectors);
            }
            d = next;
        }
        return fail("the definition did not stop within 10,000 steps");
    }

    private static long[] gains(long[] u, long[] r, List<Integer> active) {
        return active.stream().mapToLong(p -> Math.max(0, u[p] - r[p])).toArray();
    }

    private static List<long[]> open(List<long[]> vectors, long[] r, List<Integer> active, Fraction[] d) {
        List<long[]> open = new ArrayList<>();
        for (long[] u : vectors) {
            long[] g = gains(u, r, active);
            boolean all = true;
            for (int i = 0; i < g.length; i++) {
                all &= Fraction.of(g[i]).compareTo(d[i]) >= 0;
            }
            if (all) {
                open.add(u);
            }
        }
        return open;
    }

    /** The members of {@code chosen} that nothing in {@code all} dominates, lexicographically descending. */
    private static List<long[]> efficient(List<long[]> chosen, List<long[]> all) {
        List<long[]> result = new ArrayList<>();
        for (long[] u : chosen) {
            if (!BuiltInSolutionConceptsProperties.dominated(u, all)) {
                result.add(u);
            }
        }
        result.sort(Comparator.comparing((long[] u) -> u, Arrays::compare).reversed());
        return result;
    }

    /** The concept's selection on the frontier of {@code vectors}, as vectors. */
    private static List<long[]> concept(List<long[]> vectors, long[] r) {
        List<long[]> frontier = efficient(vectors, vectors);
        List<FrontierPoint> points = frontier.stream().map(u -> new FrontierPoint(u, 1)).toList();
        BargainingProblem problem = new BargainingProblem(points, r);
        int[] selected = new DiscreteRaiffaSolution().select(problem);
        return Arrays.stream(selected).mapToObj(j -> problem.vector(j).fixed()).toList();
    }

    record VectorCase(List<long[]> vectors, long[] reservations) {
        @Override
        public String toString() {
            return vectors.stream().map(Arrays::toString).toList() + " r=" + Arrays.toString(reservations);
        }
    }

    @Provide
    Arbitrary<VectorCase> vectorCases() {
        return Arbitraries.randomValue(random -> {
            int k = 2 + random.nextInt(4);
            int n = 1 + random.nextInt(14);
            // Small grids give ties and exact hits; large units test the arithmetic at full size.
            long unit = new long[] {1, 7, 1_000_000_007L, 100_000_000_000L}[random.nextInt(4)];
            int range = 3 + random.nextInt(10);
            List<long[]> vectors = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                long[] u = new long[k];
                for (int p = 0; p < k; p++) {
                    u[p] = unit * random.nextInt(range + 1);
                }
                if (vectors.stream().noneMatch(v -> Arrays.equals(v, u))) {
                    vectors.add(u);
                }
            }
            long[] r = new long[k];
            for (int p = 0; p < k; p++) {
                // Sometimes above every vector (an indifferent party), sometimes not binding.
                r[p] = random.nextInt(4) == 0 ? unit * (range + 1) : unit * random.nextInt(range / 2 + 1);
            }
            return new VectorCase(vectors, r);
        });
    }

    @Property(tries = 3000)
    void agreesWithTheDefinitionOnRandomVectors(@ForAll("vectorCases") VectorCase c) {
        List<long[]> expected = oracle(c.vectors(), c.reservations());
        assertThat(concept(c.vectors(), c.reservations())).containsExactlyElementsOf(expected);
        // Over the frontier alone or over every vector, dominated ones included: the same point.
        assertThat(oracle(efficient(c.vectors(), c.vectors()), c.reservations())).containsExactlyElementsOf(expected);
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Property(tries = 1000)
    void agreesWithTheDefinitionOnRandomScenarios(@ForAll("seeds") long seed) {
        // Acceptable outcomes may lie up to the tolerance below a reservation: gains are clipped there.
        Random random = new Random(seed);
        Scenario scenario = RandomScenarios.scenario(random, 2 + random.nextInt(3));
        AnalysisProblem problem = AnalysisProblem.of(scenario, null, OutcomeSpace.DEFAULT_REAL_STEPS);
        List<long[]> acceptable = BuiltInSolutionConceptsProperties.acceptableVectors(problem);
        Analysis analysis = OutcomeAnalyzer.analyze(problem, 0);
        if (acceptable.isEmpty()) {
            assertThat(analysis.point(DiscreteRaiffaSolution.KEY)).isEmpty();
            return;
        }
        long[] r = new long[problem.partyCount()];
        for (int p = 0; p < r.length; p++) {
            r[p] = problem.reservation(p);
        }
        List<long[]> expected = oracle(acceptable, r);
        BargainingPoint point = analysis.point(DiscreteRaiffaSolution.KEY).orElseThrow();
        assertThat(point.tiedPoints().stream().map(FrontierPoint::fixed).toList()).containsExactlyElementsOf(expected);
    }
}
