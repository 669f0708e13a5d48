package dev.uniwizard.mesh.gateway.gitea;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.gitea.GiteaEventPayload;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.gateway.verification.Hmacs;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.MeshTestSupport;
import dev.uniwizard.mesh.testkit.SubjectRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(GiteaTestProfile.class)
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {@ResourceArg(name = "node", value = "gateway-test"), @ResourceArg(name = "role", value = "gateway")
        })
@WithTestResource(FakeGiteaResource.class)
class GiteaWebhookResourceTest {

    private static final String PATH = "/webhooks/gitea";

    @Inject
    Connection connection;

    @Inject
    Subjects subjects;

    @Inject
    MeterRegistry registry;

    private SubjectRecorder recorder;
    private String inGitea;

    @BeforeEach
    void record() {
        inGitea = subjects.in("gitea");
        recorder = SubjectRecorder.watch(connection, inGitea);
    }

    @AfterEach
    void stop() {
        recorder.close();
    }

    @Test
    void publishesAnOpenedIssueAsAWebhookEnvelope() {
        byte[] body = GiteaFixtures.read("issues-opened.json");
        String delivery = delivery();
        Instant before = Instant.now();

        String envelopeId = signed(body, "issues", delivery)
                .post(PATH)
                .then()
                .statusCode(202)
                .body("status", equalTo("accepted"))
                .extract()
                .path("envelopeId");

        Envelope envelope = recorder.awaitEnvelope(inGitea);
        assertThat(envelope.id()).isEqualTo(envelopeId);
        assertThat(envelope.kind()).isEqualTo(EnvelopeKind.WEBHOOK);
        assertThat(envelope.nodeId()).isEqualTo("gateway-test");
        assertThat(envelope.conversationId()).isEqualTo("gitea:acme:app:12");
        assertThat(envelope.sender().platform()).isEqualTo("gitea");
        assertThat(envelope.sender().userId()).isEqualTo("alice");
        GiteaEventPayload payload = SubjectRecorder.payload(envelope, GiteaEventPayload.class);
        assertThat(payload.event()).isEqualTo("issues");
        assertThat(payload.action()).isEqualTo("opened");
        assertThat(payload.delivery()).isEqualTo(delivery);
        assertThat(payload.repository()).isEqualTo("acme/app");
        assertThat(payload.number()).isEqualTo(12L);
        assertThat(payload.title()).isEqualTo("Docs are stale");
        assertThat(payload.body()).startsWith("The install guide still says Java 17.");
        assertThat(payload.labels()).containsExactly("docs", "good first issue");
        assertThat(payload.sender()).isEqualTo("alice");
        assertThat(payload.url()).isEqualTo("https://gitea.example.org/acme/app/issues/12");
        assertThat(payload.receivedAt()).isBetween(before, Instant.now());
    }

    @Test
    void badSignaturesAreRejectedAndNothingIsPublished() {
        byte[] body = GiteaFixtures.read("issues-opened.json");
        double wrongBefore = webhooks("bad_signature");
        double missingBefore = webhooks("missing_signature");

        given().body(body)
                .contentType("application/json")
                .header("X-Gitea-Signature", Hmacs.sha256Hex("another-secret", body))
                .header("X-Gitea-Event", "issues")
                .header("X-Gitea-Delivery", delivery())
                .post(PATH)
                .then()
                .statusCode(401)
                .body("error", equalTo("bad_signature"));
        byte[] modified = new String(body, StandardCharsets.UTF_8)
                .replace("Docs are stale", "Docs are fine")
                .getBytes(StandardCharsets.UTF_8);
        given().body(modified)
                .contentType("application/json")
                .header("X-Gitea-Signature", Hmacs.sha256Hex(GiteaTestProfile.SECRET, body))
                .header("X-Gitea-Event", "issues")
                .header("X-Gitea-Delivery", delivery())
                .post(PATH)
                .then()
                .statusCode(401)
                .body("error", equalTo("bad_signature"));
        given().body(body)
                .contentType("application/json")
                .header("X-Gitea-Event", "issues")
                .header("X-Gitea-Delivery", delivery())
                .post(PATH)
                .then()
                .statusCode(401)
                .body("error", equalTo("missing_signature"))
                .body("message", containsString("gateway.gitea.webhook-secret"));

        assertOnlyTheFenceIsPublished();
        assertThat(webhooks("bad_signature")).isEqualTo(wrongBefore + 2);
        assertThat(webhooks("missing_signature")).isEqualTo(missingBefore + 1);
    }

