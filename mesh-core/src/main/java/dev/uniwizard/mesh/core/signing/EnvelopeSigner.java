package dev.uniwizard.mesh.core.signing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uniwizard.mesh.core.canonical.CanonicalJson;
import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Ids;
import dev.uniwizard.mesh.core.envelope.Sender;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** Creates envelopes stamped and signed by this node. Thread-safe. */
public final class EnvelopeSigner {

    private final NodeKey key;
    private final String keyId;
    private final Clock clock;

    public EnvelopeSigner(NodeKey key, Clock clock) {
        this.key = key;
        this.keyId = key.keyId();
        this.clock = clock;
    }

    public String nodeId() {
        return key.nodeId();
    }

    /** Starts a new exchange: a fresh id that is also the correlation id. */
    public Envelope originate(
            EnvelopeKind kind, String conversationId, String house, Sender sender, Object payload, String traceparent) {
        String id = Ids.newId(clock);
        return create(id, id, conversationId, kind, house, sender, payload, traceparent);
    }

    /**
     * Produces the next envelope of an exchange from {@code cause}: its id is derived from the cause's id and
     * {@code label}, so doing the same work twice yields the same id; correlation, conversation and sender carry over.
     */
    public Envelope follow(
            Envelope cause, String label, EnvelopeKind kind, String house, Object payload, String traceparent) {
        return create(
                Ids.derive(cause.id(), label),
                cause.correlationId(),
                cause.conversationId(),
                kind,
                house,
                cause.sender(),
                payload,
                traceparent);
    }

    /**
     * A new envelope in the exchange of {@code cause} with a fresh id: for requests that may be retried as new
     * attempts (request-reply), where the receiver must not mistake a retry for a replay.
     */
    public Envelope next(Envelope cause, EnvelopeKind kind, String house, Object payload, String traceparent) {
        return create(
                Ids.newId(clock),
                cause.correlationId(),
                cause.conversationId(),
                kind,
                house,
                cause.sender(),
                payload,
                traceparent);
    }

    private Envelope create(
            String id,
            String correlationId,
            String conversationId,
            EnvelopeKind kind,
            String house,
            Sender sender,
            Object payload,
            String traceparent) {
        return sign(new Envelope(
                Envelope.VERSION,
                id,
                correlationId,
                conversationId,
                key.nodeId(),
                kind,
                house,
                sender,
                EnvelopeCodec.payloadOf(payload),
                now(),
                traceparent,
                keyId,
                null));
    }

    /** Signs an envelope as it is (its nodeId and keyId must be this node's). */
    public Envelope sign(Envelope unsigned) {
        if (!key.nodeId().equals(unsigned.nodeId()) || !keyId.equals(unsigned.keyId())) {
            throw new IllegalArgumentException("node " + key.nodeId() + " cannot sign an envelope of node "
                    + unsigned.nodeId() + " with key " + unsigned.keyId());
        }
        Envelope bare = unsigned.withSig(null);
        ObjectNode tree = EnvelopeCodec.toTree(bare);
        byte[] message = CanonicalJson.toBytes(tree);
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        key.privateKey().sign(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
        return bare.withSig(Base64.getUrlEncoder().withoutPadding().encodeToString(signature));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
