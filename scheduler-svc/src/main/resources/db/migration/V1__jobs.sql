-- Scheduled jobs and their runs. Several scheduler-svc nodes share these tables: a node fires a due job while holding
-- its row lock (SELECT ... FOR UPDATE SKIP LOCKED), and the unique indexes on job_runs make a second firing of the
-- same tick impossible even if two nodes ever raced.

CREATE TABLE jobs (
    id             bigserial   PRIMARY KEY,
    name           text        NOT NULL UNIQUE,
    -- The normalized JobSpec (defaults filled in) as the API accepted it.
    spec           jsonb       NOT NULL,
    enabled        boolean     NOT NULL DEFAULT true,
    -- The next tick to fire; null for event-triggered jobs and for paused jobs.
    next_fire_at   timestamptz,
    -- Task envelope ids are derived from this and the tick, so a re-fired tick publishes the same envelope id and
    -- JetStream drops the copy.
    task_namespace uuid        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);

-- The firing loop's query: enabled jobs whose tick has come, earliest first.
CREATE INDEX jobs_due ON jobs (next_fire_at) WHERE enabled AND next_fire_at IS NOT NULL;

CREATE TABLE job_runs (
    id              bigserial   PRIMARY KEY,
    job_id          bigint      NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    -- The tick (cron/interval), the event's time (event jobs) or the moment of a run-now.
    scheduled_for   timestamptz NOT NULL,
    -- Null for ticks; 'event:<envelope id>' for event triggers, 'now:<id>' for run-now.
    trigger_id      text,
    fired_at        timestamptz,
    node            text        NOT NULL,
    outcome         text        NOT NULL CHECK (outcome IN ('running', 'ok', 'failed', 'timed_out', 'house_down',
                                                            'skipped_overlap', 'missed', 'publish_failed')),
    duration_ms     bigint,
    delivery_status text        NOT NULL DEFAULT 'none'
                                CHECK (delivery_status IN ('none', 'pending', 'delivered', 'dead_lettered')),
    task_id         uuid        UNIQUE,
    detail          text,
    finished_at     timestamptz
);

-- Exactly once: one run per (job, tick), and one per (job, event or run-now).
CREATE UNIQUE INDEX job_runs_one_per_tick ON job_runs (job_id, scheduled_for) WHERE trigger_id IS NULL;
CREATE UNIQUE INDEX job_runs_one_per_trigger ON job_runs (job_id, trigger_id) WHERE trigger_id IS NOT NULL;

-- Runs still waiting for the house: the overlap check and the time-out sweep.
CREATE INDEX job_runs_unfinished ON job_runs (job_id, fired_at) WHERE outcome IN ('running', 'house_down');

-- History, newest first.
CREATE INDEX job_runs_history ON job_runs (job_id, scheduled_for DESC, id DESC);
