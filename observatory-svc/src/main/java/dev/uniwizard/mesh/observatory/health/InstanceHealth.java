package dev.uniwizard.mesh.observatory.health;

import java.time.Instant;

/**
 * One instance as the observatory judges it.
 *
 * @param status {@code STOPPED} when stale, else the status the instance reported ({@code UP} or {@code DOWN})
 * @param lastSeenSecondsAgo seconds since its last heartbeat arrived, to the millisecond
 * @param stale whether its heartbeats stopped (more than the allowed number of intervals missed)
 */
public record InstanceHealth(
        String service,
        String instance,
        String status,
        String version,
        long uptimeSeconds,
        double lastSeenSecondsAgo,
        boolean stale,
        Instant startedAt) {

    public boolean isUp() {
        return MeshHealth.UP.equals(status);
    }
}
