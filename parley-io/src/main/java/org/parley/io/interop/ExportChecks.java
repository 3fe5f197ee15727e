package org.parley.io.interop;

import java.util.List;
import org.parley.core.model.Party;
import org.parley.core.model.Scenario;
import org.parley.core.preference.Discount;

/** The parts of a Parley scenario that neither GENIUS nor GeniusWeb can hold, reported the same way for both. */
public final class ExportChecks {

    private ExportChecks() {}

    /**
     * Adds a warning for each part of the scenario that the format {@code target} (its title) has no
     * place for; {@code timeDiscounts} says whether it holds a discount over normalised time (GENIUS
     * does, GeniusWeb holds none; neither holds a per-round discount).
     */
    public static void reportLosses(Scenario scenario, String target, boolean timeDiscounts, List<String> warnings) {
        if (!scenario.agreement().isUnanimity(scenario.parties().size())) {
            warnings.add("the agreement rule (quorum " + scenario.agreement().quorum() + ", required "
                    + scenario.agreement().required() + ") is not written: " + target + " scenarios have no agreement rule"
                    + " (its protocols need everyone)");
        }
        if (scenario.coalition() != null) {
            warnings.add("the coalition game (quota " + scenario.coalition().quota() + ") is not written: " + target
                    + " has no place for it");
        }
        for (Party party : scenario.parties()) {
            var preferences = party.preferences();
            if (!preferences.constraints().isEmpty()) {
                warnings.add("party (" + party.name() + "): its " + preferences.constraints().size() + " hard constraint(s)"
                        + " are not written: " + target + " utility spaces have no hard constraints");
            }
            Discount discount = preferences.discount();
            if (discount.factor() != 1 && (!timeDiscounts || discount.basis() == Discount.Basis.PER_ROUND)) {
                warnings.add("party (" + party.name() + "): its discount (" + discount.factor() + " per "
                        + (discount.basis() == Discount.Basis.PER_ROUND ? "round" : "unit of normalised time")
                        + ") is not written: " + (!timeDiscounts ? target + " profiles have no discount"
                        : target + " discounts over normalised time only"));
            }
        }
        if (scenario.parties().stream().anyMatch(p -> !p.role().isEmpty() || p.strategy() != null)) {
            warnings.add("the parties' roles and default strategies are not written (" + target
                    + " files have no place for them)");
        }
    }
}
