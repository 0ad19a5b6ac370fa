-- Procedure state of concerns (CustomerCare.Sop): the current snapshot of each concern, the timers armed on it,
-- its audit trail (one entry per version) and its outbox of intents.
-- Instants are INTEGER microseconds since 1970-01-01T00:00:00Z. Concern ids are text such as con_0192f0c1..., which
-- sorts like the identifiers themselves.

-- document: JSON with the snapshot's fields, closed checklist steps and approvals.
CREATE TABLE cc_sop_concerns (
    concern_id        TEXT    NOT NULL PRIMARY KEY,
    version           INTEGER NOT NULL,
    concern_type      TEXT    NOT NULL,
    procedure_id      TEXT    NOT NULL,
    procedure_version INTEGER NOT NULL,
    state             TEXT    NOT NULL,
    state_entry       INTEGER NOT NULL,
    created_at        INTEGER NOT NULL,
    state_entered_at  INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    document          TEXT    NOT NULL
) STRICT;

-- The timers of each concern's current snapshot. The ordinal keeps the snapshot's order.
CREATE TABLE cc_sop_timers (
    concern_id   TEXT    NOT NULL REFERENCES cc_sop_concerns (concern_id),
    ordinal      INTEGER NOT NULL,
    name         TEXT    NOT NULL,
    trigger_name TEXT    NOT NULL,
    state        TEXT    NOT NULL,
    state_entry  INTEGER NOT NULL,
    due_at       INTEGER NOT NULL,
    PRIMARY KEY (concern_id, ordinal)
) STRICT;

CREATE INDEX cc_sop_timers_due ON cc_sop_timers (due_at, concern_id, name);

-- kind: 0 started, 1 transitioned, 2 internal, 3 step completed, 4 migrated.
-- document: JSON with the reason, arguments and overridden steps, or NULL when the entry has none of them.
CREATE TABLE cc_sop_audit (
    concern_id        TEXT    NOT NULL REFERENCES cc_sop_concerns (concern_id),
    version           INTEGER NOT NULL,
    kind              INTEGER NOT NULL,
    occurred_at       INTEGER NOT NULL,
    actor             TEXT    NOT NULL,
    procedure_id      TEXT    NOT NULL,
    procedure_version INTEGER NOT NULL,
    from_state        TEXT    NOT NULL,
    to_state          TEXT    NOT NULL,
    trigger_name      TEXT    NULL,
    idempotency_key   TEXT    NULL,
    detail            TEXT    NULL,
    document          TEXT    NULL,
    PRIMARY KEY (concern_id, version)
) STRICT;

-- A request's idempotency key is recorded once per concern.
CREATE UNIQUE INDEX cc_sop_audit_idempotency ON cc_sop_audit (concern_id, idempotency_key) WHERE idempotency_key IS NOT NULL;

-- phase: 0 exit, 1 transition, 2 entry. dispatched: 0 pending, 1 dispatched.
CREATE TABLE cc_sop_intents (
    concern_id   TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    intent_index INTEGER NOT NULL,
    kind         TEXT    NOT NULL,
    parameter    TEXT    NULL,
    state        TEXT    NOT NULL,
    phase        INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    dispatched   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (concern_id, version, intent_index),
    FOREIGN KEY (concern_id, version) REFERENCES cc_sop_audit (concern_id, version)
) STRICT;

CREATE INDEX cc_sop_intents_pending ON cc_sop_intents (created_at, concern_id, version, intent_index) WHERE dispatched = 0;
