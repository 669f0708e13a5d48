package dev.uniwizard.mesh.memory.messaging;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeFormatException;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.ConversationHistory;
import dev.uniwizard.mesh.core.payload.ErrorPayload;
import dev.uniwizard.mesh.core.payload.MemoryAppendRequest;
import dev.uniwizard.mesh.core.payload.MemoryAppendResult;
import dev.uniwizard.mesh.core.payload.MemoryHistoryRequest;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.signing.Verification;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.memory.store.ConversationStore;
import dev.uniwizard.mesh.memory.validation.Problem;
import dev.uniwizard.mesh.memory.validation.RequestRules;
import dev.uniwizard.mesh.service.security.EnvelopeGuard;
import dev.uniwizard.mesh.service.tracing.NatsTracing;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Turns one request (raw bytes from NATS) into a signed answer: verify, read, validate, store or read, answer. Every
 * request gets an answer; failures are answered with an {@link ErrorPayload}. A request whose work failed is released
 * from the replay guard so that it may be sent again as it is.
 */
@Singleton
public class MemoryRequestHandler {

    private static final Logger LOG = Logger.getLogger(MemoryRequestHandler.class);

    /** Houses store their conversations; gateways, the router and other services may read them. */
    static final Set<NodeRole> ALLOWED_ROLES =
            Set.of(NodeRole.HOUSE, NodeRole.GATEWAY, NodeRole.ROUTER, NodeRole.SERVICE);

    private final EnvelopeGuard guard;
    private final EnvelopeSigner signer;
    private final ConversationStore store;
    private final RequestRules rules;
    private final NatsTracing tracing;

    public MemoryRequestHandler(
            EnvelopeGuard guard,
            EnvelopeSigner signer,
            ConversationStore store,
            RequestRules rules,
            NatsTracing tracing) {
        this.guard = guard;
        this.signer = signer;
        this.store = store;
        this.rules = rules;
        this.tracing = tracing;
    }

    Answer handle(String op, String subject, byte[] data) {
        Verification verification = guard.check(data, subject, ALLOWED_ROLES);
        if (verification instanceof Verification.Rejected rejected) {
            return rejected(rejected);
        }
        Envelope request = ((Verification.Accepted) verification).envelope();
        try {
            return switch (op) {
                case Subjects.MEMORY_APPEND -> append(request);
                case Subjects.MEMORY_HISTORY -> history(request);
                default -> error(request, Problem.BAD_REQUEST, "memory has no operation '" + op + "'");
            };
        } catch (RuntimeException e) {
            guard.release(request);
            boolean database = isDatabaseFailure(e);
            LOG.errorf(
                    e,
                    "%s request %s from %s failed%s",
                    op,
                    request.id(),
                    request.nodeId(),
                    database ? " in the store" : "");
            return database
                    ? error(
                            request,
                            Outcomes.STORE_UNAVAILABLE,
                            "the conversation store is unavailable (" + rootMessage(e)
                                    + "); the request may be sent again")
                    : error(
                            request,
                            Outcomes.INTERNAL_ERROR,
                            "memory failed unexpectedly (" + rootMessage(e) + "); the request may be sent again");
        }
    }

    private Answer append(Envelope request) {
        MemoryAppendRequest append;
        try {
            append = EnvelopeCodec.readPayload(request, MemoryAppendRequest.class);
        } catch (EnvelopeFormatException e) {
            return error(request, Problem.BAD_REQUEST, e.getMessage());
        }
        Optional<Problem> problem = rules.check(append);
        if (problem.isPresent()) {
            return error(request, problem.get().code(), problem.get().message());
        }
        if (append.at() == null) {
            // When it was said is not known: the moment it was sent for storing is the closest.
            append = new MemoryAppendRequest(
                    append.conversationId(),
                    append.envelopeId(),
                    append.role(),
                    append.house(),
                    append.sender(),
                    append.content(),
                    request.ts());
        }
        MemoryAppendResult result = store.append(append);
        LOG.debugf(
                "%s message %s of %s as seq %d",
                result.duplicate() ? "already had" : "stored",
                append.envelopeId(),
                append.conversationId(),
                result.seq());
        return answer(request, result, result.duplicate() ? Outcomes.DUPLICATE : Outcomes.OK);
    }

    private Answer history(Envelope request) {
        MemoryHistoryRequest read;
        try {
            read = EnvelopeCodec.readPayload(request, MemoryHistoryRequest.class);
        } catch (EnvelopeFormatException e) {
            return error(request, Problem.BAD_REQUEST, e.getMessage());
        }
        Optional<Problem> problem = rules.check(read);
        if (problem.isPresent()) {
            return error(request, problem.get().code(), problem.get().message());
        }
        ConversationHistory history = store.history(read.conversationId(), read.limit());
        return answer(request, history, Outcomes.OK);
    }

    /** A successful answer: its id derives from the request's, so answering the same request twice is recognisable. */
    private Answer answer(Envelope request, Object payload, String outcome) {
        return new Answer(
                signer.follow(request, "answer", EnvelopeKind.REPLY, null, payload, tracing.currentTraceparent()),
                outcome);
    }

    /**
     * An error answer gets a fresh id: the request may be sent again as it is, and the caller must not take the
     * answer to that retry for a replay of this one.
     */
    private Answer error(Envelope request, String code, String message) {
        return new Answer(
                signer.next(
                        request,
                        EnvelopeKind.REPLY,
                        null,
                        new ErrorPayload(code, message),
                        tracing.currentTraceparent()),
                code);
    }

    private Answer rejected(Verification.Rejected rejected) {
        ErrorPayload payload = new ErrorPayload(Outcomes.REJECTED, "the request was refused: " + rejected.describe());
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
        return new Answer(answer, Outcomes.REJECTED);
    }

    private static boolean isDatabaseFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.jdbi.v3.core.JdbiException || t instanceof java.sql.SQLException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
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
