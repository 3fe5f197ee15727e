package org.parley.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Builds Parley's charts with XChart and writes them as SVG or PNG. */
public final class Charts {

    private static final int WIDTH = 1050;
    private static final int HEIGHT = 700;
    private static final Color GREY = new Color(200, 200, 200);
    private static final Color ACCEPTABLE = new Color(140, 180, 220);
    private static final Color FRONTIER = new Color(30, 60, 120);
    /**
     * How the k-th concept point is drawn: colour, shape and size cycle through these. Sizes shrink
     * down the list so that points that coincide all show (each inside the one before).
     */
    private static final Color[] CONCEPT_COLOURS = {
        new Color(200, 30, 30), new Color(20, 140, 60), new Color(120, 60, 170), new Color(0, 120, 200),
        new Color(150, 100, 0), new Color(60, 60, 60)
    };
    private static final org.knowm.xchart.style.markers.Marker[] CONCEPT_MARKERS = {
        SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CIRCLE, SeriesMarkers.CROSS,
        SeriesMarkers.PLUS
    };
    private static final Color AGREEMENT = new Color(240, 160, 0);
    private static final Color[] PARTY_COLOURS = {
        new Color(130, 40, 160), new Color(0, 150, 150), new Color(180, 90, 20), new Color(90, 90, 90),
        new Color(200, 60, 120), new Color(60, 120, 200)
    };
    private static final BasicStroke DASHED =
            new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

    static {
        // Charts are drawn off-screen; a server or CI machine has no display.
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {}

    public static XYChart outcomeSpace(OutcomeSpacePlot plot) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(plot.title())
                .xAxisTitle("utility of " + plot.xParty()).yAxisTitle("utility of " + plot.yParty()).build();
        style(chart);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        // The legend says what the dots are of the space, on the first series drawn.
        String sample = plot.sample().isEmpty() ? "" : " (" + plot.sample() + ")";
        scatter(chart, "outcomes" + sample, plot.outcomes(), GREY, 4);
        scatter(chart, "acceptable" + (plot.outcomes().isEmpty() ? sample : ""), plot.acceptable(), ACCEPTABLE, 5);
        if (!plot.frontier().isEmpty()) {
            List<Point> sorted = new ArrayList<>(plot.frontier());
            sorted.sort(Comparator.comparingDouble(Point::x).thenComparing(Point::y, Comparator.reverseOrder()));
            XYSeries frontier = line(chart, "Pareto frontier", sorted, FRONTIER);
            frontier.setMarker(SeriesMarkers.CIRCLE);
            frontier.setMarkerColor(FRONTIER);
        }
        reservationLine(chart, "reservation values", List.of(new Point(plot.xReservation(), 0), new Point(plot.xReservation(), 1)), true);
        reservationLine(chart, plot.yParty() + " reservation", List.of(new Point(0, plot.yReservation()), new Point(1, plot.yReservation())), false);
        int colour = 0;
        for (Map.Entry<String, List<Point>> entry : plot.offers().entrySet()) {
            if (entry.getValue().isEmpty()) {
                continue;
            }
            Color c = PARTY_COLOURS[colour++ % PARTY_COLOURS.length];
            XYSeries path = line(chart, possessive(entry.getKey()) + " offers", entry.getValue(), c);
            path.setMarker(SeriesMarkers.TRIANGLE_UP);
            path.setMarkerColor(c);
            path.setLineStyle(new BasicStroke(1.0f));
        }
        for (int k = 0; k < plot.concepts().size(); k++) {
            ConceptPoint concept = plot.concepts().get(k);
            point(chart, concept.name() + " point", concept.point(), CONCEPT_COLOURS[k % CONCEPT_COLOURS.length],
                    CONCEPT_MARKERS[k % CONCEPT_MARKERS.length], Math.max(6, 16 - 3 * k));
        }
        point(chart, "agreement", plot.agreement(), AGREEMENT, SeriesMarkers.CIRCLE, 14);
        return chart;
    }

