-- Competence routing (CustomerCare.CompetenceRouting): the agent directory with presence, capacity and load, the
-- capacity each agent holds for concerns, and the routing queue with its open offers.
-- The documents are json, not jsonb, because jsonb rejects the escaped NUL character (\u0000) that free text may contain.

-- presence: 0 offline, 1 available, 2 busy, 3 away. load: the sum of the costs in cc_rt_assignments.
-- document: the agent's levels, skills, languages and cost per channel.
CREATE TABLE cc_rt_agents (
    agent_id       uuid        NOT NULL PRIMARY KEY,
    version        bigint      NOT NULL,
    presence       smallint    NOT NULL,
    capacity_units integer     NOT NULL,
    load           integer     NOT NULL,
    idle_since     timestamptz NOT NULL,
    document       json        NOT NULL
);

CREATE INDEX cc_rt_agents_presence ON cc_rt_agents (presence, agent_id);

-- The capacity an agent holds for a concern. The primary key makes a repeated claim for the same concern a no-op,
-- and the ordinal keeps the order in which the agent took the concerns.
CREATE TABLE cc_rt_assignments (
    agent_id   uuid        NOT NULL REFERENCES cc_rt_agents (agent_id) ON DELETE CASCADE,
    concern_id uuid        NOT NULL,
    ordinal    integer     NOT NULL,
    channel    text        NOT NULL,
    cost       integer     NOT NULL,
    since      timestamptz NOT NULL,
    PRIMARY KEY (agent_id, concern_id)
);

CREATE INDEX cc_rt_assignments_concern ON cc_rt_assignments (concern_id);

-- One entry per concern, so enqueuing a concern twice conflicts on the primary key.
-- status: 0 waiting, 1 offered, 2 assigned. The offer columns are all NULL or all set.
-- document: the concern, its classification, rejections, escalations, knowledge notes, applied overflow rules and
-- the SLA-risk flag. The ladder compares in byte order whatever the database's collation.
CREATE TABLE cc_rt_queue_entries (
    concern_id        uuid        NOT NULL PRIMARY KEY,
    version           bigint      NOT NULL,
    status            smallint    NOT NULL,
    ladder            text        COLLATE "C" NOT NULL,
    step_index        integer     NOT NULL,
    step_entered_at   timestamptz NOT NULL,
    step_deadline     timestamptz NULL,
    priority          smallint    NOT NULL,
    offer_agent_id    uuid        NULL,
    offered_at        timestamptz NULL,
    offer_expires_at  timestamptz NULL,
    assigned_agent_id uuid        NULL,
    assigned_at       timestamptz NULL,
    exhausted_at      timestamptz NULL,
    offer_count       integer     NOT NULL,
    document          json        NOT NULL
);

CREATE INDEX cc_rt_queue_entries_status ON cc_rt_queue_entries (status, concern_id);
CREATE INDEX cc_rt_queue_entries_ladder ON cc_rt_queue_entries (ladder, status, concern_id);
CREATE INDEX cc_rt_queue_entries_offer_expiry ON cc_rt_queue_entries (offer_expires_at) WHERE offer_expires_at IS NOT NULL;
