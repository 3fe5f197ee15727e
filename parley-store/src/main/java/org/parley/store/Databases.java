package org.parley.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;

/**
 * Opens the record store. Zero set-up by default: an SQLite file under {@code ~/.parley/},
 * created and migrated on first use. A PostgreSQL server is a configuration change: pass a
 * {@code jdbc:postgresql://} URL (or set {@code PARLEY_DB}); the same code and migrations run.
 */
public final class Databases {

    /** The environment variable that names the database when no URL is given. */
    public static final String ENVIRONMENT_VARIABLE = "PARLEY_DB";

    private Databases() {}

    /** The default embedded database file. */
    public static Path defaultFile() {
        return Path.of(System.getProperty("user.home"), ".parley", "parley.db");
    }

    /** Resolves the URL to use: the given one, else {@code PARLEY_DB}, else the default file. */
    public static String resolve(String url, Map<String, String> environment) {
        if (url != null && !url.isBlank()) {
            return url.strip();
        }
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        return "jdbc:sqlite:" + defaultFile();
    }

    /** Opens (creating and migrating as needed) the store at {@code url}, or the default one if null. */
    public static RecordStore open(String url) {
        return open(url, System.getenv());
    }

    static RecordStore open(String url, Map<String, String> environment) {
        String resolved = resolve(url, environment);
        HikariConfig config = new HikariConfig();
        config.setPoolName("parley");
        if (resolved.startsWith("jdbc:sqlite:")) {
            config.setDataSource(sqliteDataSource(resolved));
            // SQLite has one writer at a time; a few connections serve concurrent readers.
            config.setMaximumPoolSize(4);
        } else if (resolved.startsWith("jdbc:postgresql:")) {
            config.setJdbcUrl(resolved);
            config.setMaximumPoolSize(10);
        } else if (!resolved.startsWith("jdbc:")) {
            return open("jdbc:sqlite:" + Path.of(resolved).toAbsolutePath(), environment);
        } else {
            throw new IllegalArgumentException("Unsupported database URL (" + redact(resolved)
                    + "): expected jdbc:sqlite:FILE, jdbc:postgresql://HOST/DB, or a file path.");
        }
        config.setConnectionTimeout(10_000);
        // Try one connection at start-up and fail at once with the reason, rather than later.
        config.setInitializationFailTimeout(1);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot open the record database (" + redact(resolved) + "): "
                    + rootMessage(e), e);
        }
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw new IllegalStateException("Cannot open the record database (" + redact(resolved) + "): "
                    + rootMessage(e), e);
        }
        return new JdbcRecordStore(dataSource, redact(resolved));
    }

    private static org.sqlite.SQLiteDataSource sqliteDataSource(String url) {
        Path file = Path.of(url.substring("jdbc:sqlite:".length()));
        if (file.toAbsolutePath().getParent() != null) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the folder of " + file + ": " + e.getMessage(), e);
            }
        }
        SQLiteConfig sqlite = new SQLiteConfig();
        // WAL: readers never block the writer, and a transaction committed before a kill -9 is
        // kept; NORMAL sync is durable against process crashes (only an OS crash can lose the
        // last commits, never corrupt the file).
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        sqlite.enforceForeignKeys(true);
        sqlite.setBusyTimeout(30_000);
        // Take the write lock at BEGIN, so two writers queue instead of failing on lock upgrade.
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        org.sqlite.SQLiteDataSource dataSource = new org.sqlite.SQLiteDataSource(sqlite);
        dataSource.setUrl(url);
        return dataSource;
    }

    /** The URL without credentials, for messages. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***").replaceAll("//([^/@:]+):([^/@]+)@", "//$1:***@");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
