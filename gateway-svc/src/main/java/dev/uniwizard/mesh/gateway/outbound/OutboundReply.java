package dev.uniwizard.mesh.gateway.outbound;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.payload.ReplyAddress;
import dev.uniwizard.mesh.core.payload.ReplyPayload;

/**
 * A verified reply to deliver on a platform.
 *
 * @param envelope the signed reply envelope (its id is stable across redeliveries)
 * @param payload its payload
 */
public record OutboundReply(Envelope envelope, ReplyPayload payload) {

    /** Where it goes on the platform; may be null (then the platform decides, e.g. a private chat with the sender). */
    public ReplyAddress address() {
        return payload.replyTo();
    }

    /** The text to show, never null. */
    public String text() {
        String text = payload.text() == null ? "" : payload.text();
        if (ReplyPayload.ERROR.equals(payload.status()) && payload.errorCode() != null && text.isBlank()) {
            return "(error: " + payload.errorCode() + ")";
        }
        return text;
    }
}
