package dev.uniwizard.mesh.house.timmy.approvals.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.core.approval.ApprovalRequest;
import dev.uniwizard.mesh.core.approval.ApprovalState;
import dev.uniwizard.mesh.core.approval.ArgumentsDigest;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.house.timmy.approvals.ApprovalAuthority;
import dev.uniwizard.mesh.house.timmy.approvals.Submission;
import dev.uniwizard.mesh.house.timmy.approvals.store.ApprovalStore;
import dev.uniwizard.mesh.house.timmy.approvals.store.NewApproval;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The operator's HTTP API: what it shows, and every way a decision can be refused. */
@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {
            @ResourceArg(name = "node", value = "timmy-test"),
            @ResourceArg(name = "role", value = "house"),
            @ResourceArg(name = "database", value = "true")
        })
class ApprovalsResourceTest {

    private static final String ISO_INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z";

    private static final Sender ALICE = new Sender("http", "alice", "Alice");

    @Inject
    ApprovalAuthority authority;

    @Inject
    ApprovalStore store;

    @Test
    void showsARequestWithItsArgumentsInFullAndItsHistory() {
        JsonNode arguments = EnvelopeCodec.mapper()
                .valueToTree(Map.of("path", "notes/plan.md", "content", "line 1\nline 2", "append", true));
        ApprovalRequest request = pending("file_write", arguments);

        given().when()
                .get("/api/v1/approvals/{id}", request.approvalId())
                .then()
                .statusCode(200)
                .body("id", equalTo(request.approvalId()))
                .body("house", equalTo("ezra"))
                .body("tool", equalTo("file_write"))
                .body("arguments.path", equalTo("notes/plan.md"))
                .body("arguments.content", equalTo("line 1\nline 2"))
                .body("arguments.append", equalTo(true))
                .body("argumentsDigest", equalTo(request.argumentsDigest()))
                .body("reason", equalTo("write the plan"))
                .body("conversationId", equalTo(request.conversationId()))
                .body("requestedByNode", equalTo("ezra-test"))
                .body("requestedFor.userId", equalTo("alice"))
                .body("state", equalTo("pending"))
                .body("decidedBy", nullValue())
                .body("requestedAt", matchesPattern(ISO_INSTANT))
                .body("expiresAt", matchesPattern(ISO_INSTANT))
                .body("history", hasSize(1))
                .body("history[0].at", matchesPattern(ISO_INSTANT))
                .body("history[0].state", equalTo("pending"))
                .body("history[0].actor", equalTo("house:ezra (node ezra-test)"));
    }

    @Test
    void listsPendingRequestsNewestFirst() {
        ApprovalRequest older = pending("file_write", args("a.md"));
        ApprovalRequest newer = pending("file_write", args("b.md"));
        ApprovalRequest decided = pending("file_write", args("c.md"));
        approve(decided.approvalId(), "{}").statusCode(200);

        List<String> pendingIds = given().when()
                .get("/api/v1/approvals")
                .then()
                .statusCode(200)
                .body("state", equalTo("pending"))
                .body("approvals.state", everyItem(equalTo("pending")))
                .body("approvals.id", not(hasItem(decided.approvalId())))
                .body("approvals[0].history", nullValue())
                .extract()
                .path("approvals.id");
        assertThat(pendingIds).containsSubsequence(newer.approvalId(), older.approvalId());

        given().queryParam("state", "all")
                .queryParam("limit", 3)
                .when()
                .get("/api/v1/approvals")
                .then()
                .statusCode(200)
                .body("state", equalTo("all"))
                .body("count", equalTo(3))
                .body("approvals.id", equalTo(List.of(decided.approvalId(), newer.approvalId(), older.approvalId())));
        given().queryParam("state", "approved")
                .when()
                .get("/api/v1/approvals")
                .then()
                .statusCode(200)
                .body("approvals.id", hasItem(decided.approvalId()))
                .body("approvals.state", everyItem(equalTo("approved")));
    }

    @Test
    void badQueryParametersAreRefused() {
        given().queryParam("state", "maybe")
                .when()
                .get("/api/v1/approvals")
                .then()
                .statusCode(400)
                .body("error", equalTo("bad_state"))
                .body("message", containsString("'maybe'"));
        given().queryParam("limit", "0")
                .when()
                .get("/api/v1/approvals")
                .then()
                .statusCode(400)
                .body("error", equalTo("bad_limit"));
        given().when()
                .get("/api/v1/approvals/{id}", "not an id")
                .then()
                .statusCode(400)
                .body("error", equalTo("bad_approval_id"));
    }

    @Test
    void anUnknownRequestIsNotFound() {
        String id = "never-" + UUID.randomUUID();

        given().when()
                .get("/api/v1/approvals/{id}", id)
                .then()
                .statusCode(404)
                .body("error", equalTo("not_found"))
                .body("message", containsString(id));
        approve(id, "{}").statusCode(404).body("error", equalTo("not_found"));
    }

