package dev.uniwizard.mesh.observatory.leader;

import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * One node's claim on a lease in table {@code leases}. {@link #renew()} takes the lease when it is free or expired and
 * extends it when this node already holds it, in one conditional upsert; the database's clock decides expiry. Plain
 * logic over Jdbi, without scheduling: {@link LeaseLeadership} renews it periodically.
 */
public final class Lease {

    private final Jdbi jdbi;
    private final String name;
    private final String holder;
    private final Duration ttl;

    public Lease(Jdbi jdbi, String name, String holder, Duration ttl) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("observatory.leader.lease must name the lease");
        }
        if (holder == null || holder.isBlank()) {
            throw new IllegalArgumentException("a lease holder needs a name (mesh.node-id)");
        }
        if (ttl.toMillis() < 1) {
            throw new IllegalArgumentException("observatory.leader.ttl must be positive, was " + ttl);
        }
        this.jdbi = jdbi;
        this.name = name;
        this.holder = holder;
        this.ttl = ttl;
    }

    public String holder() {
        return holder;
    }

    /**
     * Takes or extends the lease for another ttl.
     *
     * @return true when this node holds it now, false when another node's lease has not expired
     * @throws org.jdbi.v3.core.JdbiException when the database cannot be asked
     */
    public boolean renew() {
        return jdbi.withHandle(
                handle -> handle.createQuery("INSERT INTO leases (name, holder, acquired_at, renewed_at, expires_at)"
                                + " VALUES (:name, :holder, now(), now(), now() + :ttlMs * interval '1 millisecond')"
                                + " ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder,"
                                + " acquired_at = CASE WHEN leases.holder = EXCLUDED.holder"
                                + " THEN leases.acquired_at ELSE now() END,"
                                + " renewed_at = now(), expires_at = EXCLUDED.expires_at"
                                + " WHERE leases.holder = EXCLUDED.holder OR leases.expires_at <= now()"
                                + " RETURNING holder")
                        .bind("name", name)
                        .bind("holder", holder)
                        .bind("ttlMs", ttl.toMillis())
                        .mapTo(String.class)
                        .findOne()
                        .isPresent());
    }

    /** Gives the lease up if this node holds it, so another node can take it at once. */
    public void release() {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM leases WHERE name = :name AND holder = :holder")
                .bind("name", name)
                .bind("holder", holder)
                .execute());
    }

    /** Who holds the lease now (even if expired), for logs; empty when nobody ever took it. */
    public Optional<String> currentHolder() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT holder FROM leases WHERE name = :name")
                .bind("name", name)
                .mapTo(String.class)
                .findOne());
    }
}
