package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.engine.Negotiation;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.NegotiationRecord;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.StrategySpec;
import org.parley.io.ScenarioReader;
import org.parley.plot.OutcomeSpacePlot;
import org.parley.plot.TimelinePlot;
import org.w3c.dom.Document;

class PlotCommandTest {

    private static final String TALKS = "../scenarios/cardassian-talks.yaml";
    private static final String TRINITY = "../scenarios/trinity-station.yaml";

    @TempDir
    Path dir;

    @Test
    void plotsARunOnTheSpotAsPngAndSvg() {
        Path png = dir.resolve("talks.png");
        CliRunner run = CliRunner.run("plot", TALKS, "--out", png.toString(), "--strategy", "union=micro", "--rounds", "60");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo("wrote " + png + " and " + dir.resolve("talks-utilities.png"));
        PlotFiles.assertPng(png);
        PlotFiles.assertPng(dir.resolve("talks-utilities.png"));

        Path svg = dir.resolve("trinity.svg");
        Path timeline = dir.resolve("other/line.svg");
        CliRunner amop = CliRunner.run("plot", TRINITY, "--out", svg.toString(), "--utilities", timeline.toString(),
                "--parties", "rebels,exodus", "--protocol", "amop");
        assertThat(amop.exitCode()).as(amop.err()).isZero();
        Document document = PlotFiles.assertSvg(svg);
        // XChart draws text as shapes: count what is drawn rather than read it.
        assertThat(document.getElementsByTagName("path").getLength()).isGreaterThan(200);
        assertThat(PlotFiles.assertSvg(timeline).getElementsByTagName("path").getLength()).isGreaterThan(50);
    }

    @Test
    void plotsAStoredRecordByItsIdPrefix() {
        String db = dir.resolve("plot.db").toString();
        CliRunner run = CliRunner.run("run", TALKS, "--db", db, "--protocol", "mediated");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String id = run.out().lines().filter(l -> l.startsWith("recorded as ")).findFirst().orElseThrow().split(" ")[2];
        Path png = dir.resolve("stored.png");
        CliRunner plot = CliRunner.run("plot", id.substring(0, 7), "--db", db, "--out", png.toString());
        assertThat(plot.exitCode()).as(plot.err()).isZero();
        PlotFiles.assertPng(png);
        PlotFiles.assertPng(dir.resolve("stored-utilities.png"));
    }

    @Test
    void theChartsHoldTheRunsOffersAgreementAndAnalysis() {
        Scenario scenario = ScenarioReader.read(Path.of(TALKS));
        Map<String, StrategySpec> strategies = new LinkedHashMap<>();
        strategies.put("federation", StrategySpec.parse("conceder"));
        strategies.put("union", StrategySpec.parse("boulware"));
        Negotiation negotiation = Negotiation.start(scenario, new NegotiationSettings("sao", Deadline.rounds(50),
                strategies, 4, null));
        negotiation.run();
        NegotiationRecord record = negotiation.session().record();
        OutcomeSpacePlot plot = NegotiationPlots.outcomeSpace(scenario, record, "union", "federation");
        // 81 outcomes, all drawn (none sampled), split into acceptable to both and not.
        assertThat(plot.outcomes().size() + plot.acceptable().size()).isEqualTo(81);
        long offers = record.events().stream().filter(e -> e.party().equals("union") && e.action() instanceof Action.Offer).count();
        assertThat(plot.offers().get("union")).hasSize((int) offers);
        assertThat(plot.xReservation()).isEqualTo(0.40);
        assertThat(plot.yReservation()).isEqualTo(0.35);
        assertThat(plot.frontier()).isNotEmpty().allMatch(p -> p.x() >= 0.4 - 1e-9 && p.y() >= 0.35 - 1e-9);
        assertThat(plot.concept("nash")).isNotNull();
        if (record.result().agreement()) {
            var outcome = record.result().outcome();
            assertThat(plot.agreement().x()).isCloseTo(scenario.party("union").preferences().utility(outcome), within(1e-12));
        }
        TimelinePlot timeline = NegotiationPlots.timeline(scenario, record);
        assertThat(timeline.series().keySet()).containsExactly("federation", "union");
        assertThat(timeline.series().get("federation").get(0).y()).isEqualTo(1.0);
        assertThat(timeline.reservations()).containsEntry("union", 0.40);
    }

    @Test
    void largeSpacesAreSampledAndTheChartSaysSo() {
        Scenario trinity = ScenarioReader.read(Path.of(TRINITY));
        OutcomeSpacePlot small = NegotiationPlots.outcomeSpace(trinity, empty(trinity), trinity.parties().get(0).name(), trinity.parties().get(1).name());
        assertThat(small.outcomes().size() + small.acceptable().size()).isEqualTo(3 * 3 * 3 * 2 * 3);
        assertThat(small.sample()).isEqualTo("all 162 outcomes");
        Scenario big = org.parley.core.generate.ScenarioGenerator.generate(
                new org.parley.core.generate.ScenarioGenerator.Settings(2, 8, 10, 1));
        OutcomeSpacePlot plot = NegotiationPlots.outcomeSpace(big, empty(big),
                big.parties().get(0).name(), big.parties().get(1).name());
        assertThat(plot.outcomes().size() + plot.acceptable().size()).isGreaterThanOrEqualTo(NegotiationPlots.SAMPLE);
        assertThat(plot.sample()).startsWith("4,000 of 100,000,000 outcomes drawn uniformly at random");
    }

    private static NegotiationRecord empty(Scenario scenario) {
        return new NegotiationRecord(scenario.name(), new NegotiationSettings("sao", Deadline.rounds(10), Map.of(), 1,
                null), List.of(), null);
    }

    @Test
    void mistakesAreOneLineErrors() {
        String[][] cases = {
            {TALKS, "--out", "x.pdf"}, {"--out (x.pdf): expected a .svg or .png"},
            {TALKS, "--out", "x.svg", "--parties", "union"}, {"--parties (union): expected two different parties"},
            {TALKS, "--out", "x.svg", "--parties", "union,klingons"}, {"--parties: unknown party (klingons)"},
            {"nothing-like-this", "--out", "x.svg", "--db", dir.resolve("e.db").toString()}, {"No record (nothing-like-this)"},
        };
        for (int k = 0; k < cases.length; k += 2) {
            String[] args = new String[1 + cases[k].length];
            args[0] = "plot";
            System.arraycopy(cases[k], 0, args, 1, cases[k].length);
            CliRunner run = CliRunner.run(args);
            assertThat(run.exitCode()).as(String.join(" ", cases[k]) + ": " + run.err()).isEqualTo(2);
            assertThat(run.err()).startsWith("error: ").contains(cases[k + 1][0]);
            assertThat(run.err().strip().lines().count()).isEqualTo(1);
        }
        assertThat(CliRunner.run("plot", "nothing-like-this", "--out", "x.svg", "--db", dir.resolve("e.db").toString()).err())
                .contains("no scenario file either");
    }
}
