package dev.uniwizard.mesh.memory.messaging;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeFormatException;
import dev.uniwizard.mesh.core.memory.ExpireRequest;
import dev.uniwizard.mesh.core.memory.MarkersRequest;
import dev.uniwizard.mesh.core.memory.MemorySearchRequest;
import dev.uniwizard.mesh.core.memory.ProjectMemoryListRequest;
import dev.uniwizard.mesh.core.memory.PromoteRequest;
import dev.uniwizard.mesh.core.memory.PromoteResult;
import dev.uniwizard.mesh.core.payload.ConversationHistory;
import dev.uniwizard.mesh.core.payload.ErrorPayload;
import dev.uniwizard.mesh.core.payload.MemoryAppendRequest;
import dev.uniwizard.mesh.core.payload.MemoryAppendResult;
import dev.uniwizard.mesh.core.payload.MemoryHistoryRequest;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.core.trust.TrustStore;
import dev.uniwizard.mesh.core.trust.TrustedNode;
import dev.uniwizard.mesh.memory.project.Expiry;
import dev.uniwizard.mesh.memory.project.ProjectMemoryStore;
import dev.uniwizard.mesh.memory.project.Promotion;
import dev.uniwizard.mesh.memory.project.Requester;
import dev.uniwizard.mesh.memory.search.SearchStore;
import dev.uniwizard.mesh.memory.store.ConversationStore;
import dev.uniwizard.mesh.memory.validation.Problem;
import dev.uniwizard.mesh.memory.validation.ProjectMemoryRules;
import dev.uniwizard.mesh.memory.validation.RequestRules;
import dev.uniwizard.mesh.memory.validation.SearchRules;
import dev.uniwizard.mesh.service.messaging.RequestResponder.Reply;
import dev.uniwizard.mesh.service.messaging.SignedReplies;
import dev.uniwizard.mesh.service.messaging.VerifiedRequestHandler;
import dev.uniwizard.mesh.service.security.EnvelopeGuard;
import dev.uniwizard.mesh.store.StoreFailures;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Turns one request (raw bytes from NATS) into a signed answer: verify, read, validate, store or read, answer. Every
 * request gets an answer; failures, payloads that do not fit the operation and bad values are answered with an
 * {@link ErrorPayload} ({@code bad_request}, {@code too_large}, {@code not_found}, {@code rejected},
 * {@code store_unavailable}, {@code internal_error}). A request whose work failed is released from the replay guard so
 * that it may be sent again as it is.
 */
@Singleton
public class MemoryRequestHandler extends VerifiedRequestHandler {

    private static final Logger LOG = Logger.getLogger(MemoryRequestHandler.class);

    /** Houses store their conversations; gateways, the router and other services may read them. */
    static final Set<NodeRole> ALLOWED_ROLES =
            Set.of(NodeRole.HOUSE, NodeRole.GATEWAY, NodeRole.ROUTER, NodeRole.SERVICE);

    /** Outcome of expiring an entry that was expired before. */
    static final String UNCHANGED = "unchanged";

    private final ConversationStore store;
    private final SearchStore search;
    private final ProjectMemoryStore projectMemory;
    private final RequestRules rules;
    private final SearchRules searchRules;
    private final ProjectMemoryRules memoryRules;
    private final TrustStore trustStore;

    public MemoryRequestHandler(
            EnvelopeGuard guard,
            SignedReplies replies,
            ConversationStore store,
            SearchStore search,
            ProjectMemoryStore projectMemory,
            RequestRules rules,
            SearchRules searchRules,
            ProjectMemoryRules memoryRules,
            TrustStore trustStore) {
        super(guard, replies, ALLOWED_ROLES, "memory", "the memory store");
        this.store = store;
        this.search = search;
        this.projectMemory = projectMemory;
        this.rules = rules;
        this.searchRules = searchRules;
        this.memoryRules = memoryRules;
        this.trustStore = trustStore;
    }

