-- The due-work queue: SLA warnings and breaches, SOP timers, outbox messages.
-- status: 0 pending, 1 completed, 2 cancelled.
CREATE TABLE cc_work_items (
    key          text        NOT NULL PRIMARY KEY,
    kind         text        NOT NULL,
    due_at       timestamptz NOT NULL,
    payload      text        NOT NULL,
    status       smallint    NOT NULL DEFAULT 0,
    attempts     integer     NOT NULL DEFAULT 0,
    lease_owner  text        NULL,
    leased_until timestamptz NULL,
    finished_at  timestamptz NULL
);

CREATE INDEX cc_work_items_pending ON cc_work_items (due_at, key) WHERE status = 0;
CREATE INDEX cc_work_items_finished ON cc_work_items (finished_at) WHERE status <> 0;
