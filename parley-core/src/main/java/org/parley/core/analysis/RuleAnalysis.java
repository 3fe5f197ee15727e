package org.parley.core.analysis;

import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.parley.core.model.AgreementRule;
import org.parley.core.model.Scenario;

/**
 * The exact analysis of a scenario under an agreement rule. A deal passes when some winning signer
 * set (one that satisfies the rule) accepts it, each signer by its own constraints and reservation;
 * parties outside the deal get their reservation value.
 *
 * <ul>
 *   <li>{@code passing}: the number of outcomes that pass (each once, whatever signer sets pass
 *       it); empty, with {@code passingNote} saying why, when an exact count it needs is beyond the
 *       analysis's limits.
 *   <li>{@code winning}: every winning signer set with its analysis, smallest first (then in
 *       scenario order); {@code minimal} those from which no signer can be dropped.
 *   <li>{@code frontier}: the rule's frontier over all winning signer sets.
 * </ul>
 */
public record RuleAnalysis(
        Scenario scenario, AgreementRule rule, int realSteps, BigInteger outcomes, Optional<BigInteger> passing,
        String passingNote, List<CoalitionAnalysis> winning, List<CoalitionAnalysis> minimal, RuleFrontier frontier) {

    public RuleAnalysis {
        winning = List.copyOf(winning);
        minimal = List.copyOf(minimal);
        passingNote = passingNote == null ? "" : passingNote;
    }

    /** Whether every party must sign (then the one winning coalition's analysis is today's analysis). */
    public boolean unanimous() {
        return rule.quorum() == scenario.parties().size();
    }

    /** The winning signer set with exactly these members, if the rule lets them sign alone. */
    public Optional<CoalitionAnalysis> coalition(Collection<String> members) {
        Set<String> set = Set.copyOf(members);
        for (CoalitionAnalysis coalition : winning) {
            if (coalition.members().size() == set.size() && set.containsAll(coalition.members())) {
                return Optional.of(coalition);
            }
        }
        return Optional.empty();
    }

    /** Whether no outcome passes (exactly known: a minimal winning coalition accepts nothing in common). */
    public boolean noDeal() {
        return frontier.isEmpty();
    }
}
