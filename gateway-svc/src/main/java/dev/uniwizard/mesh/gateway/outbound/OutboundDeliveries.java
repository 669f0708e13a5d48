package dev.uniwizard.mesh.gateway.outbound;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeFormatException;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.core.streams.MeshStreams;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.gateway.config.GatewayConfig;
import dev.uniwizard.mesh.service.messaging.EnvelopeHandler;
import dev.uniwizard.mesh.service.messaging.JetStreamWorkers;
import dev.uniwizard.mesh.service.messaging.WorkerSpec;
import dev.uniwizard.mesh.service.nats.StreamProvisioning;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Delivers replies from the OUTBOUND stream to the platforms: one durable consumer per enabled {@link PlatformDelivery}
 * ({@code gateway-out-<platform>}), shared by every gateway replica so each reply is delivered once. The worker verifies
 * the signature (routers, houses and services may send replies; anything else is rejected as a security event) before
 * the platform sees anything. Failures stay in JetStream and are retried with backoff; the last failure dead-letters
 * the reply with an event on {@code <root>.events.deadletter}. Every delivered reply, and every reply given up on
 * (undeliverable, unreadable, or failed on the last attempt), is reported on {@code <root>.events.delivery}
 * ({@link DeliveryEvents}).
 */
@Startup(110)
@Singleton
public class OutboundDeliveries {

    private static final Logger LOG = Logger.getLogger(OutboundDeliveries.class);
    private static final Set<NodeRole> REPLIERS = Set.of(NodeRole.ROUTER, NodeRole.HOUSE, NodeRole.SERVICE);

    private final JetStreamWorkers workers;
    private final MeshStreams streams;
    private final Subjects subjects;
    private final GatewayConfig config;
    private final Instance<PlatformDelivery> deliveries;
    private final DeliveryEvents events;
    private final MeterRegistry registry;

    public OutboundDeliveries(
            StreamProvisioning provisioned,
            JetStreamWorkers workers,
            MeshStreams streams,
            Subjects subjects,
            GatewayConfig config,
            Instance<PlatformDelivery> deliveries,
            DeliveryEvents events,
            MeterRegistry registry) {
        this.workers = workers;
        this.streams = streams;
        this.subjects = subjects;
        this.config = config;
        this.deliveries = deliveries;
        this.events = events;
        this.registry = registry;
    }

    @PostConstruct
    void start() {
        for (PlatformDelivery delivery : deliveries) {
            if (!delivery.enabled()) {
                LOG.debugf(
                        "%s is not configured: no delivery of %s",
                        delivery.platform(), subjects.out(delivery.platform()));
                continue;
            }
            GatewayConfig.Outbound outbound = config.outbound();
            workers.start(
                    WorkerSpec.of(
                                    streams.outbound(),
                                    "gateway-out-" + delivery.platform(),
                                    subjects.out(delivery.platform()),
                                    REPLIERS)
                            .withConcurrency(outbound.concurrency())
                            .withAckWait(outbound.ackWait())
                            .withMaxDeliver(outbound.maxDeliver()),
                    (envelope, jetStreamDelivery) -> deliver(delivery, envelope, jetStreamDelivery));
        }
    }

    private void deliver(PlatformDelivery platform, Envelope envelope, EnvelopeHandler.Delivery delivery)
            throws Exception {
        String name = platform.platform();
        if (envelope.kind() != EnvelopeKind.REPLY) {
            count(name, "not_a_reply");
            throw new EnvelopeHandler.PermanentFailure("a " + envelope.kind().wireName() + " envelope (" + envelope.id()
                    + ") on " + delivery.subject() + ": only replies are delivered to " + name);
        }
        ReplyPayload payload;
        try {
            payload = EnvelopeCodec.readPayload(envelope, ReplyPayload.class);
        } catch (EnvelopeFormatException e) {
            count(name, "unreadable");
            throw givenUp(
                    new EnvelopeHandler.PermanentFailure("reply " + envelope.id() + " from " + envelope.nodeId()
                            + " has an unreadable payload: " + e.getMessage()),
                    envelope,
                    name,
                    delivery);
        }
        try {
            platform.deliver(new OutboundReply(envelope, payload), delivery);
        } catch (Undeliverable e) {
            count(name, "undeliverable");
            throw givenUp(
                    new EnvelopeHandler.PermanentFailure(
                            "reply " + envelope.id() + " cannot be delivered on " + name + ": " + e.getMessage()),
                    envelope,
                    name,
                    delivery);
        } catch (Exception e) {
            count(name, "failed_attempt");
            if (delivery.attempt() >= config.outbound().maxDeliver()) {
                throw givenUp(e, envelope, name, delivery);
            }
            throw e;
        }
        count(name, "delivered");
        events.delivered(envelope, name, delivery.attempt());
        if (envelope.ts() != null) {
            Timer.builder("mesh.gateway.delivery.lag")
                    .description("from a reply's signing to its delivery on the platform")
                    .tag("platform", name)
                    .publishPercentileHistogram()
                    .register(registry)
                    .record(Duration.between(envelope.ts(), Instant.now()).abs());
        }
    }

    /** Reports that {@code reply} is given up on (the worker dead-letters it on {@code failure}); returns the failure. */
    private <E extends Exception> E givenUp(
            E failure, Envelope reply, String platform, EnvelopeHandler.Delivery delivery) {
        // As the worker's dead letter says it: a permanent failure's message, else the exception.
        String detail = failure instanceof EnvelopeHandler.PermanentFailure ? failure.getMessage() : failure.toString();
        events.deadLettered(reply, platform, delivery.attempt(), detail);
        return failure;
    }

    private void count(String platform, String outcome) {
        registry.counter("mesh.gateway.delivery", "platform", platform, "outcome", outcome)
                .increment();
    }
}
