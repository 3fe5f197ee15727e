package org.parley.store;

import java.util.List;

/**
 * One write to a live negotiation's record, for {@link RecordStore#commit}: its start with its join
 * links, events appended to its log, or its end; or a class session of such negotiations set up; or
 * a world played in the browser begun, a step of it, or the person's decision in it. A list of them
 * is one unit, stored all or none.
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

    /** A world played in the browser begun (its steps come as {@link WorldStep}s). Its id is the world's. */
    record WorldStart(StoredWorld world) implements Write {
        public WorldStart {
            if (!world.steps().isEmpty()) {
                throw new IllegalArgumentException("A world is stored without steps; each comes as a WorldStep.");
            }
        }

        @Override
        public String id() {
            return world.id();
        }
    }

    /**
     * The negotiation at {@code position} of a world's schedule, stored as {@code negotiationId} (in
     * the same unit, or before it): the next step of the world, which must have exactly {@code
     * position} steps already.
     */
    record WorldStep(String worldId, int position, String negotiationId) implements Write {
        @Override
        public String id() {
            return worldId;
        }
    }

    /**
     * The person's decision on the agreement they signed at {@code position} of a world: true to
     * breach it, false to honour it. Refused if that step has a decision already.
     */
    record WorldDecision(String worldId, int position, boolean breach) implements Write {
        @Override
        public String id() {
            return worldId;
        }
    }
}
