package dev.uniwizard.mesh.service.memory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeFormatException;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.memory.ExpireRequest;
import dev.uniwizard.mesh.core.memory.MarkersRequest;
import dev.uniwizard.mesh.core.memory.MemoryMarkers;
import dev.uniwizard.mesh.core.memory.MemorySearchRequest;
import dev.uniwizard.mesh.core.memory.MemorySearchResult;
import dev.uniwizard.mesh.core.memory.ProjectMemoryEntry;
import dev.uniwizard.mesh.core.memory.ProjectMemoryList;
import dev.uniwizard.mesh.core.memory.ProjectMemoryListRequest;
import dev.uniwizard.mesh.core.memory.PromoteRequest;
import dev.uniwizard.mesh.core.memory.PromoteResult;
import dev.uniwizard.mesh.core.payload.ConversationHistory;
import dev.uniwizard.mesh.core.payload.ErrorPayload;
import dev.uniwizard.mesh.core.payload.MemoryAppendRequest;
import dev.uniwizard.mesh.core.payload.MemoryAppendResult;
import dev.uniwizard.mesh.core.payload.MemoryHistoryRequest;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.signing.Verification;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.service.config.MeshConfig;
import dev.uniwizard.mesh.service.messaging.EnvelopePublisher;
import dev.uniwizard.mesh.service.messaging.RequestFailedException;
import dev.uniwizard.mesh.service.security.EnvelopeGuard;
import dev.uniwizard.mesh.service.tracing.NatsTracing;
import io.nats.client.Message;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;

/**
 * Talks to memory-svc over NATS request-reply ({@code <root>.memory.<op>}); every request is signed and every answer
 * verified. An answer memory signed but that reports an error ({@link ErrorPayload}) throws {@link Refused}; no answer,
 * an answer that fails verification or one that cannot be read throws a plain {@link RequestFailedException}.
 */
@Singleton
public class MemoryClient {

    private final EnvelopePublisher publisher;
    private final EnvelopeSigner signer;
    private final EnvelopeGuard guard;
    private final Subjects subjects;
    private final NatsTracing tracing;
    private final Duration timeout;

    public MemoryClient(
            EnvelopePublisher publisher,
            EnvelopeSigner signer,
            EnvelopeGuard guard,
            Subjects subjects,
            NatsTracing tracing,
            MeshConfig config) {
        this.publisher = publisher;
        this.signer = signer;
        this.guard = guard;
        this.subjects = subjects;
        this.tracing = tracing;
        this.timeout = config.memory().requestTimeout();
    }

    /** Stores one message; idempotent on {@code request.envelopeId()}. */
    public MemoryAppendResult append(Envelope cause, MemoryAppendRequest request) throws RequestFailedException {
        return call(cause, Subjects.MEMORY_APPEND, request, MemoryAppendResult.class);
    }

    /** The latest {@code limit} messages of a conversation. */
    public ConversationHistory history(Envelope cause, String conversationId, int limit) throws RequestFailedException {
        return call(
                cause,
                Subjects.MEMORY_HISTORY,
                new MemoryHistoryRequest(conversationId, limit),
                ConversationHistory.class);
    }

    /** History for a caller that is not handling an envelope (e.g. an HTTP read); {@code requester} is recorded. */
    public ConversationHistory history(Sender requester, String conversationId, int limit)
            throws RequestFailedException {
        Envelope request = signer.originate(
                EnvelopeKind.TASK,
                conversationId,
                null,
                requester,
                new MemoryHistoryRequest(conversationId, limit),
                tracing.currentTraceparent());
        return send(Subjects.MEMORY_HISTORY, request, ConversationHistory.class);
    }

    /** Full-text search of messages, project memory and summaries, best hits first. */
    public MemorySearchResult search(Envelope cause, MemorySearchRequest request) throws RequestFailedException {
        return call(cause, Subjects.MEMORY_SEARCH, request, MemorySearchResult.class);
    }

    /** Keeps a piece of knowledge as project memory; idempotent on {@code request.requestId()}. */
    public PromoteResult promote(Envelope cause, PromoteRequest request) throws RequestFailedException {
        return call(cause, Subjects.MEMORY_PROMOTE, request, PromoteResult.class);
    }

    /** A project's memory entries, newest first. */
    public ProjectMemoryList list(Envelope cause, ProjectMemoryListRequest request) throws RequestFailedException {
        return call(cause, Subjects.MEMORY_LIST, request, ProjectMemoryList.class);
    }

    /** Stops serving a memory entry; answers the entry as it is now. */
    public ProjectMemoryEntry expire(Envelope cause, ExpireRequest request) throws RequestFailedException {
        return call(cause, Subjects.MEMORY_EXPIRE, request, ProjectMemoryEntry.class);
    }

    /** At most {@code limit} marker lines of {@code project} for {@code house}'s prompt, as memory words them. */
    public MemoryMarkers markers(Envelope cause, String project, String house, int limit)
            throws RequestFailedException {
        return call(cause, Subjects.MEMORY_MARKERS, new MarkersRequest(project, house, limit), MemoryMarkers.class);
    }

    private <T> T call(Envelope cause, String op, Object payload, Class<T> answerType) throws RequestFailedException {
        return send(op, signer.next(cause, EnvelopeKind.TASK, null, payload, tracing.currentTraceparent()), answerType);
    }

    private <T> T send(String op, Envelope request, Class<T> answerType) throws RequestFailedException {
        String subject = subjects.memory(op);
        Message reply = publisher.request(subject, request, timeout);
        Verification verification = guard.check(reply.getData(), subject + " (reply)", Set.of(NodeRole.SERVICE));
        if (verification instanceof Verification.Rejected rejected) {
            throw new RequestFailedException("memory's answer to " + op + " was refused: " + rejected.describe());
        }
        Envelope answer = ((Verification.Accepted) verification).envelope();
        JsonNode body = answer.payload();
        try {
            if (body != null && body.has("error")) {
                throw new Refused(op, EnvelopeCodec.readPayload(answer, ErrorPayload.class));
            }
            return EnvelopeCodec.readPayload(answer, answerType);
        } catch (EnvelopeFormatException e) {
            throw new RequestFailedException("memory's answer to " + op + " is malformed: " + e.getMessage(), e);
        }
    }

    /**
     * Memory answered, and the answer is an error: the request itself was refused (bad input, unknown entry, ...).
     * Sending it again unchanged gets the same answer.
     */
    public static final class Refused extends RequestFailedException {

        private final String op;
        private final ErrorPayload error;

        public Refused(String op, ErrorPayload error) {
            super("memory refused " + op + ": " + error.error() + ": " + error.message());
            this.op = op;
            this.error = error;
        }

        /** The operation refused, e.g. {@code promote}. */
        public String op() {
            return op;
        }

        /** Memory's stable error code, e.g. {@code bad_request}. */
        public String code() {
            return error.error();
        }

        /** Memory's explanation, for people. */
        public String explanation() {
            return error.message();
        }
    }
}
