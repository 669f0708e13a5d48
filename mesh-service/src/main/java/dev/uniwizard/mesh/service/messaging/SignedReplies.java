package dev.uniwizard.mesh.service.messaging;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.ErrorPayload;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.signing.Verification;
import dev.uniwizard.mesh.service.messaging.RequestResponder.Reply;
import dev.uniwizard.mesh.service.tracing.NatsTracing;
import jakarta.inject.Singleton;

/** The signed answers a {@link RequestResponder.Handler} gives: a result, an error, or a refusal of a bad envelope. */
@Singleton
public class SignedReplies {

    /** Outcome and error code of a request whose envelope was refused (bad signature, wrong role, replay...). */
    public static final String REJECTED = "rejected";

    private final EnvelopeSigner signer;
    private final NatsTracing tracing;

    public SignedReplies(EnvelopeSigner signer, NatsTracing tracing) {
        this.signer = signer;
        this.tracing = tracing;
    }

    /** A result: its id derives from the request's, so answering the same request twice is recognisable. */
    public Reply answer(Envelope request, String house, Object payload, String outcome) {
        return new Reply(
                signer.follow(request, "answer", EnvelopeKind.REPLY, house, payload, tracing.currentTraceparent()),
                outcome);
    }

    /**
     * An error gets a fresh id: the request may be sent again as it is, and the caller must not take the answer to
     * that retry for a replay of this one.
     */
    public Reply error(Envelope request, String house, String code, String message) {
        return new Reply(
                signer.next(
                        request,
                        EnvelopeKind.REPLY,
                        house,
                        new ErrorPayload(code, message),
                        tracing.currentTraceparent()),
                code);
    }

    /** The answer to an envelope the guard refused, so the caller learns why instead of timing out. */
    public Reply rejected(Verification.Rejected rejected) {
        ErrorPayload payload = new ErrorPayload(REJECTED, "the request was refused: " + rejected.describe());
        Envelope claimed = rejected.envelope();
        Envelope answer = claimed == null
                ? signer.originate(
                        EnvelopeKind.REPLY,
                        "unknown",
                        null,
                        Sender.system(signer.nodeId()),
                        payload,
                        tracing.currentTraceparent())
                : signer.next(claimed, EnvelopeKind.REPLY, null, payload, tracing.currentTraceparent());
        return new Reply(answer, REJECTED);
    }
}
