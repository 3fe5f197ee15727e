package org.parley.io.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.core.analysis.DealAssessment;
import org.parley.core.analysis.LastOffers;
import org.parley.core.analysis.NegotiationDebrief;
import org.parley.core.analysis.WhyNoDeal;
import org.parley.core.model.Outcome;
import org.parley.io.FormatException;

/**
 * A {@link NegotiationDebrief} as JSON (docs/records.md, "Debriefs"), written and read as a tree
 * by hand: the debrief is a nest of small records with NaN figures (null in JSON), fields left out
 * when they do not apply, and outcomes that need the scenario's domain, which a tree states more
 * plainly than mix-ins would. Reading what was written gives an equal value; a mistake names its
 * path ({@code result.debrief.concepts[2].distance}).
 */
final class DebriefMapping {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final NegotiationJson json;

    DebriefMapping(NegotiationJson json) {
        this.json = json;
    }

    // ---- writing ----------------------------------------------------------------------------

    ObjectNode write(NegotiationDebrief debrief) {
        ObjectNode node = NODES.objectNode();
        node.put("rule", debrief.rule());
        node.set("signers", strings(debrief.signers()));
        node.set("coalition", strings(debrief.coalition()));
        number(node, "pareto", debrief.pareto());
        ArrayNode concepts = node.putArray("concepts");
        for (NegotiationDebrief.Concept concept : debrief.concepts()) {
            ObjectNode c = concepts.addObject();
            c.put("key", concept.key());
            number(c, "distance", concept.distance());
            c.set("utilities", numbers(concept.utilities()));
            c.set("outcome", json.outcomeNode(concept.outcome()));
            c.put("ties", concept.ties());
        }
        number(node, "ruleFrontier", debrief.ruleFrontier());
        ArrayNode better = node.putArray("betterCoalitions");
        for (DealAssessment.BetterCoalition coalition : debrief.betterCoalitions()) {
            ObjectNode b = better.addObject();
            b.set("members", strings(coalition.members()));
            b.set("outcome", json.outcomeNode(coalition.outcome()));
            b.set("utilities", numbers(coalition.utilities()));
            b.set("baseline", numbers(coalition.baseline()));
        }
        if (!debrief.whyNoDeal().isEmpty()) {
            node.set("whyNoDeal", whyNoDeal(debrief.whyNoDeal()));
        }
        if (debrief.lastOffers() != null) {
            node.set("lastOffers", lastOffers(debrief.lastOffers()));
        }
        if (!debrief.note().isEmpty()) {
            node.put("note", debrief.note());
        }
        return node;
    }

    /** The shape of {@code parley analyze --json}'s {@code whyNoDeal}, with each constraint's index and the checks made. */
    private static ArrayNode whyNoDeal(List<WhyNoDeal.CoalitionBlockers> blockers) {
        ArrayNode list = NODES.arrayNode();
        for (WhyNoDeal.CoalitionBlockers coalition : blockers) {
            ObjectNode c = list.addObject();
            c.set("members", strings(coalition.members()));
            c.put("feasible", coalition.feasible());
            ArrayNode sets = c.putArray("blockerSets");
            for (List<WhyNoDeal.Blocker> set : coalition.minimalSets()) {
                ArrayNode entries = sets.addArray();
                for (WhyNoDeal.Blocker blocker : set) {
                    ObjectNode b = entries.addObject();
                    b.put("party", blocker.party());
                    b.put("kind", blocker.kind().name().toLowerCase(Locale.ROOT));
                    if (blocker.kind() == WhyNoDeal.Blocker.Kind.CONSTRAINT) {
                        b.put("constraint", blocker.constraint());
                    } else {
                        number(b, "reservation", blocker.reservation());
                    }
                    b.put("text", blocker.text());
                }
            }
            c.put("complete", coalition.complete());
            c.put("checks", coalition.checks());
            if (!coalition.note().isEmpty()) {
                c.put("note", coalition.note());
            }
        }
        return list;
    }

