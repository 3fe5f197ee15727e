package org.parley.io.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.parley.core.model.Outcome;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Move;
import org.parley.core.negotiation.Request;
import org.parley.core.strategy.ExternalStrategy;
import org.parley.core.strategy.Setup;
import org.parley.io.json.NegotiationJson;

/**
 * A party played by an agent outside Parley, in any language, behind an HTTP endpoint that speaks
 * the remote agent protocol (docs/agents.md): one POST of a JSON message per event (the start,
 * each turn with the public moves since the last, the end), and at each turn a JSON action back.
 * Moves observed between turns are sent with the next turn, so a turn costs one round trip.
 *
 * <p>Every failure (the agent cannot be reached, answers late, with an HTTP error or with a reply
 * the protocol does not allow) is a {@link RemoteAgentException} from the call, which the engine
 * records as the party's misbehaviour: it leaves the table and the negotiation goes on.
 */
final class RemoteStrategy implements ExternalStrategy {

    private final HttpClient client;
    private final URI url;
    private final Duration timeout;
    private final int maxBids;
    private final List<Move> unsent = new ArrayList<>();
    /** The party's own connection for its start and turns at an http URL (null for https: the JDK client's). */
    private final PlainHttpConnection connection;
    private RemoteAgentMessages messages;
    /** How long each call may take: the spec's timeout, else the run's move time limit, else the default. */
    private Duration limit;

    RemoteStrategy(HttpClient client, URI url, Duration timeout, int maxBids) {
        this.client = client;
        this.url = url;
        this.timeout = timeout;
        this.maxBids = maxBids;
        this.connection = "http".equalsIgnoreCase(url.getScheme())
                ? new PlainHttpConnection(url, RemoteAgents.CONNECT_MILLIS) : null;
    }

    @Override
    public void start(Setup setup) {
        messages = new RemoteAgentMessages(setup, UUID.randomUUID().toString());
        unsent.clear();
        limit = timeout != null ? timeout : setup.moveTimeLimit() != null ? setup.moveTimeLimit()
                : RemoteAgents.DEFAULT_TIMEOUT;
        post(messages.start(maxBids, setup.random().nextLong()), limit, "start");
    }

    @Override
    public void observe(Move move) {
        unsent.add(move);
    }

    @Override
    public Action act(Request request) {
        ObjectNode message = messages.act(unsent, request);
        unsent.clear();
        return messages.action(post(message, limit, "turn"), request);
    }

    @Override
    public void end(Outcome agreement) {
        ObjectNode message = messages.end(unsent, agreement);
        unsent.clear();
        // Nothing depends on the answer: sent without waiting, so a slow agent holds up no one.
        client.sendAsync(request(message, limit), HttpResponse.BodyHandlers.discarding());
        if (connection != null) {
            connection.close();
        }
    }

    private HttpRequest request(ObjectNode message, Duration limit) {
        return HttpRequest.newBuilder(url).timeout(limit)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(NegotiationJson.text(message), StandardCharsets.UTF_8))
                .build();
    }

    /** Posts a message and returns the reply's body; any failure is a {@link RemoteAgentException}. */
    private String post(ObjectNode message, Duration limit, String what) {
        int status;
        String body;
        try {
            if (connection != null) {
                PlainHttpConnection.Reply reply = connection.post(NegotiationJson.text(message), limit.toMillis());
                status = reply.status();
                body = reply.body();
            } else {
                HttpResponse<String> response = client.send(request(message, limit),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                status = response.statusCode();
                body = response.body();
            }
        } catch (HttpTimeoutException e) {
            throw new RemoteAgentException("the remote agent at " + url + " did not answer its " + what + " within "
                    + limit.toMillis() + " ms");
        } catch (IOException e) {
            throw new RemoteAgentException("the remote agent at " + url + " cannot be reached for its " + what + " ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteAgentException("the call to the remote agent at " + url + " was interrupted");
        }
        if (status / 100 != 2) {
            throw new RemoteAgentException("the remote agent at " + url + " answered its " + what + " with HTTP "
                    + status + " " + RemoteAgentMessages.excerpt(body));
        }
        return body;
    }
}
