package org.parley.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.cluster.ClusterException;
import org.parley.cluster.ClusterMember;
import org.parley.cluster.ClusterWorldExecutor;
import org.parley.cluster.WorldFile;
import org.parley.core.strategy.StrategyRegistry;
import org.parley.core.world.World;
import org.parley.core.world.WorldBatch;
import org.parley.core.world.WorldExecutor;
import org.parley.core.world.WorldResult;
import org.parley.core.world.WorldSummary;
import org.parley.io.Csv;
import org.parley.io.FormatException;
import org.parley.io.world.WorldReader;

/**
 * {@code parley world FILE... --seeds A..B}: many runs of worlds (every file with every seed) on
 * this machine's threads or a cluster's members, gathered in plan order, so that the table and
 * {@code runs.csv} are the same bytes wherever the runs ran. A batch records nothing: a run is a
 * function of its world and seed, and {@code parley world FILE --seed S} plays any of them again
 * in full, recorded and plotted. {@code runs.csv} grows run by run, in plan order, so it always
 * holds a prefix of the plan: {@code --resume} keeps that prefix and runs the rest.
 */
final class WorldRuns {

    /** At most this many runs in one batch: their rows are kept in memory for the tables. */
    static final int MAX_RUNS = 1_000_000;

    static final String RUNS = "runs.csv";
    static final String MEANS = "means.csv";
    static final List<String> HEADER = List.of("run", "world", "file", "seed", "power", "strategy", "honours", "welfare",
            "negotiations", "agreements", "honoured", "breached", "trust");

    /** One row of runs.csv: a power's totals in one run, its numbers as the file has them. */
    record Row(int run, String world, String file, long seed, String power, String strategy, String honours,
            double welfare, int negotiations, int agreements, int honoured, int breached, double trust) {

        List<Object> fields() {
            return List.of(run, world, file, seed, power, strategy, honours, Csv.number(welfare), negotiations, agreements,
                    honoured, breached, Csv.number(trust));
        }
    }

    private final WorldCommand command;

    WorldRuns(WorldCommand command) {
        this.command = command;
    }

