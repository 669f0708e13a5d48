package dev.uniwizard.mesh.core.signing;

import dev.uniwizard.mesh.core.canonical.CanonicalJson;
import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeFormatException;
import dev.uniwizard.mesh.core.envelope.Ids;
import dev.uniwizard.mesh.core.envelope.ParsedEnvelope;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.core.trust.TrustStore;
import dev.uniwizard.mesh.core.trust.TrustedNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Decides whether an envelope may be acted on: it must parse, be signed by the key the trust store holds for its node,
 * carry a timestamp within the allowed skew, come from one of the allowed roles, and not have been seen before. Never
 * throws for bad input.
 */
public final class EnvelopeVerifier {

    private final TrustStore trustStore;
    private final ReplayGuard replayGuard;
    private final Clock clock;
    private final Duration maxSkew;
    private final ConcurrentHashMap<String, Ed25519PublicKeyParameters> decodedKeys = new ConcurrentHashMap<>();

    public EnvelopeVerifier(TrustStore trustStore, ReplayGuard replayGuard, Clock clock, Duration maxSkew) {
        this.trustStore = trustStore;
        this.replayGuard = replayGuard;
        this.clock = clock;
        this.maxSkew = maxSkew;
    }

    public Verification verify(byte[] bytes, Set<NodeRole> allowedRoles) {
        return verify(bytes, allowedRoles, null);
    }

    /**
     * Verifies an envelope that a JetStream stream stored at {@code storedAt}: its timestamp must be within the allowed
     * skew of that moment rather than of now, so work kept in a stream while its consumer was down (a house stopped
     * for an hour, an observatory catching up on events) is still accepted. A captured envelope published again later
     * is stored at a new time and is still refused. {@code storedAt} null means now.
     */
    public Verification verify(byte[] bytes, Set<NodeRole> allowedRoles, Instant storedAt) {
        ParsedEnvelope parsed;
        try {
            parsed = EnvelopeCodec.parse(bytes);
        } catch (EnvelopeFormatException e) {
            return new Verification.Rejected(RejectionReason.MALFORMED, e.getMessage(), null);
        }
        return verify(parsed, allowedRoles, storedAt);
    }

    public Verification verify(ParsedEnvelope parsed, Set<NodeRole> allowedRoles) {
        return verify(parsed, allowedRoles, null);
    }

    private Verification verify(ParsedEnvelope parsed, Set<NodeRole> allowedRoles, Instant storedAt) {
        Envelope envelope = parsed.envelope();
        if (!Ids.isValid(envelope.id())) {
            return reject(RejectionReason.MALFORMED, "id '" + envelope.id() + "' is not a UUID", envelope);
        }
        Optional<TrustedNode> known = trustStore.find(envelope.nodeId());
        if (known.isEmpty()) {
            return reject(
                    RejectionReason.UNKNOWN_KEY,
                    "node '" + envelope.nodeId() + "' is not in the trust store",
                    envelope);
        }
        TrustedNode signer = known.get();
        if (!signer.keyId().equals(envelope.keyId())) {
            return reject(
                    RejectionReason.UNKNOWN_KEY,
                    "key " + envelope.keyId() + " is not the trusted key " + signer.keyId() + " of node "
                            + signer.nodeId(),
                    envelope);
        }
        if (!signatureValid(parsed, signer)) {
            return reject(RejectionReason.BAD_SIGNATURE, "signature does not match the content", envelope);
        }
        Instant now = storedAt == null ? clock.instant() : storedAt;
        Duration skew = Duration.between(now, envelope.ts()).abs();
        if (skew.compareTo(maxSkew) > 0) {
            return reject(
                    RejectionReason.CLOCK_SKEW,
                    "timestamp " + envelope.ts() + " is " + skew.toSeconds() + " s away from "
                            + (storedAt == null ? "this node's clock " : "the time the stream stored it ") + now
                            + " (allowed " + maxSkew.toSeconds() + " s)",
                    envelope);
        }
        if (!allowedRoles.contains(signer.role())) {
            return reject(
                    RejectionReason.ROLE_NOT_ALLOWED,
                    "a " + signer.role().wireName()
                            + " may not send this; allowed: "
                            + allowedRoles.stream()
                                    .map(NodeRole::wireName)
                                    .sorted()
                                    .collect(Collectors.joining(", ")),
                    envelope);
        }
        if (!replayGuard.claim(envelope.id(), envelope.ts())) {
            return reject(RejectionReason.REPLAY, "id " + envelope.id() + " was seen before", envelope);
        }
        return new Verification.Accepted(envelope, signer);
    }

    /** Gives back the replay claim of an envelope whose processing failed, so its redelivery is accepted. */
    public void release(Envelope envelope) {
        replayGuard.release(envelope.id());
    }

    private boolean signatureValid(ParsedEnvelope parsed, TrustedNode signer) {
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(parsed.envelope().sig());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (signature.length != Ed25519.SIGNATURE_SIZE) {
            return false;
        }
        byte[] message;
        try {
            message = CanonicalJson.toBytes(parsed.tree().deepCopy().without("sig"));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return decodedKeys
                .computeIfAbsent(signer.publicKey(), Ed25519Keys::decodePublic)
                .verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
    }

    private static Verification.Rejected reject(RejectionReason reason, String detail, Envelope envelope) {
        return new Verification.Rejected(reason, detail, envelope);
    }
}
