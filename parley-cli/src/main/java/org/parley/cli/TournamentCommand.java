package org.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentSkipListMap;
import org.parley.core.analysis.NashSolution;
import org.parley.core.analysis.SolutionConcepts;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.StrategySpec;
import org.parley.core.protocol.Protocols;
import org.parley.core.strategy.StrategyRegistry;
import org.parley.cluster.ClusterMatchExecutor;
import org.parley.cluster.ClusterMember;
import org.parley.core.tournament.MatchExecutor;
import org.parley.core.tournament.MatchResult;
import org.parley.core.tournament.Ranking;
import org.parley.core.tournament.TournamentPlan;
import org.parley.core.tournament.TournamentRunner;
import org.parley.io.ScenarioReader;
import org.parley.io.ScenarioWriter;
import org.parley.io.interop.ScenarioImport;
import org.parley.io.json.NegotiationJson;
import org.parley.plot.Charts;
import org.parley.plot.RankingPlot;
import org.parley.store.Archive;
import org.parley.store.RecordStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs every strategy against every other, in every role, on every scenario. */
@Command(name = "tournament", mixinStandardHelpOptions = true, description = {
        "Run every assignment of the strategies to the roles of every scenario (all orderings, as in ANAC), in"
                + " parallel; print the ranking with the ANAC figures per strategy (mean utility, advantage over the"
                + " reservation value, agreement rate, social welfare, distance to the Pareto frontier and the Nash"
                + " point, each with a 95%% interval) and write results.csv, ranking.csv, summary.json and"
                + " ranking.svg/.png.",
        "Interrupted (Ctrl-C, or killed), it keeps every finished negotiation; --resume DIR carries on."})
final class TournamentCommand implements Callable<Integer> {

    static final int DEFAULT_ROUNDS = RunCommand.DEFAULT_ROUNDS;

    /**
     * The round limit added to a deadline in time only. A negotiation's log is kept whole until it
     * ends (300 to 500 bytes a round, measured), and two built-in strategies make up to millions of
     * rounds a second, so 180 s without a cap would need tens of gigabytes per negotiation under way. An agent slow enough for
     * the clock to matter (a remote one, at a few thousand moves a second) stays far below the cap.
     */
    static final int TIME_ONLY_ROUND_CAP = 1_000_000;

    /** On by default, so that one slow or stuck strategy cannot stall a tournament (see newSetup). */
    static final String DEFAULT_MOVE_LIMIT = "1s";

    @Option(names = "--strategies", paramLabel = "A,B,...", split = ";",
            description = "The strategies, comma-separated (parameters stay with their strategy:"
                    + " boulware,time-dependent:e=0.5,ac=const,micro); repeatable; listed below.")
    List<String> strategies;

    @Option(names = "--scenarios", paramLabel = "DIR_OR_FILE", arity = "1..*",
            description = "Scenario files, or folders searched to any depth for every scenario in them: Parley"
                    + " files, and GENIUS or GeniusWeb scenario folders (a domain and its profiles), so that an ANAC"
                    + " year's folder is one argument.")
    List<Path> scenarios;

    @Option(names = "--repetitions", paramLabel = "R", description = "Runs of each assignment, each with its own seed"
            + " (default 1).")
    Integer repetitions;

    @Option(names = "--deadline", paramLabel = "LIMIT", description = "When a negotiation ends without agreement:"
            + " rounds (1000r), wall-clock time (180s, 3m, 500ms), or both, whichever comes first (1000r,180s)."
            + " Default " + DEFAULT_ROUNDS + "r. A time limit alone is capped at " + TIME_ONLY_ROUND_CAP + " rounds,"
            + " and makes results depend on the machine's speed.")
    String deadline;

    @Option(names = "--rounds", paramLabel = "N", description = "The round limit: the same as --deadline Nr.")
    Integer rounds;

