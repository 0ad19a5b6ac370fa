-- SLA clock histories of concerns: the events that started, paused, resumed and stopped each target
-- (ISlaClockStore of the CustomerCare package).
-- Identifiers are TEXT in their printed form (con_...). Instants are INTEGER microseconds since 1970-01-01T00:00:00Z.
-- tier is the service tier's name, or empty for none. target is the SLA target kind's name (first-response, ...).
-- kind is the number of SlaEventKind (1 Started ... 6 TargetChanged).
CREATE TABLE cc_sla_clocks (
    concern_id TEXT    NOT NULL PRIMARY KEY,
    version    INTEGER NOT NULL,
    priority   INTEGER NOT NULL,
    tier       TEXT    NOT NULL
) STRICT;

-- One row per event in history order. The first event has position 0.
CREATE TABLE cc_sla_clock_events (
    concern_id TEXT    NOT NULL REFERENCES cc_sla_clocks (concern_id),
    position   INTEGER NOT NULL,
    target     TEXT    NOT NULL,
    kind       INTEGER NOT NULL,
    at         INTEGER NOT NULL,
    reason     TEXT    NULL,
    PRIMARY KEY (concern_id, position)
) STRICT, WITHOUT ROWID;
