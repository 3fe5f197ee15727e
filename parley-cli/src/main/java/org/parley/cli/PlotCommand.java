package org.parley.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.parley.core.engine.BidSpaceCache;
import org.parley.core.engine.Negotiation;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.NegotiationRecord;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.protocol.Protocols;
import org.parley.core.strategy.StrategyRegistry;
import org.parley.plot.Charts;
import org.parley.store.Archive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Charts of one negotiation: a stored one, or one run on the spot from a scenario file. */
@Command(name = "plot", mixinStandardHelpOptions = true, description = {
        "Chart a negotiation: the outcome space of two parties (outcomes, acceptable region, Pareto frontier, every"
                + " solution concept's point, reservation values, each party's offers, the agreement), and each party's"
                + " utility over the rounds (FILE-utilities.svg/.png beside it).",
        "ID_OR_RUN is a stored record's id (or a unique prefix), or a scenario file, which is then run on the spot"
                + " (not stored) with the run options below, as parley run would."})
final class PlotCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID_OR_RUN", description = "A record id or prefix, or a scenario file to run.")
    String target;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The chart to write: .svg or .png.")
    Path out;

    @Option(names = "--utilities", paramLabel = "FILE", description = "Where to write the utilities-over-rounds chart"
            + " (default: FILE-utilities beside --out, same format).")
    Path utilities;

    @Option(names = "--parties", paramLabel = "A,B", split = ",", description = "The two parties whose utilities are"
            + " the axes (default: the first two).")
    List<String> parties;

    @Option(names = "--protocol", paramLabel = "PROTOCOL", defaultValue = Protocols.DEFAULT,
            completionCandidates = Listings.ProtocolKeys.class, description = "Run: the protocol (${COMPLETION-CANDIDATES}).")
    String protocol;

    @Option(names = "--strategy", paramLabel = "PARTY=NAME[:K=V,...]", description = "Run: a party's strategy (repeatable).")
    List<String> strategies = List.of();

    @Option(names = "--rounds", paramLabel = "N", description = "Run: the round limit (default 100).")
    Integer rounds;

    @Option(names = "--move-limit", paramLabel = "DURATION", defaultValue = "1s", description = "Run: time per move.")
    String moveLimit;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Run: the seed (default 1).")
    long seed;

    @Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Charts.supported(out)) {
            throw new UserException("--out (" + out + "): expected a .svg or .png file name.");
        }
        Path timeline = utilities != null ? utilities : besides(out);
        if (!Charts.supported(timeline)) {
            throw new UserException("--utilities (" + timeline + "): expected a .svg or .png file name.");
        }
        Scenario scenario;
        NegotiationRecord record;
        Path file = Path.of(target);
        if (Files.exists(file)) {
            scenario = Scenarios.load(file, spec.commandLine().getErr());
            record = runOnTheSpot(scenario, file);
        } else {
            Archive.Entry entry;
            try {
                entry = store.resolve(target);
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage().replace("; `parley history` lists the ids", "; it is no"
                        + " scenario file either; `parley history` lists the ids"));
            }
            scenario = entry.scenario();
            record = entry.negotiation();
        }
        List<String> axes = axes(scenario);
        Charts.write(Charts.outcomeSpace(NegotiationPlots.outcomeSpace(scenario, record, axes.get(0), axes.get(1))), out);
        Charts.write(Charts.timeline(NegotiationPlots.timeline(scenario, record)), timeline);
        spec.commandLine().getOut().printf("wrote %s and %s%n", out, timeline);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** FILE.svg → FILE-utilities.svg. */
    static Path besides(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling(name.substring(0, dot) + "-utilities" + name.substring(dot));
    }

    private List<String> axes(Scenario scenario) {
        if (parties == null || parties.isEmpty()) {
            if (scenario.parties().size() < 2) {
                throw new UserException("The scenario (" + scenario.name() + ") has one party; an outcome space needs two.");
            }
            return scenario.partyNames().subList(0, 2);
        }
        if (parties.size() != 2 || parties.get(0).equals(parties.get(1))) {
            throw new UserException("--parties (" + String.join(",", parties) + "): expected two different parties,"
                    + " like --parties " + String.join(",", scenario.partyNames().subList(0, Math.min(2,
                            scenario.parties().size()))) + ".");
        }
        for (String party : parties) {
            if (scenario.indexOf(party.strip()) < 0) {
                throw new UserException("--parties: unknown party (" + party + "); the parties are "
                        + String.join(", ", scenario.partyNames()) + ".");
            }
        }
        return parties.stream().map(String::strip).toList();
    }

    private NegotiationRecord runOnTheSpot(Scenario scenario, Path file) {
        RunCommand run = new RunCommand();
        run.file = file;
        run.protocol = protocol;
        run.strategies = strategies;
        run.rounds = rounds;
        run.moveLimit = moveLimit;
        run.seed = seed;
        StrategyRegistry registry = new StrategyRegistry();
        NegotiationSettings settings = run.settings(scenario, registry);
        Negotiation negotiation = Negotiation.start(scenario, settings, registry, new BidSpaceCache());
        negotiation.run();
        return negotiation.session().record();
    }
}
