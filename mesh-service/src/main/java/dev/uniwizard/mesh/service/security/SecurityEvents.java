package dev.uniwizard.mesh.service.security;

import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.SecurityEventPayload;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.service.messaging.EnvelopePublisher;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * The one way a service reports a security event: a WARN line {@code security event: ...} in the {@code mesh.security}
 * log category, and a signed event on {@code <root>.events.security} (kept in the EVENTS stream, read by the
 * observatory). Publishing is best effort: a failure is logged at ERROR and never thrown, so refusing the offending
 * input never depends on NATS.
 */
@Singleton
public class SecurityEvents {

    private static final Logger SECURITY = Logger.getLogger("mesh.security");

    private final EnvelopePublisher publisher;
    private final EnvelopeSigner signer;
    private final Subjects subjects;

    public SecurityEvents(EnvelopePublisher publisher, EnvelopeSigner signer, Subjects subjects) {
        this.publisher = publisher;
        this.signer = signer;
        this.subjects = subjects;
    }

    /**
     * Reports {@code event}.
     *
     * @param summary the log line after {@code security event: }
     * @param traceparent the current W3C trace context, or null
     */
    public void report(String summary, SecurityEventPayload event, String traceparent) {
        SECURITY.warnf("security event: %s", summary);
        try {
            publisher.publishDurable(
                    subjects.events(Subjects.EVENT_SECURITY),
                    signer.originate(
                            EnvelopeKind.EVENT, "security", null, Sender.system(signer.nodeId()), event, traceparent));
        } catch (RuntimeException e) {
            SECURITY.errorf("could not publish the security event (%s): %s", summary, e.getMessage());
        }
    }
}
