package org.parley.core.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.StrategySpec;

class WorldBatchTest {

    /** Three powers, one of them playing at random, so that the seed changes what happens. */
    static World world(String name, int negotiations) {
        List<World.Meeting> meetings = new ArrayList<>();
        for (int k = 0; k < negotiations; k++) {
            Scenario s = WorldRunnerTest.pair(200 + k);
            String other = k % 2 == 0 ? "b" : "c";
            meetings.add(new World.Meeting(s, Map.of(s.partyNames().get(0), "a", s.partyNames().get(1), other)));
        }
        return new World(name, List.of(
                new World.Power("a", StrategySpec.parse("random"), World.Honour.WHEN_IT_PAYS, true),
                new World.Power("b", StrategySpec.parse("linear"), World.Honour.NEVER, true),
                new World.Power("c", StrategySpec.parse("conceder"), World.Honour.ALWAYS, true)),
                meetings, 40, World.Breach.DEFAULT, World.Trust.DEFAULT);
    }

    static WorldBatch batch() {
        return new WorldBatch(List.of(world("w", 6), world("v", 4)), List.of(3L, 1L, 2L, 7L));
    }

    static List<WorldSummary> run(WorldBatch batch, WorldExecutor executor) throws InterruptedException {
        List<WorldSummary> out = new ArrayList<>();
        int ran = executor.run(batch, batch.runs(), out::add);
        assertThat(ran).isEqualTo(out.size());
        return out;
    }

    @Test
    void runsComeInPlanOrderEachTheSameAsTheWorldRunAlone() throws InterruptedException {
        WorldBatch batch = batch();
        List<WorldSummary> summaries = run(batch, WorldBatch.onThreads(1));
        assertThat(summaries).extracting(WorldSummary::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(summaries).extracting(WorldSummary::name).containsExactly("w", "w", "w", "w", "v", "v", "v", "v");
        assertThat(summaries).extracting(WorldSummary::seed).containsExactly(3L, 1L, 2L, 7L, 3L, 1L, 2L, 7L);
        for (WorldSummary s : summaries) {
            World world = batch.worlds().get(s.world());
            WorldResult alone = WorldRunner.run(world, s.seed());
            assertThat(s.totals()).isEqualTo(alone.totals());
            assertThat(s.negotiations()).isEqualTo(world.meetings().size());
            assertThat(s.agreements()).isEqualTo((int) alone.meetings().stream().filter(m -> m.result().agreement()).count());
            assertThat(s.breaches()).isEqualTo((int) alone.meetings().stream().filter(m -> !m.breachers().isEmpty()).count());
        }
        // The seed matters in this world: otherwise the test could not tell seeds apart.
        assertThat(summaries.subList(0, 4).stream().map(WorldSummary::totals).distinct().count()).isGreaterThan(1);
    }

    @Test
    void moreThreadsGiveTheSameSummariesInTheSameOrder() throws InterruptedException {
        WorldBatch batch = batch();
        List<WorldSummary> one = run(batch, WorldBatch.onThreads(1));
        assertThat(run(batch, WorldBatch.onThreads(3))).isEqualTo(one);
        // A part of the plan, as a resume runs it.
        List<WorldSummary> part = new ArrayList<>();
        WorldBatch.onThreads(4).run(batch, List.of(1, 5, 6), part::add);
        assertThat(part).containsExactly(one.get(1), one.get(5), one.get(6));
    }

    @Test
    void aFailingSinkStopsTheRun() {
        WorldBatch batch = batch();
        assertThatThrownBy(() -> WorldBatch.onThreads(2).run(batch, batch.runs(), s -> {
            throw new IllegalStateException("disk full");
        })).hasMessage("disk full");
        assertThatThrownBy(() -> new WorldBatch(List.of(world("w", 1)), List.of()))
                .hasMessageContaining("at least one seed");
        assertThatThrownBy(() -> WorldBatch.onThreads(0)).hasMessageContaining("at least 1");
    }
}
