package org.parley.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.parley.store.Databases;
import org.parley.store.RecordStore;

/** A server on a free port over a fresh SQLite file, for one test class. */
final class TestServer implements AutoCloseable {

    final Path folder;
    final RecordStore store;
    final ParleyServer server;

    TestServer() {
        this(ServerOptions.defaults().withRates(null, null), new Engines());
    }

    TestServer(ServerOptions options) {
        this(options, new Engines());
    }

    TestServer(ServerOptions options, Engines engines) {
        this(newFolder(), options, engines);
    }

    /** A server over the database in {@code folder}: a restart, when an earlier server used it. */
    TestServer(Path folder, ServerOptions options, Engines engines) {
        this(folder, "jdbc:sqlite:" + folder.resolve("parley.db"), options, engines);
    }

    /** A server over the database at {@code url} (PostgreSQL, say); {@code folder} is null then. */
    TestServer(String url, ServerOptions options) {
        this(null, url, options, new Engines());
    }

    private TestServer(Path folder, String url, ServerOptions options, Engines engines) {
        this.folder = folder;
        store = Databases.open(url);
        server = ParleyServer.start("127.0.0.1", 0, store, options, engines);
    }

    private static Path newFolder() {
        try {
            return Files.createTempDirectory("parley-server-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
