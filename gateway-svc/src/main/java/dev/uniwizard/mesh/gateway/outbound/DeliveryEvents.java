package dev.uniwizard.mesh.gateway.outbound;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.payload.DeliveryEventPayload;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.service.messaging.EnvelopePublisher;
import dev.uniwizard.mesh.service.tracing.NatsTracing;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Tells the mesh what became of each reply ({@code <root>.events.delivery}, {@link DeliveryEventPayload}): delivered,
 * or given up on and dead-lettered. The scheduler records a job run's delivery status from it. The event's id derives
 * from the reply's id and the outcome, so a redelivered reply yields the same id (JetStream drops the copy). Best
 * effort: the platform already has (or will never get) the reply, so a failure to publish is logged and counted in
 * {@code mesh.gateway.delivery.events{outcome="not_published"}}, and the delivery itself stands.
 */
@Singleton
public class DeliveryEvents {

    private static final Logger LOG = Logger.getLogger(DeliveryEvents.class);

    private final EnvelopeSigner signer;
    private final EnvelopePublisher publisher;
    private final Subjects subjects;
    private final NatsTracing tracing;
    private final MeterRegistry registry;

    public DeliveryEvents(
            EnvelopeSigner signer,
            EnvelopePublisher publisher,
            Subjects subjects,
            NatsTracing tracing,
            MeterRegistry registry) {
        this.signer = signer;
        this.publisher = publisher;
        this.subjects = subjects;
        this.tracing = tracing;
        this.registry = registry;
    }

    /** {@code reply} reached {@code platform} on delivery attempt {@code attempts}. */
    public void delivered(Envelope reply, String platform, long attempts) {
        publish(reply, platform, DeliveryEventPayload.DELIVERED, attempts, "");
    }

    /** {@code reply} is given up on after {@code attempts} attempts, because of {@code detail}. */
    public void deadLettered(Envelope reply, String platform, long attempts, String detail) {
        publish(reply, platform, DeliveryEventPayload.DEAD_LETTERED, attempts, detail);
    }

    private void publish(Envelope reply, String platform, String outcome, long attempts, String detail) {
        DeliveryEventPayload payload =
                new DeliveryEventPayload(reply.id(), reply.correlationId(), platform, outcome, attempts, detail);
        try {
            publisher.publishDurable(
                    subjects.events(Subjects.EVENT_DELIVERY),
                    signer.follow(
                            reply,
                            "delivery:" + outcome,
                            EnvelopeKind.EVENT,
                            reply.house(),
                            payload,
                            tracing.currentTraceparent()));
            registry.counter("mesh.gateway.delivery.events", "outcome", outcome).increment();
        } catch (RuntimeException e) {
            registry.counter("mesh.gateway.delivery.events", "outcome", "not_published")
                    .increment();
            LOG.warnf(
                    "could not publish the %s event of reply %s on %s (the delivery stands): %s",
                    outcome, reply.id(), platform, e.toString());
        }
    }
}
