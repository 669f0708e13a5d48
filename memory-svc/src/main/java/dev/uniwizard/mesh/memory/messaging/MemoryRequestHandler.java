package dev.uniwizard.mesh.memory.messaging;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeFormatException;
import dev.uniwizard.mesh.core.payload.ConversationHistory;
import dev.uniwizard.mesh.core.payload.ErrorPayload;
import dev.uniwizard.mesh.core.payload.MemoryAppendRequest;
import dev.uniwizard.mesh.core.payload.MemoryAppendResult;
import dev.uniwizard.mesh.core.payload.MemoryHistoryRequest;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.memory.store.ConversationStore;
import dev.uniwizard.mesh.memory.validation.Problem;
import dev.uniwizard.mesh.memory.validation.RequestRules;
import dev.uniwizard.mesh.service.messaging.RequestResponder.Reply;
import dev.uniwizard.mesh.service.messaging.SignedReplies;
import dev.uniwizard.mesh.service.messaging.VerifiedRequestHandler;
import dev.uniwizard.mesh.service.security.EnvelopeGuard;
import dev.uniwizard.mesh.store.StoreFailures;
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
public class MemoryRequestHandler extends VerifiedRequestHandler {

    private static final Logger LOG = Logger.getLogger(MemoryRequestHandler.class);

    /** Houses store their conversations; gateways, the router and other services may read them. */
    static final Set<NodeRole> ALLOWED_ROLES =
            Set.of(NodeRole.HOUSE, NodeRole.GATEWAY, NodeRole.ROUTER, NodeRole.SERVICE);

    private final ConversationStore store;
    private final RequestRules rules;

    public MemoryRequestHandler(
            EnvelopeGuard guard, SignedReplies replies, ConversationStore store, RequestRules rules) {
        super(guard, replies, ALLOWED_ROLES, "memory", "the conversation store");
        this.store = store;
        this.rules = rules;
    }

    @Override
    protected Reply answer(String op, Envelope request) {
        return switch (op) {
            case Subjects.MEMORY_APPEND -> append(request);
            case Subjects.MEMORY_HISTORY -> history(request);
            default -> error(request, Problem.BAD_REQUEST, "memory has no operation '" + op + "'");
        };
    }

    @Override
    protected boolean isStoreFailure(RuntimeException e) {
        return StoreFailures.isDatabaseFailure(e);
    }

    private Reply append(Envelope request) {
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
                    request.ts(),
                    append.toolCalls());
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

    private Reply history(Envelope request) {
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

    private Reply answer(Envelope request, Object payload, String outcome) {
        return replies.answer(request, null, payload, outcome);
    }

    private Reply error(Envelope request, String code, String message) {
        return replies.error(request, null, code, message);
    }
}
