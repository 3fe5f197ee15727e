package org.parley.io.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PlainHttpConnectionTest {

    /**
     * A scripted HTTP/1.1 server: reads each request (head and Content-Length body) and writes what
     * {@code reply} makes of its number on the server (from 1), or closes the connection on null.
     */
    private static final class Scripted implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger connections = new AtomicInteger();
        final List<String> bodies = new CopyOnWriteArrayList<>();

        Scripted(Function<Integer, String> reply) throws IOException {
            Thread thread = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket socket = server.accept()) {
                        connections.incrementAndGet();
                        serve(socket, reply);
                    } catch (IOException e) {
                        // the test closed the server, or the client the connection
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        private void serve(Socket socket, Function<Integer, String> reply) throws IOException {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                String line = line(in);
                if (line == null) {
                    return;
                }
                int length = 0;
                while (!(line = line(in)).isEmpty()) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                }
                bodies.add(new String(in.readNBytes(length), StandardCharsets.UTF_8));
                String answer = reply.apply(requests.incrementAndGet());
                if (answer == null) {
                    return;
                }
                out.write(answer.getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (answer.startsWith("HTTP/1.0")) {
                    return; // its end is the connection's
                }
            }
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c; (c = in.read()) != '\n'; ) {
                if (c < 0) {
                    return null;
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/agent?x=1");
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    private static String ok(String body) {
        return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    @Test
    void repliesWithALengthAreReadOnOneKeptAliveConnection() throws IOException {
        try (Scripted agent = new Scripted(n -> ok("{\"n\": " + n + ", \"é\": \"ü\"}"));
                PlainHttpConnection connection = new PlainHttpConnection(agent.url(), 1000)) {
            for (int i = 1; i <= 3; i++) {
                PlainHttpConnection.Reply reply = connection.post("{\"say\": \"ça\"}", 2000);
                assertThat(reply.status()).isEqualTo(200);
                assertThat(reply.body()).isEqualTo("{\"n\": " + i + ", \"é\": \"ü\"}");
            }
            assertThat(agent.connections.get()).isEqualTo(1);
            assertThat(agent.bodies).containsOnly("{\"say\": \"ça\"}");
        }
    }

    @Test
    void chunkedRepliesAndRepliesUpToTheCloseAreRead() throws IOException {
        try (Scripted agent = new Scripted(n -> n % 2 == 1
                ? "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{\"a\"\r\n5;x=y\r\n: 12}\r\n0\r\n\r\n"
                : "HTTP/1.0 404 Not Found\r\n\r\nno agent here");
                PlainHttpConnection connection = new PlainHttpConnection(agent.url(), 1000)) {
            assertThat(connection.post("{}", 2000)).isEqualTo(new PlainHttpConnection.Reply(200, "{\"a\": 12}"));
            // An HTTP/1.0 reply without a length ends with the connection, which the server then closes.
            assertThat(connection.post("{}", 2000)).isEqualTo(new PlainHttpConnection.Reply(404, "no agent here"));
        }
    }

    @Test
    void aKeptAliveConnectionTheAgentClosedIsOpenedAgainOnce() throws IOException {
        // The server closes after every second request without answering it: a stale connection.
        try (Scripted agent = new Scripted(n -> n % 2 == 0 ? null : ok("{\"n\": " + n + "}"));
                PlainHttpConnection connection = new PlainHttpConnection(agent.url(), 1000)) {
            assertThat(connection.post("{}", 2000).body()).isEqualTo("{\"n\": 1}");
            assertThat(connection.post("{}", 2000).body()).isEqualTo("{\"n\": 3}");
            assertThat(agent.connections.get()).isEqualTo(2);
        }
    }

    @Test
    void aSlowAgentTimesOutAndADeadOneCannotBeReached() throws IOException {
        try (Scripted agent = new Scripted(n -> {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ok("{}");
        }); PlainHttpConnection connection = new PlainHttpConnection(agent.url(), 1000)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> connection.post("{}", 200)).isInstanceOf(HttpTimeoutException.class);
            assertThat((System.nanoTime() - start) / 1e6).isLessThan(900);
        }
        // A port bound but not listening refuses connections, and while it stays bound nothing else
        // can listen on it, nor can the client's own end take it (a port closed before the call
        // could be taken by another server, or by the client itself: a TCP self-connect).
        try (Socket bound = new Socket()) {
            bound.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            URI gone = URI.create("http://127.0.0.1:" + bound.getLocalPort() + "/");
            try (PlainHttpConnection connection = new PlainHttpConnection(gone, 1000)) {
                assertThatThrownBy(() -> connection.post("{}", 2000)).isInstanceOf(IOException.class)
                        .isNotInstanceOf(HttpTimeoutException.class);
            }
        }
    }

    @Test
    void anOversizedReplyIsRefused() throws IOException {
        try (Scripted agent = new Scripted(n -> "HTTP/1.1 200 OK\r\nContent-Length: "
                + (PlainHttpConnection.MAX_REPLY + 1) + "\r\n\r\n{}");
                PlainHttpConnection connection = new PlainHttpConnection(agent.url(), 1000)) {
            assertThatThrownBy(() -> connection.post("{}", 2000)).isInstanceOf(IOException.class)
                    .hasMessageContaining("over the");
        }
    }
}
