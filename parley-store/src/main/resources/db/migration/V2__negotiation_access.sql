-- Access to live negotiations (parley serve): one row per join link. Only a hash of each token is
-- kept, so a copy of the database does not hand out working links.

CREATE TABLE negotiation_access (
    token_hash     VARCHAR(64)  NOT NULL PRIMARY KEY,  -- SHA-256 of the token, lower-case hex
    negotiation_id VARCHAR(64)  NOT NULL REFERENCES negotiation (id) ON DELETE CASCADE,
    role           VARCHAR(16)  NOT NULL,              -- party or observer
    party          VARCHAR(200)                        -- the party a party link acts as; null for an observer
);

CREATE INDEX negotiation_access_negotiation ON negotiation_access (negotiation_id);
