package dev.uniwizard.mesh.house.timmy.approvals;

import static dev.uniwizard.mesh.house.timmy.approvals.HouseSide.arguments;
import static dev.uniwizard.mesh.house.timmy.approvals.HouseSide.request;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.core.approval.ApprovalRequest;
import dev.uniwizard.mesh.core.payload.HouseFacts;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.house.health.PendingApprovals;
import dev.uniwizard.mesh.service.health.HeartbeatPublisher;
import dev.uniwizard.mesh.service.security.EnvelopeGuard;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Timmy counts the approval requests waiting for a decision: in its heartbeat's house facts and in the gauge
 * {@code mesh.house.approvals.pending}. A new request adds one, a decision takes it away.
 */
@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {
            @ResourceArg(name = "node", value = "timmy-test"),
            @ResourceArg(name = "role", value = "house"),
            @ResourceArg(name = "database", value = "true")
        })
class PendingApprovalCountTest {

    @Inject
    Connection connection;

    @Inject
    Subjects subjects;

    @Inject
    EnvelopeGuard guard;

    @Inject
    Jdbi jdbi;

    @Inject
    PendingApprovals pending;

    @Inject
    HeartbeatPublisher heartbeat;

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void nothingPending() {
        // Requests other tests left waiting (with no operator to decide them) would blur the count.
        jdbi.useHandle(handle -> handle.execute("UPDATE approvals SET state = 'expired', decided_by = 'test',"
                + " decided_at = now() WHERE state = 'pending'"));
    }

    @Test
    void aRequestIsCountedUntilItIsDecided() throws Exception {
        assertThat(pending.count()).isZero();
        assertThat(facts().pendingApprovals()).isZero();

        ApprovalRequest request = request("file_write", arguments(Map.of("path", "count.md", "content", "one")));
        new HouseSide(connection, subjects, guard).ask(request);

        assertThat(pending.count()).isEqualTo(1);
        assertThat(facts().pendingApprovals()).isEqualTo(1);
        assertThat(facts().mode()).isEqualTo("sovereign");
        assertThat(gauge()).isEqualTo(1);

        given().header("X-Operator", "alice")
                .body("{\"note\": \"counted\"}")
                .when()
                .post("/api/v1/approvals/{id}/deny", request.approvalId())
                .then()
                .statusCode(200);

        assertThat(pending.count()).isZero();
        assertThat(facts().pendingApprovals()).isZero();
        assertThat(gauge()).isZero();
    }

    private HouseFacts facts() {
        return heartbeat.current().house();
    }

    private double gauge() {
        return registry.get(PendingApprovalCount.GAUGE)
                .tag("house", "timmy")
                .gauge()
                .value();
    }
}
