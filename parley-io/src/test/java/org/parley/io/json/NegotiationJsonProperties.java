package org.parley.io.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.parley.core.model.Outcome;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.NegotiationRecord;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.StrategySpec;
import org.parley.core.protocol.Protocols;

class NegotiationJsonProperties {

    /** Whole records of real engine runs on random scenarios read back equal, through text and through trees. */
    @Property(tries = 150)
    void recordsOfRandomRunsRoundTrip(@ForAll long seed) {
        Random random = new Random(seed);
        Scenario scenario = RandomRuns.scenario(random, true);
        NegotiationRecord record = RandomRuns.run(scenario, RandomRuns.settings(random, scenario));
        NegotiationJson json = NegotiationJson.of(scenario.domain());
        String text = json.write(record);
        NegotiationRecord back = json.readRecord(text);
        assertThat(back).isEqualTo(record);
        assertThat(json.write(back)).isEqualTo(text);
        for (Event event : record.events()) {
            assertThat(json.readEvent(json.write(event))).isEqualTo(event);
        }
        assertThat(json.readResult(json.write(record.result()))).isEqualTo(record.result());
        assertThat(NegotiationJson.readSettings(NegotiationJson.write(record.settings()))).isEqualTo(record.settings());
    }

    /** Any event of any action kind, at any time and utility (NaN included), reads back equal. */
    @Property(tries = 500)
    void arbitraryEventsRoundTrip(@ForAll long seed, @ForAll @IntRange(min = 0, max = 1_000_000) int round,
            @ForAll @DoubleRange(min = 0, max = 1) double time, @ForAll("actions") int kind,
            @ForAll("utilities") double utility, @ForAll String reason) {
        Random random = new Random(seed);
        Scenario scenario = RandomRuns.scenario(random, true);
        Outcome outcome = randomOutcome(scenario, random);
        Action action = switch (kind) {
            case 0 -> new Action.Offer(outcome);
            case 1 -> new Action.Accept(outcome);
            case 2 -> new Action.Reject(outcome);
            case 3 -> new Action.Ratify(outcome);
            case 4 -> new Action.WalkAway();
            default -> new Action.Misbehaviour(Action.Misbehaviour.Reason.values()[kind - 5], reason);
        };
        Event event = new Event(round, time, kind == 3 ? Event.MEDIATOR : "party \"" + reason + "\"", action, utility);
        NegotiationJson json = NegotiationJson.of(scenario.domain());
        Event back = json.readEvent(json.write(event));
        assertThat(back).isEqualTo(event);
        assertThat(Double.doubleToLongBits(back.utility())).isEqualTo(Double.doubleToLongBits(event.utility()));
    }

    @Provide
    Arbitrary<Integer> actions() {
        return Arbitraries.integers().between(0, 4 + Action.Misbehaviour.Reason.values().length);
    }

    @Provide
    Arbitrary<Double> utilities() {
        return Arbitraries.oneOf(Arbitraries.just(Double.NaN), Arbitraries.doubles().between(-1, 2),
                Arbitraries.of(0.0, 1.0, 0.1 + 0.2, Double.MIN_VALUE, 1 - Math.ulp(1.0)));
    }

    /** Settings with any strategy parameters, deadlines and seeds read back equal. */
    @Property(tries = 300)
    void arbitrarySettingsRoundTrip(@ForAll long seed, @ForAll @IntRange(min = 0, max = 5000) int rounds,
            @ForAll @IntRange(min = 0, max = 100_000) int millis, @ForAll("values") String value,
            @ForAll("protocols") String protocol, @ForAll boolean limit) {
        Deadline deadline = new Deadline(rounds == 0 && millis == 0 ? 1 : rounds,
                millis == 0 ? null : Duration.ofMillis(millis).plusNanos(seed & 0xffff));
        Map<String, StrategySpec> strategies = new LinkedHashMap<>();
        strategies.put("b", new StrategySpec("time-dependent", Map.of("e", value)));
        strategies.put("a", StrategySpec.human());
        strategies.put("c-long name", new StrategySpec("tit-for-tat", new LinkedHashMap<>(Map.of("mode", "absolute"))));
        NegotiationSettings settings = new NegotiationSettings(protocol, deadline, strategies, seed,
                limit ? Duration.ofNanos(1 + (seed & 0xfffff)) : null);
        String text = NegotiationJson.write(settings);
        NegotiationSettings back = NegotiationJson.readSettings(text);
        assertThat(back).isEqualTo(settings);
        assertThat(back.strategies().keySet()).containsExactlyElementsOf(settings.strategies().keySet());
    }

    @Provide
    Arbitrary<String> protocols() {
        return Arbitraries.of(Protocols.registry().keys());
    }

    @Provide
    Arbitrary<String> values() {
        // Includes values that the name:key=value text cannot hold (commas, equals signs, spaces).
        return Arbitraries.oneOf(Arbitraries.strings().ofMinLength(1).ofMaxLength(12),
                Arbitraries.of("0.2", " 1 ", "a,b", "x=y", ":"));
    }

    private static Outcome randomOutcome(Scenario scenario, Random random) {
        List<org.parley.core.model.Issue> issues = scenario.domain().issues();
        double[] values = new double[issues.size()];
        for (int i = 0; i < values.length; i++) {
            var issue = issues.get(i);
            if (issue instanceof org.parley.core.model.DiscreteIssue d) {
                values[i] = random.nextInt(d.options().size());
            } else if (issue instanceof org.parley.core.model.IntegerIssue n) {
                values[i] = n.min() + random.nextInt((int) (n.max() - n.min() + 1));
            } else {
                var r = (org.parley.core.model.RealIssue) issue;
                values[i] = random.nextInt(4) == 0 ? r.max() : r.min() + random.nextDouble() * (r.max() - r.min());
            }
        }
        return new Outcome(values);
    }
}
