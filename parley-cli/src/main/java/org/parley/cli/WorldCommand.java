package org.parley.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Result;
import org.parley.core.world.World;
import org.parley.core.world.WorldResult;
import org.parley.core.world.WorldRunner;
import org.parley.io.ScenarioWriter;
import org.parley.io.json.NegotiationJson;
import org.parley.io.world.WorldReader;
import org.parley.plot.Charts;
import org.parley.plot.Point;
import org.parley.plot.SeriesPlot;
import org.parley.store.Archive;
import org.parley.store.RecordStatus;
import org.parley.store.RecordStore;
import org.parley.store.StoredNegotiation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs a world of repeated negotiations: who kept their word, what it cost them, and who trusts whom. */
@Command(name = "world", mixinStandardHelpOptions = true, description = {
        "Run a world of repeated negotiations (docs/worlds.md): each negotiation in turn, then each signer honours",
        "or breaches the agreement and the powers that see it update their trust. Prints each power's welfare,",
        "agreements made, honoured and broken and its standing (the others' mean trust in it); plots trust and",
        "welfare over the negotiations; records every negotiation (parley history --world world:NAME:SEED).",
        "",
        "With --seeds or several files, runs many worlds (every file with every seed) on --threads or a --cluster",
        "and prints one row per world, seed and power; nothing is recorded or plotted (docs/worlds.md#many-worlds)."})
