package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.analysis.AnalysisProblem;
import org.parley.core.analysis.NegotiationDebrief;
import org.parley.core.analysis.OutcomeAnalyzer;
import org.parley.core.model.Outcome;
import org.parley.core.model.Party;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.NegotiationRecord;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Result;
import org.parley.core.negotiation.StrategySpec;
import org.parley.io.ScenarioReader;
import org.parley.io.json.NegotiationJson;
import org.parley.store.Archive;
import org.parley.store.Databases;
import org.parley.store.RecordStore;

/**
 * parley run and parley show debrief a negotiation against the coalition that signed it, under the
 * scenario's agreement rule: in the trace, in the JSON, in stored records and in exports.
 */
class DebriefCommandsTest {

    private static final String TAVRIK = "../scenarios/tavrik-accord.yaml";

    /** The Nash point of the federation and the kaldari signing alone: open market, guaranteed by the federation. */
    private static final Map<String, String> TAVRIK_COALITION_NASH = Map.of("authority", "federation",
            "strategic-resources", "federation", "local-resources", "kaldari-control", "export-control", "open-market",
            "pricing", "market-price", "trust-measures", "medical-aid-and-trade-analytics",
            "transition-guarantee", "federation-guarantee");

    @TempDir
    Path dir;

    @Test
    void aQuorumDealAtItsCoalitionsNashPointLiesOnItsFrontier() throws Exception {
        Scenario scenario = ScenarioReader.read(Path.of(TAVRIK));
        Outcome deal = outcome(scenario, TAVRIK_COALITION_NASH);
        NegotiationRecord record = signed(scenario, deal, "federation", "kaldari");
        // Measured over all three parties' frontier, as before, the deal looked far from efficient.
        double[] payoffs = scenario.partyNames().stream().mapToDouble(p -> record.result().payoff(p).utility()).toArray();
        var allParties = OutcomeAnalyzer.analyze(AnalysisProblem.of(scenario), 0).distances(payoffs);
        assertThat(allParties.pareto()).isCloseTo(0.182, within(5e-4));
        assertThat(allParties.nash()).isCloseTo(0.397, within(5e-4));

        String db = dir.resolve("records.db").toString();
        String id;
        try (RecordStore store = Databases.open(db)) {
            id = new Archive(store).save(scenario, record, Archive.RUN, null,
                    NegotiationDebrief.of(scenario, record.result(), record.events()));
        }
        CliRunner show = CliRunner.run("show", id, "--db", db);
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out())
                .contains("debrief under the agreement rule: 2 of 3, federation and kaldari required")
                .contains("measured against the coalition that signed it: federation and kaldari (vethari outside,"
                        + " at its reservation value)")
                .contains("distance to their Pareto frontier 0.000, to their Nash point 0.000")
                .contains("no other coalition that may sign could have done better for all of its members");

