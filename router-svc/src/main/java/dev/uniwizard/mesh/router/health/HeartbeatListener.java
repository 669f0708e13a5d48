package dev.uniwizard.mesh.router.health;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeFormatException;
import dev.uniwizard.mesh.core.payload.HeartbeatPayload;
import dev.uniwizard.mesh.core.signing.Verification;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.HouseNodes;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.router.routing.HouseSelector;
import dev.uniwizard.mesh.service.nats.StreamProvisioning;
import dev.uniwizard.mesh.service.security.EnvelopeGuard;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Feeds {@link HouseHealth} from the houses' heartbeats: subscribes (core NATS) to {@code <root>.health.<house>} for
 * every known house, the subjects where a house's service (named after the house) beats. Each heartbeat is verified by
 * the {@link EnvelopeGuard} (house nodes only; rejections are security events there); an authentic heartbeat that is
 * malformed, reports another instance, or comes from a node that does not speak for that house is logged and counted
 * in {@code mesh.router.heartbeats.invalid{reason}}, and ignored.
 */
@Startup(90)
@Singleton
public class HeartbeatListener {

    private static final Logger LOG = Logger.getLogger(HeartbeatListener.class);

    private record Problem(String reason, String detail) {}

    static final String INVALID = "mesh.router.heartbeats.invalid";

    private final Connection connection;
    private final Subjects subjects;
    private final EnvelopeGuard guard;
    private final HouseHealth health;
    private final HouseSelector selector;
    private final MeterRegistry registry;
    private Dispatcher dispatcher;

    public HeartbeatListener(
            StreamProvisioning provisioned,
            Connection connection,
            Subjects subjects,
            EnvelopeGuard guard,
            HouseHealth health,
            HouseSelector selector,
            MeterRegistry registry) {
        this.connection = connection;
        this.subjects = subjects;
        this.guard = guard;
        this.health = health;
        this.selector = selector;
        this.registry = registry;
    }

    @PostConstruct
    void start() {
        dispatcher = connection.createDispatcher(this::receive);
        for (String house : selector.houses()) {
            dispatcher.subscribe(subjects.health(house));
        }
        LOG.infof("watching the heartbeats of %s", selector.houses());
    }

    @PreDestroy
    void stop() {
        if (dispatcher != null && connection.getStatus() != Connection.Status.CLOSED) {
            connection.closeDispatcher(dispatcher);
        }
    }

    void receive(Message message) {
        try {
            if (!(guard.check(message.getData(), message.getSubject(), Set.of(NodeRole.HOUSE))
                    instanceof Verification.Accepted accepted)) {
                return;
            }
            Envelope envelope = accepted.envelope();
            HeartbeatPayload heartbeat;
            try {
                heartbeat = EnvelopeCodec.readPayload(envelope, HeartbeatPayload.class);
            } catch (EnvelopeFormatException e) {
                invalid(envelope, message.getSubject(), "malformed", e.getMessage());
                return;
            }
            String house = Subjects.lastToken(message.getSubject());
            Optional<Problem> problem = problem(envelope, heartbeat, house);
            if (problem.isPresent()) {
                invalid(
                        envelope,
                        message.getSubject(),
                        problem.get().reason(),
                        problem.get().detail());
                return;
            }
            health.heard(
                    house,
                    heartbeat.instance(),
                    Duration.ofSeconds(heartbeat.intervalSeconds()),
                    "UP".equals(heartbeat.status()));
        } catch (RuntimeException e) {
            // The dispatcher thread must survive anything one message does.
            registry.counter(INVALID, "reason", "error").increment();
            LOG.errorf(e, "heartbeat on %s could not be processed", message.getSubject());
        }
    }

    private static Optional<Problem> problem(Envelope envelope, HeartbeatPayload heartbeat, String house) {
        if (!house.equals(heartbeat.service())) {
            return Optional.of(new Problem(
                    "wrong_subject", "service '" + heartbeat.service() + "' reported on the subject of " + house));
        }
        if (heartbeat.instance() == null || !heartbeat.instance().equals(envelope.nodeId())) {
            return Optional.of(new Problem(
                    "not_self",
                    "node '" + envelope.nodeId() + "' reported instance '" + heartbeat.instance()
                            + "'; a node may only report itself"));
        }
        if (!HouseNodes.speaksFor(envelope.nodeId(), house)) {
            return Optional.of(
                    new Problem("not_the_house", "node '" + envelope.nodeId() + "' does not speak for house " + house));
        }
        if (!"UP".equals(heartbeat.status()) && !"DOWN".equals(heartbeat.status())) {
            return Optional.of(new Problem("malformed", "status '" + heartbeat.status() + "' is not UP or DOWN"));
        }
        return Optional.empty();
    }

    private void invalid(Envelope envelope, String subject, String reason, String detail) {
        registry.counter(INVALID, "reason", reason).increment();
        LOG.warnf("ignoring heartbeat %s from node %s on %s: %s", envelope.id(), envelope.nodeId(), subject, detail);
    }
}
