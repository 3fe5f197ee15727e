package org.parley.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import org.parley.core.analysis.Analysis;
import org.parley.core.analysis.AnalysisProblem;
import org.parley.core.analysis.AnalysisProgress;
import org.parley.core.analysis.BargainingPoint;
import org.parley.core.analysis.FrontierPoint;
import org.parley.core.analysis.OutcomeAnalyzer;
import org.parley.core.analysis.PartyRange;
import org.parley.core.analysis.SolutionConcept;
import org.parley.core.analysis.SolutionConcepts;
import org.parley.core.model.AgreementRule;
import org.parley.core.model.Domain;
import org.parley.core.model.Outcome;
import org.parley.core.model.OutcomeSpace;
import org.parley.core.model.RealIssue;
import org.parley.core.model.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Exact outcome analysis of a scenario: counts, Pareto frontier, the point of every registered
 * solution concept, party ranges.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true, description = "Analyse a scenario exactly: outcomes, acceptable outcomes, Pareto frontier,"
        + " and the point of every solution concept (Nash, Kalai-Smorodinsky and the others registered); under the scenario's"
        + " agreement rule when it is not unanimity (passing deals, each minimal winning coalition, the rule's frontier).")
final class AnalyzeCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(paramLabel = "FILE", description = "Scenario file (YAML or JSON).")
    Path file;

    @Option(names = "--parties", split = ",", paramLabel = "NAME",
            description = "The parties whose view counts (default: all), comma-separated.")
    List<String> parties;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--steps", paramLabel = "N",
            description = "Values per real-range issue (evenly spaced, ends included; default: ${DEFAULT-VALUE}).")
    int steps = OutcomeSpace.DEFAULT_REAL_STEPS;

    @Option(names = "--list", paramLabel = "N",
            description = "Most outcomes listed per list: frontier vectors and outcomes, tied outcomes (default: ${DEFAULT-VALUE}).")
    int list = 20;

    @Option(names = "--rule", paramLabel = "RULE",
            description = "The agreement rule to analyse under: scenario (the scenario's own rule; default), unanimous"
                    + " (every party must sign), or QofN[:required,...], e.g. 2of3:federation,kaldari.")
    String rule = "scenario";

    @Option(names = "--no-progress", description = "Print no progress on standard error (shown only when an analysis"
            + " takes more than a few seconds).")
    boolean noProgress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (steps < 2 || steps > 1_000_000) {
            throw new UserException("--steps: expected a number of values per real issue from 2 to 1000000, got " + steps
                    + ".");
        }
        if (list < 0 || list > 1_000_000) {
            throw new UserException("--list: expected a number of outcomes from 0 to 1000000, got " + list + ".");
        }
        if (parties != null) {
            for (String party : parties) {
                if (party.isBlank()) {
                    throw new UserException("--parties: expected comma-separated party names, got an empty name.");
                }
            }
        }
        Scenario scenario = Scenarios.load(file, spec.commandLine().getErr());
        List<String> named = parties == null ? null : parties.stream().map(String::trim).toList();
        if (named != null) {
            for (String party : named) {
                if (scenario.indexOf(party) < 0) {
                    throw new UserException("--parties: Unknown party (" + party + ") in " + file + "; the parties are "
                            + scenario.partyNames() + ".");
                }
            }
            if (named.stream().distinct().count() < named.size()) {
                throw new UserException("--parties: a party is named twice in " + named + ".");
            }
        }
        AgreementRule agreementRule = RuleReport.rule(rule, scenario, named);
        AnalysisProblem problem = AnalysisProblem.of(scenario, named, steps);
        Analysis analysis;
        Progress progress = noProgress ? null
                : new Progress(spec.commandLine().getErr(), ProgressBar.onTerminal(), System::nanoTime);
        try {
            analysis = OutcomeAnalyzer.analyze(problem, list, SolutionConcepts.registered(),
                    progress == null ? AnalysisProgress.NONE : progress);
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw new UserException(file + ": " + e.getMessage());
        } finally {
            if (progress != null) {
                progress.finish();
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (agreementRule != null) {
            RuleReport report = RuleReport.of(file, scenario, agreementRule, steps, list);
            if (json) {
                Map<String, Object> root = tree(analysis);
                report.addTo(root);
                out.println(JSON.writeValueAsString(root));
            } else {
                report.table(analysis, out);
            }
            out.flush();
            return 0;
        }
        var blockers = RuleReport.blockers(analysis);
        if (json) {
            Map<String, Object> root = tree(analysis);
            if (!blockers.isEmpty()) {
                root.put("whyNoDeal", RuleReport.blockersTree(blockers));
            }
            out.println(JSON.writeValueAsString(root));
        } else {
            table(analysis, out);
            if (!blockers.isEmpty()) {
                out.println();
                RuleReport.printBlockers(blockers, "Nothing is acceptable to every named party.", out);
            }
        }
        out.flush();
        return 0;
    }

    /**
     * Progress of the issue-wise frontier's merges, from {@link #QUIET} on (an analysis that ends
     * sooner prints nothing): a bar redrawn in place on a terminal, else a line every
     * {@link #EVERY}, so that a log or a pipe shows the analysis alive too. The later merges are
     * the larger ones, so the share of merges done runs ahead of the time spent; the frontier's size
     * says how large they have become. Ctrl-C stops the analysis (the bar's line is cleared).
     */
    static final class Progress implements AnalysisProgress {

        static final long QUIET = 3_000_000_000L;
        static final long EVERY = 10_000_000_000L;

        private final String label;
        private final PrintWriter err;
        private final boolean terminal;
        private final LongSupplier clock;
        private final long start;
        private final ProgressBar bar;
        private long lastLine;

        Progress(PrintWriter err, boolean terminal, LongSupplier clock) {
            this("analyze", err, terminal, clock);
        }

        /** Progress whose lines begin with {@code label} ("analyze", "run: debrief"). */
        Progress(String label, PrintWriter err, boolean terminal, LongSupplier clock) {
            this.label = label;
            this.err = err;
            this.terminal = terminal;
            this.clock = clock;
            this.start = clock.getAsLong();
            this.lastLine = start - EVERY + QUIET;
            this.bar = ProgressBar.fraction(err, terminal, clock, 200_000_000L);
        }

        @Override
        public void merged(int done, int total, long vectors, long held) {
            long now = clock.getAsLong();
            if (now - start < QUIET) {
                return;
            }
            String phase = String.format(Locale.ROOT, "frontier merges %d/%d, last %,d vectors", done, total, vectors);
            if (terminal) {
                bar.fraction(total == 0 ? 1 : (double) done / total, phase);
            } else if (now - lastLine >= EVERY || done == total) {
                lastLine = now;
                err.println(String.format(Locale.ROOT, "%s: %s, %,d held (%s)", label, phase, held,
                        ProgressBar.clock((now - start) / 1_000_000_000L)));
                err.flush();
            }
        }

        void finish() {
            bar.finish();
        }
    }

    private Map<String, Object> tree(Analysis analysis) {
        AnalysisProblem problem = analysis.problem();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scenario", problem.scenario().name());
        root.put("method", analysis.method());
        root.put("discretisation", discretisation(problem));
        root.put("outcomes", analysis.outcomes());
        root.put("acceptable", analysis.acceptable().orElse(null));
        if (analysis.acceptable().isEmpty()) {
            root.put("acceptableNote", "not computed: " + analysis.acceptableNote());
        }
        Map<String, Object> pareto = new LinkedHashMap<>();
        pareto.put("count", analysis.pareto().count());
        pareto.put("vectors", analysis.pareto().points().size());
        List<Object> points = new ArrayList<>();
        for (FrontierPoint point : analysis.pareto().points().subList(0, Math.min(list, analysis.pareto().points().size()))) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("utilities", utilities(problem, point));
            entry.put("count", point.count());
            points.add(entry);
        }
        pareto.put("points", points);
        List<Outcome> outcomes = analysis.pareto().outcomes(list);
        pareto.put("outcomes", outcomes.stream().map(o -> outcomeTree(problem, o)).toList());
        pareto.put("complete", outcomes.size() == analysis.pareto().count());
        root.put("pareto", pareto);
        List<Object> concepts = new ArrayList<>();
        for (SolutionConcept concept : analysis.concepts()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("key", concept.key());
            entry.put("name", concept.displayName());
            concepts.add(entry);
        }
        root.put("concepts", concepts);
        for (SolutionConcept concept : analysis.concepts()) {
            root.put(concept.key(), analysis.point(concept.key()).map(p -> pointTree(problem, p)).orElse(null));
        }
        Map<String, Object> ranges = new LinkedHashMap<>();
        for (PartyRange range : analysis.ranges()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("reservation", range.reservation());
            entry.put("best", value(range.best()));
            entry.put("worst", value(range.worst()));
            ranges.put(range.party(), entry);
        }
        root.put("parties", ranges);
        return root;
    }

    private Map<String, Object> pointTree(AnalysisProblem problem, BargainingPoint point) {
        Map<String, Object> map = outcomeTree(problem, point.outcome());
        map.put("ties", point.ties());
        map.put("tied", point.tiedOutcomes().stream().map(o -> outcomeTree(problem, o)).toList());
        map.put("tiedComplete", point.tiedOutcomes().size() == point.ties());
        return map;
    }

    private static Map<String, Object> outcomeTree(AnalysisProblem problem, Outcome outcome) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("outcome", problem.space().domain().format(outcome));
        double[] u = problem.utilities(outcome);
        Map<String, Object> utilities = new LinkedHashMap<>();
        for (int p = 0; p < u.length; p++) {
            utilities.put(problem.parties().get(p), round(u[p]));
        }
        map.put("utilities", utilities);
        return map;
    }

    private static Map<String, Object> utilities(AnalysisProblem problem, FrontierPoint point) {
        Map<String, Object> utilities = new LinkedHashMap<>();
        for (int p = 0; p < problem.partyCount(); p++) {
            utilities.put(problem.parties().get(p), point.utility(p));
        }
        return utilities;
    }

    private static Object discretisation(AnalysisProblem problem) {
        if (!problem.space().discretised()) {
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("steps", problem.space().realSteps());
        Map<String, Object> issues = new LinkedHashMap<>();
        Domain domain = problem.space().domain();
        for (int i = 0; i < domain.size(); i++) {
            if (domain.issue(i) instanceof RealIssue real && real.min() != real.max()) {
                issues.put(real.name(), problem.space().values(i));
            }
        }
        map.put("issues", issues);
        return map;
    }

    private static Double value(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    /** Utilities of an outcome summed in floating point: drop the last-bit noise for display. */
    private static double round(double u) {
        return Math.round(u * 1e12) / 1e12;
    }

    private void table(Analysis analysis, PrintWriter out) {
        AnalysisProblem problem = analysis.problem();
        List<String> names = problem.parties();
        out.printf("%s — %d issues, parties %s (%s analysis)%n", problem.scenario().name(),
                problem.space().issueCount(), String.join(", ", names), analysis.method());
        if (problem.space().discretised()) {
            out.printf("real issues discretised into %d evenly spaced values each (--steps)%n", problem.space().realSteps());
        }
        out.println();
        out.printf("%-12s %s%n", "outcomes", analysis.outcomes());
        out.printf("%-12s %s%n", "acceptable", analysis.acceptable().map(BigInteger::toString)
                .orElse("not computed: " + analysis.acceptableNote()));
        out.printf("%-12s %d outcomes, %d distinct utility vectors%n", "pareto", analysis.pareto().count(),
                analysis.pareto().points().size());
        out.println();
        int width = Math.max(12, names.stream().mapToInt(String::length).max().orElse(0) + 2);
        out.printf("%-" + width + "s %11s %8s %8s%n", "party", "reservation", "best", "worst");
        for (PartyRange range : analysis.ranges()) {
            out.printf("%-" + width + "s %11s %8s %8s%n", range.party(), format(range.reservation()),
                    format(range.best()), format(range.worst()));
        }
        out.println();
        if (analysis.points().isEmpty()) {
            out.println("No outcome is acceptable to every named party: no frontier and no bargaining point.");
            return;
        }
        Domain domain = problem.space().domain();
        int labels = 17;
        for (SolutionConcept concept : analysis.concepts()) {
            labels = Math.max(labels, SolutionConcepts.words(concept.key(), '-').length());
        }
        String label = "%-" + (labels + 1) + "s";
        out.printf(label, "point");
        for (String name : names) {
            out.printf(" %" + Math.max(8, name.length()) + "s", name);
        }
        out.printf(" %6s  %s%n", "ties", "outcome (" + String.join(" · ", domain.names()) + ")");
        for (SolutionConcept concept : analysis.concepts()) {
            BargainingPoint point = analysis.point(concept.key()).orElseThrow();
            out.printf(label, SolutionConcepts.words(concept.key(), '-'));
            row(out, names, point.point());
            out.printf(" %6d  %s%n", point.ties(), String.join(" · ", domain.format(point.outcome()).values()));
        }
        List<FrontierPoint> points = analysis.pareto().points();
        if (list == 0) {
            return;
        }
        out.println();
        int shown = Math.min(list, points.size());
        out.printf("pareto frontier: %s%n", shown == points.size() ? "all " + points.size() + " vectors"
                : "first " + shown + " of " + points.size() + " vectors (--list N for more)");
        out.printf(label, "");
        for (String name : names) {
            out.printf(" %" + Math.max(8, name.length()) + "s", name);
        }
        out.printf(" %6s  %s%n", "count", "first outcome");
        for (FrontierPoint point : points.subList(0, shown)) {
            out.printf(label, "");
            row(out, names, point);
            Outcome first = analysis.pareto().outcomes(point, 1).get(0);
            out.printf(" %6d  %s%n", point.count(), String.join(" · ", domain.format(first).values()));
        }
    }

    private static void row(PrintWriter out, List<String> names, FrontierPoint point) {
        for (int p = 0; p < names.size(); p++) {
            out.printf(" %" + Math.max(8, names.get(p).length()) + "s", format(point.utility(p)));
        }
    }

    private static String format(OptionalDouble value) {
        return value.isPresent() ? format(value.getAsDouble()) : "—";
    }

    /** Up to 4 decimals, trailing zeros dropped. */
    static String format(double value) {
        String text = String.format(java.util.Locale.ROOT, "%.4f", value);
        text = text.replaceAll("0+$", "");
        return text.endsWith(".") ? text + "0" : text;
    }
}
