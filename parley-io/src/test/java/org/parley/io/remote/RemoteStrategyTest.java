package org.parley.io.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.parley.core.engine.BidSpaceCache;
import org.parley.core.engine.Negotiation;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Result;
import org.parley.core.negotiation.StrategySpec;
import org.parley.core.protocol.Protocols;
import org.parley.core.strategy.StrategyRegistry;
import org.parley.core.tournament.MatchResult;
import org.parley.core.tournament.TournamentPlan;
import org.parley.core.tournament.TournamentRunner;
import org.parley.io.ScenarioReader;

class RemoteStrategyTest {

    private static final Scenario TALKS = ScenarioReader.read(java.nio.file.Path.of("../scenarios/cardassian-talks.yaml"));
    /** Three parties; the vethari may stay out of a deal, so the others go on without them. */
    private static final Scenario TAVRIK = ScenarioReader.read(java.nio.file.Path.of("../scenarios/tavrik-accord.yaml"));

    private static StrategyRegistry registry() {
        StrategyRegistry registry = new StrategyRegistry();
        RemoteAgents.register(registry);
        return registry;
    }

    private static Negotiation run(Scenario scenario, String protocol, Duration limit, String party, String spec) {
        Map<String, StrategySpec> strategies = new LinkedHashMap<>();
        scenario.partyNames().forEach(p -> strategies.put(p, StrategySpec.parse("conceder")));
        strategies.put(party, StrategySpec.parse(spec));
        NegotiationSettings settings = new NegotiationSettings(protocol, Deadline.rounds(40), strategies, 3, limit);
        Negotiation negotiation = Negotiation.start(scenario, settings, registry(), new BidSpaceCache());
        negotiation.run();
        return negotiation;
    }

    private static Action.Misbehaviour misbehaviour(Negotiation negotiation, String party) {
        return negotiation.session().events().stream()
                .filter(e -> e.party().equals(party) && e.action() instanceof Action.Misbehaviour)
                .map(e -> (Action.Misbehaviour) e.action()).findFirst().orElseThrow();
    }

    @Test
    void aRemoteAgentNegotiatesUnderEveryProtocol() throws IOException {
        try (LadderAgent agent = new LadderAgent()) {
            for (String protocol : Protocols.registry().keys()) {
                Negotiation negotiation = run(TAVRIK, protocol, Duration.ofSeconds(5), "kaldari", "remote:url=" + agent.url());
                Result result = negotiation.result();
                assertThat(negotiation.session().events()).as(protocol)
                        .noneMatch(e -> e.action() instanceof Action.Misbehaviour);
                // A linear conceder with no model of the others need not find a mediated deal in 40 rounds.
                assertThat(result.agreement() || protocol.equals("mediated")).as(protocol).isTrue();
                assertThat(negotiation.session().events()).as(protocol).anyMatch(e -> e.party().equals("kaldari"));
            }
        }
    }

    @Test
    void theAgentIsToldItsOwnPreferencesAndUtilitiesOnly() throws IOException {
        try (LadderAgent agent = new LadderAgent()) {
            run(TALKS, "sao", null, "union", "remote:url=" + agent.url() + ",bids=20");
            JsonNode start = agent.received.get(0);
            assertThat(start.get("type").asText()).isEqualTo("start");
            assertThat(start.get("protocolVersion").asInt()).isEqualTo(1);
            assertThat(start.get("self").asText()).isEqualTo("union");
            assertThat(start.get("parties").toString()).isEqualTo("[\"federation\",\"union\"]");
            assertThat(start.get("deadline").get("rounds").asInt()).isEqualTo(40);
            assertThat(start.get("issues").has("defence")).isTrue();
            assertThat(start.get("preferences").has("weights")).isTrue();
            assertThat(start.get("reservation").asDouble()).isEqualTo(TALKS.party("union").preferences().reservation());
            assertThat(start.get("trust").size()).isZero(); // no world, no trust
            JsonNode bids = start.get("bids");
            assertThat(bids.size()).isBetween(2, 20);
            for (int i = 1; i < bids.size(); i++) {
                assertThat(bids.get(i).get("utility").asDouble()).isLessThanOrEqualTo(bids.get(i - 1).get("utility").asDouble());
            }
            // Nothing anywhere is the federation's: no utility of its, no preference block of its.
            var union = TALKS.party("union").preferences();
            for (JsonNode message : agent.received) {
                assertThat(message.toString()).doesNotContain("federation envoy");
                for (JsonNode move : message.path("moves")) {
                    if (move.has("outcome")) {
                        var outcome = org.parley.io.json.NegotiationJson.of(TALKS.domain()).outcome(move.get("outcome"), "o");
                        assertThat(move.get("utility").asDouble()).isEqualTo(union.utility(outcome));
                        assertThat(move.get("feasible").asBoolean()).isEqualTo(union.satisfiesConstraints(outcome));
                    }
                }
            }
            assertThat(agent.received.get(agent.received.size() - 1).get("type").asText()).isIn("end", "act");
        }
    }