    public static XYChart timeline(TimelinePlot plot) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT / 2 + 150).title(plot.title())
                .xAxisTitle("round").yAxisTitle("utility (own)").build();
        style(chart);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        double lastRound = 1;
        for (List<Point> points : plot.series().values()) {
            for (Point p : points) {
                lastRound = Math.max(lastRound, p.x());
            }
        }
        int colour = 0;
        for (Map.Entry<String, List<Point>> entry : plot.series().entrySet()) {
            Color c = PARTY_COLOURS[colour++ % PARTY_COLOURS.length];
            if (!entry.getValue().isEmpty()) {
                XYSeries series = line(chart, entry.getKey(), entry.getValue(), c);
                series.setMarker(entry.getValue().size() > 60 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
                series.setMarkerColor(c);
            }
            Double reservation = plot.reservations().get(entry.getKey());
            if (reservation != null) {
                XYSeries line = line(chart, entry.getKey() + " reservation",
                        List.of(new Point(0, reservation), new Point(lastRound, reservation)), c);
                line.setLineStyle(DASHED);
                line.setMarker(SeriesMarkers.NONE);
                line.setShowInLegend(false);
            }
        }
        return chart;
    }

    public static XYChart series(SeriesPlot plot) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT / 2 + 150).title(plot.title())
                .xAxisTitle(plot.xLabel()).yAxisTitle(plot.yLabel()).build();
        style(chart);
        chart.getStyler().setXAxisDecimalPattern("0");
        if (plot.yMin() != null) {
            chart.getStyler().setYAxisMin(plot.yMin());
        }
        if (plot.yMax() != null) {
            chart.getStyler().setYAxisMax(plot.yMax());
        }
        int colour = 0;
        for (Map.Entry<String, List<Point>> entry : plot.series().entrySet()) {
            Color c = PARTY_COLOURS[colour++ % PARTY_COLOURS.length];
            if (!entry.getValue().isEmpty()) {
                XYSeries series = line(chart, entry.getKey(), entry.getValue(), c);
                series.setMarker(entry.getValue().size() > 60 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
                series.setMarkerColor(c);
            }
        }
        return chart;
    }

    public static CategoryChart ranking(RankingPlot plot) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT / 2 + 150).title(plot.title())
                .xAxisTitle("").yAxisTitle(plot.valueLabel()).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBorderVisible(false);
        chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        chart.getStyler().setXAxisLabelRotation(plot.names().size() > 5 ? 30 : 0);
        chart.getStyler().setSeriesColors(new Color[] {FRONTIER});
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        chart.getStyler().setDecimalPattern("0.000");
        if (plot.errors() == null) {
            chart.addSeries(plot.valueLabel(), plot.names(), plot.values());
        } else {
            chart.addSeries(plot.valueLabel(), plot.names(), plot.values(), plot.errors());
        }
        return chart;
    }

    /** Writes the chart as SVG or PNG, chosen by the file's extension. */
    public static void write(Chart<?, ?> chart, Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                if (name.endsWith(".svg")) {
                    VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
                } else if (name.endsWith(".png")) {
                    BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
                } else {
                    throw new IllegalArgumentException("Unsupported chart file (" + file + "): use a .svg or .png name.");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code file}'s name is one {@link #write} can produce. */
    public static boolean supported(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".svg") || name.endsWith(".png");
    }

    private static void style(XYChart chart) {
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBorderVisible(false);
        chart.getStyler().setPlotGridLinesColor(new Color(235, 235, 235));
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        chart.getStyler().setLegendBorderColor(Color.WHITE);
        chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        chart.getStyler().setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        chart.getStyler().setMarkerSize(7);
        chart.getStyler().setDecimalPattern("0.00");
    }

    private static void scatter(XYChart chart, String name, List<Point> points, Color colour, int size) {
        if (points.isEmpty()) {
            return;
        }
        XYSeries series = chart.addSeries(name, xs(points), ys(points));
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(new SizedMarker(SeriesMarkers.CIRCLE, size));
        series.setMarkerColor(colour);
    }

    private static XYSeries line(XYChart chart, String name, List<Point> points, Color colour) {
        XYSeries series = chart.addSeries(name, xs(points), ys(points));
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        series.setLineColor(colour);
        series.setLineWidth(2f);
        series.setMarker(SeriesMarkers.NONE);
        return series;
    }

    private static void reservationLine(XYChart chart, String name, List<Point> points, boolean inLegend) {
        XYSeries series = line(chart, name, points, new Color(120, 120, 120));
        series.setLineStyle(DASHED);
        series.setShowInLegend(inLegend);
    }

    private static String possessive(String name) {
        return name.endsWith("s") ? name + "'" : name + "'s";
    }

    private static void point(XYChart chart, String name, Point point, Color colour, org.knowm.xchart.style.markers.Marker marker,
            int size) {
        if (point == null) {
            return;
        }
        XYSeries series = chart.addSeries(name, new double[] {point.x()}, new double[] {point.y()});
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(new SizedMarker(marker, size));
        series.setMarkerColor(colour);
    }

    private static double[] xs(List<Point> points) {
        return points.stream().mapToDouble(Point::x).toArray();
    }

    private static double[] ys(List<Point> points) {
        return points.stream().mapToDouble(Point::y).toArray();
    }

    /** XChart sizes markers per chart; this draws one series' markers at a size of its own. */
    private static final class SizedMarker extends org.knowm.xchart.style.markers.Marker {
        private final org.knowm.xchart.style.markers.Marker shape;
        private final int size;

        SizedMarker(org.knowm.xchart.style.markers.Marker shape, int size) {
            this.shape = shape;
            this.size = size;
        }

        @Override
        public void paint(java.awt.Graphics2D g, double x, double y, int ignored) {
            shape.paint(g, x, y, size);
        }
    }
}
