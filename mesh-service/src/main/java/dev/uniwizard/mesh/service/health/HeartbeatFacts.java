package dev.uniwizard.mesh.service.health;

import dev.uniwizard.mesh.core.payload.HouseFacts;

/**
 * What a service adds to its heartbeat beyond the host facts every instance sends. Optional: {@link HeartbeatPublisher}
 * looks for one bean of this type and sends {@code house = null} when there is none (every service but the houses).
 */
public interface HeartbeatFacts {

    /** The house's facts right now (mode, model login, pending approvals); must be quick and must not block. */
    HouseFacts houseFacts();
}
