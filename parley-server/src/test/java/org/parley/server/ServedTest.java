package org.parley.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The API tests' fixture: one server over a fresh database, and a client for it, per test class
 * (started before its first test, closed after its last). The fields are static, so a test class
 * extending it must not run in parallel with another; the suite runs classes one at a time.
 */
abstract class ServedTest {

    static TestServer server;
    static Http http;

    @BeforeAll
    static void startServer() {
        server = new TestServer();
        http = new Http(server.base());
    }

    @AfterAll
    static void closeServer() {
        server.close();
    }
}
