package org.parley.core.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.parley.api.Stable;

/**
 * A negotiation to be had: the issues, the parties with their private preferences, and the rule
 * that says when a deal stands. {@code coalition} (nullable) is the weighted voting game the
 * scenario's story implies, for coalition analysis. {@code narrative} is the public story and the
 * parties' confidential briefs (never null; {@link Narrative#NONE} when the file gives none).
 */
@Stable
public record Scenario(
        String name, String description, Domain domain, List<Party> parties, AgreementRule agreement,
        WeightedVoting coalition,
        Narrative narrative) {

    /** A scenario without a narrative. */
    public Scenario(String name, String description, Domain domain, List<Party> parties, AgreementRule agreement,
            WeightedVoting coalition) {
        this(name, description, domain, parties, agreement, coalition, Narrative.NONE);
    }

    public Scenario {
        narrative = narrative == null ? Narrative.NONE : narrative;
        Issue.requireName(name, "a scenario");
        description = description == null ? "" : description;
        parties = List.copyOf(parties);
        if (parties.isEmpty()) {
            throw new IllegalArgumentException("A scenario needs at least one party.");
        }
        Set<String> seen = new HashSet<>();
        for (Party party : parties) {
            if (!seen.add(party.name())) {
                throw new IllegalArgumentException("The party (" + party.name() + ") is listed twice.");
            }
        }
        List<String> names = parties.stream().map(Party::name).toList();
        if (agreement == null) {
            agreement = AgreementRule.unanimity(names);
        }
        agreement.validate(names);
        for (String party : narrative.briefs().keySet()) {
            if (!seen.contains(party)) {
                throw new IllegalArgumentException("The narrative has a brief for an unknown party (" + party + ").");
            }
        }
        if (coalition != null) {
            for (String player : coalition.weights().keySet()) {
                if (!seen.contains(player)) {
                    throw new IllegalArgumentException("The coalition weights name an unknown party (" + player + ").");
                }
            }
        }
    }

    public Scenario(String name, Domain domain, List<Party> parties) {
        this(name, "", domain, parties, null, null);
    }

    public Party party(String name) {
        for (Party party : parties) {
            if (party.name().equals(name)) {
                return party;
            }
        }
        throw new IllegalArgumentException("Unknown party (" + name + "); the parties are " + partyNames() + ".");
    }

    public int indexOf(String partyName) {
        for (int i = 0; i < parties.size(); i++) {
            if (parties.get(i).name().equals(partyName)) {
                return i;
            }
        }
        return -1;
    }

    public List<String> partyNames() {
        return parties.stream().map(Party::name).toList();
    }
}
