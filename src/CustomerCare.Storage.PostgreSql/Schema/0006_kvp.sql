-- Improvement ideas and problem records of the continuous improvement process (CustomerCare.Kvp).
-- Key columns contain what versions, idempotency, filters and paging need, and the JSON document contains the rest.
-- The document is json, not jsonb: json keeps the text as written, and jsonb rejects the escape \u0000 that a
-- customer statement may contain.
-- state: the numbers of IdeaState (1 Submitted ... 10 Closed) and ProblemState (1 Open ... 4 Closed).
CREATE TABLE cc_kvp_ideas (
    id              uuid        NOT NULL PRIMARY KEY,
    version         bigint      NOT NULL,
    state           smallint    NOT NULL,
    idempotency_key text        NULL UNIQUE,
    submitted_at    timestamptz NOT NULL,
    -- Byte order, so the range that finds the reasons below a reason is correct under any database locale.
    target_reason   text COLLATE "C" NULL,
    document        json        NOT NULL
);

CREATE INDEX cc_kvp_ideas_submitted ON cc_kvp_ideas (submitted_at, id);
CREATE INDEX cc_kvp_ideas_state ON cc_kvp_ideas (state, submitted_at, id);
CREATE INDEX cc_kvp_ideas_target ON cc_kvp_ideas (target_reason) WHERE target_reason IS NOT NULL;

CREATE TABLE cc_kvp_problems (
    id        uuid        NOT NULL PRIMARY KEY,
    version   bigint      NOT NULL,
    state     smallint    NOT NULL,
    opened_at timestamptz NOT NULL,
    document  json        NOT NULL
);

CREATE INDEX cc_kvp_problems_opened ON cc_kvp_problems (opened_at, id);
CREATE INDEX cc_kvp_problems_state ON cc_kvp_problems (state, opened_at, id);

-- The concerns each problem record groups, for the concern filter; the document keeps their order.
CREATE TABLE cc_kvp_problem_concerns (
    concern_id uuid NOT NULL,
    problem_id uuid NOT NULL REFERENCES cc_kvp_problems (id),
    PRIMARY KEY (concern_id, problem_id)
);

CREATE INDEX cc_kvp_problem_concerns_problem ON cc_kvp_problem_concerns (problem_id);
