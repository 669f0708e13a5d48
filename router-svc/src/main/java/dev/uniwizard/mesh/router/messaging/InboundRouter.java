package dev.uniwizard.mesh.router.messaging;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeFormatException;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.payload.MessagePayload;
import dev.uniwizard.mesh.core.payload.SecurityEventPayload;
import dev.uniwizard.mesh.core.platform.Platforms;
import dev.uniwizard.mesh.core.streams.MeshStreams;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.core.trust.TrustStore;
import dev.uniwizard.mesh.core.trust.TrustedNode;
import dev.uniwizard.mesh.router.gitea.GiteaEventRouter;
import dev.uniwizard.mesh.router.routing.HouseSelector;
import dev.uniwizard.mesh.router.routing.RouteDecision;
import dev.uniwizard.mesh.service.messaging.EnvelopeHandler;
import dev.uniwizard.mesh.service.messaging.JetStreamWorkers;
import dev.uniwizard.mesh.service.messaging.WorkerSpec;
import dev.uniwizard.mesh.service.nats.StreamProvisioning;
import dev.uniwizard.mesh.service.security.SecurityEvents;
import dev.uniwizard.mesh.service.tracing.NatsTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Takes every inbound message ({@code <root>.in.>}: operators' from gateways, and houses' own on {@code in.mesh}, see
 * {@link OriginPolicy}), chooses its house ({@link HouseSelector}; Gitea webhooks go through
 * {@link GiteaEventRouter}'s triage), and publishes a task re-signed by the router on {@code <root>.task.<house>}
 * ({@link TaskDispatcher}, which also applies the houses' health). A message that cannot be routed is answered on the
 * sender's platform with an error reply carrying the message's reply address, so the operator (or, on
 * {@code out.mesh}, the house) always hears back.
 */
@Startup(100)
@Singleton
public class InboundRouter implements EnvelopeHandler {

    private static final Logger LOG = Logger.getLogger(InboundRouter.class);

    private final JetStreamWorkers workers;
    private final MeshStreams streams;
    private final Subjects subjects;
    private final HouseSelector selector;
    private final NatsTracing tracing;
    private final MeterRegistry registry;
    private final TrustStore trust;
    private final OriginPolicy origins;
    private final TaskDispatcher dispatcher;
    private final GiteaEventRouter gitea;
    private final SecurityEvents securityEvents;

    public InboundRouter(
            StreamProvisioning provisioned,
            JetStreamWorkers workers,
            MeshStreams streams,
            Subjects subjects,
            HouseSelector selector,
            NatsTracing tracing,
            MeterRegistry registry,
            TrustStore trust,
            TaskDispatcher dispatcher,
            GiteaEventRouter gitea,
            SecurityEvents securityEvents) {
        this.securityEvents = securityEvents;
        this.workers = workers;
        this.streams = streams;
        this.subjects = subjects;
        this.selector = selector;
        this.tracing = tracing;
        this.registry = registry;
        this.trust = trust;
        this.origins = new OriginPolicy(subjects);
        this.dispatcher = dispatcher;
        this.gitea = gitea;
    }

    @PostConstruct
    void start() {
        workers.start(
                WorkerSpec.of(streams.inbound(), "router", subjects.inAll(), Set.of(NodeRole.GATEWAY, NodeRole.HOUSE))
                        .withMaxDeliver(GiteaEventRouter.ATTEMPTS),
                this);
    }

    @Override
    public void handle(Envelope message, Delivery delivery) throws Exception {
        checkOrigin(message, delivery.subject());
        String platform = replyPlatform(message, delivery.subject());
        if (message.kind() == EnvelopeKind.WEBHOOK && delivery.subject().equals(subjects.in(Platforms.GITEA))) {
            gitea.route(message, delivery);
            return;
        }
        MessagePayload payload;
        try {
            payload = EnvelopeCodec.readPayload(message, MessagePayload.class);
        } catch (EnvelopeFormatException e) {
            dispatcher.answerError(
                    message, platform, "bad_message", "The message could not be read: " + e.getMessage(), null);
            return;
        }
        if (message.kind() != EnvelopeKind.MESSAGE && message.kind() != EnvelopeKind.WEBHOOK) {
            dispatcher.answerError(
                    message,
                    platform,
                    "bad_kind",
                    "The router takes messages, not " + message.kind().wireName(),
                    payload.replyTo());
            return;
        }
        switch (selector.select(message.house(), payload.text(), payload.operator(), payload.homeHouse())) {
            case RouteDecision.Route route ->
                dispatcher.dispatch(
                        message,
                        dispatcher.place(route.house()),
                        route.text(),
                        platform,
                        route.reason(),
                        payload.replyTo(),
                        true);
            case RouteDecision.UnknownHouse unknown ->
                dispatcher.answerError(message, platform, "unknown_house", unknown.message(), payload.replyTo());
        }
    }

    /**
     * Refuses an envelope from the wrong kind of node for its subject (see {@link OriginPolicy}): counted, logged in
     * {@code mesh.security}, reported as a security event, and dead-lettered (kept, not routed). Nobody is answered:
     * the sender is not an operator waiting on a platform.
     */
    private void checkOrigin(Envelope message, String subject) throws PermanentFailure {
        NodeRole role = trust.find(message.nodeId()).map(TrustedNode::role).orElse(null);
        Optional<OriginPolicy.Violation> violation = origins.check(role, message, subject);
        if (violation.isEmpty()) {
            return;
        }
        String reason = violation.get().reason();
        String detail = violation.get().detail();
        registry.counter("mesh.router.refused", "reason", reason).increment();
        securityEvents.report(
                "router refused envelope " + message.id() + " on " + subject + ": " + detail + " (" + reason + ")",
                new SecurityEventPayload(reason, detail, subject, message.id(), message.nodeId()),
                tracing.currentTraceparent());
        throw new PermanentFailure(reason + ": " + detail);
    }

    /** Replies go back to the platform the message came in on. */
    private static String replyPlatform(Envelope message, String subject) {
        String platform = message.sender() == null ? null : message.sender().platform();
        return Subjects.isToken(platform) ? platform : Subjects.lastToken(subject);
    }
}
