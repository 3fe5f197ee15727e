package org.parley.core.analysis;

/**
 * A bargaining solution concept: a rule that picks, from the Pareto frontier of the acceptable
 * outcomes and the parties' reservation values, the utility vectors it recommends. Parley computes
 * every registered concept ({@link SolutionConcepts}) for every analysis and reports it everywhere
 * figures appear: {@code parley analyze}, the debrief and records of a run, plots, tournaments.
 *
 * <p>Adding one: a public class with a public no-argument constructor implementing this interface
 * (for an objective per vector, extend {@link MaximisingSolutionConcept}), and its fully qualified
 * name as one line of {@code META-INF/services/org.parley.core.analysis.SolutionConcept} (Java's
 * {@link java.util.ServiceLoader}). Nothing else names it.
 *
 * <p><b>Contract.</b> {@link #select} sees one frontier: distinct, mutually non-dominated vectors in
 * lexicographically descending order, at least one, of any number of parties (a subset of a
 * scenario's parties is a problem of its own). It must be deterministic and exact: compare utilities
 * as the fixed-point longs they are ({@link FixedPoint}), with BigInteger or exact ratio
 * arithmetic where products or quotients arise, so that equal vectors tie and unequal ones never
 * do by rounding. It returns <em>every</em> vector the concept cannot tell apart (the ties), as
 * ascending indices into the frontier.
 *
 * <p><b>Tie rule</b> (applied by {@link SolutionConcepts}, the same for every concept): all tied
 * vectors are reported and counted; the concept's point is the lexicographically largest tied
 * vector (the first in frontier order), and its outcome the first outcome of that vector in rank
 * order.
 */
public interface SolutionConcept {

    /**
     * The name in JSON output and on the command line, a camelCase identifier such as {@code nash}
     * or {@code kalaiSmorodinsky}; unique among the registered concepts and never one of {@link
     * SolutionConcepts#RESERVED_KEYS}. It is a stable field name: stored records use it.
     */
    String key();

    /**
     * The name people read, as in "the … point": {@code Nash}, {@code Kalai–Smorodinsky},
     * {@code utilitarian}.
     */
    String displayName();

    /**
     * The selected vectors of {@code frontier}: ascending indices into {@link
     * BargainingProblem#vectors()}, at least one.
     */
    int[] select(BargainingProblem frontier);
}