    private ObjectNode lastOffers(LastOffers offers) {
        ObjectNode node = NODES.objectNode();
        ArrayNode parties = node.putArray("parties");
        for (LastOffers.PartyGap gap : offers.parties()) {
            ObjectNode g = parties.addObject();
            g.put("party", gap.party());
            number(g, "reservation", gap.reservation());
            number(g, "own", gap.own());
            g.set("others", numbers(gap.others()));
            if (gap.closest() == null) {
                g.putNull("closest");
            } else {
                g.put("closest", gap.closest());
            }
            number(g, "best", gap.best());
            g.put("acceptsBest", gap.acceptsBest());
            number(g, "concession", gap.concession());
            number(g, "shortfall", gap.shortfall());
        }
        ArrayNode list = node.putArray("offers");
        for (LastOffers.OfferSupport offer : offers.offers()) {
            ObjectNode o = list.addObject();
            o.put("offerer", offer.offerer());
            o.set("offer", json.outcomeNode(offer.offer()));
            o.set("acceptedBy", strings(offer.acceptedBy()));
            o.put("passes", offer.passes());
        }
        return node;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    private static ObjectNode numbers(Map<String, Double> values) {
        ObjectNode node = NODES.objectNode();
        values.forEach((key, value) -> number(node, key, value));
        return node;
    }

    /** NaN, which JSON cannot hold, as null. */
    private static void number(ObjectNode node, String field, double value) {
        if (Double.isNaN(value)) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    // ---- reading ----------------------------------------------------------------------------

    NegotiationDebrief read(JsonNode node, String path) {
        object(node, path);
        List<NegotiationDebrief.Concept> concepts = new ArrayList<>();
        JsonNode conceptList = array(node, "concepts", path);
        for (int i = 0; i < conceptList.size(); i++) {
            String at = path + ".concepts[" + i + "]";
            JsonNode c = object(conceptList.get(i), at);
            concepts.add(new NegotiationDebrief.Concept(text(c, "key", at), number(c, "distance", at),
                    numbers(c, "utilities", at), outcome(c, "outcome", at), whole(c, "ties", at)));
        }
        List<DealAssessment.BetterCoalition> better = new ArrayList<>();
        JsonNode betterList = array(node, "betterCoalitions", path);
        for (int i = 0; i < betterList.size(); i++) {
            String at = path + ".betterCoalitions[" + i + "]";
            JsonNode b = object(betterList.get(i), at);
            better.add(new DealAssessment.BetterCoalition(strings(b, "members", at), outcome(b, "outcome", at),
                    numbers(b, "utilities", at), numbers(b, "baseline", at)));
        }
        List<WhyNoDeal.CoalitionBlockers> whyNoDeal = node.hasNonNull("whyNoDeal")
                ? whyNoDeal(node.get("whyNoDeal"), path + ".whyNoDeal") : List.of();
        LastOffers lastOffers = node.hasNonNull("lastOffers") ? lastOffers(node.get("lastOffers"), path + ".lastOffers")
                : null;
        String note = node.hasNonNull("note") ? text(node, "note", path) : "";
        return new NegotiationDebrief(text(node, "rule", path), strings(node, "signers", path),
                strings(node, "coalition", path), number(node, "pareto", path), concepts,
                number(node, "ruleFrontier", path), better, whyNoDeal, lastOffers, note);
    }

    private static List<WhyNoDeal.CoalitionBlockers> whyNoDeal(JsonNode node, String path) {
        if (!node.isArray()) {
            throw wrong(path, "expected a list, not " + node);
        }
        List<WhyNoDeal.CoalitionBlockers> list = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode c = object(node.get(i), at);
            List<String> members = strings(c, "members", at);
            List<List<WhyNoDeal.Blocker>> sets = new ArrayList<>();
            JsonNode setList = array(c, "blockerSets", at);
            for (int s = 0; s < setList.size(); s++) {
                String setPath = at + ".blockerSets[" + s + "]";
                JsonNode set = setList.get(s);
                if (!set.isArray()) {
                    throw wrong(setPath, "expected a list of blockers, not " + set);
                }
                List<WhyNoDeal.Blocker> blockers = new ArrayList<>();
                for (int b = 0; b < set.size(); b++) {
                    blockers.add(blocker(set.get(b), setPath + "[" + b + "]"));
                }
                sets.add(blockers);
            }
            String note = c.hasNonNull("note") ? text(c, "note", at) : "";
            list.add(new WhyNoDeal.CoalitionBlockers(members, bool(c, "feasible", at), sets, bool(c, "complete", at),
                    (int) whole(c, "checks", at), note));
        }
        return list;
    }

    private static WhyNoDeal.Blocker blocker(JsonNode node, String path) {
        object(node, path);
        String kind = text(node, "kind", path);
        String party = text(node, "party", path);
        String text = text(node, "text", path);
        return switch (kind) {
            case "constraint" -> new WhyNoDeal.Blocker(party, WhyNoDeal.Blocker.Kind.CONSTRAINT,
                    (int) whole(node, "constraint", path), text, Double.NaN);
            case "reservation" -> new WhyNoDeal.Blocker(party, WhyNoDeal.Blocker.Kind.RESERVATION, -1, text,
                    number(node, "reservation", path));
            default -> throw wrong(path + ".kind", "unknown kind (" + kind + "); expected constraint or reservation");
        };
    }

    private LastOffers lastOffers(JsonNode node, String path) {
        object(node, path);
        List<LastOffers.PartyGap> gaps = new ArrayList<>();
        JsonNode parties = array(node, "parties", path);
        for (int i = 0; i < parties.size(); i++) {
            String at = path + ".parties[" + i + "]";
            JsonNode g = object(parties.get(i), at);
            gaps.add(new LastOffers.PartyGap(text(g, "party", at), number(g, "reservation", at), number(g, "own", at),
                    numbers(g, "others", at), g.hasNonNull("closest") ? text(g, "closest", at) : null,
                    number(g, "best", at), bool(g, "acceptsBest", at), number(g, "concession", at),
                    number(g, "shortfall", at)));
        }
        List<LastOffers.OfferSupport> offers = new ArrayList<>();
        JsonNode list = array(node, "offers", path);
        for (int i = 0; i < list.size(); i++) {
            String at = path + ".offers[" + i + "]";
            JsonNode o = object(list.get(i), at);
            offers.add(new LastOffers.OfferSupport(text(o, "offerer", at), outcome(o, "offer", at),
                    strings(o, "acceptedBy", at), bool(o, "passes", at)));
        }
        return new LastOffers(gaps, offers);
    }

    private Outcome outcome(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw wrong(path + "." + field, "missing");
        }
        return json.outcome(value, path + "." + field);
    }

