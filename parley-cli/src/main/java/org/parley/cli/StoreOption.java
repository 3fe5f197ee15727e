package org.parley.cli;

import org.parley.store.Archive;
import org.parley.store.Databases;
import org.parley.store.RecordStore;
import picocli.CommandLine.Option;

/** The {@code --db} option of every command that reads or writes negotiation records. */
final class StoreOption {

    @Option(names = "--db", paramLabel = "URL",
            description = "The record database: a jdbc:postgresql:// URL, a jdbc:sqlite: URL or an SQLite file"
                    + " (default: $PARLEY_DB, else ~/.parley/parley.db, created on first use).")
    String url;

    /** Opens the store; a database that cannot be opened is the user's one-line error. */
    RecordStore open() {
        try {
            return Databases.open(url);
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new UserException((url == null ? "" : "--db: ") + e.getMessage());
        }
    }

    /**
     * The stored negotiation of this id or id prefix, decoded, read in one opening of the store.
     *
     * @throws IllegalArgumentException when no record, or more than one, matches {@code idOrPrefix}
     */
    Archive.Entry resolve(String idOrPrefix) {
        try (RecordStore records = open()) {
            return new Archive(records).resolve(idOrPrefix);
        }
    }
}
