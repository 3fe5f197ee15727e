package org.parley.cli;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.core.analysis.Analysis;
import org.parley.core.analysis.BargainingPoint;
import org.parley.core.analysis.CoalitionAnalysis;
import org.parley.core.analysis.FrontierPoint;
import org.parley.core.analysis.RuleAnalysis;
import org.parley.core.analysis.RuleAnalyzer;
import org.parley.core.analysis.RuleFrontier;
import org.parley.core.analysis.WhyNoDeal;
import org.parley.core.model.AgreementRule;
import org.parley.core.model.Domain;
import org.parley.core.model.Outcome;
import org.parley.core.model.Scenario;

/**
 * The part of {@code parley analyze} that applies the scenario's agreement rule: which rule
 * ({@code --rule}), the passing count, each minimal winning coalition's analysis, the rule's
 * frontier, and why no deal passes when none does. Vectors are over all parties, those outside a
 * deal at their reservation value.
 */
final class RuleReport {

    private static final Pattern RULE = Pattern.compile("(\\d+)\\s*of\\s*(\\d+)(?:\\s*:\\s*(.*))?");

    private final RuleAnalysis analysis;
    private final List<WhyNoDeal.CoalitionBlockers> blockers;
    private final int list;

    private RuleReport(RuleAnalysis analysis, List<WhyNoDeal.CoalitionBlockers> blockers, int list) {
        this.analysis = analysis;
        this.blockers = blockers;
        this.list = list;
    }

    /**
     * The rule {@code option} asks for, or null for the analysis as if every named party had to
     * sign (today's view): {@code unanimous}, a unanimous scenario rule, or a party subset.
     *
     * @throws UserException for an unreadable rule or a rule combined with {@code --parties}
     */
    static AgreementRule rule(String option, Scenario scenario, List<String> parties) {
        String text = option == null ? "scenario" : option.trim();
        int n = scenario.parties().size();
        AgreementRule rule;
        if (text.equals("unanimous")) {
            return null;
        } else if (text.equals("scenario")) {
            if (parties != null) {
                return null; // --parties asks for what those parties accept together
            }
            rule = scenario.agreement();
        } else {
            Matcher m = RULE.matcher(text);
            if (!m.matches()) {
                throw new UserException("--rule: expected scenario, unanimous or QofN[:required,...] (such as 2of3:"
                        + String.join(",", scenario.partyNames().subList(0, Math.min(2, n))) + "), got '" + text + "'.");
            }
            int quorum = Integer.parseInt(m.group(1));
            int of = Integer.parseInt(m.group(2));
            if (of != n) {
                throw new UserException("--rule: '" + text + "' counts " + of + " parties, but " + scenario.name()
                        + " has " + n + " (" + String.join(", ", scenario.partyNames()) + ").");
            }
            if (quorum < 1 || quorum > n) {
                throw new UserException("--rule: the quorum (" + quorum + ") must be from 1 to " + n + ".");
            }
            Set<String> required = new LinkedHashSet<>();
            if (m.group(3) != null) {
                for (String name : m.group(3).split(",")) {
                    String party = name.trim();
                    if (scenario.indexOf(party) < 0) {
                        throw new UserException("--rule: unknown party (" + party + "); the parties are "
                                + scenario.partyNames() + ".");
                    }
                    required.add(party);
                }
            }
            if (required.size() > quorum) {
                throw new UserException("--rule: " + required.size() + " required parties do not fit a quorum of "
                        + quorum + ".");
            }
            if (parties != null) {
                throw new UserException("--rule applies to all parties of the scenario; drop --parties, or use --rule"
                        + " unanimous to analyse what the named parties accept together.");
            }
            rule = new AgreementRule(quorum, required);
        }
        return rule.quorum() == n ? null : rule; // n of n is unanimity, whoever is named required
    }

