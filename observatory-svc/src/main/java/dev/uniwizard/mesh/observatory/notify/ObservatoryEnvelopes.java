package dev.uniwizard.mesh.observatory.notify;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.signing.NodeKey;
import dev.uniwizard.mesh.service.tracing.NatsTracing;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Signed envelopes of the observatory with ids chosen by the caller (derived from a notification's id), so that sending
 * the same notification again publishes the same id and JetStream drops the copy.
 */
@Singleton
public class ObservatoryEnvelopes {

    /** The conversation of everything the observatory sends on its own. */
    public static final String CONVERSATION = "observatory";

    private final EnvelopeSigner signer;
    private final NodeKey key;
    private final NatsTracing tracing;
    private final Clock clock;

    public ObservatoryEnvelopes(EnvelopeSigner signer, NodeKey key, NatsTracing tracing, Clock clock) {
        this.signer = signer;
        this.key = key;
        this.tracing = tracing;
        this.clock = clock;
    }

    /** A signed envelope with id (and correlation id) {@code id}, from this node. */
    public Envelope create(String id, EnvelopeKind kind, Object payload) {
        return signer.sign(new Envelope(
                Envelope.VERSION,
                id,
                id,
                CONVERSATION,
                key.nodeId(),
                kind,
                null,
                Sender.system(key.nodeId()),
                EnvelopeCodec.payloadOf(payload),
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                tracing.currentTraceparent(),
                key.keyId(),
                null));
    }
}
