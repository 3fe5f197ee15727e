package org.parley.store;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Negotiation records. Two ways in: {@link #save} writes a finished negotiation and its whole log
 * in one transaction (a killed process leaves it complete or absent); {@link #start}, {@link
 * #append} and {@link #finish} follow a live one move by move, each call durable when it returns
 * (the server acknowledges a move only once its {@link #commit} has completed).
 */
public interface RecordStore extends AutoCloseable {

    /** Stores a finished negotiation with its events, atomically. */
    void save(StoredNegotiation record, List<String> events);

    /** Stores a negotiation that has just begun (status running, no events yet). */
    void start(StoredNegotiation record);

    /** Stores a negotiation that has just begun together with its join links, in one transaction. */
    void start(StoredNegotiation record, List<AccessGrant> grants);

    /** The join link whose token has this hash, if any. */
    Optional<AccessGrant> access(String tokenHash);

    /**
     * Appends the event numbered {@code seq} (0, 1, 2, ... with no gaps) to a running negotiation.
     *
     * @throws IllegalStateException if the negotiation is unknown or not running, or {@code seq}
     *     is not the next number
     */
    void append(String id, int seq, String event);

    /**
     * Appends events numbered {@code firstSeq}, {@code firstSeq + 1}, ... in one transaction: all
     * are stored or none (a server stores a move and the AI replies it set off together).
     */
    default void append(String id, int firstSeq, List<String> events) {
        for (int i = 0; i < events.size(); i++) {
            append(id, firstSeq + i, events.get(i));
        }
    }

    /** Marks a running negotiation finished or aborted, with its result. */
    void finish(String id, RecordStatus status, Boolean agreement, String result);

    /**
     * Stores a unit of writes, all or none, and completes the future once they are committed (or
     * fails it with the reason they are not). Units committed by one caller in order are stored in
     * that order. The call itself does not wait for the database: a server holds no lock while its
     * move is written, and a store may commit the units of many callers in one transaction (group
     * commit), which is what makes many small durable writes cheap. This default writes at once,
     * unit by unit.
     */
    default CompletableFuture<Void> commit(List<Write> unit) {
        try {
            for (Write write : unit) {
                if (write instanceof Write.Start start) {
                    if (start.organizerHash() != null) {
                        throw new UnsupportedOperationException("This record store keeps no organizers.");
                    }
                    start(start.record(), start.grants());
                } else if (write instanceof Write.Append append) {
                    append(append.id(), append.firstSeq(), append.events());
                } else if (write instanceof Write.Finish finish) {
                    finish(finish.id(), finish.status(), finish.agreement(), finish.result());
                } else if (write instanceof Write.ClassStart) {
                    throw new UnsupportedOperationException("This record store keeps no class sessions.");
                } else {
                    throw new UnsupportedOperationException("This record store keeps no worlds.");
                }
            }
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    Optional<StoredNegotiation> find(String id);

    /** The class session with this id ({@link Write.ClassStart}), with its tables and seats. */
    default Optional<ClassSession> findClass(String id) {
        return Optional.empty();
    }

    /**
     * The world played in the browser with this id ({@link Write.WorldStart}), with its steps in
     * order. A store that keeps no worlds has none.
     */
    default Optional<StoredWorld> findWorld(String id) {
        return Optional.empty();
    }

    /**
     * The class sessions set up by the organizer whose key has this hash, newest first, at most
     * {@code limit}, with their tables and seats. A store that keeps no classes has none.
     */
    default List<ClassSession> classesOrganizedBy(String organizerHash, int limit) {
        return List.of();
    }

    /**
     * The negotiations set up by the organizer whose key has this hash ({@link Write.Start}), newest
     * first, at most {@code limit}. A store that keeps no organizers has none.
     */
    default List<StoredNegotiation> organizedBy(String organizerHash, int limit) {
        return List.of();
    }

    /**
     * The ids that start with {@code prefix}, at most {@code limit} of them in id order: what a
     * user's abbreviated id may mean.
     */
    List<String> idsStartingWith(String prefix, int limit);

    /** The event log, in order. */
    List<String> events(String id);

    /** Records matching the query, newest first. */
    List<StoredNegotiation> history(HistoryQuery query);

    /** Where the records live, for messages (the JDBC URL without credentials). */
    String location();

    @Override
    void close();
}