    static RuleReport of(Path file, Scenario scenario, AgreementRule rule, int steps, int list) {
        try {
            RuleAnalysis analysis = RuleAnalyzer.analyze(scenario, rule, steps, list);
            List<WhyNoDeal.CoalitionBlockers> blockers = analysis.noDeal()
                    ? WhyNoDeal.explain(analysis, WhyNoDeal.DEFAULT_CHECKS) : List.of();
            return new RuleReport(analysis, blockers, list);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new UserException(file + ": " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- JSON

    /** Adds the rule's figures to {@code root}, the unanimous view's tree. */
    void addTo(Map<String, Object> root) {
        Scenario scenario = analysis.scenario();
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("text", RuleAnalyzer.describe(analysis.rule(), scenario.partyNames()));
        rule.put("quorum", analysis.rule().quorum());
        rule.put("required", scenario.partyNames().stream().filter(analysis.rule().required()::contains).toList());
        root.put("rule", rule);
        root.put("passing", analysis.passing().orElse(null));
        if (analysis.passing().isEmpty()) {
            root.put("passingNote", "not computed: " + analysis.passingNote());
        }
        List<Object> coalitions = new ArrayList<>();
        for (CoalitionAnalysis coalition : analysis.minimal()) {
            coalitions.add(coalitionTree(coalition));
        }
        root.put("coalitions", coalitions);
        Map<String, Object> frontier = new LinkedHashMap<>();
        frontier.put("vectors", analysis.frontier().size());
        frontier.put("pairs", analysis.frontier().pairs());
        List<Object> points = new ArrayList<>();
        for (RuleFrontier.Point point : shown(analysis.frontier().points())) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("utilities", utilities(point.vector()));
            entry.put("count", point.vector().count());
            List<Object> reach = new ArrayList<>();
            for (RuleFrontier.Reach r : point.reach()) {
                Map<String, Object> signers = new LinkedHashMap<>();
                signers.put("signers", r.signers());
                signers.put("count", r.count());
                signers.put("outcome", scenario.domain().format(r.outcomes(1).get(0)));
                reach.add(signers);
            }
            entry.put("reach", reach);
            points.add(entry);
        }
        frontier.put("points", points);
        root.put("ruleFrontier", frontier);
        root.put("whyNoDeal", analysis.noDeal() ? blockersTree() : null);
    }

    private Map<String, Object> coalitionTree(CoalitionAnalysis coalition) {
        Analysis own = coalition.analysis();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("members", coalition.members());
        map.put("outside", analysis.scenario().partyNames().stream().filter(p -> !coalition.isMember(p)).toList());
        map.put("acceptable", own.acceptable().orElse(null));
        if (own.acceptable().isEmpty()) {
            map.put("acceptableNote", "not computed: " + own.acceptableNote());
        }
        Map<String, Object> pareto = new LinkedHashMap<>();
        pareto.put("count", own.pareto().count());
        pareto.put("vectors", own.pareto().points().size());
        List<Object> points = new ArrayList<>();
        for (FrontierPoint point : shown(coalition.frontier())) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("utilities", utilities(point));
            entry.put("count", point.count());
            points.add(entry);
        }
        pareto.put("points", points);
        map.put("pareto", pareto);
        for (var entry : own.points().entrySet()) {
            map.put(entry.getKey(), pointTree(coalition, entry.getValue()));
        }
        return map;
    }

    private Map<String, Object> pointTree(CoalitionAnalysis coalition, BargainingPoint point) {
        Map<String, Object> map = outcomeTree(coalition, point.outcome());
        map.put("ties", point.ties());
        map.put("tied", point.tiedOutcomes().stream().map(o -> outcomeTree(coalition, o)).toList());
        map.put("tiedComplete", point.tiedOutcomes().size() == point.ties());
        return map;
    }

    private Map<String, Object> outcomeTree(CoalitionAnalysis coalition, Outcome outcome) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("outcome", analysis.scenario().domain().format(outcome));
        double[] u = coalition.lift(coalition.analysis().problem().utilities(outcome));
        Map<String, Object> utilities = new LinkedHashMap<>();
        for (int i = 0; i < u.length; i++) {
            utilities.put(analysis.scenario().partyNames().get(i), round(u[i]));
        }
        map.put("utilities", utilities);
        return map;
    }

