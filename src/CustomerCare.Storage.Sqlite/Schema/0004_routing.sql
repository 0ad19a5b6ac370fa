-- Competence routing (CustomerCare.CompetenceRouting): the agent directory with presence, capacity and load, the
-- capacity each agent holds for concerns, and the routing queue with its open offers.
-- Instants are INTEGER microseconds since 1970-01-01T00:00:00Z. Identifiers are text such as agt_0192f0c1... and
-- con_0192f0c1..., which sorts like the identifiers themselves.

-- presence: 0 offline, 1 available, 2 busy, 3 away. load: the sum of the costs in cc_rt_assignments.
-- document: JSON with the agent's levels, skills, languages and cost per channel.
CREATE TABLE cc_rt_agents (
    agent_id       TEXT    NOT NULL PRIMARY KEY,
    version        INTEGER NOT NULL,
    presence       INTEGER NOT NULL,
    capacity_units INTEGER NOT NULL,
    load           INTEGER NOT NULL,
    idle_since     INTEGER NOT NULL,
    document       TEXT    NOT NULL
) STRICT;

CREATE INDEX cc_rt_agents_presence ON cc_rt_agents (presence, agent_id);

-- The capacity an agent holds for a concern. The primary key makes a repeated claim for the same concern a no-op,
-- and the ordinal keeps the order in which the agent took the concerns.
CREATE TABLE cc_rt_assignments (
    agent_id   TEXT    NOT NULL REFERENCES cc_rt_agents (agent_id) ON DELETE CASCADE,
    concern_id TEXT    NOT NULL,
    ordinal    INTEGER NOT NULL,
    channel    TEXT    NOT NULL,
    cost       INTEGER NOT NULL,
    since      INTEGER NOT NULL,
    PRIMARY KEY (agent_id, concern_id)
) STRICT;

CREATE INDEX cc_rt_assignments_concern ON cc_rt_assignments (concern_id);

-- One entry per concern, so enqueuing a concern twice conflicts on the primary key.
-- status: 0 waiting, 1 offered, 2 assigned. The offer columns are all NULL or all set.
-- document: JSON with the concern, its classification, rejections, escalations, knowledge notes, applied overflow
-- rules and the SLA-risk flag.
CREATE TABLE cc_rt_queue_entries (
    concern_id        TEXT    NOT NULL PRIMARY KEY,
    version           INTEGER NOT NULL,
    status            INTEGER NOT NULL,
    ladder            TEXT    NOT NULL,
    step_index        INTEGER NOT NULL,
    step_entered_at   INTEGER NOT NULL,
    step_deadline     INTEGER NULL,
    priority          INTEGER NOT NULL,
    offer_agent_id    TEXT    NULL,
    offered_at        INTEGER NULL,
    offer_expires_at  INTEGER NULL,
    assigned_agent_id TEXT    NULL,
    assigned_at       INTEGER NULL,
    exhausted_at      INTEGER NULL,
    offer_count       INTEGER NOT NULL,
    document          TEXT    NOT NULL
) STRICT;

CREATE INDEX cc_rt_queue_entries_status ON cc_rt_queue_entries (status, concern_id);
CREATE INDEX cc_rt_queue_entries_ladder ON cc_rt_queue_entries (ladder, status, concern_id);
CREATE INDEX cc_rt_queue_entries_offer_expiry ON cc_rt_queue_entries (offer_expires_at) WHERE offer_expires_at IS NOT NULL;
