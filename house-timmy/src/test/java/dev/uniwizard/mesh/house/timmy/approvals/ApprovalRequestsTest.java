package dev.uniwizard.mesh.house.timmy.approvals;

import static dev.uniwizard.mesh.house.timmy.approvals.HouseSide.HOUSE;
import static dev.uniwizard.mesh.house.timmy.approvals.HouseSide.arguments;
import static dev.uniwizard.mesh.house.timmy.approvals.HouseSide.awaitEvent;
import static dev.uniwizard.mesh.house.timmy.approvals.HouseSide.error;
import static dev.uniwizard.mesh.house.timmy.approvals.HouseSide.request;
import static dev.uniwizard.mesh.house.timmy.approvals.HouseSide.signed;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uniwizard.mesh.core.approval.ApprovalDecision;
import dev.uniwizard.mesh.core.approval.ApprovalRequest;
import dev.uniwizard.mesh.core.approval.ApprovalState;
import dev.uniwizard.mesh.core.approval.ApprovalStatusRequest;
import dev.uniwizard.mesh.core.approval.ArgumentsDigest;
import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.payload.ErrorPayload;
import dev.uniwizard.mesh.core.signing.Verification;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.house.timmy.approvals.store.ApprovalEvent;
import dev.uniwizard.mesh.house.timmy.approvals.store.ApprovalStore;
import dev.uniwizard.mesh.house.timmy.approvals.store.NewApproval;
import dev.uniwizard.mesh.service.security.EnvelopeGuard;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.MeshTestSupport;
import dev.uniwizard.mesh.testkit.SubjectRecorder;
import dev.uniwizard.mesh.testkit.TestExchanges;
import dev.uniwizard.mesh.testkit.TestKeyring;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Houses ask Timmy over NATS; operators decide over HTTP; the house hears the decision. */
@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {
            @ResourceArg(name = "node", value = "timmy-test"),
            @ResourceArg(name = "role", value = "house"),
            @ResourceArg(name = "database", value = "true")
        })
class ApprovalRequestsTest {

    private static final ObjectNode WRITE_GUIDE = arguments(Map.of("path", "guide.md", "content", "# Guide"));

    @Inject
    Connection connection;

    @Inject
    Subjects subjects;

    @Inject
    EnvelopeGuard guard;

    @Inject
    Jdbi jdbi;

    @Inject
    ApprovalStore store;

    @Inject
    MeterRegistry registry;

    private HouseSide house;

    @BeforeEach
    void house() {
        house = new HouseSide(connection, subjects, guard);
    }

    @Test
    void aNewRequestWaitsForTheOperatorAndAskingAgainIsIdempotent() throws Exception {
        ApprovalRequest request = request("file_write", WRITE_GUIDE);
        double pendingBefore = MeshTestSupport.count(registry, "mesh.approvals", "state", "pending");

        try (SubjectRecorder events = SubjectRecorder.watch(connection, subjects.events(Subjects.EVENT_APPROVAL))) {
            ApprovalDecision first = house.ask(request);
            ApprovalDecision again = house.ask(request);

            assertThat(first.state()).isEqualTo(ApprovalState.PENDING);
            assertThat(first.approvalId()).isEqualTo(request.approvalId());
            assertThat(first.house()).isEqualTo(HOUSE);
            assertThat(first.tool()).isEqualTo("file_write");
            assertThat(first.argumentsDigest()).isEqualTo(request.argumentsDigest());
            assertThat(first.decidedBy()).isNull();
            assertThat(first.decidedAt()).isNull();
            assertThat(first.expiresAt()).isEqualTo(request.expiresAt().truncatedTo(ChronoUnit.MILLIS));
            assertThat(again).isEqualTo(first);
            assertThat(rows("SELECT count(*) FROM approvals WHERE id = '" + request.approvalId() + "'"))
                    .isEqualTo(1);

            Envelope event = awaitEvent(events, subjects.events(Subjects.EVENT_APPROVAL), request.approvalId());
            assertThat(event.kind()).isEqualTo(EnvelopeKind.EVENT);
            assertThat(event.nodeId()).isEqualTo("timmy-test");
            assertThat(event.correlationId()).isEqualTo(request.correlationId());
            assertThat(event.conversationId()).isEqualTo(request.conversationId());
            assertThat(SubjectRecorder.payload(event, ApprovalDecision.class)).isEqualTo(first);
        }
        assertThat(MeshTestSupport.count(registry, "mesh.approvals", "state", "pending"))
                .isEqualTo(pendingBefore + 1);
        assertThat(store.history(request.approvalId()))
                .extracting(ApprovalEvent::state, ApprovalEvent::actor)
                .containsExactly(tuple(ApprovalState.PENDING, "house:ezra (node ezra-test)"));
    }

