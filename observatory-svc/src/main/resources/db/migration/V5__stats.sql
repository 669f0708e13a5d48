-- Agent stats: the turn and tool-call events the houses publish on the EVENTS stream (<root>.events.turn and
-- <root>.events.toolcall), one row per event envelope: the envelope id is the key, so a redelivered event is stored
-- once. The leader deletes rows older than observatory.retention (30 days) in batches.

-- A house answered a task (core/payload/TurnEvent).
CREATE TABLE turn_events (
    envelope_id     uuid        PRIMARY KEY,
    node_id         text        NOT NULL,
    house           text        NOT NULL,
    task_id         text,
    correlation_id  text,
    conversation_id text,
    mode            text,
    outcome         text        NOT NULL CHECK (outcome IN ('ok', 'retried', 'failed')),
    attempt         integer     NOT NULL CHECK (attempt >= 1),
    duration_ms     bigint      NOT NULL CHECK (duration_ms >= 0),
    tool_calls      integer     NOT NULL CHECK (tool_calls >= 0),
    -- sender class of the task: operator, house, scheduler, service
    received_from   text        NOT NULL,
    -- messages sent per recipient class, e.g. {"operator": 1, "house": 2}
    sent            jsonb       NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(sent) = 'object'),
    error_code      text,
    at              timestamptz NOT NULL,
    received_at     timestamptz NOT NULL
);
CREATE INDEX turn_events_house_at ON turn_events (house, at);
CREATE INDEX turn_events_at ON turn_events (at);

-- A tool call a house decided on, run or not (core/payload/ToolCallEvent); arguments only as their digest.
CREATE TABLE tool_call_events (
    envelope_id      uuid        PRIMARY KEY,
    node_id          text        NOT NULL,
    house            text        NOT NULL,
    tool             text        NOT NULL,
    arguments_digest text,
    outcome          text        NOT NULL,
    attempts         integer     NOT NULL CHECK (attempts >= 0),
    latency_ms       bigint      NOT NULL CHECK (latency_ms >= 0),
    mode             text,
    conversation_id  text,
    correlation_id   text,
    at               timestamptz NOT NULL,
    received_at      timestamptz NOT NULL
);
CREATE INDEX tool_call_events_house_at ON tool_call_events (house, at);
CREATE INDEX tool_call_events_at ON tool_call_events (at);

-- Every house seen in events, with its last turn: known houses for the API and "last turn" beyond the rows kept.
-- Houses not in mesh.houses are forgotten once their last event is older than observatory.retention.
CREATE TABLE stats_houses (
    house         text        PRIMARY KEY,
    first_seen_at timestamptz NOT NULL,
    last_event_at timestamptz NOT NULL,
    last_turn_at  timestamptz
);
