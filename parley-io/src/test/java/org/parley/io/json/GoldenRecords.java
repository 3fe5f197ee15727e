package org.parley.io.json;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.parley.core.model.Outcome;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.NegotiationRecord;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Result;
import org.parley.core.negotiation.StrategySpec;
import org.parley.core.protocol.ProtocolFactory;
import org.parley.core.protocol.Protocols;

/**
 * The records behind {@code json/golden-records.jsonl}: real runs of every protocol on random
 * scenarios with discrete, integer and real issues, and one hand-made record with every kind of
 * action, a time deadline, a move time limit and a strategy that only the object form holds. The
 * file was written by the hand-built codec that the Jackson mapping replaced (as of commit
 * c14d3a4), one line per sample: {"scenario": ScenarioWriter.toJson(scenario), "record":
 * NegotiationJson.write(record)}. Engine runs are not rebuilt by the tests (a change of strategy
 * would change them); the hand-made record is.
 */
final class GoldenRecords {

    record Sample(Scenario scenario, NegotiationRecord record) {}

    private GoldenRecords() {}

    static List<Sample> samples() {
        List<Sample> samples = new ArrayList<>();
        List<String> protocols = Protocols.all().stream().map(ProtocolFactory::key).toList();
        for (long seed = 1; seed <= 9; seed++) {
            Random random = new Random(seed);
            Scenario scenario = RandomRuns.scenario(random, true);
            NegotiationSettings settings = RandomRuns.settings(random, scenario);
            // Round deadlines only: a wall-clock deadline would make the run depend on the machine.
            settings = new NegotiationSettings(protocols.get((int) (seed % protocols.size())),
                    Deadline.rounds(settings.deadline().hasRounds() ? settings.deadline().rounds() : 10),
                    settings.strategies(), settings.seed(), null);
            samples.add(new Sample(scenario, RandomRuns.run(scenario, settings)));
        }
        samples.add(everyAction());
        // A negotiation still under way: no result yet.
        Sample first = samples.get(0);
        samples.add(new Sample(first.scenario(), new NegotiationRecord(first.record().scenario(),
                first.record().settings(), first.record().events().subList(0, 3), null)));
        return samples;
    }

    static Sample everyAction() {
        Scenario scenario = RandomRuns.scenario(new Random(7), true);
        while (scenario.domain().size() < 3) {
            scenario = RandomRuns.scenario(new Random(scenario.domain().size() * 31L + scenario.name().hashCode()), true);
        }
        List<String> parties = scenario.partyNames();
        String a = parties.get(0);
        String b = parties.get(1);
        Outcome first = outcome(scenario, 0);
        Outcome second = outcome(scenario, 1);
        Map<String, StrategySpec> strategies = new LinkedHashMap<>();
        strategies.put(a, new StrategySpec("time-dependent", Map.of("e", "a,b")));
        strategies.put(b, StrategySpec.human());
        for (String party : parties.subList(2, parties.size())) {
            strategies.put(party, StrategySpec.parse("tit-for-tat:mode=absolute"));
        }
        NegotiationSettings settings = new NegotiationSettings("mediated",
                new Deadline(30, Duration.ofMillis(1500).plusNanos(17)), strategies, -42, Duration.ofMillis(250));
        List<Event> events = List.of(
                new Event(0, 0, Event.MEDIATOR, new Action.Offer(first), Double.NaN),
                new Event(0, 0.0125, a, new Action.Accept(first), 0.75),
                new Event(0, 0.0125, b, new Action.Reject(first), 0.1 + 0.2),
                new Event(1, 1.0 / 3, Event.MEDIATOR, new Action.Ratify(second), Double.NaN),
                new Event(1, 0.5, a, new Action.Misbehaviour(Action.Misbehaviour.Reason.EXCEPTION,
                        "java.lang.IllegalStateException: \"quoted\"\nsecond line"), Double.NaN),
                new Event(2, 0.75, b, new Action.Misbehaviour(Action.Misbehaviour.Reason.TIMEOUT, ""), Double.NaN),
                new Event(2, 0.8, b, new Action.Misbehaviour(Action.Misbehaviour.Reason.INVALID_MOVE, "no option é"),
                        Double.NaN),
                new Event(3, 1, a, new Action.WalkAway(), Double.NaN));
        Map<String, Result.Payoff> payoffs = new LinkedHashMap<>();
        for (String party : parties) {
            payoffs.put(party, new Result.Payoff(0.25, 1e-17));
        }
        Result result = new Result(false, null, List.of(), payoffs, 4, 1, Result.Ending.NOT_RATIFIED, "walked away");
        return new Sample(scenario, new NegotiationRecord(scenario.name(), settings, events, result));
    }

    private static Outcome outcome(Scenario scenario, int which) {
        var issues = scenario.domain().issues();
        double[] values = new double[issues.size()];
        for (int i = 0; i < values.length; i++) {
            var issue = issues.get(i);
            if (issue instanceof org.parley.core.model.DiscreteIssue d) {
                values[i] = which % d.options().size();
            } else if (issue instanceof org.parley.core.model.IntegerIssue n) {
                values[i] = which == 0 ? n.min() : n.max();
            } else {
                var r = (org.parley.core.model.RealIssue) issue;
                values[i] = which == 0 ? r.min() : r.min() + (r.max() - r.min()) / 3;
            }
        }
        return new Outcome(values);
    }
}
