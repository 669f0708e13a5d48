package dev.uniwizard.mesh.core.payload;

/**
 * Payload of an event on {@code <root>.events.security}: an envelope a node refused.
 *
 * @param reason the rejection reason label
 * @param detail what was wrong
 * @param subject where it arrived
 * @param envelopeId its id, when it parsed
 * @param claimedNodeId the node it claimed to come from, when it parsed
 */
public record SecurityEventPayload(
        String reason, String detail, String subject, String envelopeId, String claimedNodeId) {}
