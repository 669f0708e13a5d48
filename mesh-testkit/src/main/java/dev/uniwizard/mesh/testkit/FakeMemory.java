package dev.uniwizard.mesh.testkit;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.memory.MarkersRequest;
import dev.uniwizard.mesh.core.memory.MemoryMarkers;
import dev.uniwizard.mesh.core.memory.ProjectMemoryEntry;
import dev.uniwizard.mesh.core.memory.PromoteRequest;
import dev.uniwizard.mesh.core.memory.PromoteResult;
import dev.uniwizard.mesh.core.payload.ConversationHistory;
import dev.uniwizard.mesh.core.payload.ErrorPayload;
import dev.uniwizard.mesh.core.payload.MemoryAppendRequest;
import dev.uniwizard.mesh.core.payload.MemoryAppendResult;
import dev.uniwizard.mesh.core.payload.MemoryHistoryRequest;
import dev.uniwizard.mesh.core.payload.StoredMessage;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for memory-svc where a test is about another service: answers {@code memory.append},
 * {@code memory.history}, {@code memory.promote} and {@code memory.markers} requests as {@code memory-test} would,
 * with the documented reply shapes. It records what was appended (idempotent on the envelope id, like memory-svc),
 * every promotion asked for (keeping one entry per request id, like memory-svc) and every markers request; the marker
 * lines it answers are the ones the test sets with {@link #markers(List)}. {@link #refuseMarkers} and
 * {@link #refusePromotions} make it answer errors ({@link ErrorPayload}) instead, as memory-svc reports them. It
 * speaks the real protocol over the real NATS server; it is not a stub of our classes.
 */
public final class FakeMemory implements AutoCloseable {

    private final Connection connection;
    private final Dispatcher dispatcher;
    private final EnvelopeSigner signer = TestKeyring.shared().signer("memory-test", NodeRole.SERVICE);
    private final List<MemoryAppendRequest> appended;
    private final List<PromoteRequest> promoteRequests = new CopyOnWriteArrayList<>();
    private final Map<String, ProjectMemoryEntry> entries = new LinkedHashMap<>();
    private final List<MarkersRequest> markersRequests = new CopyOnWriteArrayList<>();
    private volatile List<String> markerLines = List.of();
    private volatile ErrorPayload markersError;
    private volatile ErrorPayload promoteError;

    private FakeMemory(Connection connection, Subjects subjects, List<MemoryAppendRequest> store) {
        this.connection = connection;
        this.appended = store;
        this.dispatcher = connection.createDispatcher();
        dispatcher.subscribe(subjects.memory(Subjects.MEMORY_APPEND), this::answerAppend);
        dispatcher.subscribe(subjects.memory(Subjects.MEMORY_HISTORY), this::answerHistory);
        dispatcher.subscribe(subjects.memory(Subjects.MEMORY_PROMOTE), this::answerPromote);
        dispatcher.subscribe(subjects.memory(Subjects.MEMORY_MARKERS), this::answerMarkers);
        try {
            connection.flush(Duration.ofSeconds(5));
        } catch (Exception e) {
            throw new AssertionError("NATS did not confirm the subscription: " + e, e);
        }
    }

    /** Starts answering memory requests under the given subjects. */
    public static FakeMemory answering(Connection connection, Subjects subjects) {
        return new FakeMemory(connection, subjects, new CopyOnWriteArrayList<>());
    }

    /** Like {@link #answering(Connection, Subjects)}, keeping messages in {@code store} (it outlives a restart). */
    public static FakeMemory answering(Connection connection, Subjects subjects, List<MemoryAppendRequest> store) {
        return new FakeMemory(connection, subjects, store);
    }

    /** Everything appended so far, in order. */
    public List<MemoryAppendRequest> appended() {
        return List.copyOf(appended);
    }

    /** Every promotion asked for, in order, repeated requests (same request id) included. */
    public List<PromoteRequest> promoteRequests() {
        return List.copyOf(promoteRequests);
    }

    /** The entries kept: one per request id, in the order they were first promoted (ids count from 1). */
    public List<ProjectMemoryEntry> promoted() {
        synchronized (entries) {
            return List.copyOf(entries.values());
        }
    }

    /** Answers markers requests with these lines from now on (at most the requested limit of them). */
    public FakeMemory markers(List<String> lines) {
        this.markerLines = List.copyOf(lines);
        this.markersError = null;
        return this;
    }

    /** Answers markers requests with this error from now on, as memory-svc reports a failed request. */
    public FakeMemory refuseMarkers(String error, String message) {
        this.markersError = new ErrorPayload(error, message);
        return this;
    }

    /** Answers promote requests with this error from now on (they are still recorded, but nothing is kept). */
    public FakeMemory refusePromotions(String error, String message) {
        this.promoteError = new ErrorPayload(error, message);
        return this;
    }

    /** Every markers request so far, in order. */
    public List<MarkersRequest> markersRequests() {
        return List.copyOf(markersRequests);
    }

    private void answerAppend(Message request) {
        Envelope envelope = SubjectRecorder.envelope(request);
        MemoryAppendRequest message = SubjectRecorder.payload(envelope, MemoryAppendRequest.class);
        boolean duplicate;
        synchronized (appended) {
            duplicate = appended.stream().anyMatch(m -> m.envelopeId().equals(message.envelopeId()));
            if (!duplicate) {
                appended.add(message);
            }
        }
        reply(request, envelope, new MemoryAppendResult(appended.size(), duplicate));
    }

    private void answerHistory(Message request) {
        Envelope envelope = SubjectRecorder.envelope(request);
        MemoryHistoryRequest asked = SubjectRecorder.payload(envelope, MemoryHistoryRequest.class);
        List<StoredMessage> all = new ArrayList<>();
        for (int i = 0; i < appended.size(); i++) {
            MemoryAppendRequest m = appended.get(i);
            if (m.conversationId().equals(asked.conversationId())) {
                all.add(new StoredMessage(
                        i + 1, m.envelopeId(), m.role(), m.house(), m.sender(), m.content(), m.at(), m.toolCalls()));
            }
        }
        List<StoredMessage> latest = all.subList(Math.max(0, all.size() - asked.limit()), all.size());
        reply(request, envelope, new ConversationHistory(asked.conversationId(), !all.isEmpty(), latest));
    }

    private void answerPromote(Message request) {
        Envelope envelope = SubjectRecorder.envelope(request);
        PromoteRequest asked = SubjectRecorder.payload(envelope, PromoteRequest.class);
        promoteRequests.add(asked);
        ErrorPayload error = promoteError;
        if (error != null) {
            reply(request, envelope, error);
            return;
        }
        ProjectMemoryEntry entry;
        boolean duplicate;
        synchronized (entries) {
            entry = entries.get(asked.requestId());
            duplicate = entry != null;
            if (!duplicate) {
                entry = entry(entries.size() + 1L, asked, envelope);
                entries.put(asked.requestId(), entry);
            }
        }
        reply(request, envelope, new PromoteResult(entry, duplicate));
    }

    private static ProjectMemoryEntry entry(long id, PromoteRequest asked, Envelope envelope) {
        String marker = asked.marker() == null || asked.marker().isBlank()
                ? asked.content().strip().lines().findFirst().orElse("")
                : asked.marker();
        return new ProjectMemoryEntry(
                id,
                asked.project(),
                asked.memoryType(),
                asked.content(),
                marker,
                asked.houses(),
                envelope.nodeId(),
                null,
                asked.sourceConversationId(),
                asked.sourceSeqs(),
                envelope.ts() == null ? Instant.now() : envelope.ts(),
                asked.relevanceScore() == null ? 0.5 : asked.relevanceScore(),
                asked.expiresAt(),
                null,
                null,
                true);
    }

    private void answerMarkers(Message request) {
        Envelope envelope = SubjectRecorder.envelope(request);
        MarkersRequest asked = SubjectRecorder.payload(envelope, MarkersRequest.class);
        markersRequests.add(asked);
        ErrorPayload error = markersError;
        if (error != null) {
            reply(request, envelope, error);
            return;
        }
        List<String> lines = markerLines;
        int limit = asked.limit() == null ? 12 : asked.limit();
        reply(
                request,
                envelope,
                new MemoryMarkers(asked.project(), asked.house(), lines.subList(0, Math.min(limit, lines.size()))));
    }

    private void reply(Message request, Envelope cause, Object payload) {
        Envelope answer = signer.follow(cause, "answer", EnvelopeKind.REPLY, null, payload, null);
        connection.publish(request.getReplyTo(), EnvelopeCodec.toBytes(answer));
    }

    @Override
    public void close() {
        connection.closeDispatcher(dispatcher);
    }
}
