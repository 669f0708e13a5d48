package dev.uniwizard.mesh.core.payload;

import java.time.Instant;

/**
 * Payload of a heartbeat event on {@code <root>.health.<service>}.
 *
 * @param service the service name (e.g. {@code gateway})
 * @param instance the node id of this instance
 * @param version the running version
 * @param startedAt when this instance started
 * @param uptimeSeconds seconds since start
 * @param status {@link #UP} when the instance's readiness checks pass, else {@link #DOWN}
 * @param intervalSeconds how often heartbeats are sent; observers treat a few missed ones as stopped
 */
public record HeartbeatPayload(
        String service,
        String instance,
        String version,
        Instant startedAt,
        long uptimeSeconds,
        String status,
        long intervalSeconds) {

    /** {@link #status()} of an instance whose readiness checks pass. */
    public static final String UP = "UP";

    /** {@link #status()} of an instance that runs but is not ready (e.g. NATS or its database unreachable). */
    public static final String DOWN = "DOWN";

    /** True when the instance reports itself {@link #UP}. */
    public boolean up() {
        return UP.equals(status);
    }
}
