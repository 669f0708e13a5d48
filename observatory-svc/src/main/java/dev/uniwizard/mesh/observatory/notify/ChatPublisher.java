package dev.uniwizard.mesh.observatory.notify;

import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.service.messaging.EnvelopePublisher;
import jakarta.inject.Singleton;

/**
 * Sends text to a chat: a signed REPLY envelope on {@code <root>.out.<platform>} addressed to the chat, which the
 * gateway's delivery for that platform sends. Delivered means stored in the OUTBOUND stream.
 */
@Singleton
public class ChatPublisher {

    /** The {@code house} of the replies, shown by platforms that name the answering house. */
    public static final String FROM = "observatory";

    private final ObservatoryEnvelopes envelopes;
    private final EnvelopePublisher publisher;
    private final Subjects subjects;

    public ChatPublisher(ObservatoryEnvelopes envelopes, EnvelopePublisher publisher, Subjects subjects) {
        this.envelopes = envelopes;
        this.publisher = publisher;
        this.subjects = subjects;
    }

    /** Publishes {@code text} to {@code chat} as envelope {@code id}; never throws. */
    public Delivery send(ChatChannel chat, String id, String text) {
        String subject = subjects.out(chat.platform());
        try {
            publisher.publishDurable(
                    subject,
                    envelopes.create(
                            id, EnvelopeKind.REPLY, ReplyPayload.ok(FROM, text).withReplyTo(chat.address())));
            return Delivery.ok();
        } catch (RuntimeException e) {
            return Delivery.failed("could not publish the reply on " + subject + ": " + e.getMessage());
        }
    }
}