    @Test
    void anAgentInAWorldIsToldItsOwnTrustOnly() throws IOException {
        try (LadderAgent agent = new LadderAgent()) {
            Map<String, StrategySpec> strategies = new LinkedHashMap<>();
            strategies.put("federation", StrategySpec.parse("conceder"));
            strategies.put("union", StrategySpec.parse("remote:url=" + agent.url()));
            NegotiationSettings settings = new NegotiationSettings("sao", Deadline.rounds(10), strategies, 3, null,
                    Map.of("union", Map.of("federation", 0.25), "federation", Map.of("union", 0.9)));
            Negotiation.start(TALKS, settings, registry(), new BidSpaceCache()).run();
            assertThat(agent.received.get(0).get("trust").toString()).isEqualTo("{\"federation\":0.25}");
        }
    }

    @Test
    void anAgentThatDiesMidRunIsPutOutAndTheOthersGoOn() throws IOException {
        AtomicReference<LadderAgent> self = new AtomicReference<>();
        try (LadderAgent agent = new LadderAgent(turn -> {
            if (turn == 3) {
                self.get().close();
                return "DIE";
            }
            return null;
        })) {
            self.set(agent);
            Negotiation negotiation = run(TAVRIK, "sao", null, "vethari", "remote:url=" + agent.url());
            Action.Misbehaviour m = misbehaviour(negotiation, "vethari");
            assertThat(m.reason()).isEqualTo(Action.Misbehaviour.Reason.EXCEPTION);
            assertThat(m.detail()).contains("RemoteAgentException", "the remote agent at " + agent.url(),
                    "cannot be reached for its turn");
            assertThat(negotiation.result().agreement()).isTrue();
            assertThat(negotiation.result().signers()).containsExactly("federation", "kaldari");
        }
    }

    @Test
    void badRepliesAreNamedAndIsolated() throws IOException {
        Map<String, String> replies = new LinkedHashMap<>();
        replies.put("not json", "is not JSON");
        replies.put("[1, 2]", "must be a JSON object");
        replies.put("{\"action\": \"shrug\"}", "action (shrug) is not one of offer, accept, reject, walk-away");
        replies.put("{\"action\": \"offer\"}", "offer has no outcome");
        replies.put("{\"action\": \"offer\", \"outcome\": {\"defence\": \"everything\"}}", "does not fit the domain");
        replies.put("{\"action\": \"accept\", \"mood\": \"happy\"}", "unknown field (mood)");
        replies.put("{\"action\": \"walk-away\", \"message\": \"" + "x".repeat(600) + "\"}", "message");
        replies.put("{\"action\": \"walk-away\", \"rationale\": {\"kind\": \"Bad Kind\"}}", "rationale");
        for (var reply : replies.entrySet()) {
            try (LadderAgent agent = new LadderAgent(turn -> turn == 2 ? reply.getKey() : null)) {
                Negotiation negotiation = run(TAVRIK, "sao", null, "vethari", "remote:url=" + agent.url());
                Action.Misbehaviour m = misbehaviour(negotiation, "vethari");
                assertThat(m.detail()).as(reply.getKey()).contains(reply.getValue());
                assertThat(negotiation.result().agreement()).isTrue();
            }
        }
    }

    @Test
    void anAgentsMessageAndRationaleReachTheRecord() throws IOException {
        String reply = "{\"action\": \"walk-away\", \"message\": \"Not today.\", \"rationale\":"
                + " {\"kind\": \"walk-away\", \"figures\": {\"target\": 0.8}}}";
        try (LadderAgent agent = new LadderAgent(turn -> turn == 2 ? reply : null)) {
            Negotiation negotiation = run(TAVRIK, "sao", null, "vethari", "remote:url=" + agent.url());
            Action walk = negotiation.session().events().stream().filter(e -> e.party().equals("vethari")
                    && e.action() instanceof Action.WalkAway).findFirst().orElseThrow().action();
            assertThat(walk.message()).isEqualTo("Not today.");
            assertThat(walk.rationale().kind()).isEqualTo("walk-away");
            assertThat(walk.rationale().figures()).containsEntry("target", 0.8);
        }
    }