        JsonNode debrief = json(CliRunner.run("show", id, "--db", db, "--json")).at("/result/debrief");
        assertThat(debrief.get("coalition")).extracting(JsonNode::asText).containsExactly("federation", "kaldari");
        assertThat(debrief.get("pareto").asDouble()).isZero();
        JsonNode nash = debrief.get("concepts").get(0);
        assertThat(nash.get("key").asText()).isEqualTo("nash");
        assertThat(nash.get("distance").asDouble()).isZero();
        assertThat(nash.at("/utilities/federation").asDouble()).isCloseTo(0.76, within(1e-12));
        assertThat(nash.at("/utilities/kaldari").asDouble()).isCloseTo(0.7, within(1e-12));
        assertThat(nash.get("utilities").has("vethari")).isFalse();
        assertThat(debrief.get("betterCoalitions")).isEmpty();
        assertThat(debrief.has("whyNoDeal")).isFalse();
    }

    @Test
    void aRecordStoredWithoutADebriefIsDebriefedWhenShownAndExported() throws Exception {
        Scenario scenario = ScenarioReader.read(Path.of(TAVRIK));
        // The kaldari and the federation agree on the vethari's monopoly: all three would have done better.
        Map<String, String> monopoly = new LinkedHashMap<>(TAVRIK_COALITION_NASH);
        monopoly.put("export-control", "vethari-exclusive");
        monopoly.put("local-resources", "federation");
        NegotiationRecord record = signed(scenario, outcome(scenario, monopoly), "federation", "kaldari");
        String db = dir.resolve("old.db").toString();
        String id;
        try (RecordStore store = Databases.open(db)) {
            id = new Archive(store).save(scenario, record, Archive.RUN, null); // as before debriefs existed
            assertThat(new Archive(store).load(id).orElseThrow().debrief()).isEmpty();
        }
        NegotiationDebrief expected = NegotiationDebrief.of(scenario, record.result(), record.events());
        assertThat(expected.betterCoalitions()).isNotEmpty();

        CliRunner show = CliRunner.run("show", id, "--db", db, "--json");
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(NegotiationJson.of(scenario.domain()).readRecordDebrief(show.out())).contains(expected);
        Path file = dir.resolve("export.json");
        CliRunner export = CliRunner.run("export", id, "--format", "json", "--out", file.toString(), "--db", db);
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(NegotiationJson.of(scenario.domain()).readRecordDebrief(Files.readString(file))).contains(expected);

        String trace = CliRunner.run("show", id, "--db", db).out();
        assertThat(trace).contains("could have done better for all of their members (each strictly better off than with"
                + " this deal):");
        for (var better : expected.betterCoalitions()) {
            assertThat(trace).contains("    " + String.join(" + ", better.members()) + " (");
        }
    }

    @Test
    void runStoresTheDebriefItPrints() throws Exception {
        String db = dir.resolve("runs.db").toString();
        CliRunner run = CliRunner.run("run", TAVRIK, "--db", db, "--json", "--rounds", "10");
        JsonNode root = json(run);
        JsonNode debrief = root.at("/result/debrief");
        assertThat(debrief.get("rule").asText()).isEqualTo("2 of 3, federation and kaldari required");
        assertThat(debrief.get("signers")).isEqualTo(root.at("/result/signers"));
        try (RecordStore store = Databases.open(db)) {
            Archive.Entry entry = new Archive(store).load(root.get("id").asText()).orElseThrow();
            assertThat(entry.debrief()).isPresent();
            assertThat(NegotiationJson.of(entry.scenario().domain()).readRecordDebrief(run.out())).isEqualTo(entry.debrief());
        }
    }

    @Test
    void aFailedRunSaysWhoBlockedItAndHowFarApartTheLastOffersWere() throws Exception {
        // A and B must both sign, and no option is acceptable to both: A's reservation is what blocks.
        Path file = Files.writeString(dir.resolve("stuck.yaml"), """
                name: stuck
                issues:
                  x: [a, b, c]
                agreement: {quorum: 2, required: [A, B]}
                parties:
                  A:
                    points: {x: [100, 40, 0]}
                    reservation: 50
                  B:
                    points: {x: [0, 60, 100]}
                    reservation: 50
                  C:
                    points: {x: [50, 50, 50]}
                    reservation: 10
                """);
        CliRunner run = CliRunner.run("run", file.toString(), "--no-record", "--rounds", "5");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("result: no agreement")
                .contains("nothing is acceptable to any coalition that may sign: no frontier to measure to")
                .contains("why no deal: the smallest sets of hard constraints and reservation values")
                .contains("    A + B:\n      - A: reservation 0.5\n      - B: reservation 0.5")
                .contains("how far apart the last offers were (each party's utility):")
                .containsPattern("A +own last offer 1\\.000; best of the others': B's at 0\\.\\d{3} \\(0\\.\\d{3} less\\),"
                        + " 0\\.\\d{3} below its reservation value")
                .contains("B's last offer: accepted by B, C — not enough to pass under the rule");

        JsonNode debrief = json(CliRunner.run("run", file.toString(), "--no-record", "--rounds", "5", "--json"))
                .at("/result/debrief");
        assertThat(debrief.get("coalition")).isEmpty();
        assertThat(debrief.get("pareto").isNull()).isTrue();
        JsonNode ab = debrief.get("whyNoDeal").get(0);
        assertThat(ab.get("members")).extracting(JsonNode::asText).containsExactly("A", "B");
        assertThat(ab.get("feasible").asBoolean()).isFalse();
        assertThat(ab.at("/blockerSets/0/0/kind").asText()).isEqualTo("reservation");
        assertThat(debrief.at("/lastOffers/parties/0/party").asText()).isEqualTo("A");
        assertThat(debrief.at("/lastOffers/parties/0/shortfall").asDouble()).isPositive();
    }

    @Test
    void thePlotDrawsTheFrontierAndPointsOfTheCoalitionThatSigned() {
        Scenario scenario = ScenarioReader.read(Path.of(TAVRIK));
        NegotiationRecord record = signed(scenario, outcome(scenario, TAVRIK_COALITION_NASH), "federation", "kaldari");
        var signers = NegotiationPlots.outcomeSpace(scenario, record, "federation", "kaldari");
        assertThat(signers.concept("nash").x()).isCloseTo(0.76, within(1e-12));
        assertThat(signers.concept("nash").y()).isCloseTo(0.7, within(1e-12));
        assertThat(signers.agreement().x()).isCloseTo(0.76, within(1e-12));
        assertThat(signers.frontier()).anySatisfy(p -> {
            assertThat(p.x()).isCloseTo(0.76, within(1e-12));
            assertThat(p.y()).isCloseTo(0.7, within(1e-12));
        });
        // The vethari stayed out: on its axis every deal of the coalition gives it its reservation value.
        var outside = NegotiationPlots.outcomeSpace(scenario, record, "federation", "vethari");
        assertThat(outside.frontier()).singleElement().satisfies(p -> assertThat(p.y()).isCloseTo(0.45, within(1e-12)));
        assertThat(outside.concept("nash").y()).isCloseTo(0.45, within(1e-12));
        // ... and the agreement's marker shows what it got: its walk-away value, not the deal's utility to it.
        double dealToVethari = scenario.party("vethari").preferences().utility(record.result().outcome());
        assertThat(dealToVethari).isNotCloseTo(0.45, within(1e-3));
        assertThat(outside.agreement().x()).isCloseTo(0.76, within(1e-12));
        assertThat(outside.agreement().y()).isCloseTo(0.45, within(1e-12));
    }

    private static JsonNode json(CliRunner run) throws Exception {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    private static Outcome outcome(Scenario scenario, Map<String, String> options) {
        double[] values = new double[scenario.domain().size()];
        for (int i = 0; i < values.length; i++) {
            var issue = (org.parley.core.model.DiscreteIssue) scenario.domain().issue(i);
            values[i] = issue.indexOf(options.get(issue.name()));
        }
        return new Outcome(values);
    }

    /** A hand-made record: the first signer offers {@code deal}, the others accept it. */
    private static NegotiationRecord signed(Scenario scenario, Outcome deal, String... signers) {
        Map<String, StrategySpec> strategies = new LinkedHashMap<>();
        scenario.partyNames().forEach(p -> strategies.put(p, StrategySpec.parse("conceder")));
        List<Event> events = new ArrayList<>();
        for (int s = 0; s < signers.length; s++) {
            double u = scenario.party(signers[s]).preferences().utility(deal);
            events.add(new Event(0, 0, signers[s], s == 0 ? new Action.Offer(deal) : new Action.Accept(deal), u));
        }
        Map<String, Result.Payoff> payoffs = new LinkedHashMap<>();
        for (Party party : scenario.parties()) {
            double u = List.of(signers).contains(party.name()) ? party.preferences().utility(deal)
                    : party.preferences().reservation();
            payoffs.put(party.name(), new Result.Payoff(u, u));
        }
        Result result = new Result(true, deal, List.of(signers), payoffs, 1, 0, Result.Ending.AGREEMENT,
                "agreement signed by " + String.join(", ", signers) + " in round 0");
        return new NegotiationRecord(scenario.name(), new NegotiationSettings("sao", Deadline.rounds(10), strategies, 1,
                null), events, result);
    }
}