    private static JsonNode object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw wrong(path, "expected an object, not " + node);
        }
        return node;
    }

    private static JsonNode array(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw wrong(path + "." + field, value == null ? "missing" : "expected a list, not " + value);
        }
        return value;
    }

    private static List<String> strings(JsonNode node, String field, String path) {
        JsonNode value = array(node, field, path);
        List<String> list = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                throw wrong(path + "." + field + "[" + i + "]", "expected a party's name, not " + value.get(i));
            }
            list.add(value.get(i).textValue());
        }
        return list;
    }

    private static Map<String, Double> numbers(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw wrong(path + "." + field, value == null ? "missing" : "expected an object from party to number, not "
                    + value);
        }
        Map<String, Double> map = new LinkedHashMap<>();
        for (String key : (Iterable<String>) value::fieldNames) {
            map.put(key, number(value, key, path + "." + field));
        }
        return map;
    }

    private static String text(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw wrong(path + "." + field, value == null ? "missing" : "expected text, not " + value);
        }
        return value.textValue();
    }

    /** A number, or null for NaN (a figure with nothing to measure to); the field must be there. */
    private static double number(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw wrong(path + "." + field, "missing");
        }
        if (value.isNull()) {
            return Double.NaN;
        }
        if (!value.isNumber()) {
            throw wrong(path + "." + field, "expected a number or null, not " + value);
        }
        return value.doubleValue();
    }

    private static long whole(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw wrong(path + "." + field, value == null ? "missing" : "expected a whole number, not " + value);
        }
        return value.longValue();
    }

    private static boolean bool(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || !value.isBoolean()) {
            throw wrong(path + "." + field, value == null ? "missing" : "expected true or false, not " + value);
        }
        return value.booleanValue();
    }

    private static FormatException wrong(String path, String problem) {
        return new FormatException("negotiation JSON", 0, 0, path, problem);
    }
}
