-- Who set up a live negotiation (parley serve with organizer keys): the SHA-256 of the organizer's
-- key, so that the organizer's page can list and end their negotiations. Like join links, only the
-- hash is kept.

CREATE TABLE negotiation_organizer (
    negotiation_id VARCHAR(64) NOT NULL PRIMARY KEY REFERENCES negotiation (id) ON DELETE CASCADE,
    organizer_hash VARCHAR(64) NOT NULL   -- SHA-256 of the organizer key, lower-case hex
);

CREATE INDEX negotiation_organizer_hash ON negotiation_organizer (organizer_hash);
