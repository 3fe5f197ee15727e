package org.parley.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;

/**
 * The same contract on a real PostgreSQL server, named by {@code PARLEY_TEST_POSTGRES} (a JDBC URL
 * with credentials). CI sets it after starting Debian's PostgreSQL; without it (a laptop with only
 * Java and Maven) the class is skipped, and with {@code PARLEY_REQUIRE_POSTGRES=1} a missing
 * server fails instead of skipping.
 */
class PostgresRecordStoreTest extends RecordStoreContract {

    static String postgresUrl() {
        String url = System.getenv("PARLEY_TEST_POSTGRES");
        if ("1".equals(System.getenv("PARLEY_REQUIRE_POSTGRES")) && (url == null || url.isBlank())) {
            throw new IllegalStateException("PARLEY_REQUIRE_POSTGRES=1 but PARLEY_TEST_POSTGRES is not set.");
        }
        return url;
    }

    @BeforeAll
    static void needsAServer() {
        String url = postgresUrl();
        assumeTrue(url != null && !url.isBlank(), "PARLEY_TEST_POSTGRES is not set: PostgreSQL tests skipped");
    }

    @Override
    String url() {
        return postgresUrl();
    }
}
