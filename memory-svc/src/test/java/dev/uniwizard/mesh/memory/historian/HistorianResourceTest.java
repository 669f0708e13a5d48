package dev.uniwizard.mesh.memory.historian;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.uniwizard.mesh.memory.store.ConversationStore;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(HistorianTestProfile.class)
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {
            @ResourceArg(name = "node", value = "memory-test"),
            @ResourceArg(name = "role", value = "service"),
            @ResourceArg(name = "database", value = "true")
        })
@WithTestResource(ScriptedModelResource.class)
class HistorianResourceTest {

    @Inject
    ConversationStore store;

    @Inject
    Jdbi jdbi;

    @Test
    void runsTheHistorianAndListsSummariesNewestFirstWithProvenance() {
        TestConversations conversations = new TestConversations(store, jdbi);
        String id = TestConversations.newId("http");
        List<Long> first = conversations.talk(id, "timmy", 3, Instant.parse("2026-03-01T10:00:00Z"));
        conversations.makeIdle(id);

        given().when()
                .post("/api/v1/memory/historian/run")
                .then()
                .statusCode(200)
                .body("startedAt", notNullValue())
                .body("summarized.conversationId", hasItem(id))
                .body("summarized.find { it.conversationId == '" + id + "' }.method", equalTo("extractive"))
                .body("summarized.find { it.conversationId == '" + id + "' }.messageCount", equalTo(3))
                .body("failed", hasSize(0))
                .body("messagesPruned", equalTo(0))
                .body("pruneError", nullValue());

        List<Long> second = conversations.talk(id, "timmy", 4, Instant.parse("2026-03-02T10:00:00Z"));
        conversations.makeIdle(id);
        given().when().post("/api/v1/memory/historian/run").then().statusCode(200);

        given().queryParam("conversation", id)
                .when()
                .get("/api/v1/memory/summaries")
                .then()
                .statusCode(200)
                .body("conversationId", equalTo(id))
                .body("summaries", hasSize(2))
                .body("summaries[0].conversationId", equalTo(id))
                .body("summaries[0].house", equalTo("timmy"))
                .body("summaries[0].method", equalTo("extractive"))
                .body("summaries[0].model", nullValue())
                .body("summaries[0].firstSeq", equalTo(second.getFirst().intValue()))
                .body("summaries[0].lastSeq", equalTo(second.getLast().intValue()))
                .body("summaries[0].messageCount", equalTo(4))
                .body("summaries[0].sourceSeqs", contains(ints(second)))
                .body("summaries[0].summary", containsString("Conversation " + id + ": 4 messages"))
                .body("summaries[0].createdAt", notNullValue())
                .body("summaries[0].chainSeq", notNullValue())
                .body("summaries[0].hash", notNullValue())
                .body("summaries[1].sourceSeqs", contains(ints(first)));

        given().queryParam("conversation", id)
                .queryParam("limit", 1)
                .when()
                .get("/api/v1/memory/summaries")
                .then()
                .statusCode(200)
                .body("summaries", hasSize(1))
                .body("summaries[0].lastSeq", equalTo(second.getLast().intValue()));
    }

    @Test
    void aConversationWithoutSummariesHasAnEmptyListAndAnUnknownOneIs404() {
        String id = TestConversations.newId("fresh");
        new TestConversations(store, jdbi).talk(id, "timmy", 1, Instant.now());

        given().queryParam("conversation", id)
                .when()
                .get("/api/v1/memory/summaries")
                .then()
                .statusCode(200)
                .body("summaries", hasSize(0));
        given().queryParam("conversation", "no-such-conversation")
                .when()
                .get("/api/v1/memory/summaries")
                .then()
                .statusCode(404)
                .body("error", equalTo("not_found"))
                .body("message", equalTo("there is no conversation 'no-such-conversation'"));
    }

    @Test
    void badParametersAre400() {
        given().when()
                .get("/api/v1/memory/summaries")
                .then()
                .statusCode(400)
                .body("error", equalTo("bad_request"))
                .body("message", containsString("the query parameter conversation is required"));
        given().queryParam("conversation", "c".repeat(129))
                .when()
                .get("/api/v1/memory/summaries")
                .then()
                .statusCode(400)
                .body("message", equalTo("conversation is 129 characters long, at most 128 are allowed"));
        given().queryParam("conversation", "x")
                .queryParam("limit", "many")
                .when()
                .get("/api/v1/memory/summaries")
                .then()
                .statusCode(400)
                .body("message", containsString("limit must be a whole number"));
        given().queryParam("conversation", "x")
                .queryParam("limit", 0)
                .when()
                .get("/api/v1/memory/summaries")
                .then()
                .statusCode(400)
                .body("message", equalTo("limit must be between 1 and 1000, got 0"));
    }

    private static Integer[] ints(List<Long> seqs) {
        return seqs.stream().map(Long::intValue).toArray(Integer[]::new);
    }
}
