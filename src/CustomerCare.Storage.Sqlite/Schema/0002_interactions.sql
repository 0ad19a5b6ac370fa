-- Customers, contact points, merges, consent, interactions and concerns.
-- Instants are INTEGER microseconds since 1970-01-01T00:00:00Z. Identifiers are 16-byte BLOBs in the byte order of
-- their UUID text, so they sort as the .NET identifiers do. "document" contains the JSON of everything no query filters,
-- orders or keeps unique.

CREATE TABLE cc_int_customers (
    id          BLOB    NOT NULL PRIMARY KEY,
    version     INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    merged_into BLOB    NULL,
    erased_at   INTEGER NULL,
    document    TEXT    NOT NULL
) STRICT, WITHOUT ROWID;

-- The contact points of active customers: a merged or erased customer has no rows here, which frees its points.
-- kind 4 is a postal address, which several customers may share; every other kind belongs to one customer.
-- scope is '' for the kinds without one, because a unique index treats NULLs as distinct.
CREATE TABLE cc_int_contact_points (
    customer_id BLOB    NOT NULL REFERENCES cc_int_customers (id),
    kind        INTEGER NOT NULL,
    scope       TEXT    NOT NULL,
    value       TEXT    NOT NULL,
    loose_value TEXT    NULL,
    PRIMARY KEY (customer_id, kind, scope, value)
) STRICT, WITHOUT ROWID;

CREATE UNIQUE INDEX cc_int_contact_points_owner ON cc_int_contact_points (kind, scope, value) WHERE kind <> 4;
CREATE INDEX cc_int_contact_points_value ON cc_int_contact_points (kind, scope, value, customer_id);
CREATE INDEX cc_int_contact_points_loose ON cc_int_contact_points (kind, loose_value, customer_id) WHERE loose_value IS NOT NULL;

CREATE TABLE cc_int_customer_merges (
    id          BLOB    NOT NULL PRIMARY KEY,
    version     INTEGER NOT NULL,
    survivor_id BLOB    NOT NULL,
    merged_id   BLOB    NOT NULL,
    merged_at   INTEGER NOT NULL,
    document    TEXT    NOT NULL
) STRICT, WITHOUT ROWID;

CREATE INDEX cc_int_customer_merges_survivor ON cc_int_customer_merges (survivor_id);
CREATE INDEX cc_int_customer_merges_merged ON cc_int_customer_merges (merged_id);

-- The consent ledger, in the order entries were appended. status: 1 granted, 2 withdrawn.
-- The unique index makes an equal entry a no-op, and it distinguishes a missing text version from an empty one.
CREATE TABLE cc_int_consent (
    position     INTEGER NOT NULL PRIMARY KEY,
    customer_id  BLOB    NOT NULL,
    purpose      TEXT    NOT NULL,
    channel      TEXT    NOT NULL,
    status       INTEGER NOT NULL,
    at           INTEGER NOT NULL,
    source       TEXT    NOT NULL,
    text_version TEXT    NULL
) STRICT;

CREATE UNIQUE INDEX cc_int_consent_entry ON cc_int_consent
    (customer_id, purpose, channel, status, at, source, text_version IS NULL, COALESCE(text_version, ''));

-- sequence is the rowid: AUTOINCREMENT never reuses a number, and the write lock makes numbers follow commit order.
CREATE TABLE cc_int_interactions (
    sequence    INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    id          BLOB    NOT NULL UNIQUE,
    version     INTEGER NOT NULL,
    customer_id BLOB    NOT NULL,
    concern_id  BLOB    NULL,
    channel     TEXT    NOT NULL,
    external_id TEXT    NULL,
    occurred_at INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL,
    document    TEXT    NOT NULL,
    UNIQUE (channel, external_id)
) STRICT;

CREATE INDEX cc_int_interactions_timeline ON cc_int_interactions (customer_id, occurred_at, recorded_at, sequence);
CREATE INDEX cc_int_interactions_concern ON cc_int_interactions (concern_id, occurred_at, recorded_at, sequence);

-- status: 1 open, 2 resolved, 3 closed, 4 merged. idempotency_key is the caller's key, such as a digest of the first
-- message's id, never the id itself.
CREATE TABLE cc_int_concerns (
    number           INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    id               BLOB    NOT NULL UNIQUE,
    version          INTEGER NOT NULL,
    customer_id      BLOB    NOT NULL,
    status           INTEGER NOT NULL,
    contact_reason   TEXT    NULL,
    opened_at        INTEGER NOT NULL,
    last_activity_at INTEGER NOT NULL,
    idempotency_key  TEXT    NULL UNIQUE,
    document         TEXT    NOT NULL
) STRICT;

CREATE INDEX cc_int_concerns_customer ON cc_int_concerns (customer_id, contact_reason);

-- Concern numbers have five digits from the start: the first one is 10001.
INSERT INTO sqlite_sequence (name, seq) VALUES ('cc_int_concerns', 10000);
