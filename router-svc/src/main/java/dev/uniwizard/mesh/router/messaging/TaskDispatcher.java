package dev.uniwizard.mesh.router.messaging;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.payload.ReplyAddress;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.core.payload.TaskPayload;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.router.health.HealthPolicy;
import dev.uniwizard.mesh.service.messaging.EnvelopePublisher;
import dev.uniwizard.mesh.service.tracing.NatsTracing;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Publishes what the router decided, signed by the router and derived from the inbound envelope (so a redelivery
 * publishes the same ids, which JetStream stores once): the task on {@code <root>.task.<house>}, a pending notice on
 * the sender's platform when the house is down, and error replies. Every reply carries the message's
 * {@link ReplyAddress} so the platform adapter can deliver it.
 */
@Singleton
public class TaskDispatcher {

    private static final Logger LOG = Logger.getLogger(TaskDispatcher.class);

    private final Subjects subjects;
    private final EnvelopeSigner signer;
    private final EnvelopePublisher publisher;
    private final NatsTracing tracing;
    private final MeterRegistry registry;
    private final HealthPolicy health;

    public TaskDispatcher(
            Subjects subjects,
            EnvelopeSigner signer,
            EnvelopePublisher publisher,
            NatsTracing tracing,
            MeterRegistry registry,
            HealthPolicy health) {
        this.subjects = subjects;
        this.signer = signer;
        this.publisher = publisher;
        this.tracing = tracing;
        this.registry = registry;
        this.health = health;
    }

    /** Where work for {@code house} goes now, given the houses' health. */
    public HealthPolicy.Placement place(String house) {
        return health.place(house);
    }

    /**
     * Publishes the task for {@code placement.house()}, and (when {@code tellSender}) the placement's notice as a
     * pending reply on {@code platform}.
     */
    public void dispatch(
            Envelope cause,
            HealthPolicy.Placement placement,
            String text,
            String platform,
            String reason,
            ReplyAddress replyTo,
            boolean tellSender) {
        String because = placement.reason(reason);
        Envelope task = signer.follow(
                cause,
                "task",
                EnvelopeKind.TASK,
                placement.house(),
                new TaskPayload(text, platform, because, replyTo),
                tracing.currentTraceparent());
        publisher.publishDurable(subjects.task(placement.house()), task);
        registry.counter("mesh.router.routed", "house", placement.house()).increment();
        LOG.debugf("routed %s to %s (%s) as task %s", cause.id(), placement.house(), because, task.id());
        if (tellSender && placement.notice().isPresent()) {
            publisher.publishDurable(
                    subjects.out(platform),
                    signer.follow(
                            cause,
                            "pending",
                            EnvelopeKind.REPLY,
                            null,
                            ReplyPayload.pending(null, placement.notice().get()).withReplyTo(replyTo),
                            tracing.currentTraceparent()));
        }
    }

    /** Answers the sender on {@code platform} with an error reply, counted in {@code mesh.router.refused{reason}}. */
    public void answerError(Envelope message, String platform, String code, String text, ReplyAddress replyTo) {
        registry.counter("mesh.router.refused", "reason", code).increment();
        LOG.infof("answering %s with %s: %s", message.id(), code, text);
        publisher.publishDurable(
                subjects.out(platform),
                signer.follow(
                        message,
                        "reply",
                        EnvelopeKind.REPLY,
                        null,
                        ReplyPayload.error(null, code, text).withReplyTo(replyTo),
                        tracing.currentTraceparent()));
    }
}
