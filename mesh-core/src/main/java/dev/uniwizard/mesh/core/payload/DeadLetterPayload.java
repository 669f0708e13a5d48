package dev.uniwizard.mesh.core.payload;

/**
 * Payload of an event on {@code <root>.events.deadletter}: a message given up on after all delivery attempts, kept whole
 * so that nothing is lost.
 *
 * @param stream the stream it came from
 * @param subject its subject
 * @param deliveries how often it was tried
 * @param lastError why the last attempt failed
 * @param original the message's bytes as UTF-8 text
 */
public record DeadLetterPayload(String stream, String subject, long deliveries, String lastError, String original) {}
