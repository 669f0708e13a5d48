package dev.uniwizard.mesh.memory.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.ConversationHistory;
import dev.uniwizard.mesh.core.payload.ErrorPayload;
import dev.uniwizard.mesh.core.payload.MemoryAppendRequest;
import dev.uniwizard.mesh.core.payload.MemoryAppendResult;
import dev.uniwizard.mesh.core.payload.MemoryHistoryRequest;
import dev.uniwizard.mesh.core.payload.StoredMessage;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.signing.Verification;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.service.memory.MemoryClient;
import dev.uniwizard.mesh.service.messaging.RequestFailedException;
import dev.uniwizard.mesh.service.security.EnvelopeGuard;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.TestKeyring;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {
            @ResourceArg(name = "node", value = "memory-test"),
            @ResourceArg(name = "role", value = "service"),
            @ResourceArg(name = "database", value = "true")
        })
class MemoryRequestsTest {

    private static final Sender ALICE = new Sender("http", "alice", "Alice");

    @Inject
    Connection connection;

    @Inject
    Subjects subjects;

    @Inject
    EnvelopeGuard guard;

    @Inject
    Jdbi jdbi;

    @Inject
    MeterRegistry registry;

    @Inject
    MemoryClient memoryClient;

    private final EnvelopeSigner ezra = TestKeyring.shared().signer("ezra-test", NodeRole.HOUSE);

    @Test
    void storesAMessageOnceHoweverOftenItIsAppended() throws Exception {
        String conversation = newConversation();
        MemoryAppendRequest append = append(conversation, "user", "hello memory");

        Envelope first = signed(ezra, conversation, append);
        Envelope answer = answerTo(Subjects.MEMORY_APPEND, first);
        MemoryAppendResult stored = EnvelopeCodec.readPayload(answer, MemoryAppendResult.class);
        MemoryAppendResult again = EnvelopeCodec.readPayload(
                answerTo(Subjects.MEMORY_APPEND, signed(ezra, conversation, append)), MemoryAppendResult.class);

        assertThat(answer.nodeId()).isEqualTo("memory-test");
        assertThat(answer.kind()).isEqualTo(EnvelopeKind.REPLY);
        assertThat(answer.correlationId()).isEqualTo(first.correlationId());
        assertThat(answer.conversationId()).isEqualTo(conversation);
        assertThat(stored.duplicate()).isFalse();
        assertThat(stored.seq()).isPositive();
        assertThat(again).isEqualTo(new MemoryAppendResult(stored.seq(), true));
        assertThat(rows("SELECT count(*) FROM messages WHERE envelope_id = '" + append.envelopeId() + "'"))
                .isEqualTo(1);
        assertThat(rows("SELECT message_count FROM conversations WHERE id = '" + conversation + "'"))
                .isEqualTo(1);
    }

    @Test
    void historyReturnsTheLatestMessagesOldestFirst() throws Exception {
        String conversation = newConversation();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        MemoryAppendRequest question = new MemoryAppendRequest(
                conversation, UUID.randomUUID().toString(), "user", "ezra", ALICE, "what is 2+2?", at);
        answerTo(Subjects.MEMORY_APPEND, signed(ezra, conversation, question));
        answerTo(Subjects.MEMORY_APPEND, signed(ezra, conversation, append(conversation, "tool", "calc: 4")));
        answerTo(Subjects.MEMORY_APPEND, signed(ezra, conversation, append(conversation, "assistant", "4")));

        ConversationHistory all = history(conversation, 10);
        ConversationHistory latest = history(conversation, 2);

        assertThat(all.found()).isTrue();
        assertThat(all.messages()).extracting(StoredMessage::content).containsExactly("what is 2+2?", "calc: 4", "4");
        assertThat(all.messages()).extracting(StoredMessage::seq).isSorted();
        StoredMessage first = all.messages().getFirst();
        assertThat(first)
                .isEqualTo(new StoredMessage(
                        first.seq(), question.envelopeId(), "user", "ezra", ALICE, "what is 2+2?", at));
        assertThat(latest.messages()).extracting(StoredMessage::content).containsExactly("calc: 4", "4");
    }