    Integer call() throws InterruptedException {
        PrintWriter out = command.spec.commandLine().getOut();
        PrintWriter err = command.spec.commandLine().getErr();
        rejectSingleRunOptions();
        List<Long> seedList = command.seeds == null ? List.of(command.seed) : parseSeeds(command.seeds);
        if ((long) seedList.size() * command.files.size() > MAX_RUNS) {
            throw new UserException("--seeds " + command.seeds + ": " + command.files.size() + " worlds × " + seedList.size()
                    + " seeds is more than " + MAX_RUNS + " runs; split the study into several batches.");
        }
        int threadCount = command.threads == null ? Runtime.getRuntime().availableProcessors() : command.threads;
        if (threadCount < 1) {
            throw new UserException("--threads (" + threadCount + "): expected at least 1.");
        }
        List<World> worlds = new ArrayList<>();
        for (Path file : command.files) {
            worlds.add(WorldReader.read(file));
        }
        WorldBatch batch = new WorldBatch(worlds, seedList);
        Path csv = command.out == null ? null : command.out.resolve(RUNS);
        List<Row> rows = new ArrayList<>();
        if (command.resume != null) {
            rows.addAll(readPrefix(csv, batch));
        } else if (csv != null && Files.exists(csv)) {
            throw new UserException("--out " + command.out + ": " + RUNS + " is there already; carry those runs on with"
                    + " --resume, or choose another folder.");
        }
        int before = rows.isEmpty() ? 0 : rows.get(rows.size() - 1).run();
        // Joined before anything is written, so that a cluster that cannot be joined leaves no file behind.
        ClusterMember member = command.cluster.given()
                ? ClusterOption.start(command.cluster.settings(null), new StrategyRegistry(), threadCount) : null;
        try {
            ClusterWorldExecutor clustered = member == null ? null
                    : new ClusterWorldExecutor(member, command.files.stream().map(WorldFile::read).toList(), 0);
            WorldExecutor executor = clustered != null ? clustered : WorldBatch.onThreads(threadCount);
            String where = member == null ? count(threadCount, "thread")
                    : "cluster " + member.clusterName() + ", " + count(member.size(), "member") + " ("
                            + String.join(", ", member.members()) + "), " + count(threadCount, "thread") + " here";
            err.printf("worlds: %s × %s = %s on %s%s%n", count(worlds.size(), "world"), count(seedList.size(), "seed"),
                    count(batch.size(), "run"), where, before == 0 ? "" : "; " + before + " already done");
            err.flush();
            List<Integer> todo = batch.runs().subList(before, batch.size());
            ProgressBar bar = new ProgressBar(err, ProgressBar.onTerminal(), batch.size(), before, System::nanoTime,
                    200_000_000L);
            if (clustered != null) {
                bar.detail(() -> perMember(clustered.doneByMember()));
            }
            AtomicInteger kept = new AtomicInteger(before);
            // Ctrl-C: the runs in runs.csv are whole and in plan order; say how to carry on.
            Thread hook = new Thread(() -> {
                bar.finish();
                err.printf("%ninterrupted: %d of %d world runs %s%n", kept.get(), batch.size(), csv == null
                        ? "finished (not kept: no --out)" : "kept in " + csv + "; carry on with the same command and --resume");
                err.flush();
            }, "parley-world-interrupt");
            Runtime.getRuntime().addShutdownHook(hook);
            long start = System.nanoTime();
            int ran;
            try (BufferedWriter writer = csv == null ? null : open(csv, rows)) {
                ran = executor.run(batch, todo, summary -> {
                    List<Row> made = rows(summary, batch);
                    if (writer != null) {
                        append(writer, made, csv);
                    }
                    kept.incrementAndGet();
                    // Kept as the file has them, so that a resumed batch prints what an uninterrupted one does.
                    for (Row row : made) {
                        rows.add(reread(row));
                    }
                    bar.step();
                });
            } catch (ClusterException e) {
                throw new UserException("--cluster: " + e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                bar.finish();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // The hook is running: it reports.
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (clustered != null) {
                err.printf("world runs per member: %s%s%n", perMember(clustered.doneByMember()), clustered.resent() == 0
                        ? "" : "; " + count(clustered.resent(), "batch") + " run again after a member left");
                err.flush();
            }
            long negotiations = 0;
            for (int i = before; i < batch.size(); i++) {
                negotiations += worlds.get(batch.worldOf(i)).meetings().size();
            }
            out.printf(Locale.ROOT, "%s (%d run now%s; %d negotiations) in %.1f s, %.1f per second on %s%n%n",
                    count(batch.size(), "world run"), ran, before == 0 ? "" : ", " + before + " before", negotiations,
                    seconds, seconds > 0 ? ran / seconds : 0.0, member == null ? count(threadCount, "thread")
                            : count(member.size(), "member"));
            printRuns(rows, out);
            List<List<Object>> means = means(rows);
            if (seedList.size() > 1) {
                out.println();
                out.println("mean over " + seedList.size() + " seeds:");
                printMeans(means, out);
            }
            if (command.out != null) {
                write(command.out.resolve(MEANS), Csv.write(List.of("world", "file", "power", "strategy", "honours",
                        "runs", "welfare", "welfare_sd", "agreements", "honoured", "breached", "trust"), means));
                out.println();
                out.println("wrote " + RUNS + " and " + MEANS + " in " + command.out);
            }
            out.flush();
            return 0;
        } finally {
            if (member != null) {
                member.close();
            }
        }
    }

    private void rejectSingleRunOptions() {
        var parsed = command.spec.commandLine().getParseResult();
        if (command.seeds != null && parsed.hasMatchedOption("--seed")) {
            throw new UserException("--seed and --seeds both give the seeds; give one (--seeds " + command.seeds + ").");
        }
        if (command.list) {
            throw new UserException("--negotiations lists one world's negotiations: run that world alone (parley world FILE"
                    + " --seed S --negotiations).");
        }
        if (command.stopAfter != null) {
            throw new UserException("--stop-after stops one world: a batch of worlds is carried on with --out DIR and"
                    + " --resume.");
        }
        if (command.resume != null && !command.resume.isEmpty()) {
            throw new UserException("--resume " + command.resume + ": a batch of worlds is carried on from its folder, not"
                    + " a run's id: give --resume alone with the same files, seeds and --out DIR.");
        }
        if (command.resume != null && command.out == null) {
            throw new UserException("--resume carries a batch of worlds on from the runs.csv of --out DIR: give --out.");
        }
        if (parsed.hasMatchedOption("--db")) {
            throw new UserException("--db: a batch of worlds records nothing (run one world with --seed S to record it).");
        }
    }

    private static final Pattern PART = Pattern.compile("(-?\\d{1,18})(?:\\.\\.(-?\\d{1,18}))?");

    /** {@code A..B}, or a list of seeds and ranges: {@code 1..100,200,300..310}. */
    static List<Long> parseSeeds(String text) {
        Set<Long> seeds = new LinkedHashSet<>();
        for (String part : text.split(",", -1)) {
            Matcher m = PART.matcher(part.strip());
            if (!m.matches()) {
                throw new UserException("--seeds (" + text + "): (" + part.strip() + ") is not a seed or a range;"
                        + " expected A..B, like 1..100, or a list, like 1..10,20,30..35.");
            }
            long from = Long.parseLong(m.group(1));
            long to = m.group(2) == null ? from : Long.parseLong(m.group(2));
            if (to < from) {
                throw new UserException("--seeds (" + text + "): the range " + part.strip() + " runs backwards; expected"
                        + " A..B with A ≤ B.");
            }
            if (to - from >= MAX_RUNS) {
                throw new UserException("--seeds (" + text + "): the range " + part.strip() + " has more than " + MAX_RUNS
                        + " seeds.");
            }
            for (long s = from; s <= to; s++) {
                if (!seeds.add(s)) {
                    throw new UserException("--seeds (" + text + "): the seed " + s + " is given twice (it would run the"
                            + " same worlds again).");
                }
                if (seeds.size() > MAX_RUNS) {
                    throw new UserException("--seeds (" + text + "): more than " + MAX_RUNS + " seeds.");
                }
            }
        }
        return List.copyOf(seeds);
    }

    /** A run's rows: one per power, in the world's order. */
    private List<Row> rows(WorldSummary s, WorldBatch batch) {
        World world = batch.worlds().get(s.world());
        String file = command.files.get(s.world()).toString();
        List<Row> made = new ArrayList<>();
        for (Map.Entry<String, WorldResult.PowerTotals> e : s.totals().entrySet()) {
            World.Power power = world.power(e.getKey());
            WorldResult.PowerTotals t = e.getValue();
            made.add(new Row(s.index() + 1, s.name(), file, s.seed(), power.name(), power.strategy().toString(),
                    honours(power), t.welfare(), t.negotiations(), t.agreements(), t.honoured(), t.breached(), t.standing()));
        }
        return made;
    }

    static String honours(World.Power power) {
        return power.honour().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The row with its numbers as runs.csv has them. */
    private static Row reread(Row r) {
        return new Row(r.run(), r.world(), r.file(), r.seed(), r.power(), r.strategy(), r.honours(),
                number(Csv.number(r.welfare())), r.negotiations(), r.agreements(), r.honoured(), r.breached(),
                number(Csv.number(r.trust())));
    }

    private static double number(String text) {
        return text.isEmpty() ? Double.NaN : Double.parseDouble(text);
    }

    /** Opens runs.csv for the runs to come: written afresh with the header and the rows kept from before. */
    private static BufferedWriter open(Path csv, List<Row> kept) throws IOException {
        Files.createDirectories(csv.toAbsolutePath().getParent());
        List<List<Object>> fields = kept.stream().map(Row::fields).toList();
        Files.writeString(csv, Csv.write(HEADER, fields), StandardCharsets.UTF_8);
        return Files.newBufferedWriter(csv, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /**
     * Appends a run's rows and flushes them, so that a coordinator killed later leaves whole runs
     * (a run cut short is dropped by --resume). The rows are written as a document and its header
     * line dropped: the header has no field that needs quoting, so it is exactly the first line.
     */
    private static void append(BufferedWriter writer, List<Row> made, Path csv) {
        String doc = Csv.write(HEADER, made.stream().map(Row::fields).toList());
        try {
            writer.write(doc, doc.indexOf('\n') + 1, doc.length() - doc.indexOf('\n') - 1);
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + csv + ": " + e.getMessage(), e);
        }
    }

    /**
     * The whole runs at the start of runs.csv, checked against this batch's plan (same worlds,
     * seeds and powers in the same order); a line cut short by a kill and a run missing some of its
     * powers' rows are dropped, to be run again.
     */
    private List<Row> readPrefix(Path csv, WorldBatch batch) {
        if (!Files.isRegularFile(csv)) {
            throw new UserException("--resume: " + csv + " is not there; nothing to carry on (run without --resume).");
        }
        String text;
        try {
            text = Files.readString(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserException("--resume: cannot read " + csv + " (" + e.getMessage() + ").");
        }
        // A line cut short by a kill is not a row.
        text = text.substring(0, text.lastIndexOf('\n') + 1);
        Csv.Table table;
        try {
            table = Csv.read(text, csv.toString());
        } catch (FormatException e) {
            throw new UserException("--resume: " + e.getMessage());
        }
        if (!table.header().equals(HEADER)) {
            throw new UserException("--resume: " + csv + ":1: expected the columns " + String.join(",", HEADER)
                    + ", found " + String.join(",", table.header()) + ".");
        }
        List<Row> kept = new ArrayList<>();
        List<Row> run = new ArrayList<>();
        int whole = 0;
        for (Csv.Row r : table.rows()) {
            Row row;
            try {
                row = new Row(Integer.parseInt(r.get(0)), r.get(1), r.get(2), Long.parseLong(r.get(3)), r.get(4), r.get(5),
                        r.get(6), number(r.get(7)), Integer.parseInt(r.get(8)), Integer.parseInt(r.get(9)),
                        Integer.parseInt(r.get(10)), Integer.parseInt(r.get(11)), number(r.get(12)));
            } catch (NumberFormatException e) {
                throw new UserException("--resume: " + csv + ":" + r.line() + ": not a number (" + e.getMessage() + ").");
            }
            // The row belongs to the run after the whole ones kept so far.
            int index = whole;
            if (index >= batch.size()) {
                throw new UserException("--resume: " + csv + ":" + r.line() + ": run " + row.run() + ", but these files and"
                        + " seeds make " + batch.size() + " runs; give the files and --seeds of the first run.");
            }
            World world = batch.worlds().get(batch.worldOf(index));
            World.Power power = world.powers().get(run.size());
            String file = command.files.get(batch.worldOf(index)).toString();
            if (row.run() != index + 1 || !row.world().equals(world.name()) || !row.file().equals(file)
                    || row.seed() != batch.seedOf(index) || !row.power().equals(power.name())) {
                throw new UserException("--resume: " + csv + ":" + r.line() + ": run " + row.run() + " is " + row.world()
                        + " (" + row.file() + ") with seed " + row.seed() + ", power " + row.power() + "; this batch's run "
                        + (index + 1) + " is " + world.name() + " (" + file + ") with seed " + batch.seedOf(index)
                        + ", power " + power.name() + ": give the files and --seeds of the first run.");
            }
            run.add(row);
            if (run.size() == world.powers().size()) {
                kept.addAll(run);
                run.clear();
                whole++;
            }
        }
        return kept;
    }

    private static void printRuns(List<Row> rows, PrintWriter out) {
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"world", "seed", "power", "honours", "welfare", "negotiations", "agreements", "honoured",
            "breached", "trust"});
        for (Row r : rows) {
            table.add(new String[] {r.world(), String.valueOf(r.seed()), r.power(), r.honours(), two(r.welfare()),
                String.valueOf(r.negotiations()), String.valueOf(r.agreements()), String.valueOf(r.honoured()),
                String.valueOf(r.breached()), two(r.trust())});
        }
        Tables.print(table, out, 1, 4, 5, 6, 7, 8, 9);
    }

    /** Per world file and power, over the seeds: runs, mean welfare and its standard deviation, mean counts and trust. */
    private static List<List<Object>> means(List<Row> rows) {
        Map<List<String>, List<Row>> groups = new LinkedHashMap<>();
        for (Row r : rows) {
            groups.computeIfAbsent(List.of(r.world(), r.file(), r.power(), r.strategy(), r.honours()),
                    k -> new ArrayList<>()).add(r);
        }
        List<List<Object>> means = new ArrayList<>();
        groups.forEach((key, group) -> {
            int n = group.size();
            double welfare = group.stream().mapToDouble(Row::welfare).sum() / n;
            double squares = group.stream().mapToDouble(r -> (r.welfare() - welfare) * (r.welfare() - welfare)).sum();
            List<Object> row = new ArrayList<>(key);
            row.add(n);
            row.add(Csv.number(welfare));
            row.add(n > 1 ? Csv.number(Math.sqrt(squares / (n - 1))) : "");
            row.add(Csv.number(group.stream().mapToInt(Row::agreements).sum() / (double) n));
            row.add(Csv.number(group.stream().mapToInt(Row::honoured).sum() / (double) n));
            row.add(Csv.number(group.stream().mapToInt(Row::breached).sum() / (double) n));
            row.add(Csv.number(group.stream().mapToDouble(Row::trust).sum() / n));
            means.add(row);
        });
        return means;
    }

    private static void printMeans(List<List<Object>> means, PrintWriter out) {
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"world", "power", "honours", "welfare", "sd", "agreements", "honoured", "breached",
            "trust"});
        for (List<Object> m : means) {
            String sd = (String) m.get(7);
            table.add(new String[] {(String) m.get(0), (String) m.get(2), (String) m.get(4), two(m.get(6)),
                sd.isEmpty() ? "" : two(sd), two(m.get(8)), two(m.get(9)), two(m.get(10)), two(m.get(11))});
        }
        Tables.print(table, out, 3, 4, 5, 6, 7, 8);
    }

    private static String two(Object value) {
        double x = value instanceof Double d ? d : number((String) value);
        return String.format(Locale.ROOT, "%.2f", x);
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** "127.0.0.1:5701 40 · 127.0.0.1:5702 38": runs played per member so far. */
    private static String perMember(Map<String, Integer> done) {
        List<String> parts = new ArrayList<>();
        done.forEach((address, n) -> parts.add(address + " " + n));
        return String.join(" · ", parts);
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : what.endsWith("h") ? "es" : "s");
    }
}
