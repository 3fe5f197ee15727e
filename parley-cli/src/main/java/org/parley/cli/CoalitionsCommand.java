package org.parley.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parley.coalitions.ExcessOracle;
import org.parley.coalitions.LeastCore;
import org.parley.coalitions.CertifiedSimplexLeastCore;
import org.parley.coalitions.CertifiedSimplexNucleolus;
import org.parley.coalitions.Nucleolus;
import org.parley.coalitions.Rational;
import org.parley.coalitions.RowGenerationLeastCore;
import org.parley.coalitions.RowGenerationNucleolus;
import org.parley.coalitions.Stability;
import org.parley.core.coalition.BanzhafIndex;
import org.parley.core.coalition.CoalitionStructure;
import org.parley.core.coalition.CoalitionalGame;
import org.parley.core.coalition.Coalitions;
import org.parley.core.coalition.DpBranchAndBoundCoalitionStructure;
import org.parley.core.coalition.DynamicProgrammingBanzhaf;
import org.parley.core.coalition.DynamicProgrammingShapleyShubik;
import org.parley.core.coalition.ExactShapleyValue;
import org.parley.core.coalition.GameGenerator;
import org.parley.core.coalition.MonotonicCoverGame;
import org.parley.core.coalition.MonteCarloShapleyValue;
import org.parley.core.coalition.ScenarioGame;
import org.parley.core.coalition.SearchControl;
import org.parley.core.coalition.ShapleyValue;
import org.parley.core.coalition.TableGame;
import org.parley.core.coalition.ValueDistribution;
import org.parley.core.coalition.WeightedVotingGame;
import org.parley.core.model.OutcomeSpace;
import org.parley.core.model.Scenario;
import org.parley.io.GameReader;
import org.parley.io.ScenarioReader;
import org.parley.io.tree.Node;
import org.parley.io.tree.TreeReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Cooperative-game analysis: values, core, nucleolus, optimal coalition structure (docs/coalitions.md). */
@Command(name = "coalitions", mixinStandardHelpOptions = true, description = "Analyse a coalitional game: Shapley value (Shapley-Shubik and Banzhaf for"
        + " voting games), core, least core, nucleolus, optimal coalition structure. FILE is a scenario, a game file"
        + " (YAML/JSON) or an ODP-IP value list (.txt); or generate a benchmark game with --generate.")
