package dev.uniwizard.mesh.house.timmy.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uniwizard.mesh.core.approval.ApprovalDecision;
import dev.uniwizard.mesh.core.approval.ApprovalRequest;
import dev.uniwizard.mesh.core.approval.ApprovalStatusRequest;
import dev.uniwizard.mesh.core.approval.ArgumentsDigest;
import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.payload.ErrorPayload;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.signing.Verification;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.service.security.EnvelopeGuard;
import dev.uniwizard.mesh.testkit.SubjectRecorder;
import dev.uniwizard.mesh.testkit.TestExchanges;
import dev.uniwizard.mesh.testkit.TestKeyring;
import io.nats.client.Connection;
import io.nats.client.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What a house does towards Timmy in the tests: asks for approvals over NATS, signed as ezra-test. */
final class HouseSide {

    static final String HOUSE = "ezra";
    static final EnvelopeSigner EZRA = TestKeyring.shared().signer("ezra-test", NodeRole.HOUSE);

    private final Connection connection;
    private final Subjects subjects;
    private final EnvelopeGuard guard;

    HouseSide(Connection connection, Subjects subjects, EnvelopeGuard guard) {
        this.connection = connection;
        this.subjects = subjects;
        this.guard = guard;
    }

    static ObjectNode arguments(Map<String, Object> values) {
        return EnvelopeCodec.mapper().valueToTree(values);
    }

    /** A request of ezra for {@code tool}, waiting up to {@code wait}. */
    static ApprovalRequest request(String tool, JsonNode arguments, Duration wait) {
        String id = UUID.randomUUID().toString();
        return new ApprovalRequest(
                id,
                HOUSE,
                tool,
                arguments,
                ArgumentsDigest.of(arguments),
                "the operator asked to change the docs",
                "conv-" + id,
                "corr-" + id,
                TestExchanges.ALICE,
                Instant.now().plus(wait));
    }

    static ApprovalRequest request(String tool, JsonNode arguments) {
        return request(tool, arguments, Duration.ofMinutes(10));
    }

    /** A fresh envelope (as a house sends each attempt) from ezra, naming ezra as its house. */
    static Envelope signed(Object payload) {
        return signed(EZRA, HOUSE, payload);
    }

    static Envelope signed(EnvelopeSigner signer, String house, Object payload) {
        return signer.originate(EnvelopeKind.TASK, "conv-approvals", house, TestExchanges.ALICE, payload, null);
    }

    ApprovalDecision ask(ApprovalRequest request) throws Exception {
        return decision(answer(Subjects.APPROVAL_REQUEST, signed(request)));
    }

    ApprovalDecision status(String approvalId) throws Exception {
        return decision(answer(Subjects.APPROVAL_STATUS, signed(new ApprovalStatusRequest(approvalId))));
    }

    /** Sends a request and returns the answer after checking that timmy-test signed it. */
    Envelope answer(String op, Envelope request) throws Exception {
        Message reply =
                connection.request(subjects.approval(op), EnvelopeCodec.toBytes(request), Duration.ofSeconds(5));
        assertThat(reply).as("answer to %s %s", op, request.id()).isNotNull();
        Verification verification = guard.check(reply.getData(), "test-answers", Set.of(NodeRole.HOUSE));
        assertThat(verification).isInstanceOf(Verification.Accepted.class);
        Envelope answer = ((Verification.Accepted) verification).envelope();
        assertThat(answer.nodeId()).isEqualTo("timmy-test");
        assertThat(answer.kind()).isEqualTo(EnvelopeKind.REPLY);
        assertThat(answer.correlationId()).isEqualTo(request.correlationId());
        return answer;
    }

    static ApprovalDecision decision(Envelope answer) throws Exception {
        assertThat(answer.payload().has("error"))
                .as("decision answer: %s", answer.payload())
                .isFalse();
        return EnvelopeCodec.readPayload(answer, ApprovalDecision.class);
    }

    /** Waits for the first event about {@code approvalId} on {@code subject}. */
    static Envelope awaitEvent(SubjectRecorder recorder, String subject, String approvalId) {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> recorder.envelopesOn(subject).stream()
                                .filter(e -> approvalId.equals(
                                        e.payload().path("approvalId").asText()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    static ErrorPayload error(Envelope answer) throws Exception {
        assertThat(answer.payload().has("error"))
                .as("error answer: %s", answer.payload())
                .isTrue();
        return EnvelopeCodec.readPayload(answer, ErrorPayload.class);
    }
}
