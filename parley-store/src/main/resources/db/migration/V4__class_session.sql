-- Class sessions (parley serve): a teacher's class of students split into tables of one scenario,
-- set up at once. One row per class, one per seat. A seat a student plays has a short join code,
-- kept here as it is so that the facilitator can print the class's slips again; a code lets in
-- only its own seat, as a join link does (its SHA-256 is in negotiation_access). The
-- facilitator's token, like every join token, is kept only as its SHA-256.

CREATE TABLE class_session (
    id               VARCHAR(64)  NOT NULL PRIMARY KEY,
    name             VARCHAR(200) NOT NULL,
    scenario_name    VARCHAR(200) NOT NULL,
    students         INTEGER      NOT NULL,
    facilitator_hash VARCHAR(64)  NOT NULL UNIQUE,  -- SHA-256 of the facilitator's token, lower-case hex
    organizer_hash   VARCHAR(64),                    -- SHA-256 of the organizer key that set it up, if any
    created_at       BIGINT       NOT NULL
);

CREATE INDEX class_session_organizer ON class_session (organizer_hash);

CREATE TABLE class_seat (
    class_id       VARCHAR(64)  NOT NULL REFERENCES class_session (id) ON DELETE CASCADE,
    table_no       INTEGER      NOT NULL,             -- 1, 2, ... in the class
    position       INTEGER      NOT NULL,             -- the party's position in the scenario
    negotiation_id VARCHAR(64)  NOT NULL REFERENCES negotiation (id) ON DELETE CASCADE,
    party          VARCHAR(200) NOT NULL,
    student        INTEGER,                           -- 1 .. students; null for an AI diplomat's seat
    code           VARCHAR(16),                       -- the seat's join code; null for an AI diplomat's seat
    PRIMARY KEY (class_id, table_no, position)
);

CREATE INDEX class_seat_negotiation ON class_seat (negotiation_id);