final class CoalitionsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int STABLE_LIST_MAX_PLAYERS = 8;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "Scenario, game file (.yaml/.json) or ODP-IP value list (.txt).")
    Path file;

    @Option(names = "--json", description = "Print JSON instead of tables.")
    boolean json;

    @Option(names = "--game", paramLabel = "KIND", description = "For a scenario: voting (its coalition: section),"
            + " derived (from the negotiation) or both (default: both when it has a coalition: section).")
    String game;

    @Option(names = "--generate", paramLabel = "DISTRIBUTION", description = "Generate a game instead of reading FILE:"
            + " uniform, normal, ndcs, agent-based or agent-based-normal.")
    String generate;

    @Option(names = "--players", paramLabel = "N", description = "Players of a generated game (1 to 27).")
    Integer players;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of a generated game and of Monte Carlo sampling"
            + " (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--write", paramLabel = "FILE", description = "Also write the game's values as an ODP-IP value list.")
    Path write;

    @Option(names = "--shapley", paramLabel = "METHOD", description = "exact, monte-carlo or auto (exact up to 25"
            + " players; default: ${DEFAULT-VALUE}).")
    String shapley = "auto";

    @Option(names = "--samples", paramLabel = "N", description = "Permutations for Monte Carlo (default: ${DEFAULT-VALUE}).")
    long samples = 100_000;

    @Option(names = "--time-limit", paramLabel = "DURATION", description = "Stop the coalition structure search after"
            + " this long (e.g. 30s, 5m) and report the best structure with its bound.")
    String timeLimit;

    @Option(names = "--skip", split = ",", paramLabel = "PART", description = "Leave out: shapley, core, structure"
            + " (comma-separated).")
    List<String> skip = new ArrayList<>();

    @Option(names = "--core-method", paramLabel = "METHOD", description = "Least core and nucleolus by row-generation"
            + " (constraints only for the coalitions a separation oracle finds violated; any size its oracle takes) or"
            + " full (a row for every one of the 2^n − 2 coalitions, certified in rationals; at most "
            + CertifiedSimplexLeastCore.MAX_PLAYERS + " players). Both exact (default: ${DEFAULT-VALUE}).")
    String coreMethod = "row-generation";

    @Option(names = "--steps", paramLabel = "N", description = "Values per real-range issue for a derived game"
            + " (default: ${DEFAULT-VALUE}).")
    int steps = OutcomeSpace.DEFAULT_REAL_STEPS;

    @Option(names = "--pass-by", paramLabel = "WHO", description = "Derived game: who may pass a deal — rule (the"
            + " scenario's agreement rule), weights (its coalition: weights and quota) or everyone (every coalition, all"
            + " its members signing: the view before rules counted). Default: weights when the scenario has a"
            + " coalition: section, else rule.")
    String passBy;

    @Option(names = "--no-progress", description = "No progress bar (it is shown only on a terminal anyway).")
    boolean noProgress;

    @Spec
    CommandSpec spec;

    private record Subject(String title, CoalitionalGame game, ScenarioGame derived) {}

    @Override
    public Integer call() throws Exception {
        for (String part : skip) {
            if (!List.of("shapley", "core", "structure").contains(part.trim())) {
                throw new UserException("--skip: unknown part (" + part + "); expected shapley, core or structure.");
            }
        }
        if (!List.of("auto", "exact", "monte-carlo").contains(shapley)) {
            throw new UserException("--shapley: expected exact, monte-carlo or auto, got (" + shapley + ").");
        }
        if (samples < 2 || samples > 1_000_000_000L) {
            throw new UserException("--samples: expected 2 to 10^9 permutations, got " + samples + ".");
        }
        if (!List.of("row-generation", "full").contains(coreMethod)) {
            throw new UserException("--core-method: expected row-generation or full, got (" + coreMethod + ").");
        }
        if (steps < 2 || steps > 1_000_000) {
            throw new UserException("--steps: expected 2 to 1000000 values per real issue, got " + steps + ".");
        }
        Duration limit = timeLimit == null ? null : duration(timeLimit);
        List<Subject> subjects = subjects();
        if (write != null) {
            CoalitionalGame first = subjects.get(0).game();
            if (first.players() > TableGame.MAX_PLAYERS) {
                throw new UserException("--write: a game of " + first.players() + " players has no value table.");
            }
            try (Writer writer = Files.newBufferedWriter(write, StandardCharsets.UTF_8)) {
                GameReader.writeOdpIp(TableGame.of(first), writer);
            } catch (IOException e) {
                throw new UserException("--write: cannot write " + write + ": " + e.getMessage());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Map<String, Object>> reports = new ArrayList<>();
        for (Subject subject : subjects) {
            reports.add(report(subject, limit));
        }
        if (json) {
            out.println(JSON.writeValueAsString(reports.size() == 1 ? reports.get(0) : Map.of("games", reports)));
        } else {
            for (int i = 0; i < reports.size(); i++) {
                if (i > 0) {
                    out.println();
                }
                print(reports.get(i), out);
            }
        }
        out.flush();
        return 0;
    }

    private List<Subject> subjects() {
        if (generate != null) {
            if (file != null) {
                throw new UserException("Give either FILE or --generate, not both.");
            }
            if (players == null) {
                throw new UserException("--generate needs --players N (1 to " + DpBranchAndBoundCoalitionStructure.MAX_PLAYERS + ").");
            }
            if (players < 1 || players > DpBranchAndBoundCoalitionStructure.MAX_PLAYERS) {
                throw new UserException("--players: expected 1 to " + DpBranchAndBoundCoalitionStructure.MAX_PLAYERS
                        + ", got " + players + ".");
            }
            ValueDistribution distribution;
            try {
                distribution = ValueDistribution.parse(generate);
            } catch (IllegalArgumentException e) {
                throw new UserException("--generate: " + e.getMessage());
            }
            return List.of(new Subject("generated " + distribution + " game (seed " + seed + ")",
                    GameGenerator.generate(distribution, players, seed), null));
        }
        if (players != null) {
            throw new UserException("--players applies to --generate only.");
        }
        if (file == null) {
            throw new UserException("Give a FILE (scenario, game file or ODP-IP .txt) or --generate DISTRIBUTION --players N.");
        }
        if (Files.isDirectory(file)) {
            throw new UserException(file + ": is a folder; name a scenario, game file or ODP-IP value list.");
        }
        if (GameReader.isOdpIp(file)) {
            rejectGameFlag("an ODP-IP value list");
            return List.of(new Subject(file.getFileName() + ": ODP-IP value list", GameReader.readOdpIp(file), null));
        }
        Node root = TreeReader.read(file);
        if (GameReader.looksLikeGame(root)) {
            rejectGameFlag("a game file");
            GameReader.GameFile gameFile = GameReader.parse(root);
            String name = gameFile.name().isEmpty() ? file.getFileName().toString() : gameFile.name();
            return List.of(new Subject(name + ": " + describe(gameFile.game()), gameFile.game(), null));
        }
        Scenario scenario = ScenarioReader.parse(root);
        String kind = game == null ? (scenario.coalition() != null ? "both" : "derived") : game;
        if (!List.of("voting", "derived", "both").contains(kind)) {
            throw new UserException("--game: expected voting, derived or both, got (" + kind + ").");
        }
        if (passBy != null && kind.equals("voting")) {
            throw new UserException("--pass-by applies to the derived game, not to --game voting.");
        }
        List<Subject> result = new ArrayList<>();
        if (!kind.equals("derived")) {
            if (scenario.coalition() == null) {
                throw new UserException("--game " + kind + ": the scenario " + scenario.name() + " has no coalition: section"
                        + " (a weighted voting game); use --game derived.");
            }
            WeightedVotingGame voting = WeightedVotingGame.of(scenario.coalition());
            result.add(new Subject(scenario.name() + ": weighted voting game " + voting + " (its coalition: section)",
                    voting, null));
        }
        if (!kind.equals("voting")) {
            ScenarioGame.PassBy who;
            try {
                who = passBy == null ? ScenarioGame.defaultPassBy(scenario) : ScenarioGame.PassBy.parse(passBy);
            } catch (IllegalArgumentException e) {
                throw new UserException("--pass-by: " + e.getMessage());
            }
            ScenarioGame derived;
            try {
                derived = ScenarioGame.of(scenario, steps, who);
            } catch (IllegalArgumentException e) {
                throw new UserException(file + ": " + e.getMessage());
            }
            String definition = who == ScenarioGame.PassBy.EVERYONE
                    ? "v(S) = the best joint surplus Σ(u_i − r_i) of an outcome acceptable to every member of S"
                    : "v(S) = the best joint surplus Σ(u_i − r_i) of a deal S can pass by itself, signers W ⊆ S"
                            + " passing by " + derived.describePassing() + ", non-signers at their reservation";
            result.add(new Subject(scenario.name() + ": game derived from the negotiation, " + definition, derived.game(),
                    derived));
        }
        return result;
    }

    private void rejectGameFlag(String what) {
        if (game != null) {
            throw new UserException("--game applies to scenarios; " + file + " is " + what + ".");
        }
        if (passBy != null) {
            throw new UserException("--pass-by applies to the game derived from a scenario; " + file + " is " + what + ".");
        }
    }

    private static String describe(CoalitionalGame game) {
        return game instanceof WeightedVotingGame voting ? "weighted voting game " + voting : "value table";
    }

    // ---- computing ------------------------------------------------------------------------

    private Map<String, Object> report(Subject subject, Duration limit) {
        CoalitionalGame g = subject.game();
        int n = g.players();
        List<String> names = g.names();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("game", subject.title());
        root.put("players", names);
        if (g instanceof WeightedVotingGame voting) {
            root.put("quota", voting.quota());
            root.put("weights", namedLongs(names, voting.weights()));
        }
        if (subject.derived() != null) {
            root.put("passBy", subject.derived().passBy().label());
            root.put("coalitions", coalitionTable(subject.derived()));
        }
        // Exact Shapley values and the structure search read v on all 2^n coalitions. A derived game
        // above MonotonicCoverGame.TABLE_PLAYERS is not tabulated, so each read would scan its basis:
        // tabulate it once here (2^n doubles, 256 MiB at n = 25) by the superset maximum transform.
        // The core keeps the game itself, whose oracle searches the basis instead.
        boolean exactShapley = !skip.contains("shapley") && !(g instanceof WeightedVotingGame)
                && (shapley.equals("exact") || shapley.equals("auto") && n <= ExactShapleyValue.DEFAULT_MAX_PLAYERS);
        boolean structureSearch = !skip.contains("structure") && n <= DpBranchAndBoundCoalitionStructure.MAX_PLAYERS;
        CoalitionalGame table = g instanceof MonotonicCoverGame && n > MonotonicCoverGame.TABLE_PLAYERS
                && n <= TableGame.MAX_PLAYERS && (exactShapley || structureSearch) ? TableGame.of(g) : g;
        if (!skip.contains("shapley")) {
            root.put("values", values(table));
        }
        if (!skip.contains("core")) {
            root.put("core", core(g));
        }
        if (!skip.contains("structure")) {
            root.put("structure", structure(table, limit));
        }
        return root;
    }

    /**
     * Every coalition for up to {@link ScenarioGame#MAX_EVERYONE_PLAYERS} parties, else the winning
     * signer sets (the ones analysed): whether S may pass a deal by itself (every member signing),
     * whether its members can agree, v(S), the signer sets reaching v(S), and internal stability.
     */
    private List<Object> coalitionTable(ScenarioGame derived) {
        CoalitionalGame g = derived.game();
        int n = g.players();
        List<Long> order = new ArrayList<>();
        if (n <= ScenarioGame.MAX_EVERYONE_PLAYERS) {
            for (long s = 1; s < 1L << n; s++) {
                order.add(s);
            }
            order.sort((a, b) -> Long.bitCount(a) != Long.bitCount(b) ? Integer.compare(Long.bitCount(a), Long.bitCount(b))
                    : Long.compare(Long.reverse(b), Long.reverse(a)));
        } else {
            order.addAll(derived.analysed().keySet());
        }
        List<Object> rows = new ArrayList<>();
        for (long s : order) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("members", Coalitions.names(s, g.names()));
            row.put("winning", derived.winning(s));
            row.put("canAgree", derived.analysed().containsKey(s) ? derived.canAgree(s) : null);
            double value = g.value(s);
            row.put("value", value);
            List<List<String>> signers = new ArrayList<>();
            for (long w : derived.signers(s)) {
                signers.add(Coalitions.names(w, g.names()));
            }
            row.put("signers", signers);
            row.put("stable", value > 0 && n <= STABLE_LIST_MAX_PLAYERS ? Stability.internallyStable(g, s) : null);
            rows.add(row);
        }
        return rows;
    }

    private Map<String, Object> values(CoalitionalGame g) {
        Map<String, Object> map = new LinkedHashMap<>();
        List<String> names = g.names();
        if (g instanceof WeightedVotingGame voting && !shapley.equals("monte-carlo")) {
            ShapleyValue ss;
            BanzhafIndex banzhaf;
            try {
                ss = new DynamicProgrammingShapleyShubik().shapleyValue(voting);
                banzhaf = new DynamicProgrammingBanzhaf().banzhafIndex(voting);
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage());
            }
            map.put("shapleyShubik", namedDoubles(names, ss.values()));
            map.put("banzhaf", namedDoubles(names, banzhaf.normalized()));
            map.put("banzhafRaw", namedDoubles(names, banzhaf.raw()));
            map.put("method", ss.method());
            return map;
        }
        boolean exact = shapley.equals("exact") || shapley.equals("auto") && g.players() <= ExactShapleyValue.DEFAULT_MAX_PLAYERS;
        ShapleyValue value;
        try {
            value = exact ? new ExactShapleyValue().shapleyValue(g) : new MonteCarloShapleyValue(samples, seed).shapleyValue(g);
        } catch (IllegalArgumentException e) {
            throw new UserException("--shapley " + shapley + ": " + e.getMessage());
        }
        map.put(g instanceof WeightedVotingGame ? "shapleyShubik" : "shapley", namedDoubles(names, value.values()));
        map.put("method", value.method());
        if (!value.isExact()) {
            map.put("samples", value.samples());
            map.put("confidence", value.confidence());
            map.put("halfWidths", namedDoubles(names, value.halfWidths()));
        }
        return map;
    }

    /**
     * Least core and nucleolus, exact fractions. By default row generation (constraints only for the
     * coalitions a separation oracle finds violated), which needs a game whose oracle can search it:
     * a derived game at any size, any other game up to 28 players by enumeration. With
     * {@code --core-method full}, the programmes with a row for every coalition (up to
     * {@link CertifiedSimplexLeastCore#MAX_PLAYERS} players), the reference row generation is tested
     * against.
     */
    private Map<String, Object> core(CoalitionalGame g) {
        Map<String, Object> map = new LinkedHashMap<>();
        long start = System.nanoTime();
        LeastCore leastCore;
        Nucleolus nucleolus;
        String method;
        if (coreMethod.equals("full")) {
            if (g.players() > CertifiedSimplexLeastCore.MAX_PLAYERS) {
                map.put("skipped", "--core-method full writes a row for each of the 2^n − 2 coalitions: at most "
                        + CertifiedSimplexLeastCore.MAX_PLAYERS + " players, this game has " + g.players()
                        + " (row-generation takes it)");
                return map;
            }
            leastCore = new CertifiedSimplexLeastCore().leastCore(g);
            nucleolus = new CertifiedSimplexNucleolus().nucleolus(g);
            method = "full: linear programmes over all 2^" + g.players() + " − 2 coalitions, dual simplex certified in"
                    + " rationals";
        } else {
            ExcessOracle oracle;
            try {
                oracle = ExcessOracle.of(g);
            } catch (IllegalArgumentException e) {
                map.put("skipped", e.getMessage());
                return map;
            }
            leastCore = new RowGenerationLeastCore().leastCore(oracle);
            nucleolus = new RowGenerationNucleolus().nucleolus(oracle);
            method = "row generation: constraints only for the coalitions " + oracle.description() + " finds violated";
        }
        map.put("empty", leastCore.coreIsEmpty());
        map.put("leastCoreEpsilon", exactNumber(leastCore.epsilon()));
        map.put(leastCore.coreIsEmpty() ? "leastCoreAllocation" : "coreAllocation", exactVector(g.names(), leastCore.allocation()));
        map.put(nucleolus.prenucleolus() ? "prenucleolus" : "nucleolus", exactVector(g.names(), nucleolus.allocation()));
        map.put("method", method);
        map.put("seconds", (System.nanoTime() - start) / 1e9);
        return map;
    }

    private Map<String, Object> structure(CoalitionalGame g, Duration limit) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (g.players() > DpBranchAndBoundCoalitionStructure.MAX_PLAYERS) {
            map.put("skipped", "an optimal coalition structure needs a table of 2^n values: at most "
                    + DpBranchAndBoundCoalitionStructure.MAX_PLAYERS + " players, this game has " + g.players());
            return map;
        }
        SearchControl control = new SearchControl(limit, null, null);
        CoalitionStructure found;
        boolean bar = !noProgress && !json && System.console() != null && g.players() >= 18;
        if (bar) {
            ProgressBar progress = ProgressBar.fraction(spec.commandLine().getErr(), true, System::nanoTime,
                    200_000_000L);
            try {
                found = new DpBranchAndBoundCoalitionStructure().solve(g, control.withListener((phase, fraction, best,
                        bound) -> progress.fraction(fraction, phase)));
            } finally {
                progress.finish();
            }
        } else {
            found = new DpBranchAndBoundCoalitionStructure().solve(g, control);
        }
        List<Object> coalitions = new ArrayList<>();
        for (List<String> members : found.named(g.names())) {
            long mask = 0;
            for (String member : members) {
                mask |= 1L << g.names().indexOf(member);
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("members", members);
            entry.put("value", g.value(mask));
            coalitions.add(entry);
        }
        map.put("coalitions", coalitions);
        map.put("value", found.value());
        map.put("optimal", found.optimal());
        map.put("upperBound", found.upperBound());
        map.put("seconds", found.statistics().elapsedNanos() / 1e9);
        if (found.optimal() && g.players() <= 16) {
            LeastCore stability = Stability.structure(g, found.coalitions());
            Map<String, Object> core = new LinkedHashMap<>();
            core.put("coreStable", !stability.coreIsEmpty());
            core.put("epsilon", exactNumber(stability.epsilon()));
            core.put("payoff", exactVector(g.names(), stability.allocation()));
            map.put("stability", core);
        }
        return map;
    }

    // ---- output ---------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private void print(Map<String, Object> report, PrintWriter out) {
        List<String> names = (List<String>) report.get("players");
        out.printf("%s, %d players%n", report.get("game"), names.size());
        int width = Math.max(10, names.stream().mapToInt(String::length).max().orElse(0));
        if (report.containsKey("coalitions")) {
            List<Map<String, Object>> rows = (List<Map<String, Object>>) report.get("coalitions");
            int coalitionWidth = 9;
            for (Map<String, Object> row : rows) {
                coalitionWidth = Math.max(coalitionWidth, braces((List<String>) row.get("members")).length());
            }
            out.println();
            out.printf("%-" + coalitionWidth + "s  %-7s  %-5s  %8s  %-6s  %s%n", "coalition", "winning", "agree", "v(S)",
                    "stable", "signers reaching v(S)");
            for (Map<String, Object> row : rows) {
                Object stable = row.get("stable");
                Object agree = row.get("canAgree");
                List<String> signers = new ArrayList<>();
                for (List<String> w : (List<List<String>>) row.get("signers")) {
                    signers.add(w.equals(row.get("members")) ? "all" : braces(w));
                }
                out.printf("%-" + coalitionWidth + "s  %-7s  %-5s  %8s  %-6s  %s%n", braces((List<String>) row.get("members")),
                        yes((Boolean) row.get("winning")), agree == null ? "—" : yes((Boolean) agree),
                        AnalyzeCommand.format((Double) row.get("value")), stable == null ? "—" : yes((Boolean) stable),
                        signers.isEmpty() ? "—" : String.join(" or ", signers));
            }
        }
        Map<String, Object> values = (Map<String, Object>) report.get("values");
        Map<String, Object> core = (Map<String, Object>) report.get("core");
        List<String> headers = new ArrayList<>();
        List<Map<String, Object>> columns = new ArrayList<>();
        if (report.containsKey("weights")) {
            headers.add("weight");
            columns.add((Map<String, Object>) report.get("weights"));
        }
        if (values != null) {
            for (String key : List.of("shapley", "shapleyShubik", "halfWidths", "banzhaf")) {
                if (values.containsKey(key)) {
                    headers.add(switch (key) {
                        case "shapley" -> "Shapley";
                        case "shapleyShubik" -> "Shapley-Shubik";
                        case "halfWidths" -> "± (" + Math.round((Double) values.get("confidence") * 100) + "%)";
                        default -> "Banzhaf";
                    });
                    columns.add((Map<String, Object>) values.get(key));
                }
            }
        }
        if (core != null && !core.containsKey("skipped")) {
            String key = core.containsKey("nucleolus") ? "nucleolus" : "prenucleolus";
            headers.add(key);
            columns.add(decimals((Map<String, Object>) core.get(key)));
        }
        if (!columns.isEmpty()) {
            out.println();
            out.printf("%-" + width + "s", "player");
            for (String header : headers) {
                out.printf("  %" + Math.max(9, header.length()) + "s", header);
            }
            out.println();
            for (String name : names) {
                out.printf("%-" + width + "s", name);
                for (int c = 0; c < columns.size(); c++) {
                    Object cell = columns.get(c).get(name);
                    String text = cell instanceof Double d ? AnalyzeCommand.format(d) : String.valueOf(cell);
                    out.printf("  %" + Math.max(9, headers.get(c).length()) + "s", text);
                }
                out.println();
            }
            if (values != null) {
                out.printf("(%s)%n", values.get("method"));
            }
        }
        if (core != null) {
            out.println();
            if (core.containsKey("skipped")) {
                out.println("core: skipped — " + core.get("skipped"));
            } else {
                Map<String, Object> epsilon = (Map<String, Object>) core.get("leastCoreEpsilon");
                boolean empty = (Boolean) core.get("empty");
                String key = empty ? "leastCoreAllocation" : "coreAllocation";
                out.printf("core: %s (least core ε = %s)%n", empty ? "empty" : "non-empty", epsilon.get("exact"));
                out.printf("%s: %s%n", empty ? "least-core allocation" : "a core allocation",
                        exactList(names, (Map<String, Object>) core.get(key)));
                String nucleolusKey = core.containsKey("nucleolus") ? "nucleolus" : "prenucleolus";
                out.printf("%s: %s%n", nucleolusKey, exactList(names, (Map<String, Object>) core.get(nucleolusKey)));
                out.printf("(%s; %.2f s)%n", core.get("method"), (Double) core.get("seconds"));
            }
        }
        Map<String, Object> structure = (Map<String, Object>) report.get("structure");
        if (structure != null) {
            out.println();
            if (structure.containsKey("skipped")) {
                out.println("optimal coalition structure: skipped — " + structure.get("skipped"));
                return;
            }
            boolean optimal = (Boolean) structure.get("optimal");
            out.printf("%s coalition structure: value %s%s (%.2f s)%n", optimal ? "optimal" : "best found",
                    AnalyzeCommand.format((Double) structure.get("value")),
                    optimal ? "" : ", stopped early: the optimum is at most " + AnalyzeCommand.format((Double) structure.get("upperBound")),
                    (Double) structure.get("seconds"));
            List<Map<String, Object>> coalitions = (List<Map<String, Object>>) structure.get("coalitions");
            int w = 9;
            for (Map<String, Object> c : coalitions) {
                w = Math.max(w, braces((List<String>) c.get("members")).length());
            }
            for (Map<String, Object> c : coalitions) {
                out.printf("  %-" + w + "s  %s%n", braces((List<String>) c.get("members")),
                        AnalyzeCommand.format((Double) c.get("value")));
            }
            Map<String, Object> stability = (Map<String, Object>) structure.get("stability");
            if (stability != null) {
                boolean stable = (Boolean) stability.get("coreStable");
                out.printf("core-stable: %s (CS-core least ε = %s)%s%n", yes(stable),
                        ((Map<String, Object>) stability.get("epsilon")).get("exact"),
                        stable ? "; payoff " + exactList(names, (Map<String, Object>) stability.get("payoff")) : "");
            }
        }
    }

    private static String braces(List<String> members) {
        return "{" + String.join(", ", members) + "}";
    }

    private static String yes(Boolean b) {
        return b ? "yes" : "no";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> decimals(Map<String, Object> exactVector) {
        Map<String, Object> result = new LinkedHashMap<>();
        exactVector.forEach((k, v) -> result.put(k, ((Map<String, Object>) v).get("value")));
        return result;
    }

    @SuppressWarnings("unchecked")
    private static String exactList(List<String> names, Map<String, Object> vector) {
        List<String> parts = new ArrayList<>();
        for (String name : names) {
            parts.add(name + " " + ((Map<String, Object>) vector.get(name)).get("exact"));
        }
        return String.join(", ", parts);
    }

    private static Map<String, Object> exactNumber(Rational r) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("value", r.doubleValue());
        map.put("exact", r.toString());
        return map;
    }

    private static Map<String, Object> exactVector(List<String> names, Rational[] x) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < x.length; i++) {
            map.put(names.get(i), exactNumber(x[i]));
        }
        return map;
    }

    private static Map<String, Object> namedDoubles(List<String> names, double[] x) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < x.length; i++) {
            map.put(names.get(i), x[i]);
        }
        return map;
    }

    private static Map<String, Object> namedLongs(List<String> names, long[] x) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < x.length; i++) {
            map.put(names.get(i), x[i]);
        }
        return map;
    }

    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (t.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            } else if (t.endsWith("s")) {
                d = Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            } else if (t.endsWith("m")) {
                d = Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60_000));
            } else if (t.endsWith("h")) {
                d = Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 3_600_000));
            } else {
                d = Duration.parse(text);
            }
            if (d.isNegative() || d.isZero()) {
                throw new UserException("--time-limit: expected a positive duration, got (" + text + ").");
            }
            return d;
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new UserException("--time-limit: expected a duration such as 30s, 5m or 1h, got (" + text + ").");
        }
    }
}
