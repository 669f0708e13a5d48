-- The observatory's record of the mesh: check results over time, their state changes, the houses' login and version
-- states, and every notification sent. Rows older than observatory.retention (30 days) are deleted in batches.

-- Every check's result at every evaluation (observatory.checks.interval). The SLO report reads uptime from the
-- service:<name> rows; the digest counts states per period.
CREATE TABLE check_snapshots (
    id       bigserial   PRIMARY KEY,
    at       timestamptz NOT NULL,
    check_id text        NOT NULL,
    kind     text        NOT NULL,
    target   text        NOT NULL,
    state    text        NOT NULL CHECK (state IN ('ok', 'warn', 'critical', 'error')),
    value    double precision,
    unit     text,
    message  text        NOT NULL
);
CREATE INDEX check_snapshots_at ON check_snapshots (at);
CREATE INDEX check_snapshots_check_at ON check_snapshots (check_id, at);

-- A check's state changed (from is null for the first result ever seen).
CREATE TABLE check_transitions (
    id         bigserial   PRIMARY KEY,
    at         timestamptz NOT NULL,
    check_id   text        NOT NULL,
    from_state text,
    to_state   text        NOT NULL,
    value      double precision,
    message    text        NOT NULL
);
CREATE INDEX check_transitions_at ON check_transitions (at);
CREATE INDEX check_transitions_check_at ON check_transitions (check_id, at);

-- Each house's last known login and version state, kept across restarts so a restart fires no event for a state that
-- did not change.
CREATE TABLE house_states (
    house      text        PRIMARY KEY,
    login      text,
    version    text,
    up_to_date boolean,
    updated_at timestamptz NOT NULL
);

-- Every notification sent, one row per channel.
CREATE TABLE alert_notifications (
    id              bigserial   PRIMARY KEY,
    notification_id text        NOT NULL,
    group_key       text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('firing', 'resolved')),
    channel         text        NOT NULL,
    destination     text        NOT NULL,
    delivered       boolean     NOT NULL,
    error           text,
    alerts          integer     NOT NULL,
    body            text        NOT NULL,
    sent_at         timestamptz NOT NULL
);
CREATE INDEX alert_notifications_sent_at ON alert_notifications (sent_at);
