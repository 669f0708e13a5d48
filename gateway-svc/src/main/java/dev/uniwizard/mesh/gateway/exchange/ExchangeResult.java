package dev.uniwizard.mesh.gateway.exchange;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.gateway.replies.Reply;

/** How sending one message ended. */
public sealed interface ExchangeResult {

    /** The reply came within the wait. */
    record Replied(Envelope message, Reply reply) implements ExchangeResult {}

    /** The message is in the mesh but no reply came within the wait; it will be stored in the conversation. */
    record Pending(Envelope message) implements ExchangeResult {}

    /** The message could not be handed to the mesh; nothing was sent. */
    record Unavailable(String error, String message) implements ExchangeResult {}
}
