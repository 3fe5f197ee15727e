package org.parley.coalitions;

import java.util.ArrayList;
import java.util.List;

/** The k coalitions of largest excess offered so far: a binary min-heap on primitive arrays. */
final class TopCoalitions {

    private final int capacity;
    private double[] keys;
    private long[] coalitions;
    private int size;

    TopCoalitions(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("Keep at least one coalition, not " + capacity + ".");
        }
        this.capacity = capacity;
        keys = new double[Math.min(capacity, 64)];
        coalitions = new long[keys.length];
    }

    boolean full() {
        return size == capacity;
    }

    /** The smallest excess kept (only when non-empty). */
    double minimum() {
        return keys[0];
    }

    void offer(long coalition, double excess) {
        if (size < capacity) {
            if (size == keys.length) {
                int grown = (int) Math.min(capacity, 2L * keys.length);
                keys = java.util.Arrays.copyOf(keys, grown);
                coalitions = java.util.Arrays.copyOf(coalitions, grown);
            }
            int i = size++;
            while (i > 0 && keys[(i - 1) / 2] > excess) {
                keys[i] = keys[(i - 1) / 2];
                coalitions[i] = coalitions[(i - 1) / 2];
                i = (i - 1) / 2;
            }
            keys[i] = excess;
            coalitions[i] = coalition;
            return;
        }
        if (excess <= keys[0]) {
            return;
        }
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && keys[child + 1] < keys[child]) {
                child++;
            }
            if (keys[child] >= excess) {
                break;
            }
            keys[i] = keys[child];
            coalitions[i] = coalitions[child];
            i = child;
        }
        keys[i] = excess;
        coalitions[i] = coalition;
    }

    /** The coalitions kept, largest excess first. */
    List<Long> descending() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(keys[b], keys[a]));
        List<Long> result = new ArrayList<>(size);
        for (int i : order) {
            result.add(coalitions[i]);
        }
        return result;
    }
}
