package org.parley.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Result;
import org.parley.core.world.World;
import org.parley.core.world.WorldPlay;
import org.parley.core.world.WorldResult;
import org.parley.io.FormatException;

/**
 * The JSON API of worlds played in the browser (docs/api.md, "Worlds"): the built-in worlds, starting
 * one with the power a person plays, its view through the world's token, and the person's decision
 * to honour or breach an agreement.
 *
 * <p>What a view shows the person is what their power may know: the schedule (public), the
 * execution phases their power saw (all of them in a world where breaches are public, only those of
 * agreements it signed otherwise), its own trust in each other power, and its own welfare. Never
 * another power's preferences, payoffs, honour policy or trust: the others' welfare and standing
 * appear once the world is over, as a table's debriefing appears once it has ended.
 */
final class WorldApi {

    private final OpenTables tables;
    private final Worlds worlds;

    WorldApi(OpenTables tables, Worlds worlds) {
        this.tables = tables;
        this.worlds = worlds;
    }

    void list(Context ctx) {
        ArrayNode list = Views.MAPPER.createArrayNode();
        worlds.files().builtIns().values().forEach(w -> list.add(summary(w.world())));
        Api.json(ctx, 200, list);
    }

    /** What anyone may know of a world before playing it: its powers and its schedule, no policies. */
    private static ObjectNode summary(World world) {
        ObjectNode node = Views.MAPPER.createObjectNode();
        node.put("name", world.name());
        ArrayNode powers = node.putArray("powers");
        world.powerNames().forEach(powers::add);
        node.put("negotiations", world.meetings().size());
        node.put("rounds", world.rounds());
        node.set("rules", rules(world));
        return node;
    }

    private static ObjectNode rules(World world) {
        ObjectNode rules = Views.MAPPER.createObjectNode();
        rules.put("trust", world.trust().model().name().toLowerCase(Locale.ROOT));
        rules.put("forgetting", world.trust().forgetting());
        rules.put("breachesSeenBy", world.breach().visibility() == World.Visibility.PUBLIC ? "everyone" : "signers");
        if (Double.isNaN(world.breach().gain())) {
            rules.put("breachGain", "best-outcome");
        } else {
            rules.put("breachGain", world.breach().gain());
        }
        rules.put("breachLoss", world.breach().loss());
        return rules;
    }

    /** Reads an uploaded world file as starting it would, and says what it holds (a 400 naming the line if it is bad). */
    void check(Context ctx) {
        Api.json(ctx, 200, summary(uploaded(Api.body(ctx, Set.of("worldText")))));
    }

    private World uploaded(ObjectNode body) {
        return uploaded(Api.string(body, "worldText", true));
    }

    private World uploaded(String text) {
        if (text.length() > Api.MAX_SCENARIO_CHARS) {
            throw ApiException.badField("worldText", "The world file is " + text.length() + " characters long; at"
                + " most " + Api.MAX_SCENARIO_CHARS + " are accepted.");
        }
        try {
            return worlds.files().read(text, "uploaded world");
        } catch (FormatException e) {
            throw ApiException.badField("worldText", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("worldText", "The world is not valid: " + e.getMessage());
        }
    }

    void start(Context ctx) {
        String organizer = tables.organizers().organizer(ctx, true);
        tables.creations().acquire(organizer != null ? "organizer " + organizer : "address " + ctx.ip());
        ObjectNode body = Api.body(ctx, Set.of("world", "worldText", "power", "seed"));
        World world;
        String builtIn = null;
        String text;
        if (body.hasNonNull("worldText")) {
            if (body.hasNonNull("world")) {
                throw ApiException.badField("world", "Give either world (a built-in world's name) or worldText (an"
                        + " uploaded world file), not both.");
            }
            text = Api.string(body, "worldText", true);
            world = uploaded(text);
        } else {
            String name = Api.string(body, "world", true);
            WorldFiles.BuiltIn found = worlds.files().builtIns().get(name);
            if (found == null) {
                throw ApiException.badField("world", "No built-in world (" + name + "); the built-in worlds are "
                        + worlds.files().builtIns().keySet() + ", or upload one as worldText.");
            }
            world = found.world();
            builtIn = name;
            text = found.text();
        }
        String power = Api.string(body, "power", true);
        if (!world.powerNames().contains(power)) {
            throw ApiException.badField("power", "Unknown power (" + power + "); the powers of " + world.name()
                    + " are " + world.powerNames() + ".");
        }
        if (world.meetings().stream().noneMatch(m -> m.roles().containsValue(power))) {
            throw ApiException.badField("power", "The power (" + power + ") takes part in none of the negotiations of "
                    + world.name() + "; choose one that does.");
        }
        long seed = Api.seed(body, tables.tokens().seed());
        Worlds.Game game = worlds.start(world, builtIn, text, power, seed, organizer);
        ObjectNode response = view(game);
        response.put("token", game.token());
        response.put("path", "/w/" + game.id + "#" + game.token());
        response.put("url", ctx.scheme() + "://" + ctx.host() + "/w/" + game.id + "#" + game.token());
        ctx.header("Location", "/api/worlds/" + game.id);
        Api.json(ctx, 201, response);
    }

    void view(Context ctx) {
        Worlds.Game game = authorize(ctx);
        game.advance();
        Api.json(ctx, 200, view(game));
    }

    void decide(Context ctx) {
        Worlds.Game game = authorize(ctx);
        ObjectNode body = Api.body(ctx, Set.of("decision"));
        String decision = Api.string(body, "decision", true);
        if (!decision.equals("honour") && !decision.equals("breach")) {
            throw ApiException.badField("decision", "The decision is honour or breach, not (" + decision + ").");
        }
        game.advance();
        game.decide(decision.equals("breach"));
        Api.json(ctx, 200, view(game));
    }

    private Worlds.Game authorize(Context ctx) {
        String header = ctx.header("Authorization");
        String token = null;
        if (header != null) {
            if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new ApiException(401, null, "The Authorization header must be \"Bearer TOKEN\".");
            }
            token = header.substring(7).trim();
        }
        return worlds.game(ctx.pathParam("id"), token);
    }

