package dev.uniwizard.mesh.gateway.outbound;

import dev.uniwizard.mesh.service.messaging.EnvelopeHandler;

/**
 * Delivers replies on one platform. {@link OutboundDeliveries} runs a durable JetStream consumer on
 * {@code <root>.out.<platform>} for every enabled implementation (a CDI bean), verifies each reply's signature, and
 * calls {@link #deliver}. Returning means delivered (the reply is acknowledged); {@link Undeliverable} dead-letters it
 * at once; {@link EnvelopeHandler.RetryLater} retries after the given delay (a platform's {@code retry_after}); any
 * other exception retries with growing delays, up to {@code gateway.outbound.max-deliver} attempts, then dead-letters
 * it with an event. A delivery may be attempted again after a crash, so implementations should make a repeat harmless
 * where the platform allows.
 */
public interface PlatformDelivery {

    /** The platform token, e.g. {@code telegram}. */
    String platform();

    /** Whether this platform is configured; disabled platforms get no consumer. */
    boolean enabled();

    /**
     * Delivers one reply.
     *
     * @param reply the verified reply
     * @param delivery the JetStream delivery: call {@link EnvelopeHandler.Delivery#stillWorking()} while waiting for a
     *     rate limit longer than a few seconds
     */
    void deliver(OutboundReply reply, EnvelopeHandler.Delivery delivery) throws Exception;
}
