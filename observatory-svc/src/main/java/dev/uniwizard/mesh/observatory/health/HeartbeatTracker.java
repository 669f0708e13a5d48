package dev.uniwizard.mesh.observatory.health;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeFormatException;
import dev.uniwizard.mesh.core.payload.HeartbeatPayload;
import dev.uniwizard.mesh.core.signing.Verification;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
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
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Listens to every heartbeat ({@code <root>.health.>}, core NATS) and keeps the latest per instance. Every heartbeat is
 * verified by the guard (rejections are counted and reported there); an authentic heartbeat that is malformed or
 * reports another node is logged and counted in {@code mesh_observatory_heartbeats_invalid_total{reason}}.
 */
@Startup(100)
@Singleton
public class HeartbeatTracker {

    private static final Logger LOG = Logger.getLogger(HeartbeatTracker.class);
    static final String INVALID = "mesh.observatory.heartbeats.invalid";

    private final Connection connection;
    private final Subjects subjects;
    private final EnvelopeGuard guard;
    private final HeartbeatStore store;
    private final ServiceUpGauges gauges;
    private final Clock clock;
    private final MeterRegistry registry;
    private Dispatcher dispatcher;

    public HeartbeatTracker(
            StreamProvisioning provisioned,
            Connection connection,
            Subjects subjects,
            EnvelopeGuard guard,
            HeartbeatStore store,
            ServiceUpGauges gauges,
            Clock clock,
            MeterRegistry registry) {
        this.connection = connection;
        this.subjects = subjects;
        this.guard = guard;
        this.store = store;
        this.gauges = gauges;
        this.clock = clock;
        this.registry = registry;
    }

    @PostConstruct
    void start() {
        dispatcher = connection.createDispatcher(this::receive);
        dispatcher.subscribe(subjects.healthAll());
        LOG.infof("watching heartbeats on %s", subjects.healthAll());
    }

    @PreDestroy
    void stop() {
        if (dispatcher != null && connection.getStatus() != Connection.Status.CLOSED) {
            connection.closeDispatcher(dispatcher);
        }
    }

    void receive(Message message) {
        try {
            if (!(guard.check(message.getData(), message.getSubject(), EnumSet.allOf(NodeRole.class))
                    instanceof Verification.Accepted accepted)) {
                return;
            }
            Envelope envelope = accepted.envelope();
            HeartbeatPayload heartbeat;
            try {
                heartbeat = EnvelopeCodec.readPayload(envelope, HeartbeatPayload.class);
            } catch (EnvelopeFormatException e) {
                invalid(envelope, message.getSubject(), new HeartbeatProblems.Problem("malformed", e.getMessage()));
                return;
            }
            Optional<HeartbeatProblems.Problem> problem =
                    HeartbeatProblems.find(envelope, heartbeat, message.getSubject());
            if (problem.isPresent()) {
                invalid(envelope, message.getSubject(), problem.get());
                return;
            }
            store.record(heartbeat, clock.instant());
            gauges.track(heartbeat.service());
        } catch (RuntimeException e) {
            // The dispatcher thread must survive anything one message does.
            registry.counter(INVALID, "reason", "error").increment();
            LOG.errorf(e, "heartbeat on %s could not be processed", message.getSubject());
        }
    }

    private void invalid(Envelope envelope, String subject, HeartbeatProblems.Problem problem) {
        registry.counter(INVALID, "reason", problem.reason()).increment();
        LOG.warnf(
                "ignoring heartbeat %s from node %s on %s: %s",
                envelope.id(), envelope.nodeId(), subject, problem.detail());
    }
}
