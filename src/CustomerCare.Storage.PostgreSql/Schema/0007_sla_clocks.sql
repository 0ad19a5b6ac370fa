-- SLA clock histories of concerns: the events that started, paused, resumed and stopped each target
-- (ISlaClockStore of the CustomerCare package).
-- tier is the service tier's name, or empty for none. target is the SLA target kind's name (first-response, ...).
-- kind is the number of SlaEventKind (1 Started ... 6 TargetChanged).
CREATE TABLE cc_sla_clocks (
    concern_id uuid     NOT NULL PRIMARY KEY,
    version    bigint   NOT NULL,
    priority   smallint NOT NULL,
    tier       text     NOT NULL
);

-- One row per event in history order. The first event has position 0.
CREATE TABLE cc_sla_clock_events (
    concern_id uuid        NOT NULL REFERENCES cc_sla_clocks (concern_id),
    position   integer     NOT NULL,
    target     text        NOT NULL,
    kind       smallint    NOT NULL,
    at         timestamptz NOT NULL,
    reason     text        NULL,
    PRIMARY KEY (concern_id, position)
);
