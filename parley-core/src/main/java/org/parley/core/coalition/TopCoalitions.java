package org.parley.core.coalition;

import java.util.Arrays;

/**
 * The {@code capacity} largest keys offered, with their masks, and a floor: the largest key dropped
 * (−∞ while none was), so that no key left out exceeds it. Offers below the floor cost a comparison;
 * the rest go to a buffer of twice the capacity, trimmed by a sort when full: O(log capacity)
 * amortised per kept offer. With capacity 0 nothing is kept and the floor is the largest key offered.
 */
final class TopCoalitions {

    final int capacity;
    double[] keys;
    int[] masks;
    int count;
    double floor = Double.NEGATIVE_INFINITY;

    TopCoalitions(int capacity) {
        this.capacity = capacity;
        this.keys = new double[Math.max(1, 2 * capacity)];
        this.masks = new int[keys.length];
    }

    void offer(double key, int mask) {
        if (key <= floor) {
            return;
        }
        if (capacity == 0) {
            floor = key;
            return;
        }
        if (count == keys.length) {
            trim();
        }
        keys[count] = key;
        masks[count++] = mask;
    }

    void addAll(TopCoalitions other) {
        floor = Math.max(floor, other.floor);
        for (int i = 0; i < other.count; i++) {
            offer(other.keys[i], other.masks[i]);
        }
    }

    /** Keeps the capacity largest keys; the floor rises to the largest key dropped. */
    void trim() {
        if (count <= capacity) {
            return;
        }
        long[] order = new long[count];
        for (int i = 0; i < count; i++) {
            order[i] = ExcessLists.key(keys[i], i);
        }
        Arrays.sort(order);
        double[] newKeys = new double[keys.length];
        int[] newMasks = new int[keys.length];
        for (int j = 0; j < capacity; j++) {
            int i = (int) order[count - 1 - j];
            newKeys[j] = keys[i];
            newMasks[j] = masks[i];
        }
        for (int j = capacity; j < count; j++) {
            floor = Math.max(floor, keys[(int) order[count - 1 - j]]);
        }
        keys = newKeys;
        masks = newMasks;
        count = capacity;
    }
}
