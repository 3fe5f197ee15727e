package org.parley.store;

import java.util.List;

/**
 * One write to a live negotiation's record, for {@link RecordStore#commit}: its start with its join
 * links, events appended to its log, or its end; or a class session of such negotiations set up. A
 * list of them is one unit, stored all or none.
 */
public sealed interface Write {

    /** The negotiation whose record this write changes. */
    String id();

    /**
     * A negotiation that has just begun (status running, no events yet), with its join links and,
     * when an organizer set it up, the SHA-256 of the organizer's key (else null).
     */
    record Start(StoredNegotiation record, List<AccessGrant> grants, String organizerHash) implements Write {
        public Start {
            grants = List.copyOf(grants);
        }

        public Start(StoredNegotiation record, List<AccessGrant> grants) {
            this(record, grants, null);
        }

        @Override
        public String id() {
            return record.id();
        }
    }

    /**
     * Events numbered {@code firstSeq}, {@code firstSeq + 1}, ... appended to a running negotiation
     * that has exactly {@code firstSeq} events; with no events, only that check (a unit that must
     * not be stored unless what came before it was).
     */
    record Append(String id, int firstSeq, List<String> events) implements Write {
        public Append {
            events = List.copyOf(events);
        }
    }

    /** A running negotiation marked finished or aborted, with its result. */
    record Finish(String id, RecordStatus status, Boolean agreement, String result) implements Write {}

    /**
     * A class session set up, with its seats; in the unit that starts its tables' negotiations, so
     * that a class is stored whole or not at all. Its id is the class's.
     */
    record ClassStart(ClassSession session) implements Write {
        @Override
        public String id() {
            return session.id();
        }
    }
}
