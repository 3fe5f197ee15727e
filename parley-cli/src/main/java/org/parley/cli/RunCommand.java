package org.parley.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.core.analysis.Debriefer;
import org.parley.core.analysis.NegotiationDebrief;
import org.parley.core.engine.Negotiation;
import org.parley.core.model.OutcomeSpace;
import org.parley.core.model.Party;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.NegotiationRecord;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.StrategySpec;
import org.parley.core.protocol.Protocols;
import org.parley.core.strategy.StrategyRegistry;
import org.parley.io.json.NegotiationJson;
import org.parley.store.Archive;
import org.parley.store.RecordStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs a negotiation between AI diplomats and prints its trace and result, or its full log as JSON. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a negotiation between AI diplomats and print the trace and the result.")
final class RunCommand implements Callable<Integer> {

    static final int DEFAULT_ROUNDS = 100;

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario file (YAML or JSON).")
    Path file;

    @Option(names = "--protocol", paramLabel = "PROTOCOL", defaultValue = Protocols.DEFAULT,
            completionCandidates = Listings.ProtocolKeys.class,
            description = "The protocol: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}; listed below).")
    String protocol;

    @Option(names = "--strategy", paramLabel = "PARTY=NAME[:K=V,...]",
            description = "A party's strategy, e.g. union=boulware or federation=time-dependent:e=2 (repeatable);"
                    + " by default each party plays the scenario's strategy, else " + StrategyRegistry.DEFAULT
                    + " (the strategies are listed below).")
    List<String> strategies = List.of();

    @Option(names = "--rounds", paramLabel = "N",
            description = "The round limit (default " + DEFAULT_ROUNDS + "); 0 for none, with a --time-limit.")
    Integer rounds;

    @Option(names = "--time-limit", paramLabel = "DURATION",
            description = "A wall-clock deadline, e.g. 500ms, 10s or 2m (runs with it are not repeatable byte for byte).")
    String timeLimit;

