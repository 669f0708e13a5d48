package dev.uniwizard.mesh.core.payload;

/**
 * Payload of an event on {@code <root>.events.delivery}: what became of a reply the gateway was to deliver to a
 * platform. Whoever waits for a reply to arrive somewhere (the scheduler recording a job run's delivery status, the
 * observatory) reads it here instead of asking the gateway. The event's envelope id is derived from the reply's id and
 * the outcome, so a redelivered reply does not produce a second event.
 *
 * @param replyId the id of the REPLY envelope
 * @param correlationId the reply's correlation id (the original message's, or the scheduled task's)
 * @param platform where it was to go ({@code telegram}, {@code slack}, ...)
 * @param outcome {@link #DELIVERED} or {@link #DEAD_LETTERED}
 * @param attempts the delivery attempts it took, this one included
 * @param detail why it was given up, or a short note on the delivery; may be empty
 */
public record DeliveryEventPayload(
        String replyId, String correlationId, String platform, String outcome, long attempts, String detail) {

    /** The platform accepted the reply. */
    public static final String DELIVERED = "delivered";

    /** The gateway gave up on the reply (it is on {@code <root>.events.deadletter} whole). */
    public static final String DEAD_LETTERED = "dead_lettered";

    public boolean delivered() {
        return DELIVERED.equals(outcome);
    }
}
