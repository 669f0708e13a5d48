-- Conversations and their messages. A message is stored once per envelope id, however often it is delivered.
-- Full-text search comes later (a generated tsvector column over content with a GIN index); nothing here needs to
-- change for it.

CREATE TABLE conversations (
    id            text        PRIMARY KEY,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    last_house    text,
    message_count int         NOT NULL DEFAULT 0
);

CREATE INDEX conversations_updated_at ON conversations (updated_at DESC, id DESC);

CREATE TABLE messages (
    seq                 bigserial   PRIMARY KEY,
    envelope_id         text        NOT NULL UNIQUE,
    conversation_id     text        NOT NULL REFERENCES conversations (id),
    role                text        NOT NULL CHECK (role IN ('user', 'assistant', 'tool', 'system')),
    house               text,
    sender_platform     text,
    sender_user_id      text,
    sender_display_name text,
    content             text        NOT NULL,
    said_at             timestamptz NOT NULL,
    stored_at           timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX messages_conversation_seq ON messages (conversation_id, seq);
