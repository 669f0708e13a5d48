package dev.uniwizard.mesh.testkit;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.payload.ConversationHistory;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for memory-svc where a test is about another service: answers {@code memory.append} and
 * {@code memory.history} requests as {@code memory-test} would, with the documented reply shapes, and records what was
 * appended (idempotent on the envelope id, like memory-svc). It speaks the real protocol over the real NATS server; it
 * is not a stub of our classes.
 */
public final class FakeMemory implements AutoCloseable {

    private final Connection connection;
    private final Dispatcher dispatcher;
    private final EnvelopeSigner signer = TestKeyring.shared().signer("memory-test", NodeRole.SERVICE);
    private final List<MemoryAppendRequest> appended;

    private FakeMemory(Connection connection, Subjects subjects, List<MemoryAppendRequest> store) {
        this.connection = connection;
        this.appended = store;
        this.dispatcher = connection.createDispatcher();
        dispatcher.subscribe(subjects.memory(Subjects.MEMORY_APPEND), this::answerAppend);
        dispatcher.subscribe(subjects.memory(Subjects.MEMORY_HISTORY), this::answerHistory);
        try {
            connection.flush(Duration.ofSeconds(5));
        } catch (Exception e) {
            throw new AssertionError("NATS did not confirm the subscription: " + e, e);
        }
    }

    /** Starts answering append requests under the given subjects. */
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

    private void reply(Message request, Envelope cause, Object payload) {
        Envelope answer = signer.follow(cause, "answer", EnvelopeKind.REPLY, null, payload, null);
        connection.publish(request.getReplyTo(), EnvelopeCodec.toBytes(answer));
    }

    @Override
    public void close() {
        connection.closeDispatcher(dispatcher);
    }
}
