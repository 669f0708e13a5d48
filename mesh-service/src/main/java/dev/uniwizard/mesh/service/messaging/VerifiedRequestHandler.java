package dev.uniwizard.mesh.service.messaging;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.signing.Verification;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.service.messaging.RequestResponder.Reply;
import dev.uniwizard.mesh.service.security.EnvelopeGuard;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The frame of a service's request handler: verify the envelope (refusals are answered, not dropped), hand it to
 * {@link #answer(String, Envelope)}, and turn an unexpected failure into an error answer saying the request may be sent
 * again ({@value #STORE_UNAVAILABLE} when the service's store failed, {@value #INTERNAL_ERROR} otherwise), releasing it
 * from the replay guard so that it can be.
 */
public abstract class VerifiedRequestHandler implements RequestResponder.Handler {

    public static final String STORE_UNAVAILABLE = "store_unavailable";
    public static final String INTERNAL_ERROR = RequestResponder.INTERNAL_ERROR;

    private static final Logger LOG = Logger.getLogger(VerifiedRequestHandler.class);

    private final EnvelopeGuard guard;
    private final Set<NodeRole> allowedRoles;
    private final String service;
    private final String store;
    protected final SignedReplies replies;

    /**
     * @param service how answers name the service, e.g. {@code memory}
     * @param store how answers name its store, e.g. {@code the conversation store}
     */
    protected VerifiedRequestHandler(
            EnvelopeGuard guard, SignedReplies replies, Set<NodeRole> allowedRoles, String service, String store) {
        this.guard = guard;
        this.replies = replies;
        this.allowedRoles = Set.copyOf(allowedRoles);
        this.service = service;
        this.store = store;
    }

    /** Answers one verified request. */
    protected abstract Reply answer(String op, Envelope request);

    /** Whether {@code e} means the store is unavailable (worth sending again), rather than a bug. */
    protected abstract boolean isStoreFailure(RuntimeException e);

    /** The house named in error answers (null: none). */
    protected String houseOf(Envelope request) {
        return null;
    }

    @Override
    public final Reply handle(String op, String subject, byte[] data) {
        Verification verification = guard.check(data, subject, allowedRoles);
        if (verification instanceof Verification.Rejected rejected) {
            return replies.rejected(rejected);
        }
        Envelope request = ((Verification.Accepted) verification).envelope();
        try {
            return answer(op, request);
        } catch (RuntimeException e) {
            guard.release(request);
            boolean storeFailed = isStoreFailure(e);
            LOG.errorf(
                    e,
                    "%s %s request %s from %s failed%s",
                    service,
                    op,
                    request.id(),
                    request.nodeId(),
                    storeFailed ? " in the store" : "");
            return storeFailed
                    ? replies.error(
                            request,
                            houseOf(request),
                            STORE_UNAVAILABLE,
                            store + " is unavailable (" + rootMessage(e) + "); the request may be sent again")
                    : replies.error(
                            request,
                            houseOf(request),
                            INTERNAL_ERROR,
                            service + " failed unexpectedly (" + rootMessage(e) + "); the request may be sent again");
        }
    }

    /** The first line of the innermost cause's message (its class name when it has none). */
    protected static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null
                ? root.getClass().getSimpleName()
                : message.lines().findFirst().orElse(message);
    }
}
