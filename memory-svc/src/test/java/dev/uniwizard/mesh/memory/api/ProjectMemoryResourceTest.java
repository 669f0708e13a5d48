package dev.uniwizard.mesh.memory.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.uniwizard.mesh.testkit.MeshTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
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
class ProjectMemoryResourceTest {

    @Inject
    Jdbi jdbi;

    @Test
    void anOperatorPromotesOnceAndReadsTheEntryBack() {
        String project = newProject();
        Map<String, Object> body = Map.of(
                "requestId",
                "op-" + UUID.randomUUID(),
                "project",
                project,
                "memoryType",
                "architecture",
                "content",
                "Memory-svc keeps a hash chain over every stored row.\nCheckpoints are signed.",
                "houses",
                List.of("ezra"),
                "relevanceScore",
                0.8);

        int id = given().header("X-Operator", "alice")
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/memory/entries")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/memory/entries/" + idOf(body)))
                .body("duplicate", equalTo(false))
                .body("entry.project", equalTo(project))
                .body("entry.memoryType", equalTo("architecture"))
                .body("entry.marker", equalTo("Memory-svc keeps a hash chain over every stored row"))
                .body("entry.promotedBy", equalTo("operator:alice"))
                .body("entry.house", nullValue())
                .body("entry.houses", equalTo(List.of("ezra")))
                .body("entry.relevanceScore", equalTo(0.8f))
                .body("entry.active", equalTo(true))
                .body("entry.promotedAt", notNullValue())
                .extract()
                .path("entry.id");
        given().header("X-Operator", "alice")
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/memory/entries")
                .then()
                .statusCode(200)
                .body("duplicate", equalTo(true))
                .body("entry.id", equalTo(id));

        given().when()
                .get("/api/v1/memory/entries/{id}", id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("content", startsWith("Memory-svc keeps a hash chain"));
        assertThat(count("SELECT count(*) FROM project_memory WHERE id = " + id + " AND chain_seq IS NOT NULL"))
                .isEqualTo(1);
    }

    @Test
    void aPromotionWithoutARequestIdGetsOne() {
        String project = newProject();
        Map<String, Object> body = Map.of("project", project, "memoryType", "decision", "content", "Use Jdbi.");

        promote(body).statusCode(201);
        promote(body).statusCode(201);

        assertThat(count("SELECT count(*) FROM project_memory WHERE project = '" + project
                        + "' AND request_id LIKE 'http-%'"))
                .isEqualTo(2);
    }

    @Test
    void entriesAreListedExpiredAndServedAsMarkers() {
        String project = newProject();
        int kept = promote(
                        Map.of("project", project, "memoryType", "decision", "content", "Kept.", "relevanceScore", 0.9))
                .statusCode(201)
                .extract()
                .path("entry.id");
        int dropped = promote(Map.of(
                        "project", project, "memoryType", "pattern", "content", "Dropped.", "houses", List.of("timmy")))
                .statusCode(201)
                .extract()
                .path("entry.id");

        given().queryParam("project", project)
                .when()
                .get("/api/v1/memory/entries")
                .then()
                .statusCode(200)
                .body("project", equalTo(project))
                .body("entries.id", equalTo(List.of(dropped, kept)));
        given().queryParam("project", project)
                .queryParam("type", "decision")
                .when()
                .get("/api/v1/memory/entries")
                .then()
                .body("entries.id", equalTo(List.of(kept)));
        given().queryParam("project", project)
                .queryParam("house", "ezra")
                .when()
                .get("/api/v1/memory/entries")
                .then()
                .body("entries.id", equalTo(List.of(kept)));
        given().queryParam("project", project)
                .queryParam("house", "timmy")
                .queryParam("limit", 5)
                .when()
                .get("/api/v1/memory/markers")
                .then()
                .statusCode(200)
                .body("project", equalTo(project))
                .body("house", equalTo("timmy"))
                .body("lines", hasSize(2))
                .body("lines[0]", startsWith("[MEMORY MARKER] decision #" + kept + " ("))
                .body("lines[0]", endsWith(", operator:bob): Kept"));

        given().header("X-Operator", "bob")
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "no longer true"))
                .when()
                .post("/api/v1/memory/entries/{id}/expire", dropped)
                .then()
                .statusCode(200)
                .body("id", equalTo(dropped))
                .body("active", equalTo(false))
                .body("expiredReason", equalTo("no longer true"))
                .body("expiredAt", notNullValue());
        given().header("X-Operator", "bob")
                .when()
                .post("/api/v1/memory/entries/{id}/expire", dropped)
                .then()
                .statusCode(200)
                .body("expiredReason", equalTo("no longer true"));

        given().queryParam("project", project)
                .queryParam("house", "timmy")
                .when()
                .get("/api/v1/memory/markers")
                .then()
                .body("lines", hasSize(1));
        given().queryParam("project", project)
                .when()
                .get("/api/v1/memory/entries")
                .then()
                .body("entries.id", equalTo(List.of(kept)));
        given().queryParam("project", project)
                .queryParam("includeExpired", "true")
                .when()
                .get("/api/v1/memory/entries")
                .then()
                .body("entries.id", equalTo(List.of(dropped, kept)));
        assertThat(count("SELECT count(*) FROM project_memory_changes WHERE memory_id = " + dropped
                        + " AND changed_by = 'operator:bob' AND chain_seq IS NOT NULL"))
                .isEqualTo(1);
    }

    @Test
    void unknownEntriesAre404AndBadIdsAre400() {
        given().when()
                .get("/api/v1/memory/entries/{id}", 987_654_321)
                .then()
                .statusCode(404)
                .body("error", equalTo("not_found"))
                .body("message", equalTo("there is no memory entry #987654321"));
        given().header("X-Operator", "bob")
                .when()
                .post("/api/v1/memory/entries/{id}/expire", 987_654_321)
                .then()
                .statusCode(404)
                .body("error", equalTo("not_found"));
        given().when()
                .get("/api/v1/memory/entries/{id}", "seven")
                .then()
                .statusCode(400)
                .body("message", equalTo("the entry id must be a positive whole number, got 'seven'"));
    }

    @Test
    void badRequestsAreExplained() {
        String project = newProject();
        given().contentType(ContentType.JSON)
                .body(Map.of("project", project, "memoryType", "decision", "content", "x"))
                .when()
                .post("/api/v1/memory/entries")
                .then()
                .statusCode(400)
                .body("error", equalTo("bad_request"))
                .body("message", startsWith("the X-Operator header is required"));
        promote(Map.of("project", project, "memoryType", "decision", "content", "x".repeat(100_001)))
                .statusCode(413)
                .body("error", equalTo("too_large"))
                .body("message", startsWith("content is 100001 characters long, at most 100000"));
        promote(Map.of("project", project, "memoryType", "rumour", "content", "x"))
                .statusCode(400)
                .body(
                        "message",
                        equalTo("memoryType must be one of decision, pattern, correction, architecture; got 'rumour'"));
        given().queryParam("type", "decision")
                .when()
                .get("/api/v1/memory/entries")
                .then()
                .statusCode(400)
                .body("message", startsWith("project is required"));
        given().queryParam("project", project)
                .queryParam("includeExpired", "maybe")
                .when()
                .get("/api/v1/memory/entries")
                .then()
                .statusCode(400)
                .body("message", equalTo("includeExpired must be true or false, got 'maybe'"));
        given().queryParam("project", project)
                .queryParam("limit", 101)
                .when()
                .get("/api/v1/memory/markers")
                .then()
                .statusCode(400)
                .body("message", equalTo("limit must be between 1 and 100, got 101"));
        given().header("X-Operator", "bob")
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "r".repeat(1001)))
                .when()
                .post("/api/v1/memory/entries/{id}/expire", 1)
                .then()
                .statusCode(413);
        assertThat(count("SELECT count(*) FROM project_memory WHERE project = '" + project + "'"))
                .isZero();
    }

    @Test
    void malformedBodiesAre400SayingWhatIsWrong() {
        given().header("X-Operator", "alice")
                .contentType(ContentType.JSON)
                .body("{\"project\": \"p\", \"memoryType\": ")
                .when()
                .post("/api/v1/memory/entries")
                .then()
                .statusCode(400)
                .body("error", equalTo("bad_request"))
                .body("message", startsWith("the request body is not valid JSON (line 1, column "));
        given().header("X-Operator", "alice")
                .contentType(ContentType.JSON)
                .body("{\"project\": \"p\", \"memoryType\": \"decision\", \"content\": \"x\", \"houses\": \"ezra\"}")
                .when()
                .post("/api/v1/memory/entries")
                .then()
                .statusCode(400)
                .body("error", equalTo("bad_request"))
                .body("message", startsWith("the request body does not fit the request: field 'houses': "));
        given().header("X-Operator", "alice")
                .contentType(ContentType.JSON)
                .body("{\"project\": \"p\", \"memoryType\": \"decision\", \"content\": \"x\","
                        + " \"expiresAt\": \"next week\"}")
                .when()
                .post("/api/v1/memory/entries")
                .then()
                .statusCode(400)
                .body("message", startsWith("the request body does not fit the request: field 'expiresAt': "));
        given().header("X-Operator", "alice")
                .contentType(ContentType.JSON)
                .body("[1, 2]")
                .when()
                .post("/api/v1/memory/entries")
                .then()
                .statusCode(400)
                .body("message", startsWith("the request body does not fit the request"));
        given().header("X-Operator", "alice")
                .contentType(ContentType.JSON)
                .when()
                .post("/api/v1/memory/entries")
                .then()
                .statusCode(400)
                .body("message", startsWith("a JSON body is required"));
        given().header("X-Operator", "bob")
                .contentType(ContentType.JSON)
                .body("{\"reason\": ")
                .when()
                .post("/api/v1/memory/entries/{id}/expire", 1)
                .then()
                .statusCode(400)
                .body("message", containsString("not valid JSON"));
        given().header("X-Operator", "alice")
                .contentType(ContentType.JSON)
                .body(
                        "{\"project\": \"p\", \"memoryType\": \"decision\", \"content\": \"x\", \"houses\": [\"a\", null]}")
                .when()
                .post("/api/v1/memory/entries")
                .then()
                .statusCode(400)
                .body("message", startsWith("the request body does not fit the request"));
        given().when().get("/api/v1/memory/no-such-thing").then().statusCode(404);
        given().queryParam("project", "p")
                .when()
                .get("/api/v1/memory/entries")
                .then()
                .statusCode(200)
                .body("entries", empty());
    }

    private io.restassured.response.ValidatableResponse promote(Map<String, Object> body) {
        return given().header("X-Operator", "bob")
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/memory/entries")
                .then();
    }

    private int idOf(Map<String, Object> body) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM project_memory WHERE request_id = :r")
                .bind("r", body.get("requestId"))
                .mapTo(Integer.class)
                .one());
    }

    private int count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private static String newProject() {
        return "org/repo-" + UUID.randomUUID();
    }
}