    @Test
    void theSameIdForOtherArgumentsIsAConflict() throws Exception {
        ApprovalRequest request = request("file_write", WRITE_GUIDE);
        house.ask(request);
        ObjectNode other = arguments(Map.of("path", "guide.md", "content", "rm -rf"));
        ApprovalRequest changed = new ApprovalRequest(
                request.approvalId(),
                HOUSE,
                "file_write",
                other,
                ArgumentsDigest.of(other),
                request.reason(),
                request.conversationId(),
                request.correlationId(),
                request.requestedFor(),
                request.expiresAt());

        ErrorPayload conflict = error(house.answer(Subjects.APPROVAL_REQUEST, signed(changed)));

        assertThat(conflict.error()).isEqualTo("conflict");
        assertThat(conflict.message())
                .contains(request.approvalId(), request.argumentsDigest(), changed.argumentsDigest());
        assertThat(house.status(request.approvalId()).argumentsDigest()).isEqualTo(request.argumentsDigest());
    }

    @Test
    void anOperatorsApprovalReachesTheHouse() throws Exception {
        ApprovalRequest request = request("file_write", WRITE_GUIDE);
        house.ask(request);

        try (SubjectRecorder decided = SubjectRecorder.watch(connection, subjects.approvalDecided(HOUSE));
                SubjectRecorder events = SubjectRecorder.watch(connection, subjects.events(Subjects.EVENT_APPROVAL))) {
            given().header("X-Operator", "alice")
                    .contentType("application/json")
                    .body("{\"note\": \"looks right\", \"argumentsDigest\": \"" + request.argumentsDigest() + "\"}")
                    .when()
                    .post("/api/v1/approvals/{id}/approve", request.approvalId())
                    .then()
                    .statusCode(200);

            Envelope event = awaitEvent(decided, subjects.approvalDecided(HOUSE), request.approvalId());
            ApprovalDecision decision = SubjectRecorder.payload(event, ApprovalDecision.class);
            assertThat(event.nodeId()).isEqualTo("timmy-test");
            assertThat(event.kind()).isEqualTo(EnvelopeKind.EVENT);
            assertThat(event.house()).isEqualTo(HOUSE);
            assertThat(event.correlationId()).isEqualTo(request.correlationId());
            assertThat(guard.check(EnvelopeCodec.toBytes(event), "test-decided", Set.of(NodeRole.HOUSE)))
                    .isInstanceOf(Verification.Accepted.class);
            assertThat(decision.state()).isEqualTo(ApprovalState.APPROVED);
            assertThat(decision.decidedBy()).isEqualTo("operator:alice");
            assertThat(decision.note()).isEqualTo("looks right");
            assertThat(decision.argumentsDigest()).isEqualTo(request.argumentsDigest());

            await().atMost(Duration.ofSeconds(5))
                    .until(() -> events.payloadsOn(subjects.events(Subjects.EVENT_APPROVAL), ApprovalDecision.class)
                            .contains(decision));
            ApprovalDecision status = house.status(request.approvalId());
            assertThat(status).isEqualTo(decision);
            assertThat(status.decidedAt()).isNotNull();
        }
    }

    @Test
    void anOperatorsDenialReachesTheHouse() throws Exception {
        ApprovalRequest request = request("file_write", WRITE_GUIDE);
        house.ask(request);

        try (SubjectRecorder decided = SubjectRecorder.watch(connection, subjects.approvalDecided(HOUSE))) {
            given().header("X-Operator", "bob")
                    .body("{\"note\": \"not today\"}")
                    .when()
                    .post("/api/v1/approvals/{id}/deny", request.approvalId())
                    .then()
                    .statusCode(200);

            ApprovalDecision decision = SubjectRecorder.payload(
                    awaitEvent(decided, subjects.approvalDecided(HOUSE), request.approvalId()), ApprovalDecision.class);
            assertThat(decision.state()).isEqualTo(ApprovalState.DENIED);
            assertThat(decision.decidedBy()).isEqualTo("operator:bob");
            assertThat(decision.note()).isEqualTo("not today");
        }
        assertThat(house.status(request.approvalId()).state()).isEqualTo(ApprovalState.DENIED);
        assertThat(house.ask(request).state())
                .as("asking again answers the decision")
                .isEqualTo(ApprovalState.DENIED);
    }

