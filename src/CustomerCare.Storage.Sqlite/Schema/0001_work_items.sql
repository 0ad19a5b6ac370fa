-- The due-work queue: SLA warnings and breaches, SOP timers, outbox messages.
-- Instants are INTEGER microseconds since 1970-01-01T00:00:00Z.
-- status: 0 pending, 1 completed, 2 cancelled.
CREATE TABLE cc_work_items (
    key          TEXT    NOT NULL PRIMARY KEY,
    kind         TEXT    NOT NULL,
    due_at       INTEGER NOT NULL,
    payload      TEXT    NOT NULL,
    status       INTEGER NOT NULL DEFAULT 0,
    attempts     INTEGER NOT NULL DEFAULT 0,
    lease_owner  TEXT    NULL,
    leased_until INTEGER NULL,
    finished_at  INTEGER NULL
) STRICT;

CREATE INDEX cc_work_items_pending ON cc_work_items (due_at, key) WHERE status = 0;
CREATE INDEX cc_work_items_finished ON cc_work_items (finished_at) WHERE status <> 0;
