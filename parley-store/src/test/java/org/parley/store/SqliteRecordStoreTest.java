package org.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteRecordStoreTest extends RecordStoreContract {

    @TempDir
    static Path dir;

    @Override
    String url() {
        return "jdbc:sqlite:" + dir.resolve("nested/folder/records.db");
    }

    @Override
    void checkIntegrity() {
        try (var connection = java.sql.DriverManager.getConnection(url());
                var statement = connection.createStatement();
                var result = statement.executeQuery("PRAGMA integrity_check")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("ok");
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void createsTheFileAndItsFolderOnFirstUse() {
        assertThat(Files.exists(dir.resolve("nested/folder/records.db"))).isTrue();
    }

    @Test
    void resolvesTheDatabaseFromFlagThenEnvironmentThenDefault() {
        assertThat(Databases.resolve("jdbc:postgresql://h/db", Map.of("PARLEY_DB", "jdbc:sqlite:x"))).isEqualTo("jdbc:postgresql://h/db");
        assertThat(Databases.resolve(null, Map.of("PARLEY_DB", "jdbc:sqlite:x"))).isEqualTo("jdbc:sqlite:x");
        assertThat(Databases.resolve(" ", Map.of())).isEqualTo("jdbc:sqlite:" + Databases.defaultFile());
        assertThat(Databases.defaultFile().toString()).endsWith(".parley/parley.db");
    }

    @Test
    void aPlainPathIsAnSqliteFile() {
        try (RecordStore plain = Databases.open(dir.resolve("plain.db").toString())) {
            assertThat(plain.location()).startsWith("jdbc:sqlite:").endsWith("plain.db");
        }
    }

    @Test
    void unsupportedUrlsAndUnreachableServersAreClearErrorsWithoutPasswords() {
        assertThatThrownBy(() -> Databases.open("jdbc:mysql://h/db")).hasMessageContaining("Unsupported database URL");
        assertThatThrownBy(() -> Databases.open("jdbc:postgresql://127.0.0.1:1/nothing?user=u&password=secret"))
                .hasMessageContaining("Cannot open the record database")
                .hasMessageNotContaining("secret");
    }
}