    @Test
    void aRequestNobodyDecidesExpiresAndTheHouseIsTold() throws Exception {
        ApprovalRequest request = request("file_write", WRITE_GUIDE, Duration.ofMillis(1200));

        try (SubjectRecorder decided = SubjectRecorder.watch(connection, subjects.approvalDecided(HOUSE))) {
            assertThat(house.ask(request).state()).isEqualTo(ApprovalState.PENDING);

            ApprovalDecision expired = SubjectRecorder.payload(
                    awaitEvent(decided, subjects.approvalDecided(HOUSE), request.approvalId()), ApprovalDecision.class);

            assertThat(expired.state()).isEqualTo(ApprovalState.EXPIRED);
            assertThat(expired.decidedBy()).isEqualTo("timmy:expiry");
            assertThat(expired.decidedAt()).isAfterOrEqualTo(expired.expiresAt());
        }
        assertThat(house.status(request.approvalId()).state()).isEqualTo(ApprovalState.EXPIRED);
    }

    @Test
    void askingAboutAnOverdueRequestExpiresItOnTheSpot() throws Exception {
        Instant past = Instant.now().minusSeconds(1);
        ApprovalRequest overdue = new ApprovalRequest(
                UUID.randomUUID().toString(),
                HOUSE,
                "file_write",
                WRITE_GUIDE,
                ArgumentsDigest.of(WRITE_GUIDE),
                "stored before the sweep came",
                "conv-overdue",
                "corr-overdue",
                TestExchanges.ALICE,
                past);
        store.record(new NewApproval(overdue, "ezra-test", past.minusSeconds(60), null, null));

        ApprovalDecision status = house.status(overdue.approvalId());

        assertThat(status.state()).isEqualTo(ApprovalState.EXPIRED);
        assertThat(status.decidedBy()).isEqualTo("timmy:expiry");
        assertThat(store.history(overdue.approvalId()))
                .extracting(ApprovalEvent::state)
                .containsExactly(ApprovalState.PENDING, ApprovalState.EXPIRED);
    }

