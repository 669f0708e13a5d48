package dev.uniwizard.mesh.service.security;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.payload.SecurityEventPayload;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.signing.EnvelopeVerifier;
import dev.uniwizard.mesh.core.signing.Verification;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.service.messaging.EnvelopePublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Message;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Set;

/**
 * The one place where received bytes become a trusted envelope. A rejection is counted in
 * {@code mesh_envelopes_rejected_total{reason,subject}}, logged at WARN in category {@code mesh.security}, and
 * published as a security event; it never throws.
 */
@Singleton
public class EnvelopeGuard {

    private final EnvelopeVerifier verifier;
    private final MeterRegistry registry;
    private final SecurityEvents events;

    public EnvelopeGuard(
            EnvelopeVerifier verifier,
            EnvelopeSigner signer,
            EnvelopePublisher publisher,
            Subjects subjects,
            MeterRegistry registry) {
        this.verifier = verifier;
        this.registry = registry;
        this.events = new SecurityEvents(publisher, signer, subjects);
    }

    public Verification check(byte[] data, String subject, Set<NodeRole> allowedRoles) {
        return check(data, subject, allowedRoles, null);
    }

    /**
     * Checks a message read from a JetStream stream: its timestamp is judged against the moment the stream stored it
     * (the message's metadata), so messages kept while this consumer was down are still accepted.
     */
    public Verification checkStored(Message message, Set<NodeRole> allowedRoles) {
        return check(
                message.getData(),
                message.getSubject(),
                allowedRoles,
                message.metaData().timestamp().toInstant());
    }

    private Verification check(byte[] data, String subject, Set<NodeRole> allowedRoles, Instant storedAt) {
        Verification result = verifier.verify(data, allowedRoles, storedAt);
        if (result instanceof Verification.Rejected rejected) {
            reportRejection(rejected, subject);
        } else {
            registry.counter("mesh.envelopes.accepted", "subject", subject).increment();
        }
        return result;
    }

    /** Lets a redelivery of this envelope pass the replay check again (its processing failed). */
    public void release(Envelope envelope) {
        verifier.release(envelope);
    }

    private void reportRejection(Verification.Rejected rejected, String subject) {
        registry.counter("mesh.envelopes.rejected", "reason", rejected.reason().label(), "subject", subject)
                .increment();
        Envelope claimed = rejected.envelope();
        events.report(
                "rejected envelope on " + subject + ": " + rejected.describe(),
                new SecurityEventPayload(
                        rejected.reason().label(),
                        rejected.detail(),
                        subject,
                        claimed == null ? null : claimed.id(),
                        claimed == null ? null : claimed.nodeId()),
                null);
    }
}
