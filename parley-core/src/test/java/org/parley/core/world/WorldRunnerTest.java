package org.parley.core.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.core.generate.ScenarioGenerator;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Result;
import org.parley.core.negotiation.StrategySpec;

class WorldRunnerTest {

    static Scenario pair(long seed) {
        return ScenarioGenerator.generate(new ScenarioGenerator.Settings(2, 4, 4, seed, 0.3, 0));
    }

    /** {@code a} meets {@code b} and {@code c} in turn, {@code n} negotiations in all. */
    static List<World.Meeting> schedule(int n) {
        List<World.Meeting> meetings = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Scenario s = pair(100 + k);
            String other = k % 2 == 0 ? "b" : "c";
            // a plays either side, in turn.
            meetings.add(new World.Meeting(s, k % 4 < 2
                    ? Map.of(s.partyNames().get(0), "a", s.partyNames().get(1), other)
                    : Map.of(s.partyNames().get(0), other, s.partyNames().get(1), "a")));
        }
        return meetings;
    }

    static World world(World.Honour aHonours, World.Trust.Model model, int n) {
        StrategySpec linear = StrategySpec.parse("linear");
        return new World("test", List.of(
                new World.Power("a", linear, aHonours, true),
                new World.Power("b", linear, World.Honour.ALWAYS, true),
                new World.Power("c", linear, World.Honour.ALWAYS, true)),
                schedule(n), 60, World.Breach.DEFAULT, new World.Trust(model, 0.9, 0.6));
    }

    /** The utility {@code power} got from its deals (its walk-away value without one), from negotiation {@code from} on, breach gains left out. */
    static double terms(WorldResult result, World world, String power, int from) {
        double sum = 0;
        for (WorldResult.MeetingResult m : result.meetings().subList(from, result.meetings().size())) {
            for (var role : m.roles().entrySet()) {
                if (role.getValue().equals(power)) {
                    Scenario s = world.meetings().get(m.index()).scenario();
                    sum += m.result().agreement() && m.result().signers().contains(role.getKey())
                            ? m.result().payoff(role.getKey()).utility() : s.party(role.getKey()).preferences().reservation();
                }
            }
        }
        return sum;
    }

    @Test
    void aBreacherGetsWorseTermsFromTrustAwareCounterparts() {
        World breaching = world(World.Honour.NEVER, World.Trust.Model.BETA, 16);
        World honouring = world(World.Honour.ALWAYS, World.Trust.Model.BETA, 16);
        WorldResult b = WorldRunner.run(breaching, 7);
        WorldResult h = WorldRunner.run(honouring, 7);
        assertThat(b.totals().get("a").breached()).isPositive();
        assertThat(h.totals().get("a").breached()).isZero();
        // The first negotiation is the same in both worlds; from the second on, the breacher faces raised demands.
        assertThat(terms(b, breaching, "a", 1)).isLessThan(terms(h, honouring, "a", 1) - 0.05);
        assertThat(b.totals().get("a").standing()).isLessThan(0.5);
        assertThat(h.totals().get("a").standing()).isGreaterThan(0.5);
        assertThat(b.meetings().get(1).demanded()).isNotEmpty();
    }

    @Test
    void withTrustOffABreachChangesNoTerms() {
        World breaching = world(World.Honour.NEVER, World.Trust.Model.NONE, 16);
        World honouring = world(World.Honour.ALWAYS, World.Trust.Model.NONE, 16);
        WorldResult b = WorldRunner.run(breaching, 7);
        WorldResult h = WorldRunner.run(honouring, 7);
        assertThat(b.totals().get("a").breached()).isPositive();
        assertThat(terms(b, breaching, "a", 0)).isCloseTo(terms(h, honouring, "a", 0), within(1e-12));
        for (WorldResult.MeetingResult m : b.meetings()) {
            assertThat(m.demanded()).isEmpty();
        }
    }

    @Test
    void aPowerThatBreachesWhenItPaysBreachesLessAsTheHorizonGrows() {
        double shortRate = breachRate(WorldRunner.run(world(World.Honour.WHEN_IT_PAYS, World.Trust.Model.BETA, 4), 3));
        double longRate = breachRate(WorldRunner.run(world(World.Honour.WHEN_IT_PAYS, World.Trust.Model.BETA, 40), 3));
        assertThat(shortRate).isGreaterThan(longRate);
        assertThat(longRate).isLessThan(0.5);
    }

    static double breachRate(WorldResult result) {
        WorldResult.PowerTotals a = result.totals().get("a");
        return (double) a.breached() / a.agreements();
    }

    @Test
    void trustReachesTheStrategiesThatReadItAndTheWalkAwayValueOfTheOthers() {
        List<World.Meeting> meetings = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            Scenario s = pair(200 + k);
            meetings.add(new World.Meeting(s, Map.of(s.partyNames().get(0), "a", s.partyNames().get(1),
                    k % 2 == 0 ? "b" : "c")));
        }
        World w = new World("mixed", List.of(
                new World.Power("a", StrategySpec.parse("linear"), World.Honour.NEVER, false),
                new World.Power("b", StrategySpec.parse("linear"), World.Honour.ALWAYS, true),
                new World.Power("c", StrategySpec.parse("tit-for-tat"), World.Honour.ALWAYS, true)),
                meetings, 60, World.Breach.DEFAULT, new World.Trust(World.Trust.Model.BETA, 0.9, 0.4));
        List<NegotiationSettings> settings = new ArrayList<>();
        List<Scenario> played = new ArrayList<>();
        WorldResult r = WorldRunner.run(w, 2, (i, s, record, m) -> {
            settings.add(record.settings());
            played.add(s);
        });
        assertThat(r.totals().get("a").breached()).isPositive();
        int lastB = 6;
        int lastC = 7;
        String bParty = meetings.get(lastB).scenario().partyNames().get(1);
        String cParty = meetings.get(lastC).scenario().partyNames().get(1);
        // b reads trust: told its own trust in a, with the world's weight as its wariness; its scenario is as written.
        assertThat(settings.get(lastB).trust().keySet()).containsExactly(bParty);
        assertThat(settings.get(lastB).trust(bParty).values()).allSatisfy(t -> assertThat(t).isLessThan(0.5));
        assertThat(settings.get(lastB).strategy(bParty).parameters()).containsEntry("wary", "0.4");
        assertThat(played.get(lastB)).isSameAs(meetings.get(lastB).scenario());
        // a is not trust-aware: told nothing. c's tit-for-tat reads no trust: its walk-away value is raised instead.
        assertThat(settings.get(lastC).trust()).isEmpty();
        double written = meetings.get(lastC).scenario().party(cParty).preferences().reservation();
        assertThat(played.get(lastC).party(cParty).preferences().reservation()).isGreaterThan(written);
        assertThat(r.meetings().get(lastC).demanded()).containsKey(cParty);
        assertThat(r.meetings().get(lastB).demanded()).containsKey(bParty);
    }

    @Test
    void theSameSeedGivesTheSameWorld() {
        World w = world(World.Honour.WHEN_IT_PAYS, World.Trust.Model.WITNESS, 10);
        assertThat(WorldRunner.run(w, 11)).isEqualTo(WorldRunner.run(w, 11));
    }

    @Test
    void anInterruptedWorldResumedFromItsRecordsEndsAsAnUninterruptedOne() {
        World w = world(World.Honour.WHEN_IT_PAYS, World.Trust.Model.WITNESS, 12);
        WorldResult whole = WorldRunner.run(w, 5);
        for (int k : new int[] {1, 6, 11}) {
            // The first run is killed after k negotiations; what it had stored is all the resume gets.
            Map<Integer, Result> stored = new HashMap<>();
            assertThatThrownBy(() -> WorldRunner.run(w, 5, WorldRunner.Recorded.NONE, (i, played, record, m) -> {
                stored.put(i, record.result());
                if (stored.size() == k) {
                    throw new IllegalStateException("killed");
                }
            })).hasMessage("killed");
            List<Integer> played = new ArrayList<>();
            WorldResult resumed = WorldRunner.run(w, 5, (i, s, settings) -> Optional.ofNullable(stored.get(i)),
                    (i, s, record, m) -> played.add(i));
            assertThat(resumed).isEqualTo(whole);
            assertThat(played).first().isEqualTo(k);
            assertThat(played).hasSize(12 - k);
        }
    }

    @Test
    void welfareAddsUpThePayoffs() {
        WorldResult r = WorldRunner.run(world(World.Honour.NEVER, World.Trust.Model.BETA, 8), 5);
        for (String power : List.of("a", "b", "c")) {
            double sum = 0;
            for (WorldResult.MeetingResult m : r.meetings()) {
                sum += m.payoffs().getOrDefault(power, 0.0);
            }
            assertThat(r.totals().get(power).welfare()).isCloseTo(sum, within(1e-9));
            List<Double> series = r.welfare().get(power);
            assertThat(series).hasSize(8);
            assertThat(series.get(7)).isCloseTo(sum, within(1e-9));
        }
    }

    @Test
    void mistakesInAWorldAreRefused() {
        Scenario s = pair(1);
        StrategySpec linear = StrategySpec.parse("linear");
        List<World.Power> powers = List.of(new World.Power("a", linear, World.Honour.ALWAYS, true));
        assertThatThrownBy(() -> new World("w", powers, List.of(new World.Meeting(s,
                Map.of(s.partyNames().get(0), "a", s.partyNames().get(1), "zed"))), 10, World.Breach.DEFAULT,
                World.Trust.DEFAULT)).hasMessageContaining("unknown power (zed)");
        assertThatThrownBy(() -> new World.Meeting(s, Map.of(s.partyNames().get(0), "a", s.partyNames().get(1), "a")))
                .hasMessageContaining("one power plays two parties");
        assertThatThrownBy(() -> new World.Meeting(s, Map.of(s.partyNames().get(0), "a")))
                .hasMessageContaining("names no power for party");
        assertThatThrownBy(() -> new World.Trust(World.Trust.Model.BETA, 0, 0.5)).hasMessageContaining("forgetting");
    }
}
