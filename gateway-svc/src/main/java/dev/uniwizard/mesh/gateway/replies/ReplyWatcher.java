package dev.uniwizard.mesh.gateway.replies;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeFormatException;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.core.platform.Platforms;
import dev.uniwizard.mesh.core.signing.Verification;
import dev.uniwizard.mesh.core.streams.MeshStreams;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.service.nats.StreamProvisioning;
import dev.uniwizard.mesh.service.security.EnvelopeGuard;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import io.nats.client.MessageConsumer;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.OrderedConsumerConfiguration;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.logging.Logger;

/**
 * Watches the replies for the platforms whose requests wait for them ({@code <root>.out.http} and
 * {@code <root>.out.openai} in the OUTBOUND stream) with an ordered,
 * ephemeral consumer that sees only replies published after the gateway started. Every replica sees every reply; the
 * one holding the waiting request completes it, the others ignore it. Replies stay in the stream (and in memory), so
 * nothing is lost when no request waits any more.
 */
@Startup(100)
@Singleton
public class ReplyWatcher {

    private static final Logger LOG = Logger.getLogger(ReplyWatcher.class);
    private static final Set<NodeRole> REPLIERS = Set.of(NodeRole.ROUTER, NodeRole.HOUSE, NodeRole.SERVICE);

    private final Connection connection;
    private final MeshStreams streams;
    private final Subjects subjects;
    private final EnvelopeGuard guard;
    private final ReplyWaiters waiters;
    private final MeterRegistry registry;
    /** The platforms whose HTTP requests wait for their replies. */
    public static final List<String> AWAITED_PLATFORMS = List.of(Platforms.HTTP, Platforms.OPENAI);

    private final List<MessageConsumer> consumers = new CopyOnWriteArrayList<>();

    public ReplyWatcher(
            StreamProvisioning provisioned,
            Connection connection,
            MeshStreams streams,
            Subjects subjects,
            EnvelopeGuard guard,
            ReplyWaiters waiters,
            MeterRegistry registry) {
        this.connection = connection;
        this.streams = streams;
        this.subjects = subjects;
        this.guard = guard;
        this.waiters = waiters;
        this.registry = registry;
    }

    @PostConstruct
    void start() {
        for (String platform : AWAITED_PLATFORMS) {
            String subject = subjects.out(platform);
            try {
                consumers.add(connection
                        .getStreamContext(streams.outbound())
                        .createOrderedConsumer(new OrderedConsumerConfiguration()
                                .filterSubject(subject)
                                .deliverPolicy(DeliverPolicy.New))
                        .consume(this::onMessage));
                LOG.infof("watching replies on %s (stream %s)", subject, streams.outbound());
            } catch (IOException | JetStreamApiException e) {
                throw new IllegalStateException(
                        "cannot watch replies on " + subject + " in stream " + streams.outbound() + ": "
                                + e.getMessage(),
                        e);
            }
        }
    }

    @PreDestroy
    void stop() {
        for (MessageConsumer current : consumers) {
            try {
                current.close();
            } catch (Exception e) {
                LOG.debugf("closing the reply watcher: %s", e);
            }
        }
        consumers.clear();
    }

    /** Never throws: a failure here would stop the watcher for every request. */
    void onMessage(Message message) {
        try {
            handle(message);
        } catch (RuntimeException e) {
            count("failed");
            LOG.errorf(e, "could not handle the reply on %s", message.getSubject());
        }
    }

    private void handle(Message message) {
        Verification verification = guard.check(message.getData(), message.getSubject(), REPLIERS);
        if (!(verification instanceof Verification.Accepted accepted)) {
            count("rejected"); // the guard has counted, logged and reported it
            return;
        }
        Envelope envelope = accepted.envelope();
        if (envelope.kind() != EnvelopeKind.REPLY) {
            count("not_a_reply");
            LOG.warnf(
                    "ignoring %s envelope %s from %s on %s: only replies are expected there",
                    envelope.kind().wireName(), envelope.id(), envelope.nodeId(), message.getSubject());
            return;
        }
        if (waiters.complete(envelope.correlationId(), new Reply(envelope, payload(envelope)))) {
            count("matched");
        } else {
            count("unmatched");
            LOG.debugf(
                    "reply %s to %s: no request waits for it here (another replica's, or the wait ended)",
                    envelope.id(), envelope.correlationId());
        }
    }

    /** An unreadable payload still ends the wait, with an error the caller can see. */
    private static ReplyPayload payload(Envelope envelope) {
        try {
            return EnvelopeCodec.readPayload(envelope, ReplyPayload.class);
        } catch (EnvelopeFormatException e) {
            LOG.warnf(
                    "reply %s from %s has an unreadable payload: %s", envelope.id(), envelope.nodeId(), e.getMessage());
            return ReplyPayload.error(
                    envelope.house(),
                    "bad_reply",
                    "the reply from " + envelope.nodeId() + " could not be read: " + e.getMessage());
        }
    }

    private void count(String outcome) {
        registry.counter("mesh.gateway.replies", "outcome", outcome).increment();
    }
}
