package org.parley.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.parley.core.TestScenarios;
import org.parley.core.generate.ScenarioGenerator;
import org.parley.core.model.Party;
import org.parley.core.model.Phrasebook;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.Move;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Rationale;
import org.parley.core.negotiation.Request;
import org.parley.core.negotiation.StrategySpec;
import org.parley.core.preference.Constraint;
import org.parley.core.protocol.Protocols;
import org.parley.core.strategy.Setup;
import org.parley.core.strategy.Strategy;
import org.parley.core.strategy.StrategyRegistry;

/**
 * What a faction says must never give away its private stake: no reservation value, no weight,
 * no hard constraint. The lines are rendered from a reason's public terms only, so no line can
 * hold a number but the rounds left; and a hardliner's kept term is never a constrained issue.
 */
class MessagesTest {

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)?");
    private static final List<String> PERSONAS = List.of("diplomat", "diplomat:style=hardliner,patience=0.9",
            "diplomat:style=cooperative,patience=0.2,reciprocity=1", "diplomat:style=pragmatic,reciprocity=0");

    private static List<Scenario> scenarios() {
        List<Scenario> all = new ArrayList<>(List.of(TestScenarios.cardassianTalks(), TestScenarios.tavrikAccord(),
                TestScenarios.trinityStation()));
        for (int seed = 1; seed <= 6; seed++) {
            all.add(ScenarioGenerator.generate(new ScenarioGenerator.Settings(2 + seed % 3, 4, 4, seed, 0.5, 2, 0.97,
                    seed % 2 == 0 ? 2 : 0)));
        }
        return all;
    }

    @Test
    void linesRevealNoReservationWeightOrConstraint() {
        int lines = 0;
        Set<String> kinds = new HashSet<>();
        for (Scenario scenario : scenarios()) {
            for (String protocol : Protocols.registry().keys()) {
                for (int p = 0; p < PERSONAS.size(); p++) {
                    Map<String, StrategySpec> strategies = new LinkedHashMap<>();
                    for (int i = 0; i < scenario.partyNames().size(); i++) {
                        strategies.put(scenario.partyNames().get(i), StrategySpec.parse(PERSONAS.get((p + i) % PERSONAS.size())));
                    }
                    Negotiation negotiation = Negotiation.start(scenario, new NegotiationSettings(protocol,
                            Deadline.rounds(60), strategies, p, null));
                    negotiation.run();
                    for (Event event : negotiation.session().events()) {
                        Action action = event.action();
                        if (action.message() == null) {
                            continue;
                        }
                        lines++;
                        kinds.add(action.rationale().kind());
                        check(scenario, scenario.party(event.party()), action);
                    }
                }
            }
        }
        assertThat(lines).isGreaterThan(1000);
        assertThat(kinds).contains(Rationale.OPENING, Rationale.CONCESSION, Rationale.ACCEPT_ABOVE_TARGET,
                Rationale.NON_NEGOTIABLE, Rationale.COALITION_OFFER, Rationale.CONCESSION_ANSWERED);
    }

    private static void check(Scenario scenario, Party party, Action action) {
        String message = action.message();
        Rationale why = action.rationale();
        // The only number a line may hold is the public count of rounds left (names of issues,
        // options and parties, which may hold digits, set aside).
        String text = message;
        for (Map.Entry<String, String> term : why.terms().entrySet()) {
            if (!term.getKey().equals("rounds-left")) {
                text = text.replace(term.getValue(), "");
            }
        }
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            assertThat(m.group()).as(message).isEqualTo(why.terms().get("rounds-left"));
        }
        // No hard constraint of the party's shows through the issue it names.
        Set<Integer> constrained = new HashSet<>();
        for (Constraint constraint : party.preferences().constraints()) {
            constrained.addAll(constraint.issues());
        }
        String issue = why.terms().get("issue");
        if (issue != null) {
            assertThat(constrained).as(message).doesNotContain(scenario.domain().indexOf(issue));
        }
        // A line is made of its template and the reason's public terms: nothing in the figures.
        assertThat(why.terms().keySet()).isSubsetOf(Phrasebook.PLACEHOLDERS);
    }

    /* The other parties see the line, never the rationale and its figures. */
    @Test
    void anotherPartySeesTheLineButNotTheReason() {
        Scenario tavrik = TestScenarios.tavrikAccord();
        List<Move> seen = new ArrayList<>();
        StrategyRegistry registry = new StrategyRegistry();
        registry.register(new StrategyRegistry.Entry("spy", "records what it is shown", Set.of(), p -> new Strategy() {
            private final Strategy inner = new StrategyRegistry().create(new StrategySpec("linear"));

            @Override
            public void start(Setup setup) {
                inner.start(setup);
            }

            @Override
            public void observe(Move move) {
                seen.add(move);
                inner.observe(move);
            }

            @Override
            public Action act(Request request) {
                return inner.act(request);
            }
        }));
        Map<String, StrategySpec> strategies = Map.of("federation", new StrategySpec("diplomat"), "kaldari",
                new StrategySpec("diplomat"), "vethari", new StrategySpec("spy"));
        Negotiation negotiation = Negotiation.start(tavrik, new NegotiationSettings("sao", Deadline.rounds(100),
                strategies, 3, null), registry, new BidSpaceCache());
        negotiation.run();
        assertThat(seen).filteredOn(m -> !m.party().equals("vethari")).isNotEmpty()
                .allSatisfy(m -> assertThat(m.action().rationale()).isNull())
                .anySatisfy(m -> assertThat(m.action().message()).isNotBlank());
        assertThat(negotiation.session().events()).filteredOn(e -> !e.party().equals("vethari"))
                .allSatisfy(e -> assertThat(e.action().rationale()).isNotNull());
    }
}