    /** The world as the person's power sees it (see the class comment for what that leaves out). */
    static ObjectNode view(Worlds.Game game) {
        synchronized (game) {
            WorldPlay play = game.play;
            World world = play.world();
            String you = game.person;
            Worlds.Phase phase = game.phase();
            boolean ended = phase == Worlds.Phase.ENDED;
            boolean publicBreaches = world.breach().visibility() == World.Visibility.PUBLIC;
            ObjectNode node = Views.MAPPER.createObjectNode();
            node.put("id", game.id);
            node.put("world", world.name());
            node.put("you", you);
            node.put("seed", play.seed());
            node.put("state", phase.name().toLowerCase(Locale.ROOT));
            if (game.failure() != null) {
                node.put("failure", game.failure());
            }
            node.set("rules", rules(world));
            node.put("position", play.position());
            List<Worlds.Held> held = game.held();
            ArrayNode schedule = node.putArray("schedule");
            for (int k = 0; k < world.meetings().size(); k++) {
                World.Meeting meeting = world.meetings().get(k);
                ObjectNode item = schedule.addObject();
                item.put("index", k);
                item.put("scenario", meeting.scenario().name());
                ArrayNode powers = item.putArray("powers");
                meeting.roles().values().forEach(powers::add);
                boolean yours = meeting.roles().containsValue(you);
                item.put("yours", yours);
                if (yours) {
                    item.put("party", partyOf(meeting, you));
                }
                item.put("status", k < held.size() ? "done" : k == play.position() && !ended ? "current" : "upcoming");
                if (k < held.size()) {
                    Worlds.Held h = held.get(k);
                    WorldResult.MeetingResult m = h.result();
                    if (yours || publicBreaches || ended) {
                        item.put("agreement", m.result().agreement());
                    }
                    boolean signed = yours && m.result().agreement()
                            && m.result().signers().contains(partyOf(meeting, you));
                    if (m.result().agreement() && (publicBreaches || signed || ended)) {
                        ArrayNode signers = item.putArray("signers");
                        m.result().signers().forEach(s -> signers.add(meeting.roles().get(s)));
                        ArrayNode breached = item.putArray("breached");
                        m.breachers().forEach(breached::add);
                    }
                    if (yours) {
                        item.put("yourPayoff", m.payoffs().get(you));
                        if (h.tableId() != null) {
                            item.put("table", tablePath(game, h.tableId(), k));
                        }
                    }
                }
            }
            if (phase == Worlds.Phase.NEGOTIATING) {
                ObjectNode table = node.putObject("table");
                table.put("id", game.tableId());
                table.put("path", tablePath(game, game.tableId(), play.position()));
                table.put("scenario", play.prepare().meeting().scenario().name());
                table.put("party", Worlds.partyOf(play.prepare(), you));
            }
            if (phase == Worlds.Phase.DECIDING) {
                Result result = game.pending();
                WorldPlay.Prepared now = play.prepare();
                String party = Worlds.partyOf(now, you);
                Scenario scenario = now.meeting().scenario();
                ObjectNode decision = node.putObject("decision");
                decision.put("index", now.index());
                decision.put("scenario", scenario.name());
                decision.put("party", party);
                ObjectNode agreement = decision.putObject("agreement");
                scenario.domain().format(result.outcome()).forEach(agreement::put);
                decision.put("yourUtility", result.payoff(party).discounted());
                decision.put("gain", play.breachGain(you, result));
                if (publicBreaches) {
                    // Worked out from what every power saw, which in a public world is what this one saw.
                    decision.put("reputationCost", play.breachCost(you));
                }
                decision.put("table", tablePath(game, game.tableId(), play.position()));
            }
            WorldResult so = play.result();
            Map<String, WorldPlay.Seen> seen = play.seenBy(you);
            ArrayNode powers = node.putArray("powers");
            for (String p : world.powerNames()) {
                ObjectNode power = powers.addObject();
                power.put("name", p);
                power.put("you", p.equals(you));
                WorldResult.PowerTotals totals = so.totals().get(p);
                power.put("negotiations", totals.negotiations());
                if (p.equals(you)) {
                    power.put("agreements", totals.agreements());
                    power.put("honoured", totals.honoured());
                    power.put("breached", totals.breached());
                    power.put("welfare", totals.welfare());
                } else {
                    WorldPlay.Seen s = seen.get(p);
                    power.put("honoured", s.honoured());
                    power.put("breached", s.breached());
                    power.put("trust", play.trust(you, p));
                }
                if (ended) {
                    power.put("welfare", totals.welfare());
                    power.put("standing", totals.standing());
                    if (!p.equals(you)) {
                        // The person's own policy in the file never played: they decided.
                        power.put("honours", world.power(p).honour().name().toLowerCase(Locale.ROOT).replace('_', '-'));
                    }
                }
            }
            return node;
        }
    }

    /** The person's table of negotiation {@code index}, with the way back to the world. */
    private static String tablePath(Worlds.Game game, String tableId, int index) {
        return "/n/" + tableId + "#" + game.seatToken(index) + "&world=" + game.id + "." + game.token();
    }

    private static String partyOf(World.Meeting meeting, String power) {
        for (var role : meeting.roles().entrySet()) {
            if (role.getValue().equals(power)) {
                return role.getKey();
            }
        }
        throw new IllegalStateException(power + " plays no party of " + meeting.scenario().name());
    }
}
