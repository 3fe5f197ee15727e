package org.parley.core.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.core.model.Outcome;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Event;
import org.parley.core.preference.Preferences;

/**
 * How far apart the parties were at the end of a negotiation that failed: each party's utility of
 * every last offer on the table against its own last offer and its reservation value, and for
 * each last offer who would have accepted it ({@link Preferences#acceptable}) and whether those
 * parties satisfy the agreement rule. O(p² · n) for p parties and n issues.
 */
public record LastOffers(List<PartyGap> parties, List<OfferSupport> offers) {

    public LastOffers {
        parties = List.copyOf(parties);
        offers = List.copyOf(offers);
    }

    /**
     * One party's view. {@code own}: its utility of its own last offer (NaN if it made none);
     * {@code others}: its utility of each other party's last offer (by offerer); {@code closest}
     * the offerer of the best of those for it (null if none) and {@code best} its utility;
     * {@code concession} = own − best, how far it would have had to come down from its own offer to
     * take the best one on the table; {@code shortfall} = reservation − best, positive when even
     * that offer was below its walk-away value (or it broke a hard constraint: then
     * {@code acceptsBest} is false whatever the utility).
     */
    public record PartyGap(
            String party, double reservation, double own, Map<String, Double> others, String closest, double best,
            boolean acceptsBest, double concession, double shortfall) {

        public PartyGap {
            others = Collections.unmodifiableMap(new LinkedHashMap<>(others));
        }
    }

    /** A last offer, the parties that would have accepted it, and whether they alone could have signed it. */
    public record OfferSupport(String offerer, Outcome offer, List<String> acceptedBy, boolean passes) {

        public OfferSupport {
            acceptedBy = List.copyOf(acceptedBy);
        }
    }

    /**
     * The gaps between the last offers {@code lastOffers} (offerer → its last offer; parties that
     * made none are left out) under the scenario's agreement rule.
     *
     * @throws IllegalArgumentException naming an unknown offerer or an offer outside the domain
     */
    public static LastOffers of(Scenario scenario, Map<String, Outcome> lastOffers) {
        for (Map.Entry<String, Outcome> entry : lastOffers.entrySet()) {
            if (scenario.indexOf(entry.getKey()) < 0) {
                throw new IllegalArgumentException("Unknown offerer (" + entry.getKey() + ") in scenario ("
                        + scenario.name() + "); the parties are " + scenario.partyNames() + ".");
            }
            scenario.domain().validate(entry.getValue());
        }
        List<String> offerers = scenario.partyNames().stream().filter(lastOffers::containsKey).toList();
        List<PartyGap> gaps = new ArrayList<>();
        for (String name : scenario.partyNames()) {
            Preferences preferences = scenario.party(name).preferences();
            double own = lastOffers.containsKey(name) ? preferences.utility(lastOffers.get(name)) : Double.NaN;
            Map<String, Double> others = new LinkedHashMap<>();
            String closest = null;
            double best = Double.NaN;
            for (String offerer : offerers) {
                if (offerer.equals(name)) {
                    continue;
                }
                double u = preferences.utility(lastOffers.get(offerer));
                others.put(offerer, u);
                if (closest == null || u > best) {
                    closest = offerer;
                    best = u;
                }
            }
            boolean accepts = closest != null && preferences.acceptable(lastOffers.get(closest));
            gaps.add(new PartyGap(name, preferences.reservation(), own, others, closest, best, accepts, own - best,
                    preferences.reservation() - best));
        }
        List<OfferSupport> offers = new ArrayList<>();
        for (String offerer : offerers) {
            Outcome offer = lastOffers.get(offerer);
            List<String> acceptedBy = new ArrayList<>();
            for (String name : scenario.partyNames()) {
                if (scenario.party(name).preferences().acceptable(offer)) {
                    acceptedBy.add(name);
                }
            }
            offers.add(new OfferSupport(offerer, offer, acceptedBy, scenario.agreement().stands(acceptedBy)));
        }
        return new LastOffers(gaps, offers);
    }

    /** Each party's last {@link Action.Offer} in a negotiation's log (the mediator's texts left out). */
    public static Map<String, Outcome> lastOffers(List<Event> events) {
        Map<String, Outcome> last = new LinkedHashMap<>();
        for (Event event : events) {
            if (event.action() instanceof Action.Offer offer && !Event.MEDIATOR.equals(event.party())) {
                last.put(event.party(), offer.outcome());
            }
        }
        return last;
    }
}
