package org.parley.core.analysis;

import java.math.BigInteger;

/**
 * The Nash bargaining solution (Nash 1950, "The bargaining problem", Econometrica 18:155–162):
 * argmax Π_i (u_i − r_i) over the active parties ({@link BargainingProblem}), gains clipped at 0.
 * The product is a BigInteger, exact at any number of parties. A product of 0 (some active party at
 * its reservation value everywhere it is maximal) ties every vector that has it.
 */
public final class NashSolution extends MaximisingSolutionConcept<BigInteger> {

    public static final String KEY = "nash";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String displayName() {
        return "Nash";
    }

    @Override
    protected BigInteger objective(BargainingProblem problem, int j) {
        BigInteger product = BigInteger.ONE;
        for (int p : problem.active()) {
            product = product.multiply(BigInteger.valueOf(problem.gain(j, p)));
        }
        return product;
    }
}