    @Test
    void anUnknownConversationIsNotFound() throws Exception {
        ConversationHistory history = history("never-" + UUID.randomUUID(), 10);

        assertThat(history.found()).isFalse();
        assertThat(history.messages()).isEmpty();
    }

    @Test
    void aPayloadThatDoesNotFitIsAnsweredWithBadRequest() throws Exception {
        String conversation = newConversation();
        Envelope request = ezra.originate(
                EnvelopeKind.TASK,
                conversation,
                null,
                ALICE,
                Map.of("conversationId", conversation, "limit", "lots"),
                null);

        ErrorPayload error = error(answerTo(Subjects.MEMORY_HISTORY, request));

        assertThat(error.error()).isEqualTo("bad_request");
        assertThat(error.message()).contains("MemoryHistoryRequest").contains("lots");
    }

    @Test
    void oversizedContentAndUnknownRolesAreRefused() throws Exception {
        String conversation = newConversation();
        MemoryAppendRequest huge = append(conversation, "user", "x".repeat(100_001));
        MemoryAppendRequest wizard = append(conversation, "wizard", "hi");

        ErrorPayload tooLarge = error(answerTo(Subjects.MEMORY_APPEND, signed(ezra, conversation, huge)));
        ErrorPayload badRole = error(answerTo(Subjects.MEMORY_APPEND, signed(ezra, conversation, wizard)));
        ErrorPayload badLimit = error(answerTo(
                Subjects.MEMORY_HISTORY, signed(ezra, conversation, new MemoryHistoryRequest(conversation, 0))));

        assertThat(tooLarge)
                .isEqualTo(
                        new ErrorPayload("too_large", "content is 100001 characters long, at most 100000 are stored"));
        assertThat(badRole.error()).isEqualTo("bad_request");
        assertThat(badRole.message()).contains("role must be one of").contains("'wizard'");
        assertThat(badLimit).isEqualTo(new ErrorPayload("bad_request", "limit must be between 1 and 1000, got 0"));
        assertThat(rows("SELECT count(*) FROM conversations WHERE id = '" + conversation + "'"))
                .isZero();
    }

    @Test
    void anIntruderIsAnsweredWithRejectedAndNothingIsStored() throws Exception {
        String conversation = newConversation();
        MemoryAppendRequest append = append(conversation, "user", "pwned");

        Envelope answer =
                answerTo(Subjects.MEMORY_APPEND, signed(TestKeyring.shared().intruder(), conversation, append));

        ErrorPayload error = error(answer);
        assertThat(error.error()).isEqualTo("rejected");
        assertThat(error.message()).contains("unknown_key").contains("intruder");
        assertThat(rows("SELECT count(*) FROM messages WHERE envelope_id = '" + append.envelopeId() + "'"))
                .isZero();
        assertThat(rows("SELECT count(*) FROM conversations WHERE id = '" + conversation + "'"))
                .isZero();
    }

    @Test
    void aReplayedRequestIsRejectedNotRepeated() throws Exception {
        String conversation = newConversation();
        Envelope request = signed(ezra, conversation, append(conversation, "user", "once"));
        answerTo(Subjects.MEMORY_APPEND, request);

        ErrorPayload error = error(answerTo(Subjects.MEMORY_APPEND, request));

        assertThat(error.error()).isEqualTo("rejected");
        assertThat(error.message()).contains("replay");
    }

    @Test
    void aStoreFailureIsAnsweredAndTheSameRequestMaySucceedLater() throws Exception {
        String conversation = newConversation();
        MemoryAppendRequest append = append(conversation, "user", "stored on the second try");
        Envelope request = signed(ezra, conversation, append);

        ErrorPayload failed;
        jdbi.useHandle(h -> h.execute("ALTER TABLE messages RENAME TO messages_away"));
        try {
            failed = error(answerTo(Subjects.MEMORY_APPEND, request));
        } finally {
            jdbi.useHandle(h -> h.execute("ALTER TABLE messages_away RENAME TO messages"));
        }
        MemoryAppendResult retried =
                EnvelopeCodec.readPayload(answerTo(Subjects.MEMORY_APPEND, request), MemoryAppendResult.class);

        assertThat(failed.error()).isEqualTo("store_unavailable");
        assertThat(failed.message()).contains("may be sent again");
        assertThat(retried.duplicate()).isFalse();
        assertThat(rows("SELECT count(*) FROM messages WHERE envelope_id = '" + append.envelopeId() + "'"))
                .isEqualTo(1);
    }

