-- Self-service: knowledge articles, their "did this help?" votes, and the review queue of knowledge candidates.
-- Identifiers are uuid; the order of uuid values is the order of the identifiers, so pages by identifier need no
-- other key. The document column contains the other properties. It is json, not jsonb, because jsonb rejects the
-- escaped NUL character (\u0000) that free text may contain.
-- Article status: 0 draft, 1 published, 2 retired.
CREATE TABLE cc_ss_articles (
    id       uuid     NOT NULL PRIMARY KEY,
    status   smallint NOT NULL,
    version  bigint   NOT NULL,
    document json     NOT NULL
);

CREATE INDEX cc_ss_articles_status ON cc_ss_articles (status, id);

-- One row per counted vote. key_hash is the SHA-256 of the idempotency key, unique across all articles.
CREATE TABLE cc_ss_article_votes (
    key_hash   bytea   NOT NULL PRIMARY KEY,
    article_id uuid    NOT NULL REFERENCES cc_ss_articles (id),
    helpful    boolean NOT NULL
);

-- The totals of cc_ss_article_votes per article, updated in the transaction that adds a vote.
CREATE TABLE cc_ss_article_feedback (
    article_id  uuid    NOT NULL PRIMARY KEY REFERENCES cc_ss_articles (id),
    helpful     integer NOT NULL,
    not_helpful integer NOT NULL
);

-- The review queue: at most one candidate per source concern.
-- Candidate status: 0 proposed, 1 approved, 2 published, 3 rejected.
CREATE TABLE cc_ss_candidates (
    id             uuid     NOT NULL PRIMARY KEY,
    source_concern uuid     NOT NULL UNIQUE,
    status         smallint NOT NULL,
    version        bigint   NOT NULL,
    document       json     NOT NULL
);

CREATE INDEX cc_ss_candidates_status ON cc_ss_candidates (status, id);