    @Override
    protected Reply answer(String op, Envelope request) {
        return switch (op) {
            case Subjects.MEMORY_APPEND ->
                read(request, MemoryAppendRequest.class, rules::check, r -> append(request, r));
            case Subjects.MEMORY_HISTORY ->
                read(request, MemoryHistoryRequest.class, rules::check, r -> history(request, r));
            case Subjects.MEMORY_SEARCH ->
                read(request, MemorySearchRequest.class, searchRules::check, r -> search(request, r));
            case Subjects.MEMORY_PROMOTE ->
                read(request, PromoteRequest.class, r -> memoryRules.check(r, true), r -> promote(request, r));
            case Subjects.MEMORY_LIST ->
                read(request, ProjectMemoryListRequest.class, memoryRules::check, r -> list(request, r));
            case Subjects.MEMORY_EXPIRE ->
                read(request, ExpireRequest.class, memoryRules::check, r -> expire(request, r));
            case Subjects.MEMORY_MARKERS ->
                read(request, MarkersRequest.class, memoryRules::check, r -> markers(request, r));
            default -> error(request, Problem.BAD_REQUEST, "memory has no operation '" + op + "'");
        };
    }

    @Override
    protected boolean isStoreFailure(RuntimeException e) {
        return StoreFailures.isDatabaseFailure(e);
    }

    /** Reads the payload as {@code type} and checks it; a payload that does not fit or a bad value is answered. */
    private <T> Reply read(
            Envelope request, Class<T> type, Function<T, Optional<Problem>> check, Function<T, Reply> work) {
        T payload;
        try {
            payload = EnvelopeCodec.readPayload(request, type);
        } catch (EnvelopeFormatException e) {
            return error(request, Problem.BAD_REQUEST, e.getMessage());
        }
        Optional<Problem> problem = check.apply(payload);
        if (problem.isPresent()) {
            return error(request, problem.get().code(), problem.get().message());
        }
        return work.apply(payload);
    }

    private Reply append(Envelope request, MemoryAppendRequest append) {
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

    private Reply history(Envelope request, MemoryHistoryRequest read) {
        ConversationHistory history = store.history(read.conversationId(), read.limit());
        return answer(request, history, Outcomes.OK);
    }

    private Reply search(Envelope request, MemorySearchRequest query) {
        return answer(request, search.search(searchRules.withDefaults(query)), Outcomes.OK);
    }

    private Reply promote(Envelope request, PromoteRequest promote) {
        Requester by = requester(request);
        PromoteResult result = projectMemory.promote(Promotion.of(promote, by, memoryRules.maxMarkerChars()));
        LOG.debugf(
                "%s memory entry %d of %s for %s (request %s)",
                result.duplicate() ? "already had" : "promoted",
                result.entry().id(),
                result.entry().project(),
                by.id(),
                promote.requestId());
        return answer(request, result, result.duplicate() ? Outcomes.DUPLICATE : Outcomes.OK);
    }

    private Reply list(Envelope request, ProjectMemoryListRequest list) {
        return answer(
                request,
                projectMemory.list(
                        list.project(),
                        list.memoryType(),
                        list.house(),
                        list.includeExpired(),
                        list.limit() == null ? ProjectMemoryRules.DEFAULT_LIST_LIMIT : list.limit()),
                Outcomes.OK);
    }

    private Reply expire(Envelope request, ExpireRequest expire) {
        Optional<Expiry> expiry = projectMemory.expire(
                expire.id(), expire.reason(), requester(request).id());
        if (expiry.isEmpty()) {
            return error(request, Problem.NOT_FOUND, "there is no memory entry #" + expire.id());
        }
        return answer(request, expiry.get().entry(), expiry.get().changed() ? Outcomes.OK : UNCHANGED);
    }

    private Reply markers(Envelope request, MarkersRequest markers) {
        int limit = markers.limit() == null ? memoryRules.defaultMarkers() : markers.limit();
        return answer(request, projectMemory.markers(markers.project(), markers.house(), limit), Outcomes.OK);
    }

    /**
     * The signing node (verified against the trust store just now) and, for a house node, its house: the envelope's
     * house when the node speaks for it, else the house its node id names ({@code ezra-1} is house {@code ezra}).
     */
    private Requester requester(Envelope request) {
        NodeRole role = trustStore.find(request.nodeId()).map(TrustedNode::role).orElse(null);
        return Requester.node(request.nodeId(), role, request.house());
    }

    private Reply answer(Envelope request, Object payload, String outcome) {
        return replies.answer(request, null, payload, outcome);
    }

    private Reply error(Envelope request, String code, String message) {
        return replies.error(request, null, code, message);
    }
}
