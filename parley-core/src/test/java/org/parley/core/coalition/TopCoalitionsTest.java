package org.parley.core.coalition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class TopCoalitionsTest {

    /*
     * After any offers, split over parts and merged as a pass does: at most `capacity` kept, every key
     * offered either kept or at most the floor, and the floor is a key that was offered (or −∞ when
     * nothing was dropped).
     */
    @Property(tries = 200)
    void keepsTheBestAndBoundsTheRest(@ForAll @IntRange(min = 0, max = 40) int capacity,
            @ForAll @IntRange(min = 0, max = 300) int offers, @ForAll @IntRange(min = 1, max = 4) int parts,
            @ForAll long seed) {
        Random random = new Random(seed);
        List<Double> offered = new ArrayList<>();
        TopCoalitions[] found = new TopCoalitions[parts];
        for (int p = 0; p < parts; p++) {
            found[p] = new TopCoalitions(capacity);
        }
        for (int i = 0; i < offers; i++) {
            // Few distinct values, so that ties and keys equal to the floor occur.
            double key = random.nextInt(50) / 4.0 - 5;
            offered.add(key);
            found[random.nextInt(parts)].offer(key, i);
        }
        TopCoalitions merged = new TopCoalitions(capacity);
        for (TopCoalitions part : found) {
            merged.addAll(part);
        }
        merged.trim();
        assertThat(merged.count).isLessThanOrEqualTo(capacity);
        List<Integer> kept = new ArrayList<>();
        for (int j = 0; j < merged.count; j++) {
            kept.add(merged.masks[j]);
            assertThat(merged.keys[j]).isEqualTo(offered.get(merged.masks[j]));
        }
        assertThat(kept).doesNotHaveDuplicates();
        for (int i = 0; i < offers; i++) {
            if (!kept.contains(i)) {
                assertThat(offered.get(i)).as("offer %d, dropped", i).isLessThanOrEqualTo(merged.floor);
            }
        }
        if (kept.size() == offers) {
            assertThat(merged.floor).isEqualTo(Double.NEGATIVE_INFINITY);
        } else {
            assertThat(offered).contains(merged.floor);
        }
        if (offers >= capacity && offered.stream().distinct().count() == offers) {
            assertThat(merged.count).isEqualTo(capacity);
        }
    }
}
