package dev.uniwizard.mesh.observatory.events;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeFormatException;
import dev.uniwizard.mesh.core.payload.DeadLetterPayload;
import dev.uniwizard.mesh.core.payload.SecurityEventPayload;
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
import org.jboss.logging.Logger;

/**
 * Watches security and dead-letter events ({@code <root>.events.security}, {@code <root>.events.deadletter}) as they
 * are published. They are kept in the EVENTS stream anyway; the observatory only needs to see new ones, so a core NATS
 * subscription is enough (JetStream publishes reach core subscribers too). Every event is verified by the guard,
 * counted in {@code mesh_observatory_events_total{type,reason}} and kept in {@link RecentEvents}; one whose payload does
 * not fit its type is logged and counted in {@code mesh_observatory_events_invalid_total{type}}.
 */
@Startup(100)
@Singleton
public class EventWatcher {

    private static final Logger LOG = Logger.getLogger(EventWatcher.class);
    static final String COUNTED = "mesh.observatory.events";
    static final String INVALID = "mesh.observatory.events.invalid";

    /** The {@code reason} tag of events that have none (Prometheus needs the same tags on every series). */
    static final String NO_REASON = "none";

    private final Connection connection;
    private final Subjects subjects;
    private final EnvelopeGuard guard;
    private final RecentEvents recent;
    private final Clock clock;
    private final MeterRegistry registry;
    private Dispatcher dispatcher;

    public EventWatcher(
            StreamProvisioning provisioned,
            Connection connection,
            Subjects subjects,
            EnvelopeGuard guard,
            RecentEvents recent,
            Clock clock,
            MeterRegistry registry) {
        this.connection = connection;
        this.subjects = subjects;
        this.guard = guard;
        this.recent = recent;
        this.clock = clock;
        this.registry = registry;
    }

    @PostConstruct
    void start() {
        dispatcher = connection.createDispatcher(this::receive);
        dispatcher.subscribe(subjects.events(Subjects.EVENT_SECURITY));
        dispatcher.subscribe(subjects.events(Subjects.EVENT_DEAD_LETTER));
        LOG.infof(
                "watching events on %s and %s",
                subjects.events(Subjects.EVENT_SECURITY), subjects.events(Subjects.EVENT_DEAD_LETTER));
    }

    @PreDestroy
    void stop() {
        if (dispatcher != null && connection.getStatus() != Connection.Status.CLOSED) {
            connection.closeDispatcher(dispatcher);
        }
    }

    void receive(Message message) {
        String type = Subjects.lastToken(message.getSubject());
        try {
            if (guard.check(message.getData(), message.getSubject(), EnumSet.allOf(NodeRole.class))
                    instanceof Verification.Accepted accepted) {
                observe(type, accepted.envelope());
            }
        } catch (EnvelopeFormatException e) {
            registry.counter(INVALID, "type", type).increment();
            LOG.warnf("ignoring %s event on %s: %s", type, message.getSubject(), e.getMessage());
        } catch (RuntimeException e) {
            // The dispatcher thread must survive anything one message does.
            registry.counter(INVALID, "type", type).increment();
            LOG.errorf(e, "%s event on %s could not be processed", type, message.getSubject());
        }
    }

    private void observe(String type, Envelope envelope) throws EnvelopeFormatException {
        String reason = reason(type, envelope);
        registry.counter(COUNTED, "type", type, "reason", reason == null ? NO_REASON : reason)
                .increment();
        recent.add(new ObservedEvent(
                type, reason, envelope.id(), envelope.nodeId(), envelope.ts(), clock.instant(), envelope.payload()));
        LOG.debugf("%s event %s from %s (%s)", type, envelope.id(), envelope.nodeId(), reason);
    }

    /** Checks the payload fits its type; the rejection reason of a security event, else {@code null}. */
    private static String reason(String type, Envelope envelope) throws EnvelopeFormatException {
        if (Subjects.EVENT_SECURITY.equals(type)) {
            SecurityEventPayload event = EnvelopeCodec.readPayload(envelope, SecurityEventPayload.class);
            if (!Subjects.isToken(event.reason())) {
                throw new EnvelopeFormatException(
                        "security event " + envelope.id() + " has no valid reason: '" + event.reason() + "'");
            }
            return event.reason();
        }
        DeadLetterPayload deadLetter = EnvelopeCodec.readPayload(envelope, DeadLetterPayload.class);
        if (deadLetter.subject() == null) {
            throw new EnvelopeFormatException("dead letter " + envelope.id() + " does not name its subject");
        }
        return null;
    }
}
