-- Improvement ideas and problem records of the continuous improvement process (CustomerCare.Kvp).
-- Key columns contain what versions, idempotency, filters and paging need, and the JSON document contains the rest.
-- Identifiers are TEXT in their printed form (ide_..., prb_..., con_...): behind the fixed prefix the hexadecimal
-- digits follow the UUID bytes, so text order is identifier order.
-- Instants are INTEGER microseconds since 1970-01-01T00:00:00Z.
-- state: the numbers of IdeaState (1 Submitted ... 10 Closed) and ProblemState (1 Open ... 4 Closed).
CREATE TABLE cc_kvp_ideas (
    id              TEXT    NOT NULL PRIMARY KEY,
    version         INTEGER NOT NULL,
    state           INTEGER NOT NULL,
    idempotency_key TEXT    NULL UNIQUE,
    submitted_at    INTEGER NOT NULL,
    target_reason   TEXT    NULL,
    document        TEXT    NOT NULL
) STRICT;

CREATE INDEX cc_kvp_ideas_submitted ON cc_kvp_ideas (submitted_at, id);
CREATE INDEX cc_kvp_ideas_state ON cc_kvp_ideas (state, submitted_at, id);
CREATE INDEX cc_kvp_ideas_target ON cc_kvp_ideas (target_reason) WHERE target_reason IS NOT NULL;

CREATE TABLE cc_kvp_problems (
    id        TEXT    NOT NULL PRIMARY KEY,
    version   INTEGER NOT NULL,
    state     INTEGER NOT NULL,
    opened_at INTEGER NOT NULL,
    document  TEXT    NOT NULL
) STRICT;

CREATE INDEX cc_kvp_problems_opened ON cc_kvp_problems (opened_at, id);
CREATE INDEX cc_kvp_problems_state ON cc_kvp_problems (state, opened_at, id);

-- The concerns each problem record groups, for the concern filter; the document keeps their order.
CREATE TABLE cc_kvp_problem_concerns (
    concern_id TEXT NOT NULL,
    problem_id TEXT NOT NULL REFERENCES cc_kvp_problems (id),
    PRIMARY KEY (concern_id, problem_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX cc_kvp_problem_concerns_problem ON cc_kvp_problem_concerns (problem_id);
