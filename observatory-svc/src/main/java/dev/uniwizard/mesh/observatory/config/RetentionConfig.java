package dev.uniwizard.mesh.observatory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How long the observatory keeps what it recorded, under {@code observatory.*}: check snapshots, state changes and
 * notifications in PostgreSQL, and instances that stopped sending heartbeats in memory.
 */
@ConfigMapping(prefix = "observatory")
public interface RetentionConfig {

    /** Rows of check_snapshots, check_transitions and alert_notifications older than this are deleted. */
    @WithDefault("30d")
    Duration retention();

    /** How often the leader deletes them. */
    @WithDefault("1h")
    Duration retentionSweep();

    /** Rows deleted per statement, so a large backlog never holds long locks. */
    @WithDefault("10000")
    int retentionBatch();

    /** An instance silent for longer than this drops out of the checks (a node that was removed for good). */
    @WithDefault("24h")
    Duration forgetAfter();
}
