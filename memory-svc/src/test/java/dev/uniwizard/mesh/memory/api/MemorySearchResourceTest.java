package dev.uniwizard.mesh.memory.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.uniwizard.mesh.core.memory.PromoteRequest;
import dev.uniwizard.mesh.core.payload.MemoryAppendRequest;
import dev.uniwizard.mesh.memory.project.ProjectMemoryStore;
import dev.uniwizard.mesh.memory.project.Promotion;
import dev.uniwizard.mesh.memory.project.Requester;
import dev.uniwizard.mesh.memory.store.ConversationStore;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {
            @ResourceArg(name = "node", value = "memory-test"),
            @ResourceArg(name = "role", value = "service"),
            @ResourceArg(name = "database", value = "true")
        })
class MemorySearchResourceTest {

    private static final Instant T0 = Instant.parse("2026-02-01T10:00:00Z");

    @Inject
    ConversationStore conversations;

    @Inject
    ProjectMemoryStore projectMemory;

    @Test
    void searchesWithHighlightedSnippets() {
        String word = uniqueWord();
        String conversation = "conv-" + UUID.randomUUID();
        long seq = message(conversation, "ezra", "The " + word + " deploy was failing all morning", T0);

        given().queryParam("q", word + " failed")
                .when()
                .get("/api/v1/memory/search")
                .then()
                .statusCode(200)
                .body("query", equalTo(word + " failed"))
                .body("scope", equalTo("all"))
                .body("note", nullValue())
                .body("hits", hasSize(1))
                .body("hits[0].kind", equalTo("message"))
                .body("hits[0].id", equalTo((int) seq))
                .body("hits[0].conversationId", equalTo(conversation))
                .body("hits[0].house", equalTo("ezra"))
                .body("hits[0].role", equalTo("user"))
                .body("hits[0].at", equalTo("2026-02-01T10:00:00Z"))
                .body("hits[0].snippet", equalTo("«" + word + "» deploy was «failing» all morning"));
    }

    @Test
    void filtersAreQueryParameters() {
        String word = uniqueWord();
        String project = "org/" + word;
        String first = "conv-" + UUID.randomUUID();
        long ezraSeq = message(first, "ezra", word + " in the first conversation", T0);
        long timmySeq = message("conv-" + UUID.randomUUID(), "timmy", word + " said later", T0.plusSeconds(60));
        long entry = projectMemory
                .promote(Promotion.of(
                        new PromoteRequest(
                                UUID.randomUUID().toString(),
                                project,
                                "decision",
                                word + " is remembered",
                                null,
                                List.of(),
                                null,
                                List.of(),
                                null,
                                null),
                        Requester.operator("test"),
                        240))
                .entry()
                .id();

        search(word, "scope", "messages").body("hits", hasSize(2));
        search(word, "house", "timmy").body("hits", hasSize(1)).body("hits[0].id", equalTo((int) timmySeq));
        search(word, "conversation", first).body("hits", hasSize(1)).body("hits[0].id", equalTo((int) ezraSeq));
        search(word, "project", project)
                .body("hits", hasSize(1))
                .body("hits[0].kind", equalTo("memory"))
                .body("hits[0].id", equalTo((int) entry))
                .body("hits[0].project", equalTo(project))
                .body("hits[0].memoryType", equalTo("decision"));
        search(word, "from", "2026-02-01T10:00:30Z").body("hits", hasSize(2)); // timmy's message and the memory
        given().queryParam("q", word)
                .queryParam("scope", "messages")
                .queryParam("to", "2026-02-01T10:00:30Z")
                .when()
                .get("/api/v1/memory/search")
                .then()
                .statusCode(200)
                .body("hits", hasSize(1))
                .body("hits[0].id", equalTo((int) ezraSeq));
        search(word, "limit", "1").body("hits", hasSize(1));
    }

    @Test
    void anyTextIsAnsweredAndStopWordsGetANote() {
        for (String q : List.of("' OR 1=1 --", "a & | ! :* (", "\"", "ошибка 数据库 خطأ σφάλμα 🚀")) {
            given().queryParam("q", q)
                    .when()
                    .get("/api/v1/memory/search")
                    .then()
                    .statusCode(200)
                    .body("query", equalTo(q));
        }
        given().urlEncodingEnabled(false)
                .when()
                .get("/api/v1/memory/search?q=%ED%A0%BD%FF")
                .then()
                .statusCode(200);
        given().queryParam("q", "the of and")
                .when()
                .get("/api/v1/memory/search")
                .then()
                .statusCode(200)
                .body("hits", hasSize(0))
                .body("note", equalTo("the query has no searchable words (only stop words or punctuation)"));
    }

    @Test
    void badParametersAreExplained() {
        given().when()
                .get("/api/v1/memory/search")
                .then()
                .statusCode(400)
                .body("error", equalTo("bad_request"))
                .body("message", equalTo("query is required: the words to look for"));
        given().queryParam("q", "q".repeat(1001))
                .when()
                .get("/api/v1/memory/search")
                .then()
                .statusCode(413)
                .body("error", equalTo("too_large"))
                .body("message", equalTo("query is 1001 characters long, at most 1000 are allowed"));
        given().urlEncodingEnabled(false)
                .when()
                .get("/api/v1/memory/search?q=nul%00byte")
                .then()
                .statusCode(400)
                .body("message", startsWith("query contains a NUL character (\\u0000)"));
        search("x", "scope", "web")
                .statusCode(400)
                .body("message", equalTo("scope must be one of all, messages, memory, summaries; got 'web'"));
        search("x", "limit", "lots").statusCode(400).body("message", containsString("limit must be a whole number"));
        search("x", "limit", "101")
                .statusCode(400)
                .body("message", equalTo("limit must be between 1 and 100, got 101"));
        search("x", "from", "yesterday")
                .statusCode(400)
                .body("message", startsWith("from must be an ISO-8601 instant"));
        search("x", "house", "Ezra!").statusCode(400).body("message", containsString("is not a house name"));
        given().queryParam("q", "x")
                .queryParam("scope", "summaries")
                .queryParam("project", "org/repo")
                .when()
                .get("/api/v1/memory/search")
                .then()
                .statusCode(400)
                .body("message", startsWith("project filters project memory only"));
    }

    private io.restassured.response.ValidatableResponse search(String q, String name, String value) {
        return given().queryParam("q", q)
                .queryParam(name, value)
                .when()
                .get("/api/v1/memory/search")
                .then();
    }

    private long message(String conversation, String house, String content, Instant at) {
        return conversations
                .append(new MemoryAppendRequest(
                        conversation, UUID.randomUUID().toString(), "user", house, null, content, at))
                .seq();
    }

    private static String uniqueWord() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }
}
