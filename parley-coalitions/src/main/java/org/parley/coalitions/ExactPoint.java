package org.parley.coalitions;

import java.math.BigInteger;

/**
 * A payoff x and a level ε over one common denominator D, so that the exact sign of
 * x(S) + ε − v(S) costs |S| integer additions and two multiplications.
 */
final class ExactPoint {

    private final BigInteger[] scaled;
    private final BigInteger scaledEpsilon;
    private final BigInteger denominator;

    ExactPoint(Rational[] x, Rational epsilon) {
        BigInteger d = epsilon.den();
        for (Rational r : x) {
            d = lcm(d, r.den());
        }
        denominator = d;
        scaled = new BigInteger[x.length];
        for (int i = 0; i < x.length; i++) {
            scaled[i] = x[i].num().multiply(d.divide(x[i].den()));
        }
        scaledEpsilon = epsilon.num().multiply(d.divide(epsilon.den()));
    }

    private static BigInteger lcm(BigInteger a, BigInteger b) {
        return a.divide(a.gcd(b)).multiply(b);
    }

    /** The sign of x(S) + ε − v: negative when the coalition's constraint is violated. */
    int slackSign(long coalition, Rational value) {
        BigInteger sum = scaledEpsilon;
        for (long rest = coalition; rest != 0; rest &= rest - 1) {
            sum = sum.add(scaled[Long.numberOfTrailingZeros(rest)]);
        }
        return sum.multiply(value.den()).compareTo(value.num().multiply(denominator));
    }
}
