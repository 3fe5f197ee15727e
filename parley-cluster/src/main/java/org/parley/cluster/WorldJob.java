package org.parley.cluster;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.parley.core.strategy.StrategyRegistry;
import org.parley.core.world.World;
import org.parley.core.world.WorldBatch;

/**
 * What travels to the members once per batch of world runs: the world files as their texts (with
 * the scenarios they name, {@link WorldFile}) and the seeds. A member rebuilds the same {@link
 * WorldBatch}, so that run i runs there exactly as it would here (world i / seeds, seed i % seeds).
 * Worlds play the built-in strategies only, so a member needs no plugin for them.
 */
record WorldJob(String id, List<WorldFile> files, List<Long> seeds) implements ClusterJob {

    private static final long serialVersionUID = 1L;

    WorldJob {
        files = List.copyOf(files);
        seeds = List.copyOf(seeds);
    }

    @Override
    public Work prepare(StrategyRegistry registry, String member) {
        List<World> worlds = new ArrayList<>();
        for (WorldFile file : files) {
            try {
                worlds.add(file.world());
            } catch (RuntimeException e) {
                throw new IllegalStateException("Member " + member + " cannot read the world " + file.source() + ": "
                        + e.getMessage(), e);
            }
        }
        WorldBatch batch = new WorldBatch(worlds, seeds);
        return new Work() {
            @Override
            public List<Serializable> play(int[] indices) {
                List<Serializable> results = new ArrayList<>(indices.length);
                for (int index : indices) {
                    results.add(WireWorld.of(batch.run(index)));
                }
                return results;
            }

            @Override
            public boolean worldRuns() {
                return true;
            }
        };
    }
}
