package dev.uniwizard.mesh.service.health;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeFormatException;
import dev.uniwizard.mesh.core.health.HeartbeatProblems;
import dev.uniwizard.mesh.core.payload.HeartbeatPayload;
import dev.uniwizard.mesh.core.signing.Verification;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.service.nats.StreamProvisioning;
import dev.uniwizard.mesh.service.security.EnvelopeGuard;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;

/**
 * Receives heartbeats ({@code <root>.health.<service>}, core NATS) for whoever watches them, so that every watcher
 * believes the same ones. Each heartbeat must pass the {@link EnvelopeGuard} (signed by a trusted node of one of the
 * watcher's roles; rejections are security events there), parse, and satisfy {@link HeartbeatProblems} (a node
 * reports only itself, on its service's subject, {@code UP} or {@code DOWN}) plus the watcher's own check. An
 * authentic heartbeat that fails is ignored, logged at WARN and counted in
 * {@code mesh_heartbeats_invalid_total{watcher,reason}}. Nothing one message does can stop the dispatcher. Creating
 * this bean subscribes to nothing; each {@link #watch} gets its own dispatcher thread.
 */
@Singleton
public class HeartbeatReceiver {

    private static final Logger LOG = Logger.getLogger(HeartbeatReceiver.class);

    /** Counter of ignored authentic heartbeats, tags {@code watcher} and {@code reason}. */
    public static final String INVALID = "mesh.heartbeats.invalid";

    /** A watcher's own rule on top of {@link HeartbeatProblems}, e.g. that the node speaks for the house. */
    @FunctionalInterface
    public interface Check {

        Optional<HeartbeatProblems.Problem> find(Envelope envelope, HeartbeatPayload heartbeat, String subject);
    }

    private final Connection connection;
    private final EnvelopeGuard guard;
    private final MeterRegistry registry;
    private final Set<Subscription> open = ConcurrentHashMap.newKeySet();

    public HeartbeatReceiver(
            StreamProvisioning provisioned, Connection connection, EnvelopeGuard guard, MeterRegistry registry) {
        this.connection = connection;
        this.guard = guard;
        this.registry = registry;
    }

    /**
     * Calls {@code onHeartbeat} with every believable heartbeat on {@code subjects} signed by a node of one of
     * {@code roles}, on this watch's own dispatcher thread, until the subscription is closed.
     *
     * @param name names the watcher in logs and in the {@code watcher} tag of the metric
     */
    public Subscription watch(
            String name,
            List<String> subjects,
            Set<NodeRole> roles,
            BiConsumer<Envelope, HeartbeatPayload> onHeartbeat) {
        return watch(name, subjects, roles, (envelope, heartbeat, subject) -> Optional.empty(), onHeartbeat);
    }

    /** As {@link #watch(String, List, Set, BiConsumer)}, ignoring also the heartbeats {@code check} finds fault with. */
    public Subscription watch(
            String name,
            List<String> subjects,
            Set<NodeRole> roles,
            Check check,
            BiConsumer<Envelope, HeartbeatPayload> onHeartbeat) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a heartbeat watcher needs a name");
        }
        if (subjects == null || subjects.isEmpty()) {
            throw new IllegalArgumentException("heartbeat watcher " + name + " names no subjects");
        }
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("heartbeat watcher " + name + " allows no node roles");
        }
        Set<NodeRole> allowed = Set.copyOf(roles);
        Dispatcher dispatcher =
                connection.createDispatcher(message -> receive(name, allowed, check, onHeartbeat, message));
        subjects.forEach(dispatcher::subscribe);
        Subscription subscription = new Subscription(name, List.copyOf(subjects), dispatcher);
        open.add(subscription);
        LOG.infof("%s: watching heartbeats on %s", name, subjects);
        return subscription;
    }

    @PreDestroy
    void stop() {
        open.forEach(Subscription::close);
    }

    private void receive(
            String name,
            Set<NodeRole> roles,
            Check check,
            BiConsumer<Envelope, HeartbeatPayload> onHeartbeat,
            Message message) {
        String subject = message.getSubject();
        try {
            if (!(guard.check(message.getData(), subject, roles) instanceof Verification.Accepted accepted)) {
                return;
            }
            Envelope envelope = accepted.envelope();
            HeartbeatPayload heartbeat;
            try {
                heartbeat = EnvelopeCodec.readPayload(envelope, HeartbeatPayload.class);
            } catch (EnvelopeFormatException e) {
                invalid(name, envelope, subject, new HeartbeatProblems.Problem("malformed", e.getMessage()));
                return;
            }
            Optional<HeartbeatProblems.Problem> problem = HeartbeatProblems.find(envelope, heartbeat, subject)
                    .or(() -> check.find(envelope, heartbeat, subject));
            if (problem.isPresent()) {
                invalid(name, envelope, subject, problem.get());
                return;
            }
            onHeartbeat.accept(envelope, heartbeat);
        } catch (RuntimeException e) {
            // The dispatcher thread must survive anything one message does.
            registry.counter(INVALID, "watcher", name, "reason", "error").increment();
            LOG.errorf(e, "%s: heartbeat on %s could not be processed", name, subject);
        }
    }

    private void invalid(String name, Envelope envelope, String subject, HeartbeatProblems.Problem problem) {
        registry.counter(INVALID, "watcher", name, "reason", problem.reason()).increment();
        LOG.warnf(
                "%s: ignoring heartbeat %s from node %s on %s: %s",
                name, envelope.id(), envelope.nodeId(), subject, problem.detail());
    }

    /** One watch; {@link #close()} stops it (idempotent). */
    public final class Subscription implements AutoCloseable {

        private final String name;
        private final List<String> subjects;
        private final Dispatcher dispatcher;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Subscription(String name, List<String> subjects, Dispatcher dispatcher) {
            this.name = name;
            this.subjects = subjects;
            this.dispatcher = dispatcher;
        }

        public String name() {
            return name;
        }

        public List<String> subjects() {
            return subjects;
        }

        public boolean isActive() {
            return !closed.get() && dispatcher.isActive();
        }

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            open.remove(this);
            if (connection.getStatus() != Connection.Status.CLOSED) {
                try {
                    connection.closeDispatcher(dispatcher);
                } catch (IllegalStateException e) {
                    LOG.debugf("%s: dispatcher already closed: %s", name, e.getMessage());
                }
            }
        }
    }
}
