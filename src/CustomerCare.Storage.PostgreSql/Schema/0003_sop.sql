-- Procedure state of concerns (CustomerCare.Sop): the current snapshot of each concern, the timers armed on it,
-- its audit trail (one entry per version) and its outbox of intents.
-- The documents are json, not jsonb, because jsonb rejects the escaped NUL character (\u0000) that free text may contain.

-- document: the snapshot's fields, closed checklist steps and approvals.
CREATE TABLE cc_sop_concerns (
    concern_id        uuid        NOT NULL PRIMARY KEY,
    version           bigint      NOT NULL,
    concern_type      text        NOT NULL,
    procedure_id      text        NOT NULL,
    procedure_version integer     NOT NULL,
    state             text        NOT NULL,
    state_entry       bigint      NOT NULL,
    created_at        timestamptz NOT NULL,
    state_entered_at  timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    document          json        NOT NULL
);

-- The timers of each concern's current snapshot. The ordinal keeps the snapshot's order. Due timers are listed by due
-- time, concern and name, with names in ordinal order whatever the database's collation.
CREATE TABLE cc_sop_timers (
    concern_id   uuid        NOT NULL REFERENCES cc_sop_concerns (concern_id),
    ordinal      integer     NOT NULL,
    name         text        COLLATE "C" NOT NULL,
    trigger_name text        NOT NULL,
    state        text        NOT NULL,
    state_entry  bigint      NOT NULL,
    due_at       timestamptz NOT NULL,
    PRIMARY KEY (concern_id, ordinal)
);

CREATE INDEX cc_sop_timers_due ON cc_sop_timers (due_at, concern_id, name);

-- kind: 0 started, 1 transitioned, 2 internal, 3 step completed, 4 migrated.
-- document: the reason, arguments and overridden steps, or NULL when the entry has none of them.
CREATE TABLE cc_sop_audit (
    concern_id        uuid        NOT NULL REFERENCES cc_sop_concerns (concern_id),
    version           bigint      NOT NULL,
    kind              smallint    NOT NULL,
    occurred_at       timestamptz NOT NULL,
    actor             text        NOT NULL,
    procedure_id      text        NOT NULL,
    procedure_version integer     NOT NULL,
    from_state        text        NOT NULL,
    to_state          text        NOT NULL,
    trigger_name      text        NULL,
    idempotency_key   text        NULL,
    detail            text        NULL,
    document          json        NULL,
    PRIMARY KEY (concern_id, version)
);

-- A request's idempotency key is recorded once per concern, also when two instances save it at the same moment.
CREATE UNIQUE INDEX cc_sop_audit_idempotency ON cc_sop_audit (concern_id, idempotency_key) WHERE idempotency_key IS NOT NULL;

-- phase: 0 exit, 1 transition, 2 entry.
CREATE TABLE cc_sop_intents (
    concern_id   uuid        NOT NULL,
    version      bigint      NOT NULL,
    intent_index integer     NOT NULL,
    kind         text        NOT NULL,
    parameter    text        NULL,
    state        text        NOT NULL,
    phase        smallint    NOT NULL,
    created_at   timestamptz NOT NULL,
    dispatched   boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (concern_id, version, intent_index),
    FOREIGN KEY (concern_id, version) REFERENCES cc_sop_audit (concern_id, version)
);

CREATE INDEX cc_sop_intents_pending ON cc_sop_intents (created_at, concern_id, version, intent_index) WHERE NOT dispatched;
