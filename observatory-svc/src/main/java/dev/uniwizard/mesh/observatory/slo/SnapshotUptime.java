package dev.uniwizard.mesh.observatory.slo;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Reads the snapshots of a {@code service:<name>} check for {@link Uptime}, from {@code check_snapshots}. */
@Singleton
public class SnapshotUptime {

    private final Jdbi jdbi;

    public SnapshotUptime(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The check's snapshots in {@code [from, to)}, after the last one before {@code from}, in time order. */
    public List<Uptime.Snapshot> snapshots(String checkId, Instant from, Instant to) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        (SELECT at, state FROM check_snapshots WHERE check_id = :id AND at < :from
                         ORDER BY at DESC LIMIT 1)
                        UNION ALL
                        (SELECT at, state FROM check_snapshots WHERE check_id = :id AND at >= :from AND at < :to)
                        ORDER BY at
                        """)
                .bind("id", checkId)
                .bind("from", from.atOffset(ZoneOffset.UTC))
                .bind("to", to.atOffset(ZoneOffset.UTC))
                .map((rs, ctx) -> new Uptime.Snapshot(
                        rs.getObject("at", OffsetDateTime.class).toInstant(), "ok".equals(rs.getString("state"))))
                .list());
    }
}
