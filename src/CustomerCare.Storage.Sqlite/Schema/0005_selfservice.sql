-- Self-service: knowledge articles, their "did this help?" votes, and the review queue of knowledge candidates.
-- Identifiers are stored as their text (art_..., kcd_..., con_...). The BINARY order of that text is the order of
-- the identifiers, so pages by identifier need no other key. The document column holds the other properties as JSON.
-- Article status: 0 draft, 1 published, 2 retired.
CREATE TABLE cc_ss_articles (
    id       TEXT    NOT NULL PRIMARY KEY,
    status   INTEGER NOT NULL,
    version  INTEGER NOT NULL,
    document TEXT    NOT NULL
) STRICT;

CREATE INDEX cc_ss_articles_status ON cc_ss_articles (status, id);

-- One row per counted vote. key_hash is the SHA-256 of the idempotency key, unique across all articles.
-- helpful: 1 "it helped", 0 "it did not help".
CREATE TABLE cc_ss_article_votes (
    key_hash   BLOB    NOT NULL PRIMARY KEY,
    article_id TEXT    NOT NULL REFERENCES cc_ss_articles (id),
    helpful    INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- The totals of cc_ss_article_votes per article, updated in the transaction that adds a vote.
CREATE TABLE cc_ss_article_feedback (
    article_id  TEXT    NOT NULL PRIMARY KEY REFERENCES cc_ss_articles (id),
    helpful     INTEGER NOT NULL,
    not_helpful INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- The review queue: at most one candidate per source concern.
-- Candidate status: 0 proposed, 1 approved, 2 published, 3 rejected.
CREATE TABLE cc_ss_candidates (
    id             TEXT    NOT NULL PRIMARY KEY,
    source_concern TEXT    NOT NULL UNIQUE,
    status         INTEGER NOT NULL,
    version        INTEGER NOT NULL,
    document       TEXT    NOT NULL
) STRICT;

CREATE INDEX cc_ss_candidates_status ON cc_ss_candidates (status, id);
