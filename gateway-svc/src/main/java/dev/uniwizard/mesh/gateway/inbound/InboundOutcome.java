package dev.uniwizard.mesh.gateway.inbound;

import dev.uniwizard.mesh.core.envelope.Envelope;

/** What became of a platform delivery handed to {@link InboundPublisher}. */
public sealed interface InboundOutcome {

    /** Signed and stored in the INBOUND stream. */
    record Published(Envelope envelope) implements InboundOutcome {}

    /** The platform sent this delivery before (a retry): nothing was published again. */
    record Duplicate(String deliveryKey) implements InboundOutcome {}
}
