package dev.uniwizard.mesh.gateway.exchange;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.gateway.replies.Reply;
import dev.uniwizard.mesh.gateway.replies.ReplyWaiters;
import java.time.Duration;
import java.util.Optional;

/**
 * A message handed to the mesh whose replies this replica takes as they come: interim notices (status
 * {@code pending}) first, then the answer. For callers that show the notices while they wait (a streamed answer);
 * {@link #close()} it when done, whatever happened, so the waiter's place is freed.
 */
public final class OpenExchange implements AutoCloseable {

    private final Envelope message;
    private final ReplyWaiters.Waiter waiter;

    OpenExchange(Envelope message, ReplyWaiters.Waiter waiter) {
        this.message = message;
        this.waiter = waiter;
    }

    /** The message as it was published. */
    public Envelope message() {
        return message;
    }

    /** The next reply to the message, or empty if none came within {@code timeout}. */
    public Optional<Reply> next(Duration timeout) throws InterruptedException {
        return waiter.await(timeout);
    }

    @Override
    public void close() {
        waiter.close();
    }
}
