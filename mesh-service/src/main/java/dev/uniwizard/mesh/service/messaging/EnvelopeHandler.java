package dev.uniwizard.mesh.service.messaging;

import dev.uniwizard.mesh.core.envelope.Envelope;

/**
 * Work done for one verified envelope. Returning means done: the message is acknowledged. Throwing
 * {@link PermanentFailure} dead-letters it at once; any other exception makes JetStream deliver it again later.
 */
@FunctionalInterface
public interface EnvelopeHandler {

    void handle(Envelope envelope, Delivery delivery) throws Exception;

    /**
     * What the handler may want to know about the delivery.
     *
     * @param subject the subject the envelope arrived on
     * @param attempt 1 for the first delivery
     * @param keepAlive tells JetStream the work is still going on, restarting the ack wait; call it from long work
     *     (a model turn, an approval wait) more often than the consumer's ack wait
     */
    record Delivery(String subject, long attempt, Runnable keepAlive) {

        public void stillWorking() {
            keepAlive.run();
        }
    }

    /**
     * A failure worth another attempt after a delay the handler knows better than the default backoff (a platform's
     * {@code retry_after}). Counts as an attempt like any other failure.
     */
    class RetryLater extends Exception {
        private final java.time.Duration delay;

        public RetryLater(String message, java.time.Duration delay) {
            super(message);
            this.delay = delay;
        }

        public java.time.Duration delay() {
            return delay;
        }
    }

    /** A failure that no retry can fix (the message itself is unusable). */
    class PermanentFailure extends Exception {
        public PermanentFailure(String message) {
            super(message);
        }
    }
}
