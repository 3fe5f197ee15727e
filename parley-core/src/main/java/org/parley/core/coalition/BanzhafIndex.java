package org.parley.core.coalition;

import java.util.Arrays;

/**
 * The Banzhaf index: {@code raw[i]} is the probability that player i swings a coalition of the
 * others drawn uniformly (its swings / 2^(n−1)); {@code normalized[i]} is its share of all players'
 * swings (Banzhaf 1965, "Weighted voting doesn't work"). For a general game a "swing" is the
 * marginal contribution v(S ∪ {i}) − v(S).
 */
public record BanzhafIndex(double[] raw, double[] normalized, String method) {

    public BanzhafIndex {
        raw = raw.clone();
        normalized = normalized.clone();
    }

    /** Normalises {@code raw} so that it sums to 1 (all zeros when nobody ever swings). */
    public static BanzhafIndex of(double[] raw, String method) {
        double total = Arrays.stream(raw).sum();
        double[] normalized = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            normalized[i] = total == 0 ? 0 : raw[i] / total;
        }
        return new BanzhafIndex(raw, normalized, method);
    }

    @Override
    public double[] raw() {
        return raw.clone();
    }

    @Override
    public double[] normalized() {
        return normalized.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BanzhafIndex that && Arrays.equals(raw, that.raw)
                && Arrays.equals(normalized, that.normalized) && method.equals(that.method);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw) * 31 + method.hashCode();
    }

    @Override
    public String toString() {
        return method + Arrays.toString(normalized);
    }
}