    @Option(names = "--move-limit", paramLabel = "DURATION", defaultValue = "1s",
            description = "The time a strategy may take for one move before it counts as misbehaving (default 1s).")
    String moveLimit;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "The seed of every random choice (default 1).")
    long seed;

    @Option(names = "--json", description = "Print the full event log and result as JSON instead of the trace.")
    boolean json;

    @Option(names = "--no-record", negatable = false,
            description = "Do not store the negotiation (by default every run is stored in the record database).")
    boolean noRecord;

    @Mixin
    StoreOption store;

    @Mixin
    AgentsOption agents;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Scenario scenario = Scenarios.load(file, spec.commandLine().getErr());
        StrategyRegistry registry = agents.registry();
        NegotiationSettings settings = settings(scenario, registry);
        // Opened before the run, so that a bad --db fails at once rather than after the negotiation.
        try (RecordStore records = noRecord ? null : store.open()) {
            Negotiation negotiation = Negotiation.start(scenario, settings, registry,
                    new org.parley.core.engine.BidSpaceCache());
            negotiation.run();
            NegotiationRecord record = negotiation.session().record();
            // The debrief analyses the outcome space exactly: minutes for thousands of issues, so it reports progress.
            AnalyzeCommand.Progress progress = new AnalyzeCommand.Progress("run: debrief", spec.commandLine().getErr(),
                    ProgressBar.onTerminal(), System::nanoTime);
            NegotiationDebrief debrief;
            try {
                debrief = record.result() == null ? null
                        : new Debriefer(scenario, OutcomeSpace.DEFAULT_REAL_STEPS, progress)
                                .debrief(record.result(), record.events());
            } finally {
                progress.finish();
            }
            // Stored in one transaction once finished: a run killed mid-way leaves nothing behind.
            String id = records == null ? null : new Archive(records).save(scenario, record, Archive.RUN, null, debrief);
            print(scenario, settings, record, debrief, id, json, spec.commandLine().getOut());
            if (id != null && !json) {
                spec.commandLine().getOut().printf("recorded as %s in %s (parley show %s)%n", id, records.location(),
                        id.substring(0, 8));
            }
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    /**
     * Prints a negotiation as {@code parley run} does: the trace, or the record as JSON with its id,
     * the debrief (null for none) in its result.
     */
    static void print(Scenario scenario, NegotiationSettings settings, NegotiationRecord record,
            NegotiationDebrief debrief, String id, boolean json, java.io.PrintWriter out) {
        if (json) {
            ObjectNode node = NegotiationJson.of(scenario.domain()).recordNode(record, debrief);
            if (id != null) {
                ObjectNode withId = node.objectNode().put("id", id);
                withId.setAll(node);
                node = withId;
            }
            out.println(NegotiationJson.pretty(node));
        } else {
            new Trace(scenario, settings, out).print(record, debrief);
        }
    }

    /** The debrief of a finished negotiation (null while it runs), under the scenario's agreement rule. */
    static NegotiationDebrief debrief(Scenario scenario, NegotiationRecord record) {
        return record.result() == null ? null : NegotiationDebrief.of(scenario, record.result(), record.events());
    }

    /** The debrief stored with a record, else (a record stored before debriefs existed) worked out now. */
    static NegotiationDebrief debrief(Archive.Entry entry) {
        return entry.debrief().orElseGet(() -> debrief(entry.scenario(), entry.negotiation()));
    }

    NegotiationSettings settings(Scenario scenario, StrategyRegistry registry) {
        String type;
        try {
            type = Protocols.get(protocol).key();
        } catch (IllegalArgumentException e) {
            throw new UserException("--protocol: " + e.getMessage());
        }
        Map<String, StrategySpec> chosen = new LinkedHashMap<>();
        for (Party party : scenario.parties()) {
            String text = party.strategy() == null ? StrategyRegistry.DEFAULT : party.strategy();
            try {
                chosen.put(party.name(), StrategySpec.parse(text));
            } catch (IllegalArgumentException e) {
                throw new UserException(file + ": party (" + party.name() + "): " + e.getMessage());
            }
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (String assignment : strategies) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                throw new UserException("--strategy (" + assignment + "): expected PARTY=NAME[:K=V,...], like union=boulware.");
            }
            String party = assignment.substring(0, eq).trim();
            if (scenario.indexOf(party) < 0) {
                throw new UserException("--strategy (" + assignment + "): unknown party (" + party + "); the parties are "
                        + String.join(", ", scenario.partyNames()) + ".");
            }
            String before = given.put(party, assignment);
            if (before != null) {
                throw new UserException("--strategy (" + assignment + "): the party (" + party + ") already has a strategy"
                        + " (--strategy " + before + "); give one --strategy per party.");
            }
            try {
                chosen.put(party, StrategySpec.parse(assignment.substring(eq + 1)));
            } catch (IllegalArgumentException e) {
                throw new UserException("--strategy (" + assignment + "): " + e.getMessage());
            }
        }
        // A diplomat plays its faction's persona, whoever chose it (its own parameters win).
        chosen.replaceAll((party, strategy) -> StrategyRegistry.withPersona(strategy, scenario.party(party).persona()));
        chosen.forEach((party, strategy) -> {
            try {
                registry.validate(strategy);
            } catch (IllegalArgumentException e) {
                throw new UserException((strategies.stream().anyMatch(s -> s.trim().startsWith(party + "="))
                        ? "--strategy " + party + "=" + strategy : file + ": party (" + party + ") plays (" + strategy + ")")
                        + ": " + e.getMessage());
            }
        });
        Duration time = timeLimit == null ? null : duration("--time-limit", timeLimit);
        if (rounds != null && (rounds < 0 || (rounds == 0 && time == null))) {
            throw new UserException("--rounds (" + rounds + "): expected a whole number of rounds, at least 1"
                    + " (or 0 for no round limit, with a --time-limit).");
        }
        int roundLimit = rounds != null ? rounds : DEFAULT_ROUNDS;
        Duration move = duration("--move-limit", moveLimit);
        return new NegotiationSettings(type, new Deadline(roundLimit, time), chosen, seed, move);
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)");

    static Duration duration(String flag, String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UserException(flag + " (" + text + "): expected a duration like 500ms, 10s or 2m.");
        }
        double amount = Double.parseDouble(m.group(1));
        double millis = switch (m.group(2)) {
            case "ms" -> amount;
            case "s" -> amount * 1000;
            default -> amount * 60_000;
        };
        if (millis < 1 || millis > 86_400_000) {
            throw new UserException(flag + " (" + text + "): expected between 1ms and 24 hours.");
        }
        return Duration.ofMillis(Math.round(millis));
    }
}
