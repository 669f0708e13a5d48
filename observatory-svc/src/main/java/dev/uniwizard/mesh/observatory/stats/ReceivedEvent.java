package dev.uniwizard.mesh.observatory.stats;

import java.time.Instant;

/**
 * A checked turn or tool-call event with what the store keeps of its envelope.
 *
 * @param envelopeId the event envelope's id (the row's key: a redelivery is stored once)
 * @param nodeId the house node that signed it
 * @param receivedAt when the observatory took it
 * @param event the {@link dev.uniwizard.mesh.core.payload.TurnEvent} or
 *     {@link dev.uniwizard.mesh.core.payload.ToolCallEvent}
 */
public record ReceivedEvent<T>(String envelopeId, String nodeId, Instant receivedAt, T event) {}
