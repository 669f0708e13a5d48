package dev.uniwizard.mesh.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.ConversationHistory;
import dev.uniwizard.mesh.core.payload.MemoryHistoryRequest;
import dev.uniwizard.mesh.core.payload.StoredMessage;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.TestKeyring;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {@ResourceArg(name = "node", value = "gateway-test"), @ResourceArg(name = "role", value = "gateway")
        })
class ConversationsResourceTest {

    private static final String PATH = "/api/v1/conversations/{id}";

    @Inject
    Connection connection;

    @Inject
    Subjects subjects;

    private final EnvelopeSigner memory = TestKeyring.shared().signer("memory-test", NodeRole.SERVICE);
    private final List<Envelope> requests = new CopyOnWriteArrayList<>();
    private Dispatcher dispatcher;

    @AfterEach
    void stopAnswering() {
        if (dispatcher != null) {
            connection.closeDispatcher(dispatcher);
        }
    }

    @Test
    void showsTheConversationAsMemoryKeepsIt() throws Exception {
        Instant at = Instant.parse("2025-01-02T03:04:05Z");
        answerMemoryWith(request -> new ConversationHistory(
                "conv-1",
                true,
                List.of(
                        new StoredMessage(
                                1, "e-1", "user", "ezra", new Sender("http", "alice", "alice"), "@ezra hi", at),
                        new StoredMessage(2, "e-2", "assistant", "ezra", null, "hi back", at.plusSeconds(1)))));

        given().header("X-Operator", "alice")
                .queryParam("limit", 50)
                .get(PATH, "conv-1")
                .then()
                .statusCode(200)
                .body("conversationId", equalTo("conv-1"))
                .body("messages", hasSize(2))
                .body("messages[0].seq", equalTo(1))
                .body("messages[0].envelopeId", equalTo("e-1"))
                .body("messages[0].role", equalTo("user"))
                .body("messages[0].house", equalTo("ezra"))
                .body("messages[0].sender.userId", equalTo("alice"))
                .body("messages[0].content", equalTo("@ezra hi"))
                .body("messages[0].at", equalTo("2025-01-02T03:04:05Z"))
                .body("messages[1].content", equalTo("hi back"));

        Envelope request = requests.getFirst();
        assertThat(request.nodeId()).isEqualTo("gateway-test");
        assertThat(request.sender()).isEqualTo(new Sender("http", "alice", "alice"));
        assertThat(EnvelopeCodec.readPayload(request, MemoryHistoryRequest.class))
                .isEqualTo(new MemoryHistoryRequest("conv-1", 50));
    }

    @Test
    void asksForAHundredMessagesByDefault() throws Exception {
        answerMemoryWith(request -> new ConversationHistory("conv-2", true, List.of()));

        given().get(PATH, "conv-2").then().statusCode(200).body("messages", hasSize(0));

        assertThat(EnvelopeCodec.readPayload(requests.getFirst(), MemoryHistoryRequest.class)
                        .limit())
                .isEqualTo(100);
    }

    @Test
    void answers404ForAnUnknownConversation() {
        answerMemoryWith(request -> new ConversationHistory("nope", false, List.of()));

        given().get(PATH, "nope")
                .then()
                .statusCode(404)
                .body("error", equalTo("not_found"))
                .body("message", containsString("nope"));
    }

    @Test
    void answers503WhenMemoryDoesNotAnswer() {
        given().get(PATH, "conv-3")
                .then()
                .statusCode(503)
                .body("error", equalTo("memory_unavailable"))
                .body("message", containsString(subjects.memory("history")));
    }

    @Test
    void refusesABadLimitOrId() {
        given().queryParam("limit", 1001)
                .get(PATH, "conv-4")
                .then()
                .statusCode(400)
                .body("error", equalTo("bad_limit"));
        given().queryParam("limit", "all")
                .get(PATH, "conv-4")
                .then()
                .statusCode(400)
                .body("error", equalTo("bad_limit"));
        given().get(PATH, "a b").then().statusCode(400).body("error", equalTo("bad_conversation_id"));
        assertThat(requests).isEmpty();
    }

    /** Plays memory-svc: answers every history request with what {@code answer} makes, signed as memory-test. */
    private void answerMemoryWith(Function<Envelope, ConversationHistory> answer) {
        dispatcher = connection.createDispatcher(msg -> {
            try {
                Envelope request = EnvelopeCodec.parse(msg.getData()).envelope();
                requests.add(request);
                Envelope reply = memory.next(request, EnvelopeKind.REPLY, null, answer.apply(request), null);
                connection.publish(msg.getReplyTo(), EnvelopeCodec.toBytes(reply));
            } catch (Exception e) {
                throw new IllegalStateException("the test's memory stand-in failed", e);
            }
        });
        dispatcher.subscribe(subjects.memory(Subjects.MEMORY_HISTORY));
    }
}
