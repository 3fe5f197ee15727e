-- Negotiation records: one row per negotiation, its parties, and its event log.
-- Portable SQL: the same migration runs on SQLite (embedded default) and PostgreSQL.
-- Times are epoch milliseconds, which both databases hold exactly.

CREATE TABLE negotiation (
    id            VARCHAR(64)  NOT NULL PRIMARY KEY,
    scenario_name VARCHAR(200) NOT NULL,
    scenario      TEXT         NOT NULL,  -- the scenario itself (Parley YAML), so a record replays without its file
    settings      TEXT         NOT NULL,  -- JSON: protocol, deadline, strategies, seed
    source        VARCHAR(32)  NOT NULL,  -- run, tournament, server
    status        VARCHAR(16)  NOT NULL,  -- running, finished, aborted
    agreement     BOOLEAN,
    result        TEXT,                   -- JSON, once finished
    created_at    BIGINT       NOT NULL,
    finished_at   BIGINT,
    batch         VARCHAR(64)             -- the tournament a negotiation belongs to, if any
);

CREATE INDEX negotiation_scenario ON negotiation (scenario_name);
CREATE INDEX negotiation_created ON negotiation (created_at);
CREATE INDEX negotiation_batch ON negotiation (batch);

CREATE TABLE negotiation_party (
    negotiation_id VARCHAR(64)  NOT NULL REFERENCES negotiation (id) ON DELETE CASCADE,
    position       INTEGER      NOT NULL,
    party          VARCHAR(200) NOT NULL,
    strategy       VARCHAR(200) NOT NULL,  -- the strategy spec, or "human"
    PRIMARY KEY (negotiation_id, position)
);

CREATE INDEX negotiation_party_strategy ON negotiation_party (strategy);

CREATE TABLE negotiation_event (
    negotiation_id VARCHAR(64) NOT NULL REFERENCES negotiation (id) ON DELETE CASCADE,
    seq            INTEGER     NOT NULL,
    payload        TEXT        NOT NULL,  -- JSON
    PRIMARY KEY (negotiation_id, seq)
);
