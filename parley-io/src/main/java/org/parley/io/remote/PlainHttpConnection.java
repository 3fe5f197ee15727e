package org.parley.io.remote;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One kept-alive HTTP/1.1 connection to a remote agent at an {@code http} URL, used by one party
 * (whose calls come one at a time): a POST is written and its reply read on the calling thread.
 * The JDK's {@link java.net.http.HttpClient} reads replies on a selector thread of its own and hands
 * them back, two thread hand-offs a move, which on a loaded machine were most of a round trip over
 * loopback; here a move is a write and a read on one socket. The wire is the same HTTP/1.1 as
 * before: requests with {@code Content-Length}, replies with a length, chunked, or up to the close.
 *
 * <p>A kept-alive connection the agent has closed meanwhile shows as an end of stream before any
 * byte of the reply; the request is then sent once more on a new connection (the agent cannot
 * have read it). Replies over {@link #MAX_REPLY} bytes are refused.
 */
final class PlainHttpConnection implements AutoCloseable {

    /** The largest reply accepted: an action is a few hundred bytes. */
    static final int MAX_REPLY = 8 << 20;

    /** A reply: its status and body. */
    record Reply(int status, String body) {}

    private final URI url;
    private final String host;
    private final int port;
    private final String target;
    private final int connectMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    PlainHttpConnection(URI url, int connectMillis) {
        this.url = url;
        this.host = url.getHost();
        this.port = url.getPort() < 0 ? 80 : url.getPort();
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        this.target = url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
        this.connectMillis = connectMillis;
    }

    /**
     * POSTs {@code json} and returns the reply; {@link HttpTimeoutException} when the whole
     * exchange takes longer than {@code limitMillis}, an {@link IOException} when the connection
     * fails.
     */
    Reply post(String json, long limitMillis) throws IOException {
        long deadline = System.nanoTime() + limitMillis * 1_000_000L;
        byte[] request = request(json.getBytes(StandardCharsets.UTF_8));
        boolean fresh = socket == null;
        try {
            connect(deadline);
            out.write(request);
            out.flush();
            return read(deadline, !fresh);
        } catch (StaleConnection e) {
            close();
            connect(deadline);
            out.write(request);
            out.flush();
            return read(deadline, false);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private byte[] request(byte[] body) {
        String head = "POST " + target + " HTTP/1.1\r\nHost: " + host + (url.getPort() < 0 ? "" : ":" + port)
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    private void connect(long deadline) throws IOException {
        if (socket != null) {
            return;
        }
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port), (int) Math.max(1, Math.min(connectMillis, remaining(deadline))));
        } catch (SocketTimeoutException e) {
            s.close();
            throw new HttpTimeoutException("connecting timed out");
        } catch (IOException e) {
            s.close();
            throw e;
        }
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 8192);
        out = s.getOutputStream();
    }

    private Reply read(long deadline, boolean reused) throws IOException {
        String status = line(deadline, reused);
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x reply: " + RemoteAgentMessages.excerpt(status));
        }
        int code;
        try {
            code = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP status: " + RemoteAgentMessages.excerpt(status));
        }
        long length = -1;
        boolean chunked = false;
        boolean closes = parts[0].equals("HTTP/1.0");
        for (String header; !(header = line(deadline, false)).isEmpty(); ) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> {
                    try {
                        length = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw new IOException("a bad Content-Length (" + RemoteAgentMessages.excerpt(value) + ")");
                    }
                }
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> closes = value.contains("close") ? true : value.contains("keep-alive") ? false : closes;
                default -> {
                }
            }
        }
        byte[] body;
        if (code / 100 == 1 || code == 204 || code == 304) {
            body = new byte[0];
        } else if (chunked) {
            body = chunked(deadline);
        } else if (length >= 0) {
            if (length > MAX_REPLY) {
                throw new IOException("a reply of " + length + " bytes, over the " + MAX_REPLY + " accepted");
            }
            body = exactly((int) length, deadline);
        } else {
            body = untilClose(deadline);
            closes = true;
        }
        if (closes) {
            close();
        }
        if (code / 100 == 1) {
            return read(deadline, false);
        }
        return new Reply(code, new String(body, StandardCharsets.UTF_8));
    }

    private byte[] chunked(long deadline) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(deadline, false);
            int semicolon = size.indexOf(';');
            int n;
            try {
                n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("a bad chunk size (" + RemoteAgentMessages.excerpt(size) + ")");
            }
            if (n < 0 || body.size() + (long) n > MAX_REPLY) {
                throw new IOException("a reply over the " + MAX_REPLY + " bytes accepted");
            }
            if (n == 0) {
                while (!line(deadline, false).isEmpty()) {
                    // trailers, ignored
                }
                return body.toByteArray();
            }
            body.write(exactly(n, deadline));
            line(deadline, false);
        }
    }

    private byte[] exactly(int n, long deadline) throws IOException {
        byte[] bytes = new byte[n];
        int read = 0;
        while (read < n) {
            timeout(deadline);
            int got;
            try {
                got = in.read(bytes, read, n - read);
            } catch (SocketTimeoutException e) {
                throw new HttpTimeoutException("the reply timed out");
            }
            if (got < 0) {
                throw new EOFException("the connection closed in the middle of the reply");
            }
            read += got;
        }
        return bytes;
    }

    private byte[] untilClose(long deadline) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (true) {
            timeout(deadline);
            int got = readTimed(() -> in.read(buffer));
            if (got < 0) {
                return body.toByteArray();
            }
            if (body.size() + got > MAX_REPLY) {
                throw new IOException("a reply over the " + MAX_REPLY + " bytes accepted");
            }
            body.write(buffer, 0, got);
        }
    }

    /** A header line without its CRLF; on a reused connection, an end of stream before any byte is stale. */
    private String line(long deadline, boolean firstOfReused) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            timeout(deadline);
            int c = readTimed(in::read);
            if (c < 0) {
                if (firstOfReused && line.length() == 0) {
                    throw new StaleConnection();
                }
                throw new EOFException("the connection closed before the reply was complete");
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

    private interface Read {
        int read() throws IOException;
    }

    private int readTimed(Read read) throws IOException {
        try {
            return read.read();
        } catch (SocketTimeoutException e) {
            throw new HttpTimeoutException("the reply timed out");
        }
    }

    /** Sets the socket's read timeout to the time left, or throws when none is. */
    private void timeout(long deadline) throws IOException {
        long left = remaining(deadline);
        if (left <= 0) {
            throw new HttpTimeoutException("the reply timed out");
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
    }

    private static long remaining(long deadline) {
        return (deadline - System.nanoTime()) / 1_000_000L;
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

    /** The agent had closed a kept-alive connection before this request reached it. */
    private static final class StaleConnection extends IOException {
        StaleConnection() {
            super("the kept-alive connection was closed by the agent");
        }
    }
}
