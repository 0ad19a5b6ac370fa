-- Customers, contact points, merges, consent, interactions and concerns (CustomerCare.Interactions).
-- "document" contains the JSON of everything no query filters, orders or keeps unique. It is json, not jsonb, because
-- jsonb rejects the escaped NUL character (\u0000) that free text may contain.

CREATE TABLE cc_int_customers (
    id          uuid        NOT NULL PRIMARY KEY,
    version     bigint      NOT NULL,
    created_at  timestamptz NOT NULL,
    merged_into uuid        NULL,
    erased_at   timestamptz NULL,
    document    json        NOT NULL
);

-- The contact points of active customers: a merged or erased customer has no rows here, which frees its points.
-- kind 4 is a postal address, which several customers may share; every other kind belongs to one customer, and the
-- unique index makes two instances that add the same point at the same moment conflict.
-- scope is '' for the kinds without one, because a unique index treats NULLs as distinct.
CREATE TABLE cc_int_contact_points (
    customer_id uuid     NOT NULL REFERENCES cc_int_customers (id),
    kind        smallint NOT NULL,
    scope       text     COLLATE "C" NOT NULL,
    value       text     COLLATE "C" NOT NULL,
    loose_value text     COLLATE "C" NULL,
    PRIMARY KEY (customer_id, kind, scope, value)
);

CREATE UNIQUE INDEX cc_int_contact_points_owner ON cc_int_contact_points (kind, scope, value) WHERE kind <> 4;
CREATE INDEX cc_int_contact_points_value ON cc_int_contact_points (kind, scope, value, customer_id);
CREATE INDEX cc_int_contact_points_loose ON cc_int_contact_points (kind, loose_value, customer_id) WHERE loose_value IS NOT NULL;

CREATE TABLE cc_int_customer_merges (
    id          uuid        NOT NULL PRIMARY KEY,
    version     bigint      NOT NULL,
    survivor_id uuid        NOT NULL,
    merged_id   uuid        NOT NULL,
    merged_at   timestamptz NOT NULL,
    document    json        NOT NULL
);

CREATE INDEX cc_int_customer_merges_survivor ON cc_int_customer_merges (survivor_id);
CREATE INDEX cc_int_customer_merges_merged ON cc_int_customer_merges (merged_id);

-- The consent ledger, in the order entries were appended. status: 1 granted, 2 withdrawn.
-- The unique index makes an equal entry a no-op, and it distinguishes a missing text version from an empty one.
CREATE TABLE cc_int_consent (
    position     bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  uuid        NOT NULL,
    purpose      text        NOT NULL,
    channel      text        NOT NULL,
    status       smallint    NOT NULL,
    at           timestamptz NOT NULL,
    source       text        NOT NULL,
    text_version text        NULL
);

CREATE UNIQUE INDEX cc_int_consent_entry ON cc_int_consent
    (customer_id, purpose, channel, status, at, source, (text_version IS NULL), COALESCE(text_version, ''));

-- sequence comes from an identity sequence: unique and never reused. Under concurrent recording the numbers follow
-- the order of the inserts, which may differ from the commit order.
CREATE TABLE cc_int_interactions (
    sequence    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id          uuid        NOT NULL UNIQUE,
    version     bigint      NOT NULL,
    customer_id uuid        NOT NULL,
    concern_id  uuid        NULL,
    channel     text        COLLATE "C" NOT NULL,
    external_id text        COLLATE "C" NULL,
    occurred_at timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL,
    document    json        NOT NULL,
    CONSTRAINT cc_int_interactions_external UNIQUE (channel, external_id)
);

CREATE INDEX cc_int_interactions_timeline ON cc_int_interactions (customer_id, occurred_at, recorded_at, sequence);
CREATE INDEX cc_int_interactions_concern ON cc_int_interactions (concern_id, occurred_at, recorded_at, sequence);

-- status: 1 open, 2 resolved, 3 closed, 4 merged. idempotency_key is the caller's key, such as a digest of the first
-- message's id. Concern numbers have five digits from the start: the first one is 10001.
CREATE TABLE cc_int_concerns (
    number           bigint      GENERATED ALWAYS AS IDENTITY (START WITH 10001) PRIMARY KEY,
    id               uuid        NOT NULL UNIQUE,
    version          bigint      NOT NULL,
    customer_id      uuid        NOT NULL,
    status           smallint    NOT NULL,
    contact_reason   text        COLLATE "C" NULL,
    opened_at        timestamptz NOT NULL,
    last_activity_at timestamptz NOT NULL,
    idempotency_key  text        COLLATE "C" NULL UNIQUE,
    document         json        NOT NULL
);

CREATE INDEX cc_int_concerns_customer ON cc_int_concerns (customer_id, contact_reason);
