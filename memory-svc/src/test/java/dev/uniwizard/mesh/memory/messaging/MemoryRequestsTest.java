package dev.uniwizard.mesh.memory.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.uniwizard.mesh.core.payload.ToolCallTrace;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
        answerTo(
                Subjects.MEMORY_APPEND,
                signed(
                        ezra,
                        conversation,
                        append(
                                conversation,
                                "tool",
                                "calc: 4",
                                List.of(new ToolCallTrace("call-1", "calc", object("expression", "2+2"), "ok")))));
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
    void toolCallsAreStoredWithTheirMessagesAndReadBackOverNatsAndHttp() throws Exception {
        String conversation = newConversation();
        ObjectNode readArguments = object("path", "notes/todo.md");
        readArguments.putObject("lines").put("from", 1).put("to", 20);
        List<ToolCallTrace> asked = List.of(
                new ToolCallTrace("call-1", "file_read", readArguments, null),
                new ToolCallTrace("call-2", "clock", JsonNodeFactory.instance.objectNode(), null));
        List<ToolCallTrace> answered = List.of(new ToolCallTrace("call-1", "file_read", readArguments, "ok"));
        // Without "at" the envelope's time stands in; the tool calls must survive that.
        MemoryAppendRequest assistant = new MemoryAppendRequest(
                conversation, UUID.randomUUID().toString(), "assistant", "ezra", null, "", null, asked);
        MemoryAppendRequest tool = append(conversation, "tool", "- [ ] water the plants", answered);

        MemoryAppendResult first = EnvelopeCodec.readPayload(
                answerTo(Subjects.MEMORY_APPEND, signed(ezra, conversation, assistant)), MemoryAppendResult.class);
        answerTo(Subjects.MEMORY_APPEND, signed(ezra, conversation, tool));
        answerTo(Subjects.MEMORY_APPEND, signed(ezra, conversation, append(conversation, "assistant", "water them")));
        ConversationHistory history = history(conversation, 10);

        assertThat(first.duplicate()).isFalse();
        assertThat(history.messages()).extracting(StoredMessage::toolCalls).containsExactly(asked, answered, List.of());
        assertThat(history.messages().getFirst().at()).isNotNull();
        given().when()
                .get("/api/v1/conversations/{id}", conversation)
                .then()
                .statusCode(200)
                .body("messages", hasSize(3))
                .body("messages[0].role", equalTo("assistant"))
                .body("messages[0].toolCalls", hasSize(2))
                .body("messages[0].toolCalls[0].callId", equalTo("call-1"))
                .body("messages[0].toolCalls[0].tool", equalTo("file_read"))
                .body("messages[0].toolCalls[0].arguments.path", equalTo("notes/todo.md"))
                .body("messages[0].toolCalls[0].arguments.lines.to", equalTo(20))
                .body("messages[0].toolCalls[0].outcome", nullValue())
                .body("messages[0].toolCalls[1].callId", equalTo("call-2"))
                .body("messages[0].toolCalls[1].tool", equalTo("clock"))
                .body("messages[0].toolCalls[1].arguments", anEmptyMap())
                .body("messages[1].role", equalTo("tool"))
                .body("messages[1].toolCalls", hasSize(1))
                .body("messages[1].toolCalls[0].callId", equalTo("call-1"))
                .body("messages[1].toolCalls[0].arguments.lines.from", equalTo(1))
                .body("messages[1].toolCalls[0].outcome", equalTo("ok"))
                .body("messages[2].toolCalls", hasSize(0));
    }

    @Test
    void aRedeliveredMessageKeepsTheToolCallsItWasFirstStoredWith() throws Exception {
        String conversation = newConversation();
        List<ToolCallTrace> calls = List.of(
                new ToolCallTrace("call-1", "file_read", object("path", "a.md"), null),
                new ToolCallTrace("call-2", "file_read", object("path", "b.md"), null));
        MemoryAppendRequest append = append(conversation, "assistant", "", calls);
        MemoryAppendRequest changed = new MemoryAppendRequest(
                conversation,
                append.envelopeId(),
                "assistant",
                "ezra",
                ALICE,
                "",
                append.at(),
                List.of(new ToolCallTrace("call-9", "shell", object("command", "ls"), null)));

        MemoryAppendResult stored = EnvelopeCodec.readPayload(
                answerTo(Subjects.MEMORY_APPEND, signed(ezra, conversation, append)), MemoryAppendResult.class);
        MemoryAppendResult redelivered = EnvelopeCodec.readPayload(
                answerTo(Subjects.MEMORY_APPEND, signed(ezra, conversation, append)), MemoryAppendResult.class);
        MemoryAppendResult altered = EnvelopeCodec.readPayload(
                answerTo(Subjects.MEMORY_APPEND, signed(ezra, conversation, changed)), MemoryAppendResult.class);

        assertThat(stored.duplicate()).isFalse();
        assertThat(redelivered).isEqualTo(new MemoryAppendResult(stored.seq(), true));
        assertThat(altered).isEqualTo(new MemoryAppendResult(stored.seq(), true));
        assertThat(rows("SELECT count(*) FROM messages WHERE envelope_id = '" + append.envelopeId() + "'"))
                .isEqualTo(1);
        assertThat(rows("SELECT jsonb_array_length(tool_calls) FROM messages WHERE envelope_id = '"
                        + append.envelopeId() + "'"))
                .isEqualTo(2);
        assertThat(rows("SELECT message_count FROM conversations WHERE id = '" + conversation + "'"))
                .isEqualTo(1);
        assertThat(history(conversation, 10).messages())
                .singleElement()
                .extracting(StoredMessage::toolCalls)
                .isEqualTo(calls);
    }

    @Test
    void everyBadToolCallIsAnsweredWithAnErrorAndNothingIsStored() throws Exception {
        String conversation = newConversation();
        ToolCallTrace fine = new ToolCallTrace("call-1", "clock", null, null);
        Map<String, MemoryAppendRequest> bad = new LinkedHashMap<>();
        bad.put(
                "too_large: toolCalls has 65 entries, at most 64 are stored with one message",
                append(conversation, "assistant", "", Collections.nCopies(65, fine)));
        bad.put(
                "bad_request: toolCalls[1].tool is required (the name of the tool called)",
                append(conversation, "assistant", "", List.of(fine, new ToolCallTrace("call-2", "  ", null, null))));
        bad.put(
                "bad_request: toolCalls[0].tool is 65 characters long, at most 64 are allowed",
                append(
                        conversation,
                        "assistant",
                        "",
                        List.of(new ToolCallTrace("call-1", "t".repeat(65), null, null))));
        bad.put(
                "bad_request: toolCalls[0].callId is 129 characters long, at most 128 are allowed",
                append(
                        conversation,
                        "assistant",
                        "",
                        List.of(new ToolCallTrace("c".repeat(129), "clock", null, null))));
        bad.put(
                "bad_request: toolCalls[0].arguments must be a JSON object (or absent), got array",
                append(
                        conversation,
                        "assistant",
                        "",
                        List.of(new ToolCallTrace(
                                "call-1",
                                "clock",
                                JsonNodeFactory.instance.arrayNode().add("now"),
                                null))));
        bad.put(
                "too_large: toolCalls take 300080 bytes as JSON, at most 262144 (256 KiB) are stored with one message",
                append(
                        conversation,
                        "assistant",
                        "",
                        List.of(new ToolCallTrace("call-1", "file_write", object("text", "x".repeat(300_000)), null))));
        bad.put(
                "bad_request: a tool message must carry exactly one entry in toolCalls (the call it answers), got 0",
                append(conversation, "tool", "4", List.of()));
        bad.put(
                "bad_request: a tool message must carry exactly one entry in toolCalls (the call it answers), got 2",
                append(conversation, "tool", "4", List.of(fine, fine)));

        List<String> answers = new ArrayList<>();
        for (MemoryAppendRequest request : bad.values()) {
            ErrorPayload error = error(answerTo(Subjects.MEMORY_APPEND, signed(ezra, conversation, request)));
            answers.add(error.error() + ": " + error.message());
        }
        Map<String, Object> nullEntry = new HashMap<>(Map.of(
                "conversationId",
                conversation,
                "envelopeId",
                UUID.randomUUID().toString(),
                "role",
                "assistant",
                "content",
                ""));
        nullEntry.put("toolCalls", Collections.singletonList(null));
        ErrorPayload unreadable = error(answerTo(Subjects.MEMORY_APPEND, signed(ezra, conversation, nullEntry)));

        assertThat(answers).containsExactlyElementsOf(bad.keySet());
        assertThat(unreadable.error()).isEqualTo("bad_request");
        assertThat(unreadable.message()).contains("MemoryAppendRequest");
        assertThat(rows("SELECT count(*) FROM conversations WHERE id = '" + conversation + "'"))
                .isZero();
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

    private static MemoryAppendRequest append(
            String conversation, String role, String content, List<ToolCallTrace> toolCalls) {
        return new MemoryAppendRequest(
                conversation, UUID.randomUUID().toString(), role, "ezra", ALICE, content, Instant.now(), toolCalls);
    }

    private static ObjectNode object(String field, String value) {
        return JsonNodeFactory.instance.objectNode().put(field, value);
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
