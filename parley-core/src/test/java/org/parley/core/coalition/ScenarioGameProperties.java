package org.parley.core.coalition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.parley.core.analysis.AnalysisProblem;
import org.parley.core.analysis.RandomScenarios;
import org.parley.core.model.AgreementRule;
import org.parley.core.model.Outcome;
import org.parley.core.model.OutcomeSpace;
import org.parley.core.model.Scenario;
import org.parley.core.model.WeightedVoting;

/**
 * The derived game agrees with enumerating every outcome and every coalition on random scenarios of
 * 1–5 parties with quorum rules, required signers, random weights and quotas, hard constraints,
 * reservation values and ties.
 */
class ScenarioGameProperties {

    private static final int STEPS = OutcomeSpace.DEFAULT_REAL_STEPS;

    record Case(Scenario scenario, ScenarioGame.PassBy passBy) {
        @Override
        public String toString() {
            return passBy + " with rule " + scenario.agreement() + ", weights " + scenario.coalition() + " on "
                    + scenario.partyNames();
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.randomValue(random -> {
            int k = 1 + random.nextInt(5);
            Scenario base = RandomScenarios.scenario(random, k);
            List<String> parties = base.partyNames();
            int quorum = 1 + random.nextInt(k);
            List<String> shuffled = new ArrayList<>(parties);
            Collections.shuffle(shuffled, random);
            AgreementRule rule = new AgreementRule(quorum, Set.copyOf(shuffled.subList(0, random.nextInt(quorum + 1))));
            Map<String, Long> weights = new LinkedHashMap<>();
            long total = 0;
            for (String party : parties) {
                if (random.nextInt(5) > 0) { // some parties have no weight
                    long w = random.nextInt(6);
                    weights.put(party, w);
                    total += w;
                }
            }
            WeightedVoting voting = new WeightedVoting(1 + random.nextInt((int) total + 2), weights);
            Scenario scenario = new Scenario(base.name(), base.description(), base.domain(), base.parties(), rule, voting);
            return new Case(scenario, ScenarioGame.PassBy.values()[random.nextInt(3)]);
        });
    }

    @Property(tries = 600)
    void agreesWithEnumeration(@ForAll("cases") Case c) {
        ScenarioGame derived = ScenarioGame.of(c.scenario(), STEPS, c.passBy());
        long[] expected = bruteForce(c.scenario(), derived);
        CoalitionalGame game = derived.game();
        for (int s = 1; s < expected.length; s++) {
            assertThat(Math.round(game.value(s) * 1e12)).as("v(%s)", Coalitions.format(s, game.names()))
                    .isEqualTo(expected[s]);
            for (long w : derived.signers(s)) {
                assertThat(w & ~s).isZero();
                assertThat(derived.winning(w)).isTrue();
                assertThat(derived.analysed().get(w).orElse(-1)).isEqualTo(game.value(s));
            }
            assertThat(derived.signers(s).isEmpty()).isEqualTo(expected[s] == 0);
        }
        if (c.passBy() != ScenarioGame.PassBy.EVERYONE) {
            for (int s = 1; s < expected.length; s++) {
                assertThat(derived.analysed().containsKey((long) s)).isEqualTo(derived.winning(s));
            }
        }
    }

    /*
     * Zero-normalised and monotone whoever passes deals (the rules are monotone); under a rule, a
     * coalition that holds no winning signer set is worth 0.
     */
    @Property(tries = 300)
    void monotoneAndZeroWithoutAWinningSet(@ForAll("cases") Case c) {
        ScenarioGame derived = ScenarioGame.of(c.scenario(), STEPS, c.passBy());
        CoalitionalGame game = derived.game();
        int all = (1 << game.players()) - 1;
        for (int s = 1; s <= all; s++) {
            assertThat(game.value(s)).isGreaterThanOrEqualTo(0);
            if (c.passBy() == ScenarioGame.PassBy.EVERYONE) {
                continue;
            }
            for (int i = 0; i < game.players(); i++) {
                assertThat(game.value(s | 1 << i)).isGreaterThanOrEqualTo(game.value(s));
            }
            boolean holdsWinning = false;
            for (int t = s; t > 0; t = (t - 1) & s) {
                holdsWinning |= derived.winning(t);
            }
            if (!holdsWinning) {
                assertThat(game.value(s)).isZero();
            }
        }
    }

    /**
     * v(S) in 10^−12 units by enumeration: for each outcome the parties accepting it (constraints and
     * reservation, as in every analysis); S passes it when the accepting members of S may sign (or,
     * for EVERYONE, when all of S accepts), and gets their surpluses — the accepting members add
     * Σ max(0, u − r) ≥ 0, so the largest winning signer set in S is S ∩ accepting itself.
     */
    private static long[] bruteForce(Scenario scenario, ScenarioGame derived) {
        AnalysisProblem all = AnalysisProblem.of(scenario, null, STEPS);
        int n = scenario.parties().size();
        long[] best = new long[1 << n];
        OutcomeSpace space = all.space();
        int[] indices = new int[space.issueCount()];
        boolean everyone = derived.passBy() == ScenarioGame.PassBy.EVERYONE;
        while (true) {
            Outcome outcome = space.outcome(indices);
            long[] u = all.fixedUtilities(indices);
            int accepting = 0;
            long[] surplus = new long[n];
            for (int i = 0; i < n; i++) {
                if (u[i] >= all.threshold(i) && scenario.parties().get(i).preferences().satisfiesConstraints(outcome)) {
                    accepting |= 1 << i;
                    surplus[i] = Math.max(0, u[i] - all.reservation(i));
                }
            }
            for (int s = 1; s < best.length; s++) {
                int signers = s & accepting;
                if (everyone ? signers == s : derived.winning(signers)) {
                    long sum = 0;
                    for (int i = 0; i < n; i++) {
                        if ((signers >> i & 1) == 1) {
                            sum += surplus[i];
                        }
                    }
                    best[s] = Math.max(best[s], sum);
                }
            }
            int i = indices.length - 1;
            while (i >= 0 && ++indices[i] == space.size(i)) {
                indices[i] = 0;
                i--;
            }
            if (i < 0) {
                return best;
            }
        }
    }
}