    @Test
    void anAppendWithoutAReplySubjectIsStoredAndCounted() {
        String conversation = newConversation();
        MemoryAppendRequest append = append(conversation, "system", "fire and forget");
        double before = counter("mesh.memory.unanswerable", Subjects.MEMORY_APPEND);

        connection.publish(
                subjects.memory(Subjects.MEMORY_APPEND), EnvelopeCodec.toBytes(signed(ezra, conversation, append)));

        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        rows("SELECT count(*) FROM messages WHERE envelope_id = '" + append.envelopeId() + "'") == 1);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> counter("mesh.memory.unanswerable", Subjects.MEMORY_APPEND) > before);
    }

    @Test
    void theSharedMemoryClientUnderstandsTheAnswers() throws Exception {
        String conversation = newConversation();
        Envelope cause = ezra.originate(EnvelopeKind.TASK, conversation, "ezra", ALICE, Map.of("text", "hi"), null);

        MemoryAppendResult result = memoryClient.append(cause, append(conversation, "user", "via the client"));
        ConversationHistory history = memoryClient.history(cause, conversation, 5);

        assertThat(result.duplicate()).isFalse();
        assertThat(history.messages()).extracting(StoredMessage::seq).containsExactly(result.seq());
        assertThatThrownBy(() -> memoryClient.append(cause, append(conversation, "robot", "x")))
                .isInstanceOf(RequestFailedException.class)
                .hasMessageContaining("memory refused append: bad_request: role must be one of");
        assertThat(registry.counter("mesh.memory.requests", "op", "append", "outcome", "ok")
                        .count())
                .isPositive();
        assertThat(registry.timer("mesh.memory.request", "op", "history").count())
                .isPositive();
    }

    private ConversationHistory history(String conversation, int limit) throws Exception {
        Envelope answer = answerTo(
                Subjects.MEMORY_HISTORY, signed(ezra, conversation, new MemoryHistoryRequest(conversation, limit)));
        return EnvelopeCodec.readPayload(answer, ConversationHistory.class);
    }

    /** Sends a request and returns the answer after checking that memory-test signed it. */
    private Envelope answerTo(String op, Envelope request) throws Exception {
        Message reply = connection.request(subjects.memory(op), EnvelopeCodec.toBytes(request), Duration.ofSeconds(5));
        assertThat(reply).as("answer to %s %s", op, request.id()).isNotNull();
        Verification verification = guard.check(reply.getData(), "test-answers", Set.of(NodeRole.SERVICE));
        assertThat(verification).isInstanceOf(Verification.Accepted.class);
        Envelope answer = ((Verification.Accepted) verification).envelope();
        assertThat(answer.nodeId()).isEqualTo("memory-test");
        assertThat(answer.kind()).isEqualTo(EnvelopeKind.REPLY);
        return answer;
    }

    private static ErrorPayload error(Envelope answer) throws Exception {
        assertThat(answer.payload().has("error"))
                .as("error answer: %s", answer.payload())
                .isTrue();
        return EnvelopeCodec.readPayload(answer, ErrorPayload.class);
    }

    private static Envelope signed(EnvelopeSigner signer, String conversation, Object payload) {
        return signer.originate(EnvelopeKind.TASK, conversation, "ezra", ALICE, payload, null);
    }

    private static MemoryAppendRequest append(String conversation, String role, String content) {
        return new MemoryAppendRequest(
                conversation, UUID.randomUUID().toString(), role, "ezra", ALICE, content, Instant.now());
    }

    private int rows(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private double counter(String name, String op) {
        return registry.find(name).tag("op", op).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    private static String newConversation() {
        return "conv-" + UUID.randomUUID();
    }
}
