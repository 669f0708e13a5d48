package dev.uniwizard.mesh.core.signing;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.trust.TrustedNode;

/** The outcome of checking an envelope. */
public sealed interface Verification {

    /** Authentic, fresh, first seen, from an allowed role. */
    record Accepted(Envelope envelope, TrustedNode signer) implements Verification {}

    /**
     * Not to be acted on. {@code envelope} is present when the bytes parsed, so the rejection can name its id and
     * node.
     */
    record Rejected(RejectionReason reason, String detail, Envelope envelope) implements Verification {

        public String describe() {
            String about =
                    envelope == null ? "" : " (envelope " + envelope.id() + " from node " + envelope.nodeId() + ")";
            return reason.label() + ": " + detail + about;
        }
    }
}
