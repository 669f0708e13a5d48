package dev.uniwizard.mesh.testkit;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.payload.MemoryAppendRequest;
import dev.uniwizard.mesh.core.payload.MemoryAppendResult;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for memory-svc where a test is about another service: answers {@code memory.append} requests as
 * {@code memory-test} would, with the documented reply shape, and records what was appended. It speaks the real
 * protocol over the real NATS server; it is not a stub of our classes.
 */
public final class FakeMemory implements AutoCloseable {

    private final Connection connection;
    private final Dispatcher dispatcher;
    private final EnvelopeSigner signer = TestKeyring.shared().signer("memory-test", NodeRole.SERVICE);
    private final List<MemoryAppendRequest> appended = new CopyOnWriteArrayList<>();

    private FakeMemory(Connection connection, Subjects subjects) {
        this.connection = connection;
        this.dispatcher = connection.createDispatcher(this::answer);
        dispatcher.subscribe(subjects.memory(Subjects.MEMORY_APPEND));
        try {
            connection.flush(Duration.ofSeconds(5));
        } catch (Exception e) {
            throw new AssertionError("NATS did not confirm the subscription: " + e, e);
        }
    }

    /** Starts answering append requests under the given subjects. */
    public static FakeMemory answering(Connection connection, Subjects subjects) {
        return new FakeMemory(connection, subjects);
    }

    /** Everything appended so far, in order. */
    public List<MemoryAppendRequest> appended() {
        return List.copyOf(appended);
    }

    private void answer(Message request) {
        Envelope envelope = SubjectRecorder.envelope(request);
        appended.add(SubjectRecorder.payload(envelope, MemoryAppendRequest.class));
        Envelope answer = signer.follow(
                envelope, "answer", EnvelopeKind.REPLY, null, new MemoryAppendResult(appended.size(), false), null);
        connection.publish(request.getReplyTo(), EnvelopeCodec.toBytes(answer));
    }

    @Override
    public void close() {
        connection.closeDispatcher(dispatcher);
    }
}
