package org.parley.core.model;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.parley.api.Stable;

/**
 * Who must sign for a deal to stand: at least {@code quorum} parties, including every party in
 * {@code required}. Unanimity is the quorum of all parties; "A and B must sign, C may" is quorum 2
 * with A and B required; "5 of 6, including A and B" is quorum 5 with A and B required.
 */
@Stable
public record AgreementRule(int quorum, Set<String> required) {

    public AgreementRule {
        required = Set.copyOf(required);
        if (quorum < 1) {
            throw new IllegalArgumentException("The quorum (" + quorum + ") must be at least 1.");
        }
        if (required.size() > quorum) {
            throw new IllegalArgumentException("The quorum (" + quorum + ") is smaller than the number of required"
                    + " signatories (" + required.size() + ").");
        }
    }

    public static AgreementRule unanimity(Collection<String> parties) {
        return new AgreementRule(parties.size(), Set.copyOf(parties));
    }

    public boolean isUnanimity(int partyCount) {
        return quorum == partyCount && required.size() == partyCount;
    }

    /** Whether a deal signed by {@code signers} stands. */
    public boolean stands(Collection<String> signers) {
        Set<String> set = Set.copyOf(signers);
        return set.size() >= quorum && set.containsAll(required);
    }

    /**
     * The rule in words for the given parties (required ones named in their order):
     * "unanimity: all 3 parties must sign", "2 of 3 must sign, including federation and kaldari"
     * (a quorum of every party is unanimity, whoever is named as required).
     */
    public String describe(List<String> parties) {
        if (quorum >= parties.size()) {
            return "unanimity: " + switch (parties.size()) {
                case 1 -> "the one party must sign";
                case 2 -> "both parties must sign";
                default -> "all " + parties.size() + " parties must sign";
            };
        }
        List<String> named = parties.stream().filter(required::contains).toList();
        return quorum + " of " + parties.size() + " must sign"
                + (named.isEmpty() ? "" : ", including " + String.join(" and ", named));
    }

    /** Checks the rule against the scenario's parties. */
    void validate(List<String> parties) {
        for (String name : required) {
            if (!parties.contains(name)) {
                throw new IllegalArgumentException("The agreement rule requires an unknown party (" + name
                        + "); the parties are " + parties + ".");
            }
        }
        if (quorum > parties.size()) {
            throw new IllegalArgumentException("The quorum (" + quorum + ") exceeds the number of parties ("
                    + parties.size() + ").");
        }
    }
}
