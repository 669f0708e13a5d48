package dev.uniwizard.mesh.core.payload;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param host the host's CPU, memory and disk, or null when not reported (older instances)
 * @param house what a house adds (mode, model login, pending approvals); null for other services
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HeartbeatPayload(
        String service,
        String instance,
        String version,
        Instant startedAt,
        long uptimeSeconds,
        String status,
        long intervalSeconds,
        HostStats host,
        HouseFacts house) {

    /** {@link #status()} of an instance whose readiness checks pass. */
    public static final String UP = "UP";

    /** {@link #status()} of an instance that runs but is not ready (e.g. NATS or its database unreachable). */
    public static final String DOWN = "DOWN";

    @JsonCreator
    public HeartbeatPayload {}

    /** A heartbeat without host or house facts. */
    public HeartbeatPayload(
            String service,
            String instance,
            String version,
            Instant startedAt,
            long uptimeSeconds,
            String status,
            long intervalSeconds) {
        this(service, instance, version, startedAt, uptimeSeconds, status, intervalSeconds, null, null);
    }

    /** True when the instance reports itself {@link #UP}. */
    public boolean up() {
        return UP.equals(status);
    }
}
