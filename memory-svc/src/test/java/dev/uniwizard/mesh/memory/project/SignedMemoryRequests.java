package dev.uniwizard.mesh.memory.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.ErrorPayload;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.signing.Verification;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.service.security.EnvelopeGuard;
import io.nats.client.Connection;
import io.nats.client.Message;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/**
 * Sends memory requests over NATS as a test node would (signed with a {@code TestKeyring} key) and reads the answers
 * after checking that memory-test signed them.
 */
public final class SignedMemoryRequests {

    private static final Sender ALICE = new Sender("http", "alice", "Alice");

    private final Connection connection;
    private final Subjects subjects;
    private final EnvelopeGuard guard;

    public SignedMemoryRequests(Connection connection, Subjects subjects, EnvelopeGuard guard) {
        this.connection = connection;
        this.subjects = subjects;
        this.guard = guard;
    }

    /** The answer to {@code payload} on {@code op}, read as {@code type}; fails the test on an error answer. */
    public <T> T ask(EnvelopeSigner signer, String op, Object payload, Class<T> type) throws Exception {
        Envelope answer = answerTo(op, signed(signer, payload));
        assertThat(answer.payload().has("error"))
                .as("answer to %s: %s", op, answer.payload())
                .isFalse();
        return EnvelopeCodec.readPayload(answer, type);
    }

    /** The error answer to {@code payload} on {@code op}; fails the test on any other answer. */
    public ErrorPayload refused(EnvelopeSigner signer, String op, Object payload) throws Exception {
        Envelope answer = answerTo(op, signed(signer, payload));
        assertThat(answer.payload().has("error"))
                .as("error answer to %s: %s", op, answer.payload())
                .isTrue();
        return EnvelopeCodec.readPayload(answer, ErrorPayload.class);
    }

    /** Sends a request and returns the answer (within 5 s) after checking that memory-test signed it. */
    public Envelope answerTo(String op, Envelope request) throws Exception {
        Message reply = connection.request(subjects.memory(op), EnvelopeCodec.toBytes(request), Duration.ofSeconds(5));
        assertThat(reply).as("answer to %s %s", op, request.id()).isNotNull();
        Verification verification = guard.check(reply.getData(), "test-answers", Set.of(NodeRole.SERVICE));
        assertThat(verification).isInstanceOf(Verification.Accepted.class);
        Envelope answer = ((Verification.Accepted) verification).envelope();
        assertThat(answer.nodeId()).isEqualTo("memory-test");
        assertThat(answer.kind()).isEqualTo(EnvelopeKind.REPLY);
        return answer;
    }

    /** {@code payload} in a task envelope signed by {@code signer}, without a house (as the memory client sends). */
    public static Envelope signed(EnvelopeSigner signer, Object payload) {
        return signer.originate(EnvelopeKind.TASK, "conv-" + UUID.randomUUID(), null, ALICE, payload, null);
    }
}
