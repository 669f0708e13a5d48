package dev.uniwizard.mesh.service.messaging;

import dev.uniwizard.mesh.core.envelope.Envelope;

/**
 * Work done for one verified envelope. Returning means done: the message is acknowledged. Throwing
 * {@link PermanentFailure} dead-letters it at once; any other exception makes JetStream deliver it again later.
 */
@FunctionalInterface
public interface EnvelopeHandler {

    void handle(Envelope envelope, Delivery delivery) throws Exception;

    /** What the handler may want to know about the delivery. */
    record Delivery(String subject, long attempt) {}

    /** A failure that no retry can fix (the message itself is unusable). */
    class PermanentFailure extends Exception {
        public PermanentFailure(String message) {
            super(message);
        }
    }
}
