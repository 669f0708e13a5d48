-- Long-term memory: full-text search, project memory (Hermes v2), conversation summaries and the tamper-evident chain.

-- ---------------------------------------------------------------------------------------------------------------
-- Full-text search. Every searchable text gets a generated tsvector with two configurations: 'english' (stems, so
-- "failed" finds "failing") weighted A, and 'simple' (every word as written, so text in any language is findable)
-- weighted B. Queries are parsed with both and OR-ed, so a query never fails for its language.
-- ---------------------------------------------------------------------------------------------------------------

ALTER TABLE messages
    ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, content), 'A') ||
        setweight(to_tsvector('simple'::regconfig, content), 'B')) STORED;

CREATE INDEX messages_search ON messages USING gin (search_vector);
CREATE INDEX messages_said_at ON messages (said_at);
CREATE INDEX messages_house_said_at ON messages (house, said_at);

-- ---------------------------------------------------------------------------------------------------------------
-- The chain. Every chained row (a message, a project memory entry, a change to one, a conversation summary) takes
-- the next position: chain_seq, with prev_hash the hash of the link before it and
--     hash = SHA-256(prev_hash || canonical row)
-- where the canonical row is the RFC 8785 JSON of the row's source, chain_seq and stored fields. chain_head holds
-- the last link; taking it FOR UPDATE orders appends across every replica of memory-svc.
-- ---------------------------------------------------------------------------------------------------------------

CREATE TABLE chain_head (
    singleton boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    seq       bigint      NOT NULL,
    hash      bytea       NOT NULL CHECK (length(hash) = 32),
    moved_at  timestamptz NOT NULL DEFAULT now()
);

-- The genesis link: position 0 with a hash of 32 zero bytes.
INSERT INTO chain_head (seq, hash) VALUES (0, decode(repeat('00', 32), 'hex'));

ALTER TABLE messages
    ADD COLUMN chain_seq bigint UNIQUE,
    ADD COLUMN prev_hash bytea,
    ADD COLUMN hash      bytea;

-- Links of rows removed under a retention setting: the hashes stay, so the chain still links across them.
CREATE TABLE chain_tombstones (
    chain_seq  bigint      PRIMARY KEY,
    source     text        NOT NULL,
    source_key text        NOT NULL,
    prev_hash  bytea       NOT NULL,
    hash       bytea       NOT NULL,
    pruned_at  timestamptz NOT NULL DEFAULT now(),
    reason     text        NOT NULL
);

-- The chain head as signed, from time to time, by a memory-svc node's Ed25519 key. The signature covers the RFC 8785
-- JSON {"chainSeq":..,"hash":"<hex>","nodeId":..,"signedAt":..}.
CREATE TABLE chain_checkpoints (
    id        bigserial   PRIMARY KEY,
    chain_seq bigint      NOT NULL,
    hash      bytea       NOT NULL,
    signed_at timestamptz NOT NULL,
    node_id   text        NOT NULL,
    key_id    text        NOT NULL,
    signature bytea       NOT NULL
);

CREATE INDEX chain_checkpoints_seq ON chain_checkpoints (chain_seq);

-- ---------------------------------------------------------------------------------------------------------------
-- Project memory (Hermes v2): knowledge promoted out of conversations, kept per project, served to houses as
-- compact "[MEMORY MARKER] ..." lines. Rows are never updated in place except for the expiry columns, and every
-- expiry is also a chained row of project_memory_changes.
-- ---------------------------------------------------------------------------------------------------------------

CREATE TABLE project_memory (
    id                  bigserial        PRIMARY KEY,
    request_id          text             NOT NULL UNIQUE,
    project             text             NOT NULL,
    memory_type         text             NOT NULL
        CHECK (memory_type IN ('decision', 'pattern', 'correction', 'architecture')),
    content             text             NOT NULL,
    marker              text             NOT NULL,
    houses              text[]           NOT NULL DEFAULT '{}',
    promoted_by         text             NOT NULL,
    house               text,
    source_conversation text,
    source_seqs         bigint[]         NOT NULL DEFAULT '{}',
    promoted_at         timestamptz      NOT NULL,
    relevance_score     double precision NOT NULL DEFAULT 0.5 CHECK (relevance_score BETWEEN 0 AND 1),
    expires_at          timestamptz,
    expired_at          timestamptz,
    expired_reason      text,
    search_vector       tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, content), 'A') ||
        setweight(to_tsvector('simple'::regconfig, content), 'B')) STORED,
    chain_seq           bigint UNIQUE,
    prev_hash           bytea,
    hash                bytea
);

CREATE INDEX project_memory_project ON project_memory (project, promoted_at DESC);
CREATE INDEX project_memory_search ON project_memory USING gin (search_vector);

COMMENT ON COLUMN project_memory.source_conversation IS
    'The conversation the memory came from (no foreign key: a conversation may be pruned, its memory stays)';

CREATE TABLE project_memory_changes (
    id         bigserial   PRIMARY KEY,
    memory_id  bigint      NOT NULL REFERENCES project_memory (id),
    change     text        NOT NULL CHECK (change IN ('expired')),
    reason     text,
    changed_by text        NOT NULL,
    changed_at timestamptz NOT NULL,
    chain_seq  bigint UNIQUE,
    prev_hash  bytea,
    hash       bytea
);

CREATE INDEX project_memory_changes_memory ON project_memory_changes (memory_id, id);

-- The memory markers: the lines houses put into their prompts, one per active entry.
CREATE VIEW memory_markers AS
SELECT id AS memory_id, project, houses, memory_type, marker, relevance_score, promoted_at, house
  FROM project_memory
 WHERE expired_at IS NULL
   AND (expires_at IS NULL OR expires_at > now());

-- ---------------------------------------------------------------------------------------------------------------
-- Conversation summaries written by the historian, with their provenance: which messages they summarize and how.
-- ---------------------------------------------------------------------------------------------------------------

ALTER TABLE conversations
    ADD COLUMN summarized_through_seq bigint,
    ADD COLUMN summarized_at          timestamptz,
    ADD COLUMN pruned_through_seq     bigint;

CREATE TABLE conversation_summaries (
    id              bigserial   PRIMARY KEY,
    conversation_id text        NOT NULL REFERENCES conversations (id),
    house           text,
    summary         text        NOT NULL,
    method          text        NOT NULL CHECK (method IN ('model', 'extractive')),
    model           text,
    first_seq       bigint      NOT NULL,
    last_seq        bigint      NOT NULL,
    message_count   int         NOT NULL,
    source_seqs     bigint[]    NOT NULL,
    created_at      timestamptz NOT NULL,
    search_vector   tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, summary), 'A') ||
        setweight(to_tsvector('simple'::regconfig, summary), 'B')) STORED,
    chain_seq       bigint UNIQUE,
    prev_hash       bytea,
    hash            bytea,
    UNIQUE (conversation_id, last_seq)
);

CREATE INDEX conversation_summaries_search ON conversation_summaries USING gin (search_vector);
