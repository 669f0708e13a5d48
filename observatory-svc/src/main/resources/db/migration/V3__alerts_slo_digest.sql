-- Alerting, latency SLOs and the daily digest (observatory-svc packages alerts, notify, slo, digest).

-- The alert state machine's book: the pending or firing alert of a check (one per check), and its resolved alert until
-- the group's next notification has said so (one per check).
CREATE TABLE alert_states (
    fingerprint text        NOT NULL,
    phase       text        NOT NULL CHECK (phase IN ('pending', 'firing', 'resolved')),
    group_key   text        NOT NULL,
    labels      jsonb       NOT NULL,
    annotations jsonb       NOT NULL,
    starts_at   timestamptz NOT NULL,
    fired_at    timestamptz,
    ends_at     timestamptz
);
CREATE UNIQUE INDEX alert_states_slot ON alert_states (fingerprint, (phase = 'resolved'));

-- Open alert groups: when each was created and last notified, and which firing alerts (check id to severity) that
-- notification named.
CREATE TABLE alert_groups (
    group_key        text        PRIMARY KEY,
    labels           jsonb       NOT NULL,
    created_at       timestamptz NOT NULL,
    last_notified_at timestamptz,
    notified_firing  jsonb       NOT NULL
);

-- Notifications decided (in the same transaction as the book) but not yet sent to every channel.
CREATE TABLE alert_outbox (
    notification_id text        PRIMARY KEY,
    created_at      timestamptz NOT NULL,
    notification    jsonb       NOT NULL
);

-- A notification is recorded once per channel; a retry skips the channels already recorded.
CREATE UNIQUE INDEX alert_notifications_channel ON alert_notifications (notification_id, channel, destination);

-- Latency objectives: cumulative histogram bucket counts as scraped (summed over the series that match), one row per
-- scrape. bounds are the buckets' upper bounds ascending, the last +Infinity; total is the +Inf count.
CREATE TABLE slo_latency_samples (
    objective text               NOT NULL,
    at        timestamptz        NOT NULL,
    bounds    double precision[] NOT NULL,
    counts    double precision[] NOT NULL,
    total     double precision   NOT NULL,
    PRIMARY KEY (objective, at)
);

-- One row per day whose digest was sent (inserted before sending, so a day is sent at most once across nodes and
-- restarts), with what went where.
CREATE TABLE digest_days (
    day        date        PRIMARY KEY,
    due_at     timestamptz NOT NULL,
    sent_at    timestamptz NOT NULL,
    node       text        NOT NULL,
    deliveries jsonb
);