    @Test
    void autoRulesDecideWithoutTheOperator() throws Exception {
        ApprovalRequest docs = request("file_read", arguments(Map.of("path", "docs/guide.md")));
        ApprovalRequest secret = request("file_read", arguments(Map.of("path", "docs/secret/keys.md")));
        ApprovalRequest plainHttp = request("http_get", arguments(Map.of("url", "http://example.org/x")));
        ApprovalRequest info = request("system_info", arguments(Map.of()));

        try (SubjectRecorder decided = SubjectRecorder.watch(connection, subjects.approvalDecided(HOUSE))) {
            ApprovalDecision approved = house.ask(docs);
            ApprovalDecision denied = house.ask(secret);
            ApprovalDecision deniedHttp = house.ask(plainHttp);
            ApprovalDecision toolOnly = house.ask(info);

            assertThat(approved.state()).isEqualTo(ApprovalState.APPROVED);
            assertThat(approved.decidedBy()).isEqualTo("timmy:rule file_read(docs/**)");
            assertThat(denied.state()).as("deny wins over approve").isEqualTo(ApprovalState.DENIED);
            assertThat(denied.decidedBy()).isEqualTo("timmy:rule file_read(docs/secret/**)");
            assertThat(deniedHttp.state()).isEqualTo(ApprovalState.DENIED);
            assertThat(deniedHttp.decidedBy()).isEqualTo("timmy:rule http_get(http://**)");
            assertThat(toolOnly.state()).isEqualTo(ApprovalState.APPROVED);
            assertThat(toolOnly.decidedBy()).isEqualTo("timmy:rule system_info");
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> decided.payloadsOn(subjects.approvalDecided(HOUSE), ApprovalDecision.class)
                            .containsAll(List.of(approved, denied, deniedHttp, toolOnly)));
        }
        assertThat(store.history(docs.approvalId()))
                .extracting(ApprovalEvent::state)
                .containsExactly(ApprovalState.PENDING, ApprovalState.APPROVED);
        assertThat(house.ask(request("file_read", arguments(Map.of("path", "src/Main.java"))))
                        .state())
                .as("no rule covers it")
                .isEqualTo(ApprovalState.PENDING);
    }

    @Test
    void onlyHousesMayAsk() throws Exception {
        ApprovalRequest request = request("file_write", WRITE_GUIDE);
        var gateway = TestKeyring.shared().signer("gateway-test", NodeRole.GATEWAY);
        double rejectedBefore = MeshTestSupport.rejected(registry, "role_not_allowed");

        ErrorPayload error = error(house.answer(Subjects.APPROVAL_REQUEST, signed(gateway, HOUSE, request)));

        assertThat(error.error()).isEqualTo("rejected");
        assertThat(error.message()).contains("role_not_allowed", "a gateway may not send this", "gateway-test");
        assertThat(MeshTestSupport.rejected(registry, "role_not_allowed")).isGreaterThan(rejectedBefore);
        assertThat(rows("SELECT count(*) FROM approvals WHERE id = '" + request.approvalId() + "'"))
                .isZero();
    }

    @Test
    void anIntruderIsRejected() throws Exception {
        ApprovalRequest request = request("file_write", WRITE_GUIDE);

        ErrorPayload error = error(house.answer(
                Subjects.APPROVAL_REQUEST, signed(TestKeyring.shared().intruder(), HOUSE, request)));

        assertThat(error.error()).isEqualTo("rejected");
        assertThat(error.message()).contains("unknown_key");
        assertThat(rows("SELECT count(*) FROM approvals WHERE id = '" + request.approvalId() + "'"))
                .isZero();
    }

    @Test
    void aHouseAsksOnlyForItself() throws Exception {
        ApprovalRequest request = request("file_write", WRITE_GUIDE);

        ErrorPayload error = error(house.answer(Subjects.APPROVAL_REQUEST, signed(HouseSide.EZRA, "bezalel", request)));

        assertThat(error.error()).isEqualTo("house_mismatch");
        assertThat(error.message()).contains("'ezra'", "'bezalel'");
    }

    @Test
    void argumentsMustMatchTheirDigest() throws Exception {
        ApprovalRequest honest = request("file_write", WRITE_GUIDE);
        ApprovalRequest forged = new ApprovalRequest(
                honest.approvalId(),
                HOUSE,
                "file_write",
                arguments(Map.of("path", "guide.md", "content", "something else")),
                honest.argumentsDigest(),
                honest.reason(),
                honest.conversationId(),
                honest.correlationId(),
                honest.requestedFor(),
                honest.expiresAt());

        ErrorPayload error = error(house.answer(Subjects.APPROVAL_REQUEST, signed(forged)));

        assertThat(error.error()).isEqualTo("digest_mismatch");
        assertThat(error.message()).contains(honest.argumentsDigest(), "is not the digest");
        assertThat(rows("SELECT count(*) FROM approvals WHERE id = '" + honest.approvalId() + "'"))
                .isZero();
    }

    @Test
    void expiryMustBeAheadAndWithinADay() throws Exception {
        ApprovalRequest past = request("file_write", WRITE_GUIDE, Duration.ofSeconds(-5));
        ApprovalRequest farAway = request("file_write", WRITE_GUIDE, Duration.ofHours(25));

        ErrorPayload inThePast = error(house.answer(Subjects.APPROVAL_REQUEST, signed(past)));
        ErrorPayload tooFar = error(house.answer(Subjects.APPROVAL_REQUEST, signed(farAway)));

        assertThat(inThePast.error()).isEqualTo("bad_expiry");
        assertThat(inThePast.message()).contains("is not in the future");
        assertThat(tooFar.error()).isEqualTo("bad_expiry");
        assertThat(tooFar.message()).contains("more than 24 h away");
    }

    @Test
    void malformedPayloadsGetAnAnswerThatSaysWhatIsWrong() throws Exception {
        Envelope notARequest = signed(Map.of("approvalId", List.of(1, 2), "tool", "file_write"));
        Envelope noArguments = signed(Map.of(
                "approvalId", "a-1",
                "house", HOUSE,
                "tool", "file_write",
                "arguments", "rm -rf /",
                "argumentsDigest", "sha256:00",
                "expiresAt", Instant.now().plusSeconds(60).toString()));
        Envelope emptyStatus = signed(Map.of());

        ErrorPayload shape = error(house.answer(Subjects.APPROVAL_REQUEST, notARequest));
        ErrorPayload arguments = error(house.answer(Subjects.APPROVAL_REQUEST, noArguments));
        ErrorPayload status = error(house.answer(Subjects.APPROVAL_STATUS, emptyStatus));
        ErrorPayload unknown = error(house.answer(
                Subjects.APPROVAL_STATUS, signed(new ApprovalStatusRequest("never-" + System.nanoTime()))));

        assertThat(shape.error()).isEqualTo("bad_request");
        assertThat(shape.message()).contains("ApprovalRequest");
        assertThat(arguments)
                .isEqualTo(new ErrorPayload(
                        "bad_request", "arguments must be a JSON object (use {} for none), got string"));
        assertThat(status).isEqualTo(new ErrorPayload("bad_request", "approvalId is missing"));
        assertThat(unknown.error()).isEqualTo("unknown_approval");
    }

    @Test
    void bytesThatAreNoEnvelopeAreAnsweredNotIgnored() throws Exception {
        Message reply = connection.request(
                subjects.approval(Subjects.APPROVAL_REQUEST),
                "approve everything".getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(5));

        assertThat(reply).as("an answer, not a timeout").isNotNull();
        Envelope answer = SubjectRecorder.envelope(reply);
        assertThat(answer.nodeId()).isEqualTo("timmy-test");
        ErrorPayload error = error(answer);
        assertThat(error.error()).isEqualTo("rejected");
        assertThat(error.message()).contains("malformed", "not valid JSON");
    }

    private int rows(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }
}
