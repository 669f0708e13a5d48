package dev.uniwizard.mesh.observatory.snapshots;

import dev.uniwizard.mesh.observatory.config.RetentionConfig;
import dev.uniwizard.mesh.observatory.leader.Leadership;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jdbi.v3.core.Jdbi;

/**
 * Every {@code observatory.retention-sweep} the leader deletes rows older than {@code observatory.retention} (see
 * {@link Retention}), counted in {@code mesh_observatory_retention_deleted_total{table}}. A failed sweep is logged and
 * tried again at the next one.
 */
@Startup
@Singleton
public class RetentionSweeper {

    private static final Logger LOG = Logger.getLogger(RetentionSweeper.class);
    static final String DELETED = "mesh.observatory.retention.deleted";

    private final Retention retention;
    private final Duration keep;
    private final Leadership leadership;
    private final Clock clock;
    private final MeterRegistry registry;

    public RetentionSweeper(
            Jdbi jdbi, RetentionConfig config, Leadership leadership, Clock clock, MeterRegistry registry) {
        validate(config);
        this.retention = new Retention(jdbi, config.retentionBatch());
        this.keep = config.retention();
        this.leadership = leadership;
        this.clock = clock;
        this.registry = registry;
    }

    static void validate(RetentionConfig config) {
        positive("observatory.retention", config.retention());
        positive("observatory.retention-sweep", config.retentionSweep());
        positive("observatory.forget-after", config.forgetAfter());
        if (config.retentionBatch() < 1) {
            throw new IllegalArgumentException(
                    "observatory.retention-batch must be at least 1, was " + config.retentionBatch());
        }
    }

    private static void positive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, was " + value);
        }
    }

    @Scheduled(
            identity = "observatory-retention",
            every = "${observatory.retention-sweep:1h}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        if (!leadership.isLeader()) {
            return;
        }
        try {
            Map<String, Long> deleted = retention.deleteBefore(clock.instant().minus(keep));
            deleted.forEach(
                    (table, rows) -> registry.counter(DELETED, "table", table).increment(rows));
            LOG.debugf("retention sweep deleted %s (older than %s)", deleted, keep);
        } catch (RuntimeException e) {
            LOG.errorf("retention sweep failed, trying again in the next one: %s", e.toString());
        }
    }
}