final class WorldCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "World files (YAML or JSON), e.g. worlds/sector.yaml;"
            + " more than one runs them all (with --seed, or every seed of --seeds).")
    List<Path> files;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "The seed (default ${DEFAULT-VALUE}):"
            + " same world and seed, same result.")
    long seed;

    @Option(names = "--seeds", paramLabel = "A..B", description = "Run each world once per seed from A to B (or a list:"
            + " 1..100,200,300..310): many worlds, spread over --threads or a --cluster, a table of every run.")
    String seeds;

    @Option(names = "--threads", paramLabel = "T", description = "With --seeds or several files: worlds run at once"
            + " (default: the machine's cores; with --cluster, this member's share).")
    Integer threads;

    @Mixin
    ClusterOption cluster;

    @Option(names = "--out", paramLabel = "DIR", description = "Write trust.svg/png and welfare.svg/png into this folder;"
            + " with --seeds or several files, runs.csv (a row per world, seed and power, written as runs end) and"
            + " means.csv.")
    Path out;

    @Option(names = "--negotiations", negatable = false, description = "Also list every negotiation: its powers,"
            + " result and who breached.")
    boolean list;

    @Option(names = "--no-record", negatable = false, description = "Do not store the negotiations.")
    boolean noRecord;

    @Option(names = "--resume", arity = "0..1", fallbackValue = "", paramLabel = "ID", description = {
        "Carry on a run of this world that was interrupted: the negotiations it recorded are taken from the",
        "database, not played again, and the rest are played; the result is the uninterrupted run's. ID",
        "(world:NAME:SEED, as printed) names the run; without it, the run of this world and --seed. With --seeds",
        "or several files: carry on the runs of --out DIR (give the same files and seeds)."})
    String resume;

    @Option(names = "--stop-after", paramLabel = "N", description = "Stop after playing N negotiations, as an"
            + " interruption would (run a long world in parts; --resume carries on).")
    Integer stopAfter;

    @Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    /** The one world file of a single run. */
    Path file;

    @Override
    public Integer call() throws InterruptedException {
        if (seeds != null || files.size() > 1) {
            return new WorldRuns(this).call();
        }
        if (threads != null) {
            throw new UserException("--threads runs many worlds at once: give --seeds A..B or several world files.");
        }
        if (cluster.given()) {
            throw new UserException((cluster.members != null ? "--cluster" : "--cluster-config") + " spreads many worlds"
                    + " over a cluster (a world's negotiations run one after another): give --seeds A..B or several"
                    + " world files.");
        }
        file = files.get(0);
        World world = WorldReader.read(file);
        PrintWriter o = spec.commandLine().getOut();
        if (resume != null && !resume.isEmpty()) {
            seed = seedOf(resume, world);
        }
        if (resume != null && noRecord) {
            throw new UserException("--resume reads the negotiations recorded so far: it cannot go with --no-record.");
        }
        if (stopAfter != null && stopAfter < 1) {
            throw new UserException("--stop-after (" + stopAfter + ") must be at least 1.");
        }
        String batch = "world:" + world.name() + ":" + seed;
        long start = System.nanoTime();
        WorldResult result;
        int[] stored = {0};
        int[] played = {0};
        int[] replayed = {0};
        try (RecordStore records = noRecord ? null : store.open()) {
            Archive archive = records == null ? null : new Archive(records);
            WorldRunner.Recorded recorded = resume == null ? WorldRunner.Recorded.NONE
                    : (index, scenario, settings) -> {
                        var earlier = recorded(records, batch, index, scenario, settings);
                        earlier.ifPresent(r -> replayed[0]++);
                        return earlier;
                    };
            try {
                result = WorldRunner.run(world, seed, recorded, (index, scenario, record, meeting) -> {
                    if (archive != null) {
                        // Ids from the batch: running the same world and seed again stores nothing twice.
                        if (archive.saveIfAbsent(Archive.batchId(batch, index), scenario, record, Archive.WORLD, batch)) {
                            stored[0]++;
                        }
                    }
                    if (stopAfter != null && ++played[0] >= stopAfter && index + 1 < world.meetings().size()) {
                        throw new Stopped(index + 1);
                    }
                });
            } catch (Stopped stopped) {
                o.printf(Locale.ROOT, "world %s (seed %d): stopped after negotiation %d of %d (%d played now, %d"
                        + " recorded); carry on with: parley world %s --resume %s%n", world.name(), seed, stopped.done,
                        world.meetings().size(), played[0], stored[0], file, batch);
                return 0;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (resume != null) {
            o.printf(Locale.ROOT, "resumed %s: %d negotiations taken from the database, %d played now%n", batch,
                    replayed[0], world.meetings().size() - replayed[0]);
        }
        o.printf(Locale.ROOT, "world %s (seed %d): %d negotiations among %d powers in %.1f s; trust: %s, breaches seen by %s%n%n",
                world.name(), seed, world.meetings().size(), world.powers().size(), seconds,
                world.trust().model().name().toLowerCase(Locale.ROOT),
                world.breach().visibility() == World.Visibility.PUBLIC ? "all" : "the signers");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"power", "honours", "welfare", "negotiations", "agreements", "honoured", "breached", "standing"});
        result.totals().forEach((power, t) -> rows.add(new String[] {power,
            world.power(power).honour().name().toLowerCase(Locale.ROOT).replace('_', '-'),
            String.format(Locale.ROOT, "%.2f", t.welfare()), String.valueOf(t.negotiations()),
            String.valueOf(t.agreements()), String.valueOf(t.honoured()), String.valueOf(t.breached()),
            String.format(Locale.ROOT, "%.2f", t.standing())}));
        Tables.print(rows, o, 2, 3, 4, 5, 6, 7);
        if (list) {
            o.println();
            List<String[]> meetings = new ArrayList<>();
            meetings.add(new String[] {"#", "scenario", "powers", "result", "breached by"});
            for (WorldResult.MeetingResult m : result.meetings()) {
                meetings.add(new String[] {String.valueOf(m.index() + 1), m.scenario(),
                    String.join(", ", m.roles().values()),
                    m.result().agreement() ? "agreement (" + m.result().signers().size() + " signed)" : "no agreement",
                    m.breachers().isEmpty() ? "" : String.join(", ", m.breachers())});
            }
            Tables.print(meetings, o, 0);
        }
        if (out != null) {
            Charts.write(Charts.series(new SeriesPlot(world.name() + ": each power's standing (the others' mean trust)",
                    "negotiation", "trust", points(result.standing()), 0.0, 1.0)), out.resolve("trust.svg"));
            Charts.write(Charts.series(new SeriesPlot(world.name() + ": each power's welfare so far", "negotiation",
                    "welfare (sum of utilities)", points(result.welfare()), null, null)), out.resolve("welfare.svg"));
            Charts.write(Charts.series(new SeriesPlot(world.name() + ": each power's standing (the others' mean trust)",
                    "negotiation", "trust", points(result.standing()), 0.0, 1.0)), out.resolve("trust.png"));
            Charts.write(Charts.series(new SeriesPlot(world.name() + ": each power's welfare so far", "negotiation",
                    "welfare (sum of utilities)", points(result.welfare()), null, null)), out.resolve("welfare.png"));
            o.println();
            o.println("wrote trust.svg, trust.png, welfare.svg and welfare.png in " + out);
        }
        if (!noRecord) {
            o.println("recorded " + stored[0] + " negotiations: parley history --world " + batch);
        }
        return 0;
    }

    /** Thrown from the listener to stop a world early (--stop-after), as an interruption would. */
    private static final class Stopped extends RuntimeException {
        final int done;

        Stopped(int done) {
            super(null, null, false, false);
            this.done = done;
        }
    }

    /** The seed of a world run's id (world:NAME:SEED), which must name this world. */
    static long seedOf(String id, World world) {
        String prefix = "world:" + world.name() + ":";
        if (!id.startsWith(prefix)) {
            throw new UserException("--resume " + id + ": not a run of the world " + world.name() + " (its runs are "
                    + prefix + "SEED, as parley world prints them).");
        }
        try {
            return Long.parseLong(id.substring(prefix.length()));
        } catch (NumberFormatException e) {
            throw new UserException("--resume " + id + ": the seed (" + id.substring(prefix.length())
                    + ") is not a whole number.");
        }
    }

    /**
     * The result of negotiation {@code index} of the run {@code batch} if it was recorded, after
     * checking that it was played as this run would play it (the world file may have changed).
     */
    private Optional<Result> recorded(RecordStore records, String batch, int index, Scenario played,
            NegotiationSettings settings) {
        Optional<StoredNegotiation> stored = records.find(Archive.batchId(batch, index));
        if (stored.isEmpty() || stored.get().status() != RecordStatus.FINISHED) {
            return Optional.empty();
        }
        StoredNegotiation s = stored.get();
        if (!s.scenario().equals(ScenarioWriter.toYaml(played)) || !s.settings().equals(NegotiationJson.write(settings))) {
            throw new UserException("--resume: negotiation " + (index + 1) + " of " + batch + " (record " + s.id()
                    + ") was played with another scenario or other settings than " + file + " gives it now; the world"
                    + " file changed since. Run it afresh under another name or seed.");
        }
        return Optional.of(NegotiationJson.of(played.domain()).readResult(s.result()));
    }

    private static Map<String, List<Point>> points(Map<String, List<Double>> series) {
        Map<String, List<Point>> out = new LinkedHashMap<>();
        series.forEach((power, values) -> {
            List<Point> points = new ArrayList<>();
            for (int k = 0; k < values.size(); k++) {
                points.add(new Point(k + 1, values.get(k)));
            }
            out.put(power, points);
        });
        return out;
    }
}
