-- Worlds of repeated negotiations played in the browser (parley serve): one person plays one power
-- through a world's schedule. What is kept is what a deterministic replay needs: the world (an
-- uploaded file's text, or a built-in world's name with the SHA-256 of its text when the world
-- began, so that a changed built-in is recognised), the seed and the person's power, and one row per
-- negotiation held with the link to its stored negotiation and the person's honour decision. The
-- world's token, like every join token, is kept only as its SHA-256.

CREATE TABLE world_game (
    id             VARCHAR(64)  NOT NULL PRIMARY KEY,
    token_hash     VARCHAR(64)  NOT NULL UNIQUE,  -- SHA-256 of the world's token, lower-case hex
    name           VARCHAR(200) NOT NULL,         -- the world's name, for listings
    built_in       VARCHAR(200),                  -- the built-in world played, by name; null for an uploaded one
    world_text     TEXT,                          -- the uploaded world file; null for a built-in one
    world_digest   VARCHAR(64)  NOT NULL,         -- SHA-256 of the world file's text the world began with
    person         VARCHAR(200) NOT NULL,         -- the power the person plays
    seed           BIGINT       NOT NULL,
    organizer_hash VARCHAR(64),                   -- SHA-256 of the organizer key that set it up, if any
    created_at     BIGINT       NOT NULL,
    CHECK (built_in IS NOT NULL OR world_text IS NOT NULL)
);

CREATE INDEX world_game_organizer ON world_game (organizer_hash);

CREATE TABLE world_step (
    world_id       VARCHAR(64) NOT NULL REFERENCES world_game (id) ON DELETE CASCADE,
    position       INTEGER     NOT NULL,                          -- 0, 1, ... in the world's schedule
    negotiation_id VARCHAR(64) NOT NULL REFERENCES negotiation (id),
    breach         BOOLEAN,  -- the person's decision on an agreement they signed (true: breached); null: none yet or none due
    PRIMARY KEY (world_id, position)
);

CREATE INDEX world_step_negotiation ON world_step (negotiation_id);
