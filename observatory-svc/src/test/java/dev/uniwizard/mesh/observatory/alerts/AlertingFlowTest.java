package dev.uniwizard.mesh.observatory.alerts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Ids;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.observatory.Alert;
import dev.uniwizard.mesh.core.observatory.AlertNotification;
import dev.uniwizard.mesh.core.observatory.AlertRecord;
import dev.uniwizard.mesh.core.payload.HeartbeatPayload;
import dev.uniwizard.mesh.core.payload.HostStats;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.signing.EnvelopeVerifier;
import dev.uniwizard.mesh.core.signing.Verification;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.observatory.checks.ChecksEvaluator;
import dev.uniwizard.mesh.observatory.notify.FakePeers;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.SubjectRecorder;
import dev.uniwizard.mesh.testkit.TestKeyring;
import dev.uniwizard.mesh.testkit.platforms.RecordedRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The whole path: a heartbeat reports a full disk, the checks turn it critical, the alert fires, and the notification
 * goes to two chats (signed replies on the gateway's subjects) and two webhooks (one answering 500); the disk recovers
 * and the resolved notification follows. Everything is recorded and answered by {@code GET /api/v1/alerts}.
 */
@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {
            @ResourceArg(name = "node", value = "observatory-test"),
            @ResourceArg(name = "role", value = "service"),
            @ResourceArg(name = "database", value = "true")
        })