    @Test
    void aDecisionNeedsAnOperator() {
        ApprovalRequest request = pending("file_write", args("x.md"));

        given().body("{}")
                .when()
                .post("/api/v1/approvals/{id}/approve", request.approvalId())
                .then()
                .statusCode(400)
                .body("error", equalTo("missing_operator"))
                .body("message", containsString("X-Operator"));
        given().header("X-Operator", "bob smith")
                .when()
                .post("/api/v1/approvals/{id}/deny", request.approvalId())
                .then()
                .statusCode(400)
                .body("error", equalTo("bad_operator"));
        assertThat(store.find(request.approvalId()).orElseThrow().state()).isEqualTo(ApprovalState.PENDING);
    }

    @Test
    void aBadBodyIsRefusedAndDecidesNothing() {
        ApprovalRequest request = pending("file_write", args("y.md"));

        approve(request.approvalId(), "{\"note\": ").statusCode(400).body("error", equalTo("invalid_json"));
        approve(request.approvalId(), "[1]").statusCode(400).body("error", equalTo("invalid_json"));
        approve(request.approvalId(), "{\"digest\": \"sha256:00\"}")
                .statusCode(400)
                .body("error", equalTo("unknown_field"))
                .body("message", containsString("'digest'"));
        approve(request.approvalId(), "{\"note\": 5}").statusCode(400).body("error", equalTo("invalid_field"));
        assertThat(store.find(request.approvalId()).orElseThrow().state()).isEqualTo(ApprovalState.PENDING);
    }

    @Test
    void anApprovalIsBoundToTheArgumentsTheOperatorSaw() {
        ApprovalRequest request = pending("file_write", args("z.md"));
        String other = ArgumentsDigest.of(args("other.md"));

        approve(request.approvalId(), "{\"argumentsDigest\": \"" + other + "\"}")
                .statusCode(409)
                .body("error", equalTo("digest_mismatch"))
                .body("state", equalTo("pending"))
                .body("message", containsString(request.argumentsDigest()));
        assertThat(store.find(request.approvalId()).orElseThrow().state()).isEqualTo(ApprovalState.PENDING);

        approve(request.approvalId(), "{\"argumentsDigest\": \"" + request.argumentsDigest() + "\", \"note\": \"ok\"}")
                .statusCode(200)
                .body("state", equalTo("approved"))
                .body("decidedBy", equalTo("operator:carol"))
                .body("note", equalTo("ok"))
                .body("history.state", equalTo(List.of("pending", "approved")))
                .body("history[1].actor", equalTo("operator:carol"));
    }

    @Test
    void aDecidedRequestCannotBeDecidedAgain() {
        ApprovalRequest request = pending("file_write", args("twice.md"));
        approve(request.approvalId(), "").statusCode(200);

        given().header("X-Operator", "dave")
                .when()
                .post("/api/v1/approvals/{id}/deny", request.approvalId())
                .then()
                .statusCode(409)
                .body("error", equalTo("already_decided"))
                .body("state", equalTo("approved"))
                .body("message", containsString("operator:carol"));
        assertThat(store.find(request.approvalId()).orElseThrow().state()).isEqualTo(ApprovalState.APPROVED);
    }

    @Test
    void anExpiredRequestCannotBeDecided() {
        Instant past = Instant.now().minusSeconds(1);
        ApprovalRequest request = request("file_write", args("late.md"), past);
        store.record(new NewApproval(request, "ezra-test", past.minusSeconds(30), null, null));

        approve(request.approvalId(), "{}")
                .statusCode(409)
                .body("error", equalTo("expired"))
                .body("state", equalTo("expired"));
        given().when()
                .get("/api/v1/approvals/{id}", request.approvalId())
                .then()
                .statusCode(200)
                .body("state", equalTo("expired"))
                .body("decidedBy", equalTo("timmy:expiry"))
                .body("history.state", equalTo(List.of("pending", "expired")));
    }

    private static io.restassured.response.ValidatableResponse approve(String id, String body) {
        return given().header("X-Operator", "carol")
                .contentType("application/json")
                .body(body)
                .when()
                .post("/api/v1/approvals/{id}/approve", id)
                .then();
    }

    /** A request recorded as ezra's, waiting for the operator. */
    private ApprovalRequest pending(String tool, JsonNode arguments) {
        ApprovalRequest request = request(tool, arguments, Instant.now().plus(Duration.ofMinutes(10)));
        Submission submission = authority.submit(request, "ezra-test");
        assertThat(submission).isInstanceOf(Submission.Answered.class);
        assertThat(((Submission.Answered) submission).decision().state()).isEqualTo(ApprovalState.PENDING);
        return request;
    }

    private static ApprovalRequest request(String tool, JsonNode arguments, Instant expiresAt) {
        String id = UUID.randomUUID().toString();
        return new ApprovalRequest(
                id,
                "ezra",
                tool,
                arguments,
                ArgumentsDigest.of(arguments),
                "write the plan",
                "conv-" + id,
                "corr-" + id,
                ALICE,
                expiresAt);
    }

    private static JsonNode args(String path) {
        return EnvelopeCodec.mapper().valueToTree(Map.of("path", path, "content", "text"));
    }
}
