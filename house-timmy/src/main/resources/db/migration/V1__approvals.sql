-- Approval requests of the houses and what became of them (Timmy is the approval authority).
-- approvals holds the current state of each request; approval_events is the append-only audit trail of every
-- state a request has been in, who put it there and when.

CREATE TABLE approvals (
    id                      text        PRIMARY KEY,
    house                   text        NOT NULL,
    tool                    text        NOT NULL,
    arguments               jsonb       NOT NULL,
    arguments_digest        text        NOT NULL,
    reason                  text,
    conversation_id         text,
    correlation_id          text,
    requested_by_node       text        NOT NULL,
    requested_for_platform  text,
    requested_for_user      text,
    requested_for_display   text,
    requested_at            timestamptz NOT NULL,
    expires_at              timestamptz NOT NULL,
    state                   text        NOT NULL DEFAULT 'pending'
                                        CHECK (state IN ('pending', 'approved', 'denied', 'expired')),
    decided_by              text,
    note                    text,
    decided_at              timestamptz,
    -- A decided request says who decided and when; a pending one has neither.
    CHECK ((state = 'pending') = (decided_at IS NULL)),
    CHECK ((state = 'pending') = (decided_by IS NULL))
);

CREATE INDEX approvals_requested ON approvals (requested_at DESC, id DESC);
CREATE INDEX approvals_state_requested ON approvals (state, requested_at DESC, id DESC);
CREATE INDEX approvals_pending_expiry ON approvals (expires_at) WHERE state = 'pending';

CREATE TABLE approval_events (
    seq          bigserial   PRIMARY KEY,
    approval_id  text        NOT NULL REFERENCES approvals (id),
    state        text        NOT NULL CHECK (state IN ('pending', 'approved', 'denied', 'expired')),
    actor        text        NOT NULL,
    note         text,
    recorded_at  timestamptz NOT NULL
);

CREATE INDEX approval_events_approval ON approval_events (approval_id, seq);

-- The audit trail is only ever appended to.
CREATE FUNCTION approval_events_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'approval_events is append-only: % is not allowed', TG_OP;
END;
$$;

CREATE TRIGGER approval_events_no_change
    BEFORE UPDATE OR DELETE ON approval_events
    FOR EACH ROW EXECUTE FUNCTION approval_events_append_only();
