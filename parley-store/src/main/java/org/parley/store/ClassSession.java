package org.parley.store;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A class session as stored: a teacher's class of {@code students} split into tables that each
 * negotiate the same scenario, set up at once. Each table is one live negotiation; each of its
 * seats is a student's (with the student's number and the seat's join code) or an AI diplomat's.
 *
 * @param facilitatorHash SHA-256 of the token that opens the class's dashboard (never the token)
 * @param organizerHash SHA-256 of the organizer key that set the class up, or null
 */
public record ClassSession(String id, String name, String scenarioName, int students, String facilitatorHash,
        String organizerHash, Instant createdAt, List<Table> tables) {

    /** One table of the class: its number (1, 2, ...), its negotiation and its seats in party order. */
    public record Table(int number, String negotiationId, List<Seat> seats) {
        public Table {
            if (number < 1) {
                throw new IllegalArgumentException("A class's tables are numbered from 1, not (" + number + ").");
            }
            if (negotiationId == null || negotiationId.isBlank()) {
                throw new IllegalArgumentException("Table " + number + " of a class needs a negotiation id.");
            }
            seats = List.copyOf(seats);
        }
    }

    /**
     * A seat: the party played there, and the student (numbered from 1) with the seat's join code,
     * or neither for an AI diplomat.
     */
    public record Seat(String party, Integer student, String code) {
        public Seat {
            if (party == null || party.isBlank()) {
                throw new IllegalArgumentException("A seat needs a party.");
            }
            if ((student == null) != (code == null)) {
                throw new IllegalArgumentException("A student's seat has a student number and a join code, an AI"
                        + " diplomat's neither; got student (" + student + ") and code (" + code + ") for " + party + ".");
            }
        }

        public boolean human() {
            return student != null;
        }
    }

    public ClassSession {
        if (id == null || id.isBlank() || name == null || scenarioName == null || scenarioName.isBlank()) {
            throw new IllegalArgumentException("A class needs an id, a name and a scenario.");
        }
        if (facilitatorHash == null || !facilitatorHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("The facilitator's token hash must be 64 lower-case hex digits (SHA-256).");
        }
        if (createdAt == null) {
            throw new IllegalArgumentException("A class needs a creation time.");
        }
        tables = List.copyOf(tables);
        Set<Integer> seen = new HashSet<>();
        int seated = 0;
        for (Table table : tables) {
            if (!seen.add(table.number())) {
                throw new IllegalArgumentException("Table " + table.number() + " appears twice in class " + id + ".");
            }
            seated += (int) table.seats().stream().filter(Seat::human).count();
        }
        if (students < 1 || seated != students) {
            throw new IllegalArgumentException("A class of " + students + " students must seat each of them once;"
                    + " its tables seat " + seated + ".");
        }
    }
}
