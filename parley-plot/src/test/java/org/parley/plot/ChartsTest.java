package org.parley.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ChartsTest {

    @TempDir
    Path dir;

    static OutcomeSpacePlot samplePlot() {
        List<Point> outcomes = new ArrayList<>();
        List<Point> acceptable = new ArrayList<>();
        for (int a = 0; a <= 10; a++) {
            for (int b = 0; b <= 10 - a; b++) {
                Point p = new Point(a / 10.0, b / 10.0);
                outcomes.add(p);
                if (p.x() >= 0.3 && p.y() >= 0.2) {
                    acceptable.add(p);
                }
            }
        }
        List<Point> frontier = new ArrayList<>();
        for (int a = 3; a <= 8; a++) {
            frontier.add(new Point(a / 10.0, 1 - a / 10.0));
        }
        Map<String, List<Point>> offers = new LinkedHashMap<>();
        offers.put("federation", List.of(new Point(1, 0), new Point(0.8, 0.1), new Point(0.6, 0.3)));
        offers.put("union", List.of(new Point(0, 1), new Point(0.2, 0.7), new Point(0.5, 0.5)));
        return new OutcomeSpacePlot("cardassian-talks", "federation", "union", outcomes, acceptable, frontier,
                List.of(new ConceptPoint("nash", "Nash", new Point(0.6, 0.4)),
                        new ConceptPoint("kalaiSmorodinsky", "Kalai–Smorodinsky", new Point(0.5, 0.5))),
                0.3, 0.2, offers, new Point(0.5, 0.5));
    }

    @Test
    void writesAWellFormedSvgOfTheOutcomeSpace() throws Exception {
        Path svg = dir.resolve("space.svg");
        Charts.write(Charts.outcomeSpace(samplePlot()), svg);
        Document document = parse(svg);
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(document.getDocumentElement().getAttribute("viewBox")).isEqualTo("0 0 1050 700");
        // One circle per outcome, acceptable outcome and frontier point (and the agreement).
        OutcomeSpacePlot plot = samplePlot();
        assertThat(document.getElementsByTagName("ellipse").getLength())
                .isGreaterThanOrEqualTo(plot.outcomes().size() + plot.acceptable().size() + plot.frontier().size() + 1);
        // XChart draws text as outlines: titles, ticks and legend entries are paths.
        assertThat(document.getElementsByTagName("path").getLength()).isGreaterThan(40);
    }

    @Test
    void everyConceptPointIsASeriesOfItsOwnInTheGivenOrder() {
        OutcomeSpacePlot sample = samplePlot();
        List<ConceptPoint> concepts = new ArrayList<>(sample.concepts());
        for (int k = 0; k < 7; k++) {
            concepts.add(new ConceptPoint("extra" + k, "extra " + k, new Point(0.1 * k, 0.5)));
        }
        OutcomeSpacePlot plot = new OutcomeSpacePlot(sample.title(), sample.xParty(), sample.yParty(), sample.outcomes(),
                sample.acceptable(), sample.frontier(), concepts, sample.xReservation(), sample.yReservation(),
                sample.offers(), sample.agreement());
        var series = Charts.outcomeSpace(plot).getSeriesMap();
        List<String> drawn = series.keySet().stream().filter(name -> name.endsWith(" point")).toList();
        assertThat(drawn).containsExactlyElementsOf(concepts.stream().map(c -> c.name() + " point").toList());
        assertThat(series.get("extra 3 point").getXData()[0]).isCloseTo(0.3, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(series.get("Nash point").getYData()[0]).isEqualTo(0.4);
        assertThat(plot.concept("nash")).isEqualTo(new Point(0.6, 0.4));
        assertThat(plot.concept("raiffa")).isNull();
    }

    @Test
    void writesAPngOfTheOutcomeSpaceWithTheRequestedSize() throws IOException {
        Path png = dir.resolve("space.png");
        Charts.write(Charts.outcomeSpace(samplePlot()), png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1050);
        assertThat(image.getHeight()).isEqualTo(700);
        assertThat(distinctColours(image)).as("a chart, not a blank image").isGreaterThan(10);
    }

    @Test
    void writesTimelinesAndRankings() throws Exception {
        Map<String, List<Point>> series = new LinkedHashMap<>();
        series.put("federation", List.of(new Point(0, 1), new Point(1, 0.9), new Point(2, 0.7)));
        series.put("union", List.of(new Point(0, 1), new Point(1, 0.95), new Point(2, 0.6)));
        Path timeline = dir.resolve("timeline.svg");
        Charts.write(Charts.timeline(new TimelinePlot("utilities", series, Map.of("federation", 0.35, "union", 0.4))), timeline);
        // Three circles per party's line of three points.
        assertThat(parse(timeline).getElementsByTagName("ellipse").getLength()).isGreaterThanOrEqualTo(6);
        Path ranking = dir.resolve("ranking.png");
        Charts.write(Charts.ranking(new RankingPlot("ranking", "mean utility", List.of("micro", "boulware", "conceder"),
                List.of(0.71, 0.65, 0.52), List.of(0.02, 0.03, 0.01))), ranking);
        assertThat(ImageIO.read(ranking.toFile()).getWidth()).isEqualTo(1050);
    }

    @Test
    void refusesUnknownFileTypes() {
        assertThatThrownBy(() -> Charts.write(Charts.outcomeSpace(samplePlot()), dir.resolve("chart.gif")))
                .hasMessageContaining("use a .svg or .png name");
        assertThat(Charts.supported(Path.of("x.SVG"))).isTrue();
        assertThat(Charts.supported(Path.of("x.jpg"))).isFalse();
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 3) {
            for (int y = 0; y < image.getHeight(); y += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
