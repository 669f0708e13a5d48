package dev.uniwizard.mesh.observatory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The leadership lease in PostgreSQL, under {@code observatory.leader.*}: the node holding it runs the checks, alerts,
 * the digest and the retention sweep.
 */
@ConfigMapping(prefix = "observatory.leader")
public interface LeaderConfig {

    /** The lease's name (one row of table {@code leases}); replicas sharing a database compete for it. */
    @WithDefault("observatory")
    String lease();

    /** How long a lease lasts without renewal: another node takes over this long after the leader stops. */
    @WithDefault("15s")
    Duration ttl();

    /** How often the holder renews it (and others try to take it); at most half the ttl. */
    @WithDefault("5s")
    Duration renewEvery();
}
