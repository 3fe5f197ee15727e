package org.parley.core.world;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a batch keeps of a world run: which run it was, how many of its negotiations ended in
 * agreement and how many agreements were breached, and each power's totals (welfare, agreements
 * made, honoured and breached, and its final standing: the others' mean trust in it at the end).
 * The negotiations themselves are not kept: a run is a function of its world and seed, and
 * {@code parley world FILE --seed S} plays one again in full.
 *
 * @param index the run's place in its batch's plan
 * @param world the world's place in the batch
 * @param name the world's name
 * @param breaches agreements at least one signer breached
 * @param totals per power, in the world's order
 */
public record WorldSummary(int index, int world, String name, long seed, int negotiations, int agreements,
        int breaches, Map<String, WorldResult.PowerTotals> totals) {

    public WorldSummary {
        totals = Collections.unmodifiableMap(new LinkedHashMap<>(totals));
    }

    public static WorldSummary of(int index, int world, WorldResult result) {
        int agreements = 0;
        int breaches = 0;
        for (WorldResult.MeetingResult m : result.meetings()) {
            if (m.result().agreement()) {
                agreements++;
                if (!m.breachers().isEmpty()) {
                    breaches++;
                }
            }
        }
        return new WorldSummary(index, world, result.world(), result.seed(), result.meetings().size(), agreements,
                breaches, result.totals());
    }
}