    @Test
    void anHttpErrorAndASlowAgentAreIsolated() throws IOException {
        try (LadderAgent agent = new LadderAgent(turn -> {
            if (turn == 2) {
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return null;
        })) {
            Negotiation negotiation = run(TAVRIK, "sao", Duration.ofMillis(300), "vethari", "remote:url=" + agent.url());
            assertThat(misbehaviour(negotiation, "vethari").detail()).contains("300 ms");
            assertThat(negotiation.result().agreement()).isTrue();
        }
        try (LadderAgent agent = new LadderAgent()) {
            Negotiation negotiation = run(TAVRIK, "sao", null, "vethari", "remote:url=" + agent.url().replace("/agent", "/nowhere"));
            assertThat(misbehaviour(negotiation, "vethari").detail()).contains("its start with HTTP 404");
        }
    }

    @Test
    void aNegotiationWithARemoteAgentResumesFromItsLog() throws IOException {
        try (LadderAgent agent = new LadderAgent()) {
            Negotiation full = run(TALKS, "sao", null, "union", "remote:url=" + agent.url());
            List<Event> log = full.session().events();
            Negotiation resumed = Negotiation.resume(TALKS, full.session().settings(), log.subList(0, log.size() / 2),
                    registry(), new BidSpaceCache());
            resumed.run();
            // The agent is not asked to repeat its moves: it is shown them, and plays on from there.
            assertThat(resumed.session().events().subList(0, log.size() / 2)).isEqualTo(log.subList(0, log.size() / 2));
            assertThat(resumed.result()).isNotNull();
            assertThat(resumed.session().events()).noneMatch(e -> e.action() instanceof Action.Misbehaviour);
        }
    }

    @Test
    void specsAreChecked() {
        StrategyRegistry registry = registry();
        assertThatThrownBy(() -> registry.validate(StrategySpec.parse("remote")))
                .hasMessageContaining("needs the parameter (url)");
        assertThatThrownBy(() -> registry.validate(StrategySpec.parse("remote:url=ftp://x/")))
                .hasMessageContaining("http or https URL");
        assertThatThrownBy(() -> registry.validate(StrategySpec.parse("remote:url=http://x/,timeout=soon")))
                .hasMessageContaining("duration");
        StrategyRegistry fenced = new StrategyRegistry();
        RemoteAgents.register(fenced, url -> url.getHost().equals("127.0.0.1"), "; allow it with --allow-remote.");
        fenced.validate(StrategySpec.parse("remote:url=http://127.0.0.1:9/agent"));
        assertThatThrownBy(() -> fenced.validate(StrategySpec.parse("remote:url=http://10.0.0.1/agent")))
                .hasMessageContaining("not allowed here; allow it with --allow-remote.");
    }

    @Test
    void aTournamentWithAnAgentThatDiesMidRunCompletesAndSaysWhy() throws IOException, InterruptedException {
        try (LadderAgent agent = new LadderAgent()) {
            agent.dieAtSession = 4;
            TournamentPlan plan = new TournamentPlan(List.of(TALKS), List.of(StrategySpec.parse("boulware"),
                    StrategySpec.parse("conceder"), StrategySpec.parse("remote:url=" + agent.url())), 2, false, "sao",
                    Deadline.rounds(30), null, 5);
            Map<Integer, MatchResult> results = new java.util.concurrent.ConcurrentSkipListMap<>();
            // One thread: the sessions before the fourth finish before it dies.
            new TournamentRunner(plan, registry()).run(new HashSet<>(), 1, (r, record) -> results.put(r.index(), r));
            assertThat(results).hasSize(plan.size());
            List<MatchResult> withRemote = results.values().stream()
                    .filter(r -> r.strategies().stream().anyMatch(s -> s.startsWith("remote"))).toList();
            assertThat(withRemote).anyMatch(r -> !r.misbehaved());
            assertThat(withRemote).anyMatch(MatchResult::misbehaved);
            for (MatchResult r : withRemote) {
                if (r.misbehaved()) {
                    int role = r.strategies().indexOf(r.strategies().stream().filter(s -> s.startsWith("remote"))
                            .findFirst().orElseThrow());
                    assertThat(r.misbehaviours().get(role)).startsWith("exception: ").contains("cannot be reached for its");
                }
            }
            assertThat(results.values().stream().filter(r -> r.strategies().stream().noneMatch(s -> s.startsWith("remote"))))
                    .noneMatch(MatchResult::misbehaved).allMatch(MatchResult::agreement);
        }
    }
}
