package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.analysis.SolutionConcepts;
import org.parley.core.engine.Negotiation;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.NegotiationRecord;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.StrategySpec;
import org.parley.io.ScenarioReader;
import org.parley.plot.Charts;
import org.parley.plot.ConceptPoint;
import org.parley.plot.OutcomeSpacePlot;

/**
 * A solution concept registered in the tests only ({@link FirstPartyBestConcept}, through
 * src/test/resources/META-INF/services, the way a plugin registers one) is reported by {@code
 * analyze}, {@code run} and {@code plot} with no main code naming it.
 */
class RegisteredConceptTest {

    private static final String TALKS = "../scenarios/cardassian-talks.yaml";
    private static final String TAVRIK = "../scenarios/tavrik-accord.yaml";

    @TempDir
    Path dir;

    @Test
    void theTestConceptIsRegisteredAfterTheBuiltIns() {
        List<String> keys = SolutionConcepts.registered().keys();
        assertThat(keys).startsWith("nash", "kalaiSmorodinsky", "utilitarian", "egalitarian").endsWith(FirstPartyBestConcept.KEY);
    }

    @Test
    void analyzeReportsIt() throws Exception {
        CliRunner json = CliRunner.run("analyze", TAVRIK, "--json", "--list", "3");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.out());
        JsonNode listed = root.get("concepts").get(root.get("concepts").size() - 1);
        assertThat(listed.get("key").asText()).isEqualTo(FirstPartyBestConcept.KEY);
        assertThat(listed.get("name").asText()).isEqualTo(FirstPartyBestConcept.NAME);
        JsonNode point = root.get(FirstPartyBestConcept.KEY);
        // federation's best acceptable utility is 0.89 (the party ranges say so independently).
        assertThat(point.get("utilities").get("federation").asDouble())
                .isEqualTo(root.get("parties").get("federation").get("best").asDouble());
        assertThat(point.get("ties").asLong()).isPositive();
        assertThat(point.get("tied")).isNotEmpty();

        CliRunner table = CliRunner.run("analyze", TAVRIK, "--rule", "unanimous");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).containsPattern("(?m)^first-party-best +0\\.89 ");
    }

    @Test
    void runShowsItsDistanceInTheTraceAndTheJson() throws Exception {
        CliRunner trace = CliRunner.run("run", TAVRIK, "--no-record");
        assertThat(trace.exitCode()).as(trace.err()).isZero();
        assertThat(trace.out()).containsPattern("to their first party's best point \\d\\.\\d{3}");
        assertThat(trace.out().lines()).noneMatch(line -> line.length() > 110 && line.contains("distance"));

        CliRunner json = CliRunner.run("run", TAVRIK, "--no-record", "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode debrief = new ObjectMapper().readTree(json.out()).at("/result/debrief");
        JsonNode concept = null;
        for (JsonNode c : debrief.get("concepts")) {
            concept = c.get("key").asText().equals(FirstPartyBestConcept.KEY) ? c : concept;
        }
        assertThat(concept).as("the test's concept in the debrief").isNotNull();
        assertThat(concept.get("distance").isNumber()).isTrue();
        assertThat(concept.get("distance").asDouble()).isGreaterThanOrEqualTo(debrief.get("pareto").asDouble() - 1e-12);
    }

    @Test
    void thePlotDrawsIt() {
        Scenario scenario = ScenarioReader.read(Path.of(TALKS));
        Map<String, StrategySpec> strategies = new LinkedHashMap<>();
        strategies.put("federation", StrategySpec.parse("conceder"));
        strategies.put("union", StrategySpec.parse("boulware"));
        Negotiation negotiation = Negotiation.start(scenario, new NegotiationSettings("sao", Deadline.rounds(50),
                strategies, 4, null));
        negotiation.run();
        NegotiationRecord record = negotiation.session().record();
        OutcomeSpacePlot plot = NegotiationPlots.outcomeSpace(scenario, record, "union", "federation");
        assertThat(plot.concepts()).extracting(ConceptPoint::key).containsExactlyElementsOf(SolutionConcepts.registered().keys());
        // The points are the signing coalition's, whichever two parties the plot puts on its axes: the
        // concept's "first party" is the scenario's first (federation, drawn on the y axis here), not
        // the plot's first axis.
        double federationBest = plot.frontier().stream().mapToDouble(p -> p.y()).max().orElseThrow();
        double unionBest = plot.frontier().stream().mapToDouble(p -> p.x()).max().orElseThrow();
        assertThat(plot.concept(FirstPartyBestConcept.KEY).y()).isCloseTo(federationBest, within(1e-12));
        assertThat(plot.concept(FirstPartyBestConcept.KEY).x()).isLessThan(unionBest);
        assertThat(Charts.outcomeSpace(plot).getSeriesMap()).containsKey(FirstPartyBestConcept.NAME + " point");

        Path png = dir.resolve("talks.png");
        CliRunner run = CliRunner.run("plot", TALKS, "--out", png.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        PlotFiles.assertPng(png);
    }
}