    private Map<String, Object> utilities(FrontierPoint point) {
        Map<String, Object> utilities = new LinkedHashMap<>();
        for (int i = 0; i < analysis.scenario().parties().size(); i++) {
            utilities.put(analysis.scenario().partyNames().get(i), point.utility(i));
        }
        return utilities;
    }

    private List<Object> blockersTree() {
        return blockersTree(blockers);
    }

    static List<Object> blockersTree(List<WhyNoDeal.CoalitionBlockers> blockers) {
        List<Object> result = new ArrayList<>();
        for (WhyNoDeal.CoalitionBlockers coalition : blockers) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("members", coalition.members());
            map.put("feasible", coalition.feasible());
            List<Object> sets = new ArrayList<>();
            for (List<WhyNoDeal.Blocker> set : coalition.minimalSets()) {
                List<Object> entries = new ArrayList<>();
                for (WhyNoDeal.Blocker blocker : set) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("party", blocker.party());
                    entry.put("kind", blocker.kind().name().toLowerCase(Locale.ROOT));
                    entry.put("text", blocker.text());
                    if (blocker.kind() == WhyNoDeal.Blocker.Kind.RESERVATION) {
                        entry.put("reservation", blocker.reservation());
                    }
                    entries.add(entry);
                }
                sets.add(entries);
            }
            map.put("blockerSets", sets);
            map.put("complete", coalition.complete());
            if (!coalition.note().isEmpty()) {
                map.put("note", coalition.note());
            }
            result.add(map);
        }
        return result;
    }

    // ---------------------------------------------------------------- text

    /** The table: the rule's figures, with the unanimous view's acceptable count beside them. */
    void table(Analysis unanimous, PrintWriter out) {
        Scenario scenario = analysis.scenario();
        List<String> names = scenario.partyNames();
        Domain domain = scenario.domain();
        out.printf("%s — %d issues, parties %s%n", scenario.name(), domain.size(), String.join(", ", names));
        out.printf("agreement rule: %s (--rule unanimous: as if every party had to sign)%n",
                RuleAnalyzer.describe(analysis.rule(), names));
        if (unanimous.problem().space().discretised()) {
            out.printf("real issues discretised into %d evenly spaced values each (--steps)%n", analysis.realSteps());
        }
        out.println();
        out.printf("%-12s %s%n", "outcomes", analysis.outcomes());
        out.printf("%-12s %s%n", "passing", analysis.passing().map(BigInteger::toString)
                .orElse("not computed: " + analysis.passingNote()));
        out.printf("%-12s %s%n", "unanimous", unanimous.acceptable().map(c -> c + " acceptable to all "
                + names.size() + " parties").orElse("not computed: " + unanimous.acceptableNote()));
        out.printf("%-12s %d vectors, %d (outcome, signers) pairs%n", "rule pareto", analysis.frontier().size(),
                analysis.frontier().pairs());
        for (CoalitionAnalysis coalition : analysis.minimal()) {
            out.println();
            coalitionTable(coalition, out);
        }
        if (analysis.noDeal()) {
            out.println();
            printBlockers(blockers, "No outcome passes the rule.", out);
            return;
        }
        if (list == 0) {
            return;
        }
        out.println();
        List<RuleFrontier.Point> points = analysis.frontier().points();
        List<RuleFrontier.Point> shown = shown(points);
        out.printf("rule frontier: %s%n", shown.size() == points.size() ? "all " + points.size() + " vectors"
                : "first " + shown.size() + " of " + points.size() + " vectors (--list N for more)");
        header(out, names, "count", "signers: first outcome");
        for (RuleFrontier.Point point : shown) {
            out.printf("%-18s", "");
            row(out, names, point.vector());
            List<String> reach = new ArrayList<>();
            for (RuleFrontier.Reach r : point.reach()) {
                reach.add(String.join("+", r.signers()));
            }
            RuleFrontier.Reach first = point.reach().get(0);
            out.printf(" %6d  %s: %s%n", point.vector().count(), String.join(" | ", reach),
                    String.join(" · ", domain.format(first.outcomes(1).get(0)).values()));
        }
    }

    private void coalitionTable(CoalitionAnalysis coalition, PrintWriter out) {
        Scenario scenario = analysis.scenario();
        List<String> names = scenario.partyNames();
        Domain domain = scenario.domain();
        Analysis own = coalition.analysis();
        List<String> outside = new ArrayList<>();
        for (String name : names) {
            if (!coalition.isMember(name)) {
                outside.add(name + " " + AnalyzeCommand.format(scenario.party(name).preferences().reservation()));
            }
        }
        out.printf("coalition %s%s%n", String.join(" + ", coalition.members()),
                outside.isEmpty() ? "" : " (outside at reservation: " + String.join(", ", outside) + ")");
        out.printf("%-12s %s%n", "acceptable", own.acceptable().map(BigInteger::toString)
                .orElse("not computed: " + own.acceptableNote()));
        out.printf("%-12s %d outcomes, %d distinct utility vectors%n", "pareto", own.pareto().count(),
                own.pareto().points().size());
        if (own.points().isEmpty()) {
            out.println("no outcome is acceptable to every member");
            return;
        }
        header(out, names, "ties", "outcome (" + String.join(" · ", domain.names()) + ")");
        for (var entry : own.points().entrySet()) {
            BargainingPoint point = entry.getValue();
            out.printf("%-18s", label(entry.getKey()));
            row(out, names, coalition.lift(point.point()));
            out.printf(" %6d  %s%n", point.ties(), String.join(" · ", domain.format(point.outcome()).values()));
        }
    }

    /** Prints why the named parties cannot make a deal (the unanimous view when nothing is acceptable). */
    static void printBlockers(List<WhyNoDeal.CoalitionBlockers> blockers, String headline, PrintWriter out) {
        out.println(headline + " Smallest sets of hard constraints and reservation values whose removal would let");
        out.println("a deal through (removing a reservation value means lowering it to 0):");
        for (WhyNoDeal.CoalitionBlockers coalition : blockers) {
            out.printf("  %s:%s%n", String.join(" + ", coalition.members()),
                    coalition.feasible() ? " could agree (nothing blocks)" : "");
            for (List<WhyNoDeal.Blocker> set : coalition.minimalSets()) {
                out.printf("    - %s%n", String.join("; ", set.stream().map(WhyNoDeal.Blocker::toString).toList()));
            }
            if (!coalition.note().isEmpty()) {
                out.printf("    (%s)%n", coalition.note());
            }
        }
    }

    /** For the unanimous view: why the named parties have no acceptable outcome in common. */
    static List<WhyNoDeal.CoalitionBlockers> blockers(Analysis analysis) {
        if (!analysis.pareto().isEmpty()) {
            return List.of();
        }
        return List.of(WhyNoDeal.explain(analysis.problem().scenario(), analysis.problem().parties(),
                analysis.problem().space().realSteps(), WhyNoDeal.DEFAULT_CHECKS));
    }

    private static void header(PrintWriter out, List<String> names, String count, String last) {
        out.printf("%-18s", "");
        for (String name : names) {
            out.printf(" %" + Math.max(8, name.length()) + "s", name);
        }
        out.printf(" %6s  %s%n", count, last);
    }

    private static void row(PrintWriter out, List<String> names, FrontierPoint point) {
        for (int p = 0; p < names.size(); p++) {
            out.printf(" %" + Math.max(8, names.get(p).length()) + "s", AnalyzeCommand.format(point.utility(p)));
        }
    }

    private <T> List<T> shown(List<T> all) {
        return all.subList(0, Math.min(list, all.size()));
    }

    /** "kalaiSmorodinsky" → "kalai-smorodinsky". */
    static String label(String key) {
        return key.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** Utilities of an outcome summed in floating point: drop the last-bit noise for display. */
    private static double round(double u) {
        return Math.round(u * 1e12) / 1e12;
    }
}
