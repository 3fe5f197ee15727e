package org.parley.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A load driver's HTTP/1.1 client: one kept-alive connection, used by one thread, a request
 * written and its response read on that thread. It is what a lean client (a bot, a browser's
 * single connection) costs the machine, not what the JDK's {@link java.net.http.HttpClient} costs:
 * that one hands every response from its selector thread to a worker and back to the caller,
 * which in {@link ServerLoad} took 0.7 ms of CPU per request, as much as the server's own work
 * for a small response, on the same two cores. The server is what the benchmark measures; its
 * driver should take as little of the machine as a client can.
 *
 * <p>Requests carry {@code Content-Length}; responses may have a length, be chunked, or run to
 * the close. A kept-alive connection the server closed meanwhile shows as an end of stream before
 * the first byte of the response; a GET is then sent once more on a new connection (a POST is
 * not: the server may have acted on it).
 */
final class PlainHttp implements AutoCloseable {

    /** A response: its status and body. */
    record Response(int status, byte[] body) {}

    private static final int MAX_BODY = 64 << 20;

    private final String host;
    private final int port;
    private final String hostHeader;
    private final int timeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    PlainHttp(URI base, int timeoutMillis) {
        this.host = base.getHost();
        this.port = base.getPort() < 0 ? 80 : base.getPort();
        this.hostHeader = base.getPort() < 0 ? host : host + ":" + port;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Sends a request and reads its response. {@code headers} are extra header lines, each ending
     * in CRLF ("" for none); {@code body} is JSON, or null for none.
     */
    Response send(String method, String target, String headers, String body) throws IOException {
        byte[] request = request(method, target, headers, body);
        boolean reused = socket != null;
        try {
            connect();
            out.write(request);
            out.flush();
            return read(reused);
        } catch (StaleConnection e) {
            close();
            if (!method.equals("GET")) {
                throw new IOException("the server closed the kept-alive connection before answering a " + method, e);
            }
            connect();
            out.write(request);
            out.flush();
            return read(false);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private byte[] request(String method, String target, String headers, String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(160 + headers.length()).append(method).append(' ').append(target)
                .append(" HTTP/1.1\r\nHost: ").append(hostHeader).append("\r\n").append(headers);
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
        }
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[headBytes.length + content.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(content, 0, all, headBytes.length, content.length);
        return all;
    }

    private void connect() throws IOException {
        if (socket != null) {
            return;
        }
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setSoTimeout(timeoutMillis);
            s.connect(new InetSocketAddress(host, port), timeoutMillis);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 16384);
        out = s.getOutputStream();
    }

    private Response read(boolean reused) throws IOException {
        String status = line(reused);
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x response: " + status);
        }
        int code = Integer.parseInt(parts[1]);
        long length = -1;
        boolean chunked = false;
        boolean closes = parts[0].equals("HTTP/1.0");
        for (String header; !(header = line(false)).isEmpty(); ) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> closes = value.contains("close") || (closes && !value.contains("keep-alive"));
                default -> {
                }
            }
        }
        byte[] body;
        if (code / 100 == 1 || code == 204 || code == 304) {
            body = new byte[0];
        } else if (chunked) {
            body = chunked();
        } else if (length >= 0) {
            if (length > MAX_BODY) {
                throw new IOException("a response of " + length + " bytes");
            }
            body = exactly((int) length);
        } else {
            body = in.readAllBytes();
            closes = true;
        }
        if (closes) {
            close();
        }
        return code / 100 == 1 ? read(false) : new Response(code, body);
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(false);
            int semicolon = size.indexOf(';');
            int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (n < 0 || body.size() + (long) n > MAX_BODY) {
                throw new IOException("a chunk of " + n + " bytes");
            }
            if (n == 0) {
                while (!line(false).isEmpty()) {
                    // trailers, ignored
                }
                return body.toByteArray();
            }
            body.write(exactly(n));
            line(false);
        }
    }

    private byte[] exactly(int n) throws IOException {
        byte[] bytes = new byte[n];
        int read = 0;
        while (read < n) {
            int got = in.read(bytes, read, n - read);
            if (got < 0) {
                throw new EOFException("the connection closed in the middle of the response");
            }
            read += got;
        }
        return bytes;
    }

    /** A header line without its CRLF; on a reused connection, an end of stream before any byte is stale. */
    private String line(boolean firstOfReused) throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int c = in.read();
            if (c < 0) {
                if (firstOfReused && line.length() == 0) {
                    throw new StaleConnection();
                }
                throw new EOFException("the connection closed before the response was complete");
            }
            firstOfReused = false;
            if (c == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            if (line.length() > 16_384) {
                throw new IOException("a header line over 16 kB");
            }
            line.append((char) c);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a connection that failed: nothing more to do
            }
            socket = null;
            in = null;
            out = null;
        }
    }

    /** The server had closed a kept-alive connection before this request reached it. */
    private static final class StaleConnection extends IOException {
        StaleConnection() {
            super("the kept-alive connection was closed by the server");
        }
    }
}
