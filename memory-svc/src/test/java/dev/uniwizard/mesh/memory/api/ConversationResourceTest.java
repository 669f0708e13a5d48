package dev.uniwizard.mesh.memory.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.MemoryAppendRequest;
import dev.uniwizard.mesh.memory.store.ConversationStore;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {
            @ResourceArg(name = "node", value = "memory-test"),
            @ResourceArg(name = "role", value = "service"),
            @ResourceArg(name = "database", value = "true")
        })
class ConversationResourceTest {

    @Inject
    ConversationStore store;

    @Test
    void returnsTheMessagesOfAConversation() {
        String conversation = "conv-" + UUID.randomUUID();
        long seq = store.append(new MemoryAppendRequest(
                        conversation,
                        "env-1-" + conversation,
                        "user",
                        "ezra",
                        new Sender("http", "alice", "Alice"),
                        "hello",
                        Instant.parse("2026-01-31T12:00:00.123Z")))
                .seq();
        store.append(new MemoryAppendRequest(
                conversation,
                "env-2-" + conversation,
                "assistant",
                "ezra",
                null,
                "hi Alice",
                Instant.parse("2026-01-31T12:00:01Z")));

        given().when()
                .get("/api/v1/conversations/{id}", conversation)
                .then()
                .statusCode(200)
                .body("conversationId", equalTo(conversation))
                .body("messages", hasSize(2))
                .body("messages[0].seq", equalTo((int) seq))
                .body("messages[0].envelopeId", equalTo("env-1-" + conversation))
                .body("messages[0].role", equalTo("user"))
                .body("messages[0].house", equalTo("ezra"))
                .body("messages[0].sender.platform", equalTo("http"))
                .body("messages[0].sender.userId", equalTo("alice"))
                .body("messages[0].sender.displayName", equalTo("Alice"))
                .body("messages[0].content", equalTo("hello"))
                .body("messages[0].at", equalTo("2026-01-31T12:00:00.123Z"))
                .body("messages[0].toolCalls", hasSize(0))
                .body("messages[1].role", equalTo("assistant"))
                .body("messages[1].sender", nullValue())
                .body("messages[1].toolCalls", hasSize(0));

        given().queryParam("limit", 1)
                .when()
                .get("/api/v1/conversations/{id}", conversation)
                .then()
                .statusCode(200)
                .body("messages", hasSize(1))
                .body("messages[0].content", equalTo("hi Alice"));
    }

    @Test
    void anUnknownConversationIs404() {
        given().when()
                .get("/api/v1/conversations/{id}", "no-such-conversation")
                .then()
                .statusCode(404)
                .body("error", equalTo("not_found"))
                .body("message", containsString("no-such-conversation"));
    }

    @Test
    void invalidParametersAre400() {
        given().queryParam("limit", "lots")
                .when()
                .get("/api/v1/conversations")
                .then()
                .statusCode(400)
                .body("error", equalTo("bad_request"))
                .body("message", containsString("limit must be a whole number"));
        given().queryParam("limit", 0)
                .when()
                .get("/api/v1/conversations/{id}", "x")
                .then()
                .statusCode(400)
                .body("message", equalTo("limit must be between 1 and 1000, got 0"));
        given().queryParam("before", "yesterday")
                .when()
                .get("/api/v1/conversations")
                .then()
                .statusCode(400)
                .body("message", containsString("before must be an ISO-8601 instant"));
        given().when()
                .get("/api/v1/conversations/{id}", "c".repeat(129))
                .then()
                .statusCode(400)
                .body("message", containsString("at most 128"));
    }

    @Test
    void listsConversationsNewestFirstInPages() {
        String older = "conv-a-" + UUID.randomUUID();
        String newer = "conv-b-" + UUID.randomUUID();
        store.append(new MemoryAppendRequest(
                older, UUID.randomUUID().toString(), "user", "timmy", null, "1", Instant.now()));
        store.append(
                new MemoryAppendRequest(older, UUID.randomUUID().toString(), "user", "ezra", null, "2", Instant.now()));
        store.append(new MemoryAppendRequest(
                newer, UUID.randomUUID().toString(), "user", "bezalel", null, "3", Instant.now()));

        given().when()
                .get("/api/v1/conversations")
                .then()
                .statusCode(200)
                .body("conversations.id", hasItem(older))
                .body("conversations.find { it.id == '" + older + "' }.messageCount", equalTo(2))
                .body("conversations.find { it.id == '" + older + "' }.lastHouse", equalTo("ezra"))
                .body("conversations.find { it.id == '" + older + "' }.updatedAt", notNullValue());

        String nextBefore = given().queryParam("limit", 1)
                .when()
                .get("/api/v1/conversations")
                .then()
                .statusCode(200)
                .body("conversations", hasSize(1))
                .body("conversations[0].id", equalTo(newer))
                .body("nextBefore", notNullValue())
                .extract()
                .path("nextBefore");
        given().queryParam("before", nextBefore)
                .when()
                .get("/api/v1/conversations")
                .then()
                .statusCode(200)
                .body("conversations.id", not(hasItem(newer)))
                .body("conversations.id", hasItem(older));
    }
}
