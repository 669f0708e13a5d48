package dev.uniwizard.mesh.gateway.inbound;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.MessagePayload;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.gateway.dedupe.DeliveryDedup;
import dev.uniwizard.mesh.service.messaging.EnvelopePublisher;
import dev.uniwizard.mesh.service.tracing.NatsTracing;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Signs platform deliveries and stores them in the INBOUND stream ({@code <root>.in.<platform>}), once per platform
 * delivery id. Returns only after JetStream acknowledged the publish, so a platform is answered "received" only for
 * what is kept; when publishing fails the delivery id is forgotten and the failure is thrown, so the platform's retry
 * is taken.
 */
@Singleton
public class InboundPublisher {

    private static final Logger LOG = Logger.getLogger(InboundPublisher.class);

    private final EnvelopeSigner signer;
    private final EnvelopePublisher publisher;
    private final Subjects subjects;
    private final DeliveryDedup dedup;
    private final NatsTracing tracing;
    private final MeterRegistry registry;

    public InboundPublisher(
            EnvelopeSigner signer,
            EnvelopePublisher publisher,
            Subjects subjects,
            DeliveryDedup dedup,
            NatsTracing tracing,
            MeterRegistry registry) {
        this.signer = signer;
        this.publisher = publisher;
        this.subjects = subjects;
        this.dedup = dedup;
        this.tracing = tracing;
        this.registry = registry;
    }

    /** An operator's message, as a {@code message} envelope. */
    public InboundOutcome publishMessage(InboundMessage message) {
        return publish(
                message.sender().platform(),
                message.deliveryKey(),
                EnvelopeKind.MESSAGE,
                message.conversationId(),
                message.house(),
                message.sender(),
                new MessagePayload(
                        message.text(),
                        message.operator().name(),
                        message.operator().house(),
                        message.replyTo()));
    }

    /** A verified webhook (e.g. Gitea's), as a {@code webhook} envelope with {@code payload}. */
    public InboundOutcome publishWebhook(String deliveryKey, String conversationId, Sender sender, Object payload) {
        return publish(sender.platform(), deliveryKey, EnvelopeKind.WEBHOOK, conversationId, null, sender, payload);
    }

    private InboundOutcome publish(
            String platform,
            String deliveryKey,
            EnvelopeKind kind,
            String conversationId,
            String house,
            Sender sender,
            Object payload) {
        if (deliveryKey != null && !dedup.firstTime(platform, deliveryKey)) {
            registry.counter("mesh.gateway.inbound", "platform", platform, "outcome", "duplicate")
                    .increment();
            LOG.debugf("%s delivery %s was taken before; not publishing it again", platform, deliveryKey);
            return new InboundOutcome.Duplicate(deliveryKey);
        }
        Envelope envelope =
                signer.originate(kind, conversationId, house, sender, payload, tracing.currentTraceparent());
        try {
            publisher.publishDurable(subjects.in(platform), envelope);
        } catch (RuntimeException e) {
            if (deliveryKey != null) {
                dedup.forget(platform, deliveryKey);
            }
            registry.counter("mesh.gateway.inbound", "platform", platform, "outcome", "failed")
                    .increment();
            throw e;
        }
        registry.counter("mesh.gateway.inbound", "platform", platform, "outcome", "published")
                .increment();
        return new InboundOutcome.Published(envelope);
    }
}