@WithTestResource(FakePeers.class)
class AlertingFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String NODE = "scheduler-test";
    private static final String CHECK = "disk:" + NODE;
    private static final String GROUP = "{kind=\"disk\",target=\"" + NODE + "\"}";

    @Inject
    Connection connection;

    @Inject
    Subjects subjects;

    @Inject
    ChecksEvaluator evaluator;

    @Inject
    EnvelopeVerifier verifier;

    @Inject
    MeterRegistry registry;

    @Inject
    Alerting alerting;

    @Test
    void aFullDiskIsNotifiedOnEveryChannelAndItsRecoveryToo() {
        double undelivered = sent("webhook", Alert.FIRING, false);
        try (SubjectRecorder out = SubjectRecorder.watch(
                connection, subjects.out("telegram"), subjects.out("slack"), subjects.events(Subjects.EVENT_ALERT))) {
            heartbeat(0.95);

            AlertNotification firing = awaitWebhook(Alert.FIRING);

            assertThat(firing.version()).isEqualTo("4");
            assertThat(firing.receiver()).isEqualTo("observatory");
            assertThat(firing.groupLabels()).containsEntry("kind", "disk").containsEntry("target", NODE);
            assertThat(firing.alerts()).singleElement().satisfies(alert -> {
                assertThat(alert.status()).isEqualTo(Alert.FIRING);
                assertThat(alert.fingerprint()).isEqualTo(CHECK);
                assertThat(alert.labels())
                        .containsEntry("alertname", CHECK)
                        .containsEntry("kind", "disk")
                        .containsEntry("target", NODE)
                        .containsEntry("severity", "critical");
                assertThat(alert.annotations()).containsEntry("value", "0.95 ratio");
                assertThat(alert.annotations().get("summary")).contains("95");
                assertThat(alert.endsAt()).isNull();
            });
            assertThat(firing.text())
                    .startsWith("🔥 FIRING [kind=disk,target=" + NODE + "] 1 alert: " + CHECK + " critical — ");
            RecordedRequest post = webhookPost(firing.id());
            assertThat(post.header("content-type")).startsWith("application/json");
            assertThat(post.header("x-mesh-notification")).isEqualTo("alert");

            Envelope telegram = awaitReply(out, "telegram", firing.id());
            assertThat(verifier.verify(EnvelopeCodec.toBytes(telegram), Set.of(NodeRole.SERVICE)))
                    .isInstanceOf(Verification.Accepted.class);
            assertThat(telegram.kind()).isEqualTo(EnvelopeKind.REPLY);
            assertThat(telegram.id()).isEqualTo(Ids.derive(firing.id(), "telegram:" + FakePeers.TELEGRAM_CHAT));
            ReplyPayload reply = SubjectRecorder.payload(telegram, ReplyPayload.class);
            assertThat(reply.text()).isEqualTo(firing.text());
            assertThat(reply.status()).isEqualTo(ReplyPayload.OK);
            assertThat(reply.replyTo().chat()).isEqualTo(FakePeers.TELEGRAM_CHAT);
            assertThat(reply.replyTo().thread()).isNull();
            ReplyPayload slack = SubjectRecorder.payload(awaitReply(out, "slack", firing.id()), ReplyPayload.class);
            assertThat(slack.replyTo().chat()).isEqualTo(FakePeers.SLACK_CHAT);
            assertThat(slack.replyTo().thread()).isEqualTo(FakePeers.SLACK_THREAD);
            await().atMost(WAIT)
                    .until(() -> out.payloadsOn(subjects.events(Subjects.EVENT_ALERT), AlertNotification.class).stream()
                            .anyMatch(n -> n.id().equals(firing.id())));

            heartbeat(0.40);

            AlertNotification resolved = awaitWebhook(Alert.RESOLVED);
            assertThat(resolved.alerts()).singleElement().satisfies(alert -> {
                assertThat(alert.status()).isEqualTo(Alert.RESOLVED);
                assertThat(alert.startsAt())
                        .isEqualTo(firing.alerts().getFirst().startsAt());
                assertThat(alert.endsAt()).isAfter(alert.startsAt());
            });
            assertThat(resolved.text())
                    .startsWith("✅ RESOLVED [kind=disk,target=" + NODE + "] 1 alert: " + CHECK + " resolved after ");
            assertThat(SubjectRecorder.payload(awaitReply(out, "telegram", resolved.id()), ReplyPayload.class)
                            .text())
                    .isEqualTo(resolved.text());

            List<AlertRecord> records = records(200);
            assertThat(records.stream().filter(r -> r.notificationId().equals(firing.id())))
                    .extracting(AlertRecord::channel, AlertRecord::delivered)
                    .containsExactlyInAnyOrder(
                            tuple("telegram", true),
                            tuple("slack", true),
                            tuple("webhook", true),
                            tuple("webhook", false));
            AlertRecord broken = records.stream()
                    .filter(r -> r.notificationId().equals(firing.id()) && !r.delivered())
                    .findFirst()
                    .orElseThrow();
            assertThat(broken.destination()).isEqualTo(FakePeers.peers().url() + "/broken");
            assertThat(broken.error())
                    .startsWith("HTTP 500: ")
                    .contains("receiver is down")
                    .endsWith("(2 attempts)");
            assertThat(broken.groupKey()).isEqualTo(GROUP);
            assertThat(broken.status()).isEqualTo(Alert.FIRING);
            assertThat(broken.alerts()).isEqualTo(1);
            assertThat(broken.text()).isEqualTo(firing.text());
            assertThat(FakePeers.peers().posts("/broken").stream()
                            .filter(r -> r.bodyText().contains(firing.id())))
                    .hasSize(2);
            assertThat(records.stream().filter(r -> r.notificationId().equals(resolved.id())))
                    .hasSize(4)
                    .allSatisfy(r -> assertThat(r.status()).isEqualTo(Alert.RESOLVED));
            assertThat(sent("webhook", Alert.FIRING, false)).isGreaterThan(undelivered);
        }
    }

    @Test
    void aCheckThatStaysCriticalIsNotNotifiedAgain() {
        heartbeat(0.97, "memory-test", "memory");
        AlertNotification firing = awaitWebhook(Alert.FIRING, "disk:memory-test");

        for (int i = 0; i < 5; i++) {
            evaluator.evaluate();
            alerting.tick();
        }

        assertThat(FakePeers.peers().posts("/hook").stream()
                        .map(r -> notification(r))
                        .filter(n -> n.groupKey().contains("memory-test")))
                .as("only the first notification, no repeat before the repeat interval")
                .extracting(AlertNotification::id)
                .containsExactly(firing.id());
        assertThat(alerting.current().active().get("disk:memory-test").phase()).isEqualTo(AlertPhase.FIRING);
        given().when()
                .get("/api/v1/alerts?limit=5")
                .then()
                .statusCode(200)
                .body("firing.find { it.fingerprint == 'disk:memory-test' }.labels.severity", equalTo("critical"))
                .body("notifications.size()", both(greaterThanOrEqualTo(4)).and(lessThanOrEqualTo(5)));
        heartbeat(0.10, "memory-test", "memory");
        awaitWebhook(Alert.RESOLVED, "disk:memory-test");
    }

    @Test
    void badLimitsAreRefused() {
        for (String bad : new String[] {"0", "1001", "ten", "-1"}) {
            given().when()
                    .get("/api/v1/alerts?limit=" + bad)
                    .then()
                    .statusCode(400)
                    .body("error", equalTo("bad_limit"))
                    .body("message", containsString("limit '" + bad + "'"));
        }
    }

    private AlertNotification awaitWebhook(String status) {
        return awaitWebhook(status, CHECK);
    }

    private AlertNotification awaitWebhook(String status, String check) {
        return await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            evaluator.evaluate();
                            return FakePeers.peers().posts("/hook").stream()
                                    .map(AlertingFlowTest::notification)
                                    .filter(n -> n.status().equals(status)
                                            && n.alerts().stream().anyMatch(a -> a.fingerprint()
                                                    .equals(check)))
                                    .reduce((first, second) -> second);
                        },
                        Optional::isPresent)
                .orElseThrow();
    }

    private RecordedRequest webhookPost(String notificationId) {
        return FakePeers.peers().posts("/hook").stream()
                .filter(r -> notification(r).id().equals(notificationId))
                .findFirst()
                .orElseThrow();
    }

    private Envelope awaitReply(SubjectRecorder out, String platform, String notificationId) {
        String id = Ids.derive(
                notificationId,
                platform + ":"
                        + (platform.equals("telegram")
                                ? FakePeers.TELEGRAM_CHAT
                                : FakePeers.SLACK_CHAT + ":" + FakePeers.SLACK_THREAD));
        return await().atMost(WAIT)
                .until(
                        () -> out.envelopesOn(subjects.out(platform)).stream()
                                .filter(e -> e.id().equals(id))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private static AlertNotification notification(RecordedRequest request) {
        try {
            return EnvelopeCodec.mapper().readValue(request.body(), AlertNotification.class);
        } catch (IOException e) {
            throw new AssertionError("the webhook got no notification: " + request.bodyText(), e);
        }
    }

    private static List<AlertRecord> records(int limit) {
        String body = given().when()
                .get("/api/v1/alerts?limit=" + limit)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        try {
            return EnvelopeCodec.mapper().readValue(body, Listed.class).notifications();
        } catch (IOException e) {
            throw new AssertionError("GET /api/v1/alerts answered " + body, e);
        }
    }

    private record Listed(List<AlertRecord> notifications) {}

    private void heartbeat(double disk) {
        heartbeat(disk, NODE, "scheduler");
    }

    private void heartbeat(double disk, String node, String service) {
        EnvelopeSigner signer = TestKeyring.shared().signer(node, NodeRole.SERVICE);
        HostStats host = new HostStats("host-1", 0.1, 0.2, 1L << 30, disk, 1L << 40, 0.3);
        Envelope envelope = signer.originate(
                EnvelopeKind.EVENT,
                "health",
                null,
                Sender.system(node),
                new HeartbeatPayload(service, node, "1.0", Instant.now(), 5, HeartbeatPayload.UP, 5, host, null),
                null);
        connection.publish(subjects.health(service), EnvelopeCodec.toBytes(envelope));
    }

    private double sent(String channel, String status, boolean delivered) {
        return registry
                .find("mesh.observatory.alerts.sent")
                .tag("channel", channel)
                .tag("status", status)
                .tag("delivered", String.valueOf(delivered))
                .counters()
                .stream()
                .mapToDouble(Counter::count)
                .sum();
    }
}
