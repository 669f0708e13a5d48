package dev.uniwizard.mesh.core.envelope;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The unit of communication on the mesh. Every field but {@code sig} is covered by the Ed25519 signature over the
 * RFC 8785 canonical JSON form.
 *
 * @param v format version, currently {@link #VERSION}
 * @param id time-ordered unique id (UUIDv7); also the JetStream {@code Nats-Msg-Id}, so publishing twice is deduplicated
 * @param correlationId id of the inbound message that started this exchange; replies and tasks keep it unchanged
 * @param conversationId the conversation this belongs to
 * @param nodeId the node that signed this envelope
 * @param kind what it carries
 * @param house the target house, when there is one
 * @param sender who originally said it
 * @param payload kind-specific JSON (see {@code dev.uniwizard.mesh.core.payload})
 * @param ts when it was signed
 * @param traceparent W3C trace context of the span that produced it, if any
 * @param keyId id of the signing key, see {@code NodeKey#keyId}
 * @param sig base64url Ed25519 signature, absent while unsigned
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Envelope(
        int v,
        String id,
        String correlationId,
        String conversationId,
        String nodeId,
        EnvelopeKind kind,
        String house,
        Sender sender,
        JsonNode payload,
        Instant ts,
        String traceparent,
        String keyId,
        String sig) {

    public static final int VERSION = 1;

    public Envelope withSig(String signature) {
        return new Envelope(
                v,
                id,
                correlationId,
                conversationId,
                nodeId,
                kind,
                house,
                sender,
                payload,
                ts,
                traceparent,
                keyId,
                signature);
    }
}