    @Option(names = "--protocol", paramLabel = "PROTOCOL", completionCandidates = Listings.ProtocolKeys.class,
            description = "The protocol: ${COMPLETION-CANDIDATES} (default " + Protocols.DEFAULT + "; listed below).")
    String protocol;

    @Option(names = "--self-play", description = "Let a strategy play several roles of one negotiation (all k^n"
            + " assignments instead of the k!/(k-n)! with distinct strategies).")
    Boolean selfPlay;

    @Option(names = "--move-limit", paramLabel = "DURATION", description = "The time a strategy may take for one move"
            + " (observing the moves before its turn included), like 500ms or 2s; a strategy over it is put out of"
            + " that negotiation, which goes on without it. Default " + DEFAULT_MOVE_LIMIT + "; none to switch it"
            + " off.")
    String moveLimit;

    @Option(names = "--seed", paramLabel = "S", description = "The tournament's seed; negotiation i runs with a seed"
            + " derived from it and i (default 1).")
    Long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Negotiations run at once (default: the machine's"
            + " cores). The results do not depend on it.")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "The folder for the results (default:"
            + " parley-tournament-DATE-TIME here).")
    Path outDir;

    @Option(names = "--record", description = "Also store every negotiation, with its full log, in the record database.")
    Boolean record;

    @Option(names = "--resume", paramLabel = "DIR", description = "Carry on an interrupted tournament in DIR, as it was"
            + " set up there, without redoing its finished negotiations.")
    Path resume;

    @Mixin
    StoreOption store;

    @Mixin
    AgentsOption agents;

    @Mixin
    ClusterOption cluster;

    @Spec
    CommandSpec spec;

    /** What tournament.json holds: everything a resume needs (the plugin paths included). */
    private record Setup(String id, TournamentPlan plan, boolean record, List<Path> agents) {}

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1) {
            throw new UserException("--threads (" + threadCount + "): expected at least 1.");
        }
        TournamentFiles files;
        Setup setup;
        if (resume != null) {
            rejectWithResume();
            files = new TournamentFiles(resume);
            setup = readSetup(files);
        } else {
            setup = newSetup();
            files = new TournamentFiles(outDir != null ? outDir : Path.of("parley-tournament-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT))));
        }
        StrategyRegistry registry = registry(setup);
        // Joined before anything is written, so that a cluster that cannot be joined leaves no folder behind.
        ClusterMember member = cluster.given() ? ClusterOption.start(cluster.settings(null), registry, threadCount) : null;
        try {
            if (resume == null) {
                writeSetup(files, setup);
            }
            return run(files, setup, registry, threadCount, member, out, err);
        } finally {
            if (member != null) {
                member.close();
            }
        }
    }

    private int run(TournamentFiles files, Setup setup, StrategyRegistry registry, int threadCount, ClusterMember member,
            PrintWriter out, PrintWriter err) throws InterruptedException {
        TournamentPlan plan = setup.plan();
        Map<Integer, MatchResult> results = new ConcurrentSkipListMap<>(files.readJournal(plan));
        int total = plan.size();
        int before = results.size();
        ClusterMatchExecutor clustered = member == null ? null : new ClusterMatchExecutor(member, setup.record(), 0);
        MatchExecutor executor = clustered != null ? clustered : TournamentRunner.onThreads(threadCount);
        String where = member == null ? count(threadCount, "thread")
                : "cluster " + member.clusterName() + ", " + count(member.size(), "member") + " ("
                        + String.join(", ", member.members()) + "), " + count(threadCount, "thread") + " here";
        try (RecordStore records = setup.record() ? store.open() : null) {
            Archive archive = records == null ? null : new Archive(records);
            files.openJournal();
            err.printf("tournament %s: %s (%s, %s, %s; deadline %s, move limit %s%s) on %s%s, results in %s%n",
                    setup.id(), count(total, "negotiation"), count(plan.scenarios().size(), "scenario"),
                    count(plan.strategies().size(), "strategy"), count(plan.repetitions(), "repetition"),
                    Deadlines.describe(plan.deadline()), plan.moveTimeLimit() == null ? "none"
                            : Deadlines.describe(Deadline.time(plan.moveTimeLimit())),
                    plan.selfPlay() ? ", self-play" : "", where,
                    before == 0 ? "" : "; " + before + " already done", files.dir());
            err.flush();
            TournamentRunner runner = new TournamentRunner(plan, registry);
            ProgressBar bar = new ProgressBar(err, ProgressBar.onTerminal(), total, before, System::nanoTime, 200_000_000L);
            if (clustered != null) {
                bar.detail(() -> perMember(clustered));
            }
            Thread hook = new Thread(() -> interrupted(runner, files, plan, bar, err), "parley-tournament-interrupt");
            Runtime.getRuntime().addShutdownHook(hook);
            long start = System.nanoTime();
            int ran;
            try {
                ran = runner.run(results.keySet(), executor, (result, negotiation) -> {
                    String recordId = null;
                    if (archive != null) {
                        // Stored before it is journaled, under an id fixed by the tournament and the index,
                        // so that a resume after a kill between the two does not store it twice.
                        recordId = Archive.batchId(setup.id(), result.index());
                        int s = result.match().scenario();
                        archive.saveIfAbsent(recordId, plan.scenarios().get(s), negotiation, Archive.TOURNAMENT,
                                setup.id(), runner.debriefer(s).debrief(negotiation.result(), negotiation.events()));
                    }
                    if (files.append(result, plan, recordId)) {
                        results.put(result.index(), result);
                        bar.step();
                    }
                });
            } catch (org.parley.cluster.ClusterException e) {
                throw new UserException("--cluster: " + e.getMessage());
            } finally {
                bar.finish();
                files.closeJournal();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // The hook is running: it reports.
                }
            }
            if (runner.stopped()) {
                // Ctrl-C: the shutdown hook keeps the results and reports; the JVM is ending.
                return 130;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (clustered != null) {
                err.printf("played per member: %s%s%n", perMember(clustered), clustered.resent() == 0 ? ""
                        : "; " + clustered.resent() + (clustered.resent() == 1 ? " batch" : " batches")
                                + " run again after a member left");
                err.flush();
            }
            finish(files, setup, results, ran, seconds, member == null ? threadCount + " threads"
                    : count(member.size(), "member"), out);
        }
        out.flush();
        return 0;
    }

    /** Ctrl-C: keep what is finished, write the CSV of it, and say how to carry on. */
    private static void interrupted(TournamentRunner runner, TournamentFiles files, TournamentPlan plan, ProgressBar bar,
            PrintWriter err) {
        runner.stop();
        files.closeJournal();
        bar.finish();
        Map<Integer, MatchResult> kept = files.readJournal(plan);
        files.writeCsv(plan, kept);
        err.printf("%ninterrupted: %d of %d negotiations finished and kept in %s; carry on with: parley tournament"
                + " --resume %s%n", kept.size(), plan.size(), files.dir(), files.dir());
        err.flush();
    }

    /** "127.0.0.1:5701 40 · 127.0.0.1:5702 38": negotiations played per member so far. */
    private static String perMember(ClusterMatchExecutor executor) {
        List<String> parts = new ArrayList<>();
        executor.doneByMember().forEach((address, n) -> parts.add(address + " " + n));
        return String.join(" · ", parts);
    }

    private void finish(TournamentFiles files, Setup setup, Map<Integer, MatchResult> results, int ran, double seconds,
            String where, PrintWriter out) {
        TournamentPlan plan = setup.plan();
        List<MatchResult> all = new ArrayList<>(results.values());
        files.writeCsv(plan, results);
        Ranking ranking = Ranking.of(plan.strategies(), all);
        files.writeRanking(ranking);
        files.write(TournamentFiles.SUMMARY, NegotiationJson.pretty(summary(setup, ranking, all)) + "\n");
        RankingPlot chart = new RankingPlot("Tournament " + setup.id() + ": mean discounted utility (95% interval)",
                "mean utility", ranking.rows().stream().map(Ranking.Row::strategy).toList(),
                ranking.rows().stream().map(r -> Double.isNaN(r.utility().mean()) ? 0.0 : r.utility().mean()).toList(),
                ranking.rows().stream().map(r -> Double.isNaN(r.utility().halfWidth()) ? 0.0 : r.utility().halfWidth())
                        .toList());
        Charts.write(Charts.ranking(chart), files.path("ranking.svg"));
        Charts.write(Charts.ranking(chart), files.path("ranking.png"));
        long agreements = all.stream().filter(MatchResult::agreement).count();
        out.printf(Locale.ROOT, "%d negotiations (%d run now%s) in %.1f s, %.1f per second on %s; %d agreements"
                        + " (%.0f%%)%n%n", all.size(), ran, all.size() > ran ? ", " + (all.size() - ran) + " before" : "",
                seconds, seconds > 0 ? ran / seconds : 0.0, where, agreements,
                all.isEmpty() ? 0.0 : 100.0 * agreements / all.size());
        printRanking(ranking, out);
        printMisbehaviour(all, out);
        out.printf("%nwrote %s, %s, %s, %s, ranking.svg and ranking.png in %s%n", TournamentFiles.CSV,
                TournamentFiles.RANKING, TournamentFiles.SUMMARY, TournamentFiles.JOURNAL, files.dir());
        if (setup.record()) {
            out.printf("stored every negotiation: parley history --tournament %s%n", setup.id());
        }
    }

    private static String count(long n, String noun) {
        String plural = noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
        return n + " " + (n == 1 ? noun : plural);
    }

    /**
     * The ranking on screen: each figure as its mean and the half-width of its 95% interval (blank
     * below two samples); the undiscounted payoff and the other concepts' distances are in the files.
     */
    static void printRanking(Ranking ranking, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"rank", "strategy", "utility", "±95%", "advantage", "±95%", "agreements", "±95%",
            "welfare", "±95%", "to Pareto", "±95%", "to Nash", "±95%", "rounds", "negotiations"});
        for (Ranking.Row r : ranking.rows()) {
            Ranking.Estimate nash = r.distance(NashSolution.KEY);
            rows.add(new String[] {String.valueOf(r.rank()), r.strategy(), f3(r.utility().mean()),
                f3(r.utility().halfWidth()), f3(r.advantage().mean()), f3(r.advantage().halfWidth()),
                percent(r.agreementRate().mean()), percent(r.agreementRate().halfWidth()), f3(r.socialWelfare().mean()),
                f3(r.socialWelfare().halfWidth()), f3(r.distancePareto().mean()), f3(r.distancePareto().halfWidth()),
                f3(nash.mean()), f3(nash.halfWidth()), Double.isNaN(r.rounds().mean()) ? ""
                        : String.format(Locale.ROOT, "%.1f", r.rounds().mean()), String.valueOf(r.negotiations())});
        }
        Tables.print(rows, out, 0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    }

    private static String percent(double x) {
        return Double.isNaN(x) ? "" : String.format(Locale.ROOT, "%.0f%%", 100 * x);
    }

    /**
     * Which strategies the engine put out, how often and why (the first case of each reason in
     * index order): a plugin or remote agent that throws, overruns the move limit or moves against
     * the rules shows here, while the tournament goes on without it.
     */
    static void printMisbehaviour(List<MatchResult> all, PrintWriter out) {
        Map<String, Map<String, String>> first = new java.util.TreeMap<>();
        Map<String, Map<String, Integer>> counts = new java.util.TreeMap<>();
        for (MatchResult r : all) {
            for (int i = 0; i < r.parties().size(); i++) {
                String why = r.misbehaviours().get(i);
                if (why.isEmpty()) {
                    continue;
                }
                String strategy = r.strategies().get(i);
                String reason = why.contains(":") ? why.substring(0, why.indexOf(':')) : why;
                counts.computeIfAbsent(strategy, k -> new java.util.TreeMap<>()).merge(reason, 1, Integer::sum);
                first.computeIfAbsent(strategy, k -> new java.util.TreeMap<>()).putIfAbsent(reason,
                        "#" + r.index() + " " + r.scenario() + ", " + r.parties().get(i) + ": " + why);
            }
        }
        if (counts.isEmpty()) {
            return;
        }
        out.printf("%nput out for misbehaving (each left its table and the tournament went on; the misbehaviour column of results.csv says why):%n");
        counts.forEach((strategy, reasons) -> reasons.forEach((reason, n) -> out.printf("  %s: %s in %d%s, first %s%n",
                strategy, reason, n, n == 1 ? " negotiation" : " negotiations", first.get(strategy).get(reason))));
    }

    private static String f3(double x) {
        return Double.isNaN(x) ? "" : String.format(Locale.ROOT, "%.3f", x);
    }

    private static ObjectNode summary(Setup setup, Ranking ranking, List<MatchResult> all) {
        TournamentPlan plan = setup.plan();
        ObjectNode root = TournamentFiles.object();
        root.put("tournament", setup.id());
        root.put("negotiations", plan.size());
        root.put("completed", all.size());
        long agreements = all.stream().filter(MatchResult::agreement).count();
        root.put("agreements", agreements);
        ArrayNode rows = root.putArray("ranking");
        for (Ranking.Row r : ranking.rows()) {
            ObjectNode row = rows.addObject();
            row.put("rank", r.rank());
            row.put("strategy", r.strategy());
            row.put("negotiations", r.negotiations());
            row.put("samples", r.samples());
            putEstimate(row, "utility", r.utility());
            putEstimate(row, "undiscounted", r.undiscounted());
            putEstimate(row, "advantage", r.advantage());
            putEstimate(row, "agreementRate", r.agreementRate());
            putEstimate(row, "socialWelfare", r.socialWelfare());
            putEstimate(row, "rounds", r.rounds());
            putEstimate(row, "distancePareto", r.distancePareto());
            for (String key : SolutionConcepts.registered().keys()) {
                putEstimate(row, SolutionConcepts.prefixed("distance", key), r.distance(key));
            }
        }
        ArrayNode scenarios = root.putArray("scenarios");
        for (int s = 0; s < plan.scenarios().size(); s++) {
            int index = s;
            List<MatchResult> mine = all.stream().filter(r -> r.match().scenario() == index).toList();
            ObjectNode node = scenarios.addObject();
            node.put("name", plan.scenarios().get(s).name());
            node.put("parties", plan.scenarios().get(s).parties().size());
            node.put("negotiations", mine.size());
            RecordFormats.putNumber(node, "agreementRate", mine.isEmpty() ? Double.NaN
                    : (double) mine.stream().filter(MatchResult::agreement).count() / mine.size());
            RecordFormats.putNumber(node, "socialWelfare", mean(mine.stream().mapToDouble(MatchResult::socialWelfare)));
            RecordFormats.putNumber(node, "distancePareto", mean(mine.stream().mapToDouble(MatchResult::distancePareto)));
            for (String key : SolutionConcepts.registered().keys()) {
                RecordFormats.putNumber(node, SolutionConcepts.prefixed("distance", key),
                        mean(mine.stream().mapToDouble(r -> r.distance(key))));
            }
        }
        root.set("settings", setupJson(setup));
        return root;
    }

    /** {@code name}: the mean; {@code nameHalfWidth95}: the half-width of its 95% interval (null when undefined). */
    private static void putEstimate(ObjectNode node, String name, Ranking.Estimate estimate) {
        RecordFormats.putNumber(node, name, estimate.mean());
        RecordFormats.putNumber(node, name + "HalfWidth95", estimate.halfWidth());
    }

    private static double mean(java.util.stream.DoubleStream values) {
        return values.filter(x -> !Double.isNaN(x)).average().orElse(Double.NaN);
    }

    // ---------------------------------------------------------------------------------------------
    // Setting up, and reading the set-up back

    private void rejectWithResume() {
        List<String> given = new ArrayList<>();
        if (strategies != null) {
            given.add("--strategies");
        }
        if (scenarios != null) {
            given.add("--scenarios");
        }
        if (repetitions != null) {
            given.add("--repetitions");
        }
        if (deadline != null) {
            given.add("--deadline");
        }
        if (rounds != null) {
            given.add("--rounds");
        }
        if (protocol != null) {
            given.add("--protocol");
        }
        if (selfPlay != null) {
            given.add("--self-play");
        }
        if (moveLimit != null) {
            given.add("--move-limit");
        }
        if (seed != null) {
            given.add("--seed");
        }
        if (record != null) {
            given.add("--record");
        }
        if (outDir != null) {
            given.add("--out");
        }
        if (!given.isEmpty()) {
            throw new UserException("--resume carries on the tournament as it was set up in " + resume.resolve(
                    TournamentFiles.CONFIG) + "; drop " + String.join(", ", given) + " (only --threads, --db, --agents and the"
                    + " --cluster options may change).");
        }
        if (!Files.isRegularFile(resume.resolve(TournamentFiles.CONFIG))) {
            throw new UserException("--resume " + resume + ": no " + TournamentFiles.CONFIG + " there; name the folder"
                    + " a tournament was writing to.");
        }
    }

    /** The strategies of the plugins the tournament was set up with, each of its strategies checked. */
    private StrategyRegistry registry(Setup setup) {
        StrategyRegistry registry = AgentsOption.registry(setup.agents());
        for (StrategySpec s : setup.plan().strategies()) {
            try {
                registry.validate(s);
            } catch (IllegalArgumentException e) {
                throw new UserException("The tournament's strategy (" + s + "): " + e.getMessage()
                        + (setup.agents().isEmpty() ? "" : " (plugins from " + setup.agents() + ")"));
            }
        }
        return registry;
    }

    private Setup newSetup() {
        if (strategies == null || strategies.isEmpty()) {
            throw new UserException("--strategies: name the strategies to play, like --strategies boulware,conceder,micro.");
        }
        if (scenarios == null || scenarios.isEmpty()) {
            throw new UserException("--scenarios: name scenario files or folders, like --scenarios scenarios/.");
        }
        List<Path> plugins = agents.paths().stream().map(p -> p.toAbsolutePath().normalize()).toList();
        StrategyRegistry registry = AgentsOption.registry(plugins);
        List<StrategySpec> specs = new ArrayList<>();
        Set<StrategySpec> seen = new HashSet<>();
        for (String group : strategies) {
            for (String text : splitStrategies(group)) {
                StrategySpec spec;
                try {
                    spec = StrategySpec.parse(text);
                    registry.validate(spec);
                } catch (IllegalArgumentException e) {
                    throw new UserException("--strategies (" + text + "): " + e.getMessage());
                }
                if (!seen.add(spec)) {
                    throw new UserException("--strategies: (" + text + ") is named twice; to let a strategy meet itself"
                            + " use --self-play.");
                }
                specs.add(spec);
            }
        }
        List<Scenario> loaded = new ArrayList<>();
        for (Path path : scenarios) {
            for (Path found : ScenarioImport.discover(path)) {
                loaded.add(Scenarios.load(found, spec.commandLine().getErr()));
            }
        }
        Set<String> names = new HashSet<>();
        for (Scenario scenario : loaded) {
            if (!names.add(scenario.name())) {
                throw new UserException("--scenarios: two scenarios are named (" + scenario.name() + "); results are"
                        + " kept by scenario name, so give each a name of its own.");
            }
        }
        int r = repetitions == null ? 1 : repetitions;
        if (r < 1) {
            throw new UserException("--repetitions (" + r + "): expected at least 1.");
        }
        Deadline limit;
        if (deadline != null && rounds != null) {
            throw new UserException("--rounds (" + rounds + ") and --deadline (" + deadline + ") both set the deadline;"
                    + " give only --deadline, like --deadline " + rounds + "r.");
        } else if (deadline != null) {
            limit = Deadlines.parse("--deadline", deadline);
            if (!limit.hasRounds()) {
                limit = new Deadline(TIME_ONLY_ROUND_CAP, limit.time());
                spec.commandLine().getErr().printf("note: --deadline %s: also at most %d rounds, as the log of each"
                        + " negotiation is kept in memory until it ends and the built-in strategies make hundreds of"
                        + " thousands of rounds a second; name a round limit to choose another (--deadline %s,%dr)%n",
                        deadline.strip(), TIME_ONLY_ROUND_CAP, deadline.strip(), TIME_ONLY_ROUND_CAP * 2);
            }
        } else {
            int n = rounds == null ? DEFAULT_ROUNDS : rounds;
            if (n < 1) {
                throw new UserException("--rounds (" + n + "): expected a whole number of rounds, at least 1.");
            }
            limit = Deadline.rounds(n);
        }
        String type;
        try {
            type = Protocols.get(protocol == null ? Protocols.DEFAULT : protocol).key();
        } catch (IllegalArgumentException e) {
            throw new UserException("--protocol: " + e.getMessage());
        }
        // On by default, as in ANAC, so that one strategy that hangs cannot stall the tournament. A
        // time-out depends on the machine's load, but the built-in strategies answer in microseconds,
        // a millionth of the default limit, so the promise that a seed gives the same results holds
        // for them; the watching costs throughput (docs/tournaments.md, "Cost"), and "none" buys it back.
        String moveText = moveLimit == null ? DEFAULT_MOVE_LIMIT : moveLimit.strip();
        Duration move = moveText.equalsIgnoreCase("none") || moveText.equalsIgnoreCase("off") ? null
                : RunCommand.duration("--move-limit", moveText);
        TournamentPlan plan;
        try {
            plan = new TournamentPlan(loaded, specs, r, Boolean.TRUE.equals(selfPlay), type, limit, move,
                    seed == null ? 1 : seed);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        return new Setup(Archive.newId().substring(0, 8), plan, Boolean.TRUE.equals(record), plugins);
    }

    /**
     * Splits {@code a,b:k=v,k2=v2,c} into strategies: a piece with an '=' and no ':' is one more
     * parameter of the strategy before it.
     */
    static List<String> splitStrategies(String text) {
        List<String> result = new ArrayList<>();
        for (String piece : text.split(",", -1)) {
            String p = piece.strip();
            if (p.isEmpty()) {
                throw new UserException("--strategies (" + text + "): an empty name between commas.");
            }
            if (p.contains("=") && !p.contains(":") && !result.isEmpty() && result.get(result.size() - 1).contains(":")) {
                result.set(result.size() - 1, result.get(result.size() - 1) + "," + p);
            } else {
                result.add(p);
            }
        }
        return result;
    }

    private static ObjectNode setupJson(Setup setup) {
        TournamentPlan plan = setup.plan();
        ObjectNode node = TournamentFiles.object();
        node.put("id", setup.id());
        ArrayNode strategies = node.putArray("strategies");
        plan.strategies().forEach(s -> strategies.add(s.toString()));
        ArrayNode scenarios = node.putArray("scenarios");
        for (int s = 0; s < plan.scenarios().size(); s++) {
            scenarios.addObject().put("name", plan.scenarios().get(s).name()).put("file", scenarioCopy(s, plan));
        }
        node.put("repetitions", plan.repetitions());
        node.put("selfPlay", plan.selfPlay());
        node.put("protocol", plan.protocol());
        node.put("deadline", Deadlines.format(plan.deadline()));
        node.put("moveLimit", plan.moveTimeLimit() == null ? null : plan.moveTimeLimit().toString());
        node.put("seed", plan.seed());
        node.put("record", setup.record());
        ArrayNode plugins = node.putArray("agents");
        setup.agents().forEach(p -> plugins.add(p.toString()));
        node.put("negotiations", plan.size());
        return node;
    }

    private static String scenarioCopy(int s, TournamentPlan plan) {
        return "scenarios/" + (s + 1) + "-" + plan.scenarios().get(s).name() + ".yaml";
    }

    private void writeSetup(TournamentFiles files, Setup setup) {
        Path dir = files.dir();
        if (Files.exists(dir.resolve(TournamentFiles.CONFIG)) || Files.exists(dir.resolve(TournamentFiles.JOURNAL))) {
            throw new UserException("--out " + dir + " holds a tournament already; carry it on with --resume " + dir
                    + ", or choose another folder.");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserException("--out " + dir + " is a file; name a folder (it is created when missing).");
        }
        try {
            Files.createDirectories(dir.resolve("scenarios"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir + ": " + e.getMessage(), e);
        }
        TournamentPlan plan = setup.plan();
        // The scenarios are copied in, so that a resume runs exactly what the tournament began with.
        for (int s = 0; s < plan.scenarios().size(); s++) {
            ScenarioWriter.write(plan.scenarios().get(s), dir.resolve(scenarioCopy(s, plan)));
        }
        ObjectNode json = setupJson(setup);
        json.put("createdAt", Instant.now().toString());
        files.write(TournamentFiles.CONFIG, NegotiationJson.pretty(json) + "\n");
    }

    private Setup readSetup(TournamentFiles files) {
        JsonNode node = files.readJson(TournamentFiles.CONFIG);
        String where = files.path(TournamentFiles.CONFIG).toString();
        try {
            List<StrategySpec> specs = new ArrayList<>();
            node.get("strategies").forEach(s -> specs.add(StrategySpec.parse(s.asText())));
            List<Scenario> loaded = new ArrayList<>();
            for (JsonNode s : node.get("scenarios")) {
                loaded.add(ScenarioReader.read(files.dir().resolve(s.get("file").asText())));
            }
            JsonNode limit = node.get("moveLimit");
            // Set-ups written before --deadline name a round limit only.
            Deadline deadline = node.has("deadline") ? Deadlines.parse("deadline", node.get("deadline").asText())
                    : Deadline.rounds(node.get("rounds").asInt());
            TournamentPlan plan = new TournamentPlan(loaded, specs, node.get("repetitions").asInt(),
                    node.get("selfPlay").asBoolean(), node.get("protocol").asText(), deadline,
                    limit == null || limit.isNull() ? null : Duration.parse(limit.asText()), node.get("seed").asLong());
            if (plan.size() != node.get("negotiations").asInt()) {
                throw new IllegalArgumentException("it plans " + node.get("negotiations").asInt()
                        + " negotiations but this version of Parley makes " + plan.size() + " of it");
            }
            List<Path> plugins = new ArrayList<>();
            if (agents.given()) {
                // Moved or rebuilt plugins: the command line names them anew.
                plugins.addAll(agents.paths().stream().map(p -> p.toAbsolutePath().normalize()).toList());
            } else if (node.has("agents")) {
                node.get("agents").forEach(p -> plugins.add(Path.of(p.asText())));
            }
            return new Setup(node.get("id").asText(), plan, node.get("record").asBoolean(), plugins);
        } catch (NullPointerException | IllegalArgumentException | UserException
                | java.time.format.DateTimeParseException e) {
            throw new UserException(where + ": not a tournament set-up Parley can carry on (" + e.getMessage() + ").");
        }
    }
}
