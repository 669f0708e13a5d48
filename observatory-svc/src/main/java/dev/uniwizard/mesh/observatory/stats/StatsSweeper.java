package dev.uniwizard.mesh.observatory.stats;

import static dev.uniwizard.mesh.observatory.stats.StatsEventStore.utc;

import dev.uniwizard.mesh.observatory.config.StatsConfig;
import dev.uniwizard.mesh.observatory.leader.Leadership;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jboss.logging.Logger;
import org.jdbi.v3.core.Jdbi;

/**
 * Deletes turn and tool-call events older than {@code observatory.retention} (30 days), every
 * {@code observatory.stats.sweep-every}, on the leading observatory node only. Works in batches of
 * {@code observatory.stats.sweep-batch} rows, each its own transaction, at most {@code sweep-max-batches} per table and
 * sweep (the next sweep goes on). Houses not in {@code mesh.houses} whose last event is that old are forgotten too.
 * Deleted rows are counted in {@code mesh_observatory_stats_deleted_total{table}}.
 */
@Singleton
public class StatsSweeper {

    private static final Logger LOG = Logger.getLogger(StatsSweeper.class);

    static final String DELETED = "mesh.observatory.stats.deleted";
    private static final List<String> TABLES = List.of("turn_events", "tool_call_events");

    private final Jdbi jdbi;
    private final Leadership leadership;
    private final KnownHouses houses;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Duration retention;
    private final int batch;
    private final int maxBatches;

    @Inject
    public StatsSweeper(
            Jdbi jdbi,
            Leadership leadership,
            KnownHouses houses,
            StatsConfig config,
            Clock clock,
            MeterRegistry registry) {
        this(
                jdbi,
                leadership,
                houses,
                config.retention(),
                config.stats().sweepBatch(),
                config.stats().sweepMaxBatches(),
                clock,
                registry);
    }

    StatsSweeper(
            Jdbi jdbi,
            Leadership leadership,
            KnownHouses houses,
            Duration retention,
            int batch,
            int maxBatches,
            Clock clock,
            MeterRegistry registry) {
        if (retention.compareTo(Duration.ofMinutes(1)) < 0 || batch < 1 || maxBatches < 1) {
            throw new IllegalStateException("observatory.retention must be at least 1m (e.g. 30d) and "
                    + "observatory.stats.sweep-batch and sweep-max-batches at least 1; got " + retention + ", " + batch
                    + ", " + maxBatches);
        }
        this.jdbi = jdbi;
        this.leadership = leadership;
        this.houses = houses;
        this.retention = retention;
        this.batch = batch;
        this.maxBatches = maxBatches;
        this.clock = clock;
        this.registry = registry;
    }

    @Scheduled(
            identity = "observatory-stats-retention",
            every = "${observatory.stats.sweep-every}",
            delayed = "${observatory.stats.sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            sweepIfLeader();
        } catch (RuntimeException e) {
            LOG.warnf("the stats retention sweep failed (next try in one period): %s", e.toString());
        }
    }

    /** Sweeps when this node leads; returns the rows deleted (0 on other nodes). */
    public long sweepIfLeader() {
        if (!leadership.isLeader()) {
            LOG.debug("not the leader: the stats retention sweep is left to the leading node");
            return 0;
        }
        return sweep();
    }

    /** Deletes the events older than the retention now; returns how many rows. */
    public long sweep() {
        Instant cutoff = clock.instant().minus(retention);
        long total = 0;
        for (String table : TABLES) {
            long deleted = sweep(table, cutoff);
            registry.counter(DELETED, "table", table).increment(deleted);
            total += deleted;
        }
        int forgotten = jdbi.withHandle(handle -> handle.createUpdate(
                        "DELETE FROM stats_houses WHERE last_event_at < :cutoff AND NOT (house = ANY (:configured))")
                .bindByType("cutoff", utc(cutoff), OffsetDateTime.class)
                .bindArray("configured", String.class, houses.configured())
                .execute());
        if (total > 0 || forgotten > 0) {
            LOG.infof(
                    "deleted %d turn and tool-call events from before %s (retention %s) and forgot %d houses",
                    total, cutoff, retention, forgotten);
        }
        return total;
    }

    private long sweep(String table, Instant cutoff) {
        long total = 0;
        for (int i = 0; i < maxBatches; i++) {
            int deleted = jdbi.inTransaction(handle -> handle.createUpdate("DELETE FROM " + table
                            + " WHERE envelope_id IN (SELECT envelope_id FROM " + table
                            + " WHERE at < :cutoff LIMIT :batch FOR UPDATE SKIP LOCKED)")
                    .bindByType("cutoff", utc(cutoff), OffsetDateTime.class)
                    .bind("batch", batch)
                    .execute());
            total += deleted;
            if (deleted < batch) {
                return total;
            }
        }
        LOG.infof("%s: %d rows is the most one sweep deletes; the next sweep goes on", table, total);
        return total;
    }
}