    @Test
    void aRedeliveryIsPublishedOnce() {
        byte[] body = GiteaFixtures.read("issue-comment.json");
        String delivery = delivery();

        signed(body, "issue_comment", delivery).post(PATH).then().statusCode(202);
        signed(body, "issue_comment", delivery)
                .post(PATH)
                .then()
                .statusCode(200)
                .body("status", equalTo("duplicate"));

        String fence = fence();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> recorder.envelopesOn(inGitea).size() >= 2);
        assertThat(recorder.payloadsOn(inGitea, GiteaEventPayload.class))
                .extracting(GiteaEventPayload::delivery)
                .containsExactly(delivery, fence);
    }

    @Test
    void publishesAPushWithItsPaths() {
        signed(GiteaFixtures.read("push.json"), "push", delivery())
                .post(PATH)
                .then()
                .statusCode(202);

        Envelope envelope = recorder.awaitEnvelope(inGitea);
        GiteaEventPayload payload = SubjectRecorder.payload(envelope, GiteaEventPayload.class);
        assertThat(envelope.conversationId()).isEqualTo("gitea:acme:app:push");
        assertThat(envelope.sender().userId()).isEqualTo("bob");
        assertThat(payload.event()).isEqualTo("push");
        assertThat(payload.ref()).isEqualTo("refs/heads/main");
        assertThat(payload.paths())
                .containsExactlyInAnyOrder(
                        "docs/guide/install.md", "README.md", "docs/install.md", "src/main/java/App.java");
    }

    @Test
    void otherEventsAreAcknowledgedAndIgnored() {
        double ignoredBefore = MeshTestSupport.count(registry, "mesh.gateway.webhook", "outcome", "ignored");

        signed("{\"action\":\"published\"}".getBytes(StandardCharsets.UTF_8), "release", delivery())
                .post(PATH)
                .then()
                .statusCode(202)
                .body("status", equalTo("ignored"))
                .body("reason", containsString("does not take release events"));

        byte[] ownReply = new String(GiteaFixtures.read("issue-comment.json"), StandardCharsets.UTF_8)
                .replace("@ezra can you take this one?", "**Ezra**: on it.\\n\\n<!-- mesh-reply 01JAB -->")
                .getBytes(StandardCharsets.UTF_8);
        signed(ownReply, "issue_comment", delivery())
                .post(PATH)
                .then()
                .statusCode(202)
                .body("status", equalTo("ignored"))
                .body("reason", containsString("the mesh posted itself"));

        assertOnlyTheFenceIsPublished();
        assertThat(MeshTestSupport.count(registry, "mesh.gateway.webhook", "outcome", "ignored"))
                .isEqualTo(ignoredBefore + 2);
    }

    @Test
    void malformedDeliveriesAreRefusedWithTheReason() {
        byte[] body = GiteaFixtures.read("issues-opened.json");
        given().body(body)
                .contentType("application/json")
                .header("X-Gitea-Signature", Hmacs.sha256Hex(GiteaTestProfile.SECRET, body))
                .header("X-Gitea-Delivery", delivery())
                .post(PATH)
                .then()
                .statusCode(400)
                .body("error", equalTo("missing_event"));
        given().body(body)
                .contentType("application/json")
                .header("X-Gitea-Signature", Hmacs.sha256Hex(GiteaTestProfile.SECRET, body))
                .header("X-Gitea-Event", "issues")
                .post(PATH)
                .then()
                .statusCode(400)
                .body("error", equalTo("missing_delivery"));
        signed("{\"action\":\"opened\"".getBytes(StandardCharsets.UTF_8), "issues", delivery())
                .post(PATH)
                .then()
                .statusCode(400)
                .body("error", equalTo("bad_payload"))
                .body("message", containsString("not valid JSON"));
        signed(
                        "{\"action\":\"opened\",\"sender\":{\"login\":\"a\"}}".getBytes(StandardCharsets.UTF_8),
                        "issues",
                        delivery())
                .post(PATH)
                .then()
                .statusCode(400)
                .body("message", containsString("no repository.full_name"));

        assertOnlyTheFenceIsPublished();
    }

    @Test
    void tooLargeABodyIsRefused() {
        byte[] body = new byte[GiteaTestProfile.MAX_BODY_BYTES + 1];
        Arrays.fill(body, (byte) ' ');

        signed(body, "issues", delivery())
                .post(PATH)
                .then()
                .statusCode(413)
                .body("message", containsString("gateway.gitea.max-body-bytes"));
    }

    /** Publishes one good delivery and checks it is the only envelope: what was refused before it never arrived. */
    private void assertOnlyTheFenceIsPublished() {
        String fence = fence();
        recorder.awaitFirst(inGitea);
        assertThat(recorder.payloadsOn(inGitea, GiteaEventPayload.class))
                .extracting(GiteaEventPayload::delivery)
                .containsExactly(fence);
    }

    private String fence() {
        String delivery = delivery();
        signed(GiteaFixtures.read("pull-request-opened.json"), "pull_request", delivery)
                .post(PATH)
                .then()
                .statusCode(202);
        return delivery;
    }

    private static RequestSpecification signed(byte[] body, String event, String delivery) {
        return given().body(body)
                .contentType("application/json")
                .header("X-Gitea-Signature", Hmacs.sha256Hex(GiteaTestProfile.SECRET, body))
                .header("X-Gitea-Event", event)
                .header("X-Gitea-Delivery", delivery);
    }

    private static String delivery() {
        return UUID.randomUUID().toString();
    }

    private double webhooks(String reason) {
        return MeshTestSupport.count(registry, "mesh.gateway.webhook", "reason", reason);
    }
}
