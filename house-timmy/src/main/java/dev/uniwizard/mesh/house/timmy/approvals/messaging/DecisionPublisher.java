package dev.uniwizard.mesh.house.timmy.approvals.messaging;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Ids;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.signing.NodeKey;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.house.timmy.approvals.store.ApprovalRecord;
import dev.uniwizard.mesh.service.messaging.EnvelopePublisher;
import dev.uniwizard.mesh.service.tracing.NatsTracing;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;

/**
 * Tells the mesh what became of an approval request, after it is committed: a decision goes to the asking house on
 * {@code <root>.approval.decided.<house>} (core NATS) and, like every new request, to the audit stream on
 * {@code <root>.events.approval}. Each is a signed {@code event} envelope carrying the
 * {@link dev.uniwizard.mesh.core.approval.ApprovalDecision}, in the conversation and correlation of the request. A
 * failed publish is logged and counted; the decision stands, and a house that missed it learns it from
 * {@code approval.status}.
 */
@Singleton
public class DecisionPublisher {

    private static final Logger LOG = Logger.getLogger(DecisionPublisher.class);

    private final EnvelopeSigner signer;
    private final NodeKey key;
    private final Clock clock;
    private final EnvelopePublisher publisher;
    private final Subjects subjects;
    private final NatsTracing tracing;
    private final MeterRegistry registry;

    public DecisionPublisher(
            EnvelopeSigner signer,
            NodeKey key,
            Clock clock,
            EnvelopePublisher publisher,
            Subjects subjects,
            NatsTracing tracing,
            MeterRegistry registry) {
        this.signer = signer;
        this.key = key;
        this.clock = clock;
        this.publisher = publisher;
        this.subjects = subjects;
        this.tracing = tracing;
        this.registry = registry;
    }

    /** A request was recorded as pending: the operator feed sees it on the events subject. */
    public void requested(ApprovalRecord pending) {
        Envelope event = event(pending);
        try {
            publisher.publishDurable(subjects.events(Subjects.EVENT_APPROVAL), event);
        } catch (RuntimeException e) {
            failed("events", pending, e);
        }
    }

    /** A request was decided (approved, denied or expired): the house hears it, and the audit stream keeps it. */
    public void decided(ApprovalRecord decided) {
        Envelope event = event(decided);
        try {
            publisher.publishCore(subjects.approvalDecided(decided.house()), event);
        } catch (RuntimeException e) {
            failed("approval.decided", decided, e);
        }
        try {
            publisher.publishDurable(subjects.events(Subjects.EVENT_APPROVAL), event);
        } catch (RuntimeException e) {
            failed("events", decided, e);
        }
    }

    private Envelope event(ApprovalRecord record) {
        String id = Ids.newId(clock);
        return signer.sign(new Envelope(
                Envelope.VERSION,
                id,
                record.correlationId() == null ? id : record.correlationId(),
                record.conversationId() == null ? "approval-" + record.id() : record.conversationId(),
                signer.nodeId(),
                EnvelopeKind.EVENT,
                record.house(),
                Sender.system(signer.nodeId()),
                EnvelopeCodec.payloadOf(record.decision()),
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                tracing.currentTraceparent(),
                key.keyId(),
                null));
    }

    private void failed(String where, ApprovalRecord record, RuntimeException e) {
        registry.counter("mesh.approvals.publish.failed", "subject", where).increment();
        LOG.errorf(
                "approval %s is %s but could not be published on %s: %s",
                record.id(), record.state().wireName(), where, e.getMessage());
    }
}
