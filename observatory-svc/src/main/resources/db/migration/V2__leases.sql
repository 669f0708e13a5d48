-- Leadership leases: one row per lease, held by the node named in holder until expires_at. A node takes or renews a
-- lease with one conditional upsert (it wins when it already holds the lease or the lease has expired); times come
-- from the database's clock, so the nodes' clocks do not matter.
CREATE TABLE leases (
    name        text        PRIMARY KEY,
    holder      text        NOT NULL,
    acquired_at timestamptz NOT NULL,
    renewed_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL
);
