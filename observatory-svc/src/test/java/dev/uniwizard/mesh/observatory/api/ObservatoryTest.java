package dev.uniwizard.mesh.observatory.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.HeartbeatPayload;
import dev.uniwizard.mesh.core.payload.MessagePayload;
import dev.uniwizard.mesh.core.payload.SecurityEventPayload;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.observatory.health.HeartbeatTracker;
import dev.uniwizard.mesh.service.health.HeartbeatReceiver;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.TestKeyring;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {
            @ResourceArg(name = "node", value = "observatory-test"),
            @ResourceArg(name = "role", value = "service"),
            @ResourceArg(name = "database", value = "true")
        })
class ObservatoryTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Instant STARTED = Instant.parse("2026-01-01T00:00:00Z");

    @Inject
    Connection connection;

    @Inject
    JetStream jetStream;

    @Inject
    Subjects subjects;

    @Inject
    MeterRegistry registry;

    @Test
    void listsTheHeartbeatsOfOtherNodes() {
        publishHeartbeat(signer("gateway-test", NodeRole.GATEWAY), "gateway", "gateway-test", "UP");

        await().atMost(WAIT).untilAsserted(() -> given().when()
                .get("/api/v1/health/mesh")
                .then()
                .statusCode(200)
                .body("services.find { it.instance == 'gateway-test' }.service", equalTo("gateway"))
                .body("services.find { it.instance == 'gateway-test' }.status", equalTo("UP"))
                .body("services.find { it.instance == 'gateway-test' }.version", equalTo("1.0"))
                .body("services.find { it.instance == 'gateway-test' }.stale", equalTo(false))
                .body("services.find { it.instance == 'gateway-test' }.startedAt", equalTo(STARTED.toString()))
                .body("missing", not(hasItem("gateway"))));
        given().when()
                .get("/api/v1/health/mesh/gateway")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("instances.instance", hasItem("gateway-test"));
        assertThat(upGauge("gateway")).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void listsItsOwnHeartbeat() {
        await().atMost(WAIT).untilAsserted(() -> given().when()
                .get("/api/v1/health/mesh/observatory")
                .then()
                .statusCode(200)
                .body("instances.find { it.instance == 'observatory-test' }.status", equalTo("UP")));
        assertThat(upGauge("observatory")).isEqualTo(1.0);
    }

    @Test
    void ignoresAHeartbeatSignedByAnUntrustedKey() {
        double rejectedBefore = counter("mesh.envelopes.rejected", "reason", "unknown_key");

        publishHeartbeat(TestKeyring.shared().intruder(), "router", TestKeyring.INTRUDER, "UP");

        await().atMost(WAIT).until(() -> counter("mesh.envelopes.rejected", "reason", "unknown_key") > rejectedBefore);
        assertListedAfterAControlHeartbeat(signer("router-test", NodeRole.ROUTER), "router", "router-test");
        given().when().get("/api/v1/health/mesh").then().body("services.instance", not(hasItem(TestKeyring.INTRUDER)));
    }

    @Test
    void ignoresAHeartbeatAboutAnotherInstance() {
        double before = counter(HeartbeatReceiver.INVALID, "reason", "not_self");
        EnvelopeSigner memory = signer("memory-test", NodeRole.SERVICE);

        publishHeartbeat(memory, "memory", "memory-impostor", "UP");

        await().atMost(WAIT).until(() -> counter(HeartbeatReceiver.INVALID, "reason", "not_self") > before);
        assertListedAfterAControlHeartbeat(memory, "memory", "memory-test");
        given().when().get("/api/v1/health/mesh").then().body("services.instance", not(hasItem("memory-impostor")));
    }

    @Test
    void ignoresAHeartbeatOfANodeForAServiceItIsNotNamedFor() {
        double before = counter(HeartbeatReceiver.INVALID, "reason", HeartbeatTracker.NOT_THE_SERVICE);
        EnvelopeSigner router = signer("router-test", NodeRole.ROUTER);

        publishHeartbeat(router, "scheduler", "router-test", "UP");

        await().atMost(WAIT)
                .until(() -> counter(HeartbeatReceiver.INVALID, "reason", HeartbeatTracker.NOT_THE_SERVICE) > before);
        given().when().get("/api/v1/health/mesh/scheduler").then().statusCode(404);
    }

    @Test
    void countsAHeartbeatWhosePayloadIsNotAHeartbeat() {
        double before = counter(HeartbeatReceiver.INVALID, "reason", "malformed");
        EnvelopeSigner timmy = signer("timmy-test", NodeRole.HOUSE);

        publish(
                subjects.health("timmy"),
                timmy.originate(
                        EnvelopeKind.EVENT,
                        "health",
                        null,
                        Sender.system("timmy-test"),
                        new MessagePayload("not a heartbeat"),
                        null));

        await().atMost(WAIT).until(() -> counter(HeartbeatReceiver.INVALID, "reason", "malformed") > before);
        given().when().get("/api/v1/health/mesh/timmy").then().statusCode(404);
    }

    @Test
    void showsASecurityEventAmongTheRecentEvents() throws Exception {
        double before = counter("mesh.observatory.events", "reason", "bad_signature");
        Envelope event = signer("gateway-test", NodeRole.GATEWAY)
                .originate(
                        EnvelopeKind.EVENT,
                        "security",
                        null,
                        Sender.system("gateway-test"),
                        new SecurityEventPayload(
                                "bad_signature", "signature does not match", subjects.in("http"), "e-1", "mallory"),
                        null);

        jetStream.publish(
                subjects.events(Subjects.EVENT_SECURITY),
                EnvelopeCodec.toBytes(event),
                PublishOptions.builder().messageId(event.id()).build());

        String path = "events.find { it.envelopeId == '" + event.id() + "' }";
        await().atMost(WAIT).untilAsserted(() -> given().when()
                .get("/api/v1/events/recent")
                .then()
                .statusCode(200)
                .body(path + ".type", equalTo("security"))
                .body(path + ".reason", equalTo("bad_signature"))
                .body(path + ".nodeId", equalTo("gateway-test"))
                .body(path + ".payload.claimedNodeId", equalTo("mallory")));
        assertThat(counter("mesh.observatory.events", "reason", "bad_signature"))
                .isEqualTo(before + 1);
    }

    @Test
    void answersAServiceNeverSeenWith404AndABadNameWith400() {
        given().when()
                .get("/api/v1/health/mesh/nobody")
                .then()
                .statusCode(404)
                .body("error", equalTo("unknown_service"))
                .body("message", not(nullValue()));
        given().when()
                .get("/api/v1/health/mesh/Not_A*Name")
                .then()
                .statusCode(400)
                .body("error", equalTo("bad_service"));
    }

    private void assertListedAfterAControlHeartbeat(EnvelopeSigner signer, String service, String instance) {
        // Heartbeats are handled in order, so once the control is listed the bad one has been handled too.
        publishHeartbeat(signer, service, instance, "UP");
        await().atMost(WAIT).untilAsserted(() -> given().when()
                .get("/api/v1/health/mesh/" + service)
                .then()
                .statusCode(200)
                .body("instances.instance", hasItem(instance)));
    }

    private static EnvelopeSigner signer(String node, NodeRole role) {
        return TestKeyring.shared().signer(node, role);
    }

    private void publishHeartbeat(EnvelopeSigner signer, String service, String instance, String status) {
        publish(
                subjects.health(service),
                signer.originate(
                        EnvelopeKind.EVENT,
                        "health",
                        null,
                        Sender.system(signer.nodeId()),
                        new HeartbeatPayload(service, instance, "1.0", STARTED, 5, status, 5),
                        null));
    }

    private void publish(String subject, Envelope envelope) {
        connection.publish(subject, EnvelopeCodec.toBytes(envelope));
    }

    private double counter(String name, String tag, String value) {
        return registry.find(name).tag(tag, value).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private double upGauge(String service) {
        Gauge gauge = registry.find("mesh.observatory.services.up")
                .tag("service", service)
                .gauge();
        assertThat(gauge).as("gauge for %s", service).isNotNull();
        return gauge.value();
    }
}
