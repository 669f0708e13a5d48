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
 * @param status {@code UP} when the instance's readiness checks pass, else {@code DOWN}
 * @param intervalSeconds how often heartbeats are sent; observers treat a few missed ones as stopped
 */
public record HeartbeatPayload(
        String service,
        String instance,
        String version,
        Instant startedAt,
        long uptimeSeconds,
        String status,
        long intervalSeconds) {}
