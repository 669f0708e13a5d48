package dev.uniwizard.mesh.observatory.health;

import dev.uniwizard.mesh.core.payload.HeartbeatPayload;
import java.time.Instant;

/**
 * The latest heartbeat of one instance and when the observatory received it (the observatory's clock, not the
 * sender's).
 */
public record InstanceState(HeartbeatPayload heartbeat, Instant lastSeen) {

    public String service() {
        return heartbeat.service();
    }

    public String instance() {
        return heartbeat.instance();
    }
}
