package dev.uniwizard.mesh.observatory.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A security or dead-letter event the observatory received.
 *
 * @param type {@code security} or {@code deadletter}
 * @param reason the rejection reason of a security event; {@code null} for other types
 * @param envelopeId the event envelope's id
 * @param nodeId the node that reported it
 * @param sentAt the event envelope's timestamp
 * @param receivedAt when the observatory received it
 * @param payload the event's payload as sent
 */
public record ObservedEvent(
        String type,
        String reason,
        String envelopeId,
        String nodeId,
        Instant sentAt,
        Instant receivedAt,
        JsonNode payload) {}
