package dev.uniwizard.mesh.gateway.exchange;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Ids;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.MessagePayload;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.gateway.api.MessageRequest;
import dev.uniwizard.mesh.gateway.operators.Operator;
import dev.uniwizard.mesh.gateway.replies.Reply;
import dev.uniwizard.mesh.gateway.replies.ReplyWaiters;
import dev.uniwizard.mesh.service.messaging.EnvelopePublisher;
import dev.uniwizard.mesh.service.tracing.NatsTracing;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Sends one operator message into the mesh and waits for its reply: the message is signed, a waiter is registered under
 * its id (the correlation id every reply carries) before it is published, so a fast reply cannot be missed.
 */
@Singleton
public class MessageExchange {

    private static final Logger LOG = Logger.getLogger(MessageExchange.class);

    private final EnvelopeSigner signer;
    private final EnvelopePublisher publisher;
    private final Subjects subjects;
    private final ReplyWaiters waiters;
    private final NatsTracing tracing;

    public MessageExchange(
            EnvelopeSigner signer,
            EnvelopePublisher publisher,
            Subjects subjects,
            ReplyWaiters waiters,
            NatsTracing tracing) {
        this.signer = signer;
        this.publisher = publisher;
        this.subjects = subjects;
        this.waiters = waiters;
        this.tracing = tracing;
    }

    /** An HTTP API message from {@code sender} (platform {@code http}), with no known operator. */
    public ExchangeResult send(MessageRequest request, Sender sender, Duration wait) throws InterruptedException {
        return send(request, sender, new MessagePayload(request.text()), wait);
    }

    /**
     * A message from an authenticated {@code operator}: their own house travels with it, so the router sends it there
     * when it addresses no house. Published on {@code <root>.in.<sender platform>}, which must be a platform whose
     * replies {@link dev.uniwizard.mesh.gateway.replies.ReplyWatcher} watches.
     */
    public ExchangeResult send(MessageRequest request, Sender sender, Operator operator, Duration wait)
            throws InterruptedException {
        return send(request, sender, operatorPayload(request, operator), wait);
    }

    /**
     * Hands a message from an authenticated {@code operator} to the mesh (like
     * {@link #send(MessageRequest, Sender, Operator, Duration)}) and returns without waiting: the caller takes the
     * replies from the returned exchange as they come and closes it.
     *
     * @throws ExchangeUnavailable when the message could not be handed to the mesh; nothing was sent
     */
    public OpenExchange open(MessageRequest request, Sender sender, Operator operator) {
        return open(request, sender, operatorPayload(request, operator));
    }

    private static MessagePayload operatorPayload(MessageRequest request, Operator operator) {
        return new MessagePayload(request.text(), operator.name(), operator.house(), null);
    }

    private ExchangeResult send(MessageRequest request, Sender sender, MessagePayload payload, Duration wait)
            throws InterruptedException {
        OpenExchange opened;
        try {
            opened = open(request, sender, payload);
        } catch (ExchangeUnavailable e) {
            return new ExchangeResult.Unavailable(e.error(), e.getMessage());
        }
        try (OpenExchange exchange = opened) {
            Envelope message = exchange.message();
            Optional<Reply> reply = wait.isZero() ? Optional.empty() : exchange.next(wait);
            return reply.<ExchangeResult>map(r -> new ExchangeResult.Replied(message, r))
                    .orElseGet(() -> new ExchangeResult.Pending(message));
        }
    }

    private OpenExchange open(MessageRequest request, Sender sender, MessagePayload payload) {
        String conversationId = request.conversationId() == null ? Ids.newId() : request.conversationId();
        Envelope message = signer.originate(
                EnvelopeKind.MESSAGE, conversationId, request.house(), sender, payload, tracing.currentTraceparent());
        ReplyWaiters.Waiter waiter = waiters.register(message.correlationId())
                .orElseThrow(() -> new ExchangeUnavailable(
                        "gateway_busy",
                        waiters.capacity() + " requests are already waiting for replies here; try again shortly"));
        try {
            publisher.publishDurable(subjects.in(sender.platform()), message);
        } catch (RuntimeException e) {
            waiter.close();
            LOG.warnf("could not hand message %s to the mesh: %s", message.id(), e.getMessage());
            throw new ExchangeUnavailable(
                    "mesh_unavailable", "the message could not be handed to the mesh: " + e.getMessage());
        }
        LOG.debugf("sent message %s in conversation %s", message.id(), conversationId);
        return new OpenExchange(message, waiter);
    }
}
