package dev.uniwizard.mesh.observatory.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.observatory.CheckResult;
import dev.uniwizard.mesh.core.payload.HeartbeatPayload;
import dev.uniwizard.mesh.core.payload.HostStats;
import dev.uniwizard.mesh.core.payload.HouseFacts;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.streams.MeshStreams;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.observatory.checks.ChecksEvaluated;
import dev.uniwizard.mesh.observatory.checks.RecordedEvaluations;
import dev.uniwizard.mesh.observatory.houses.HouseViews;
import dev.uniwizard.mesh.observatory.probes.ProbeTargetResource;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.TestKeyring;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {
            @ResourceArg(name = "node", value = "observatory-test"),
            @ResourceArg(name = "role", value = "service"),
            @ResourceArg(name = "database", value = "true")
        })
@WithTestResource(ProbeTargetResource.class)
class ChecksApiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    Connection connection;

    @Inject
    JetStream jetStream;

    @Inject
    JetStreamManagement jsm;

    @Inject
    MeshStreams streams;

    @Inject
    Subjects subjects;

    @Inject
    MeterRegistry registry;

    @Inject
    Jdbi jdbi;

    @Inject
    HouseViews houseViews;

    @Inject
    RecordedEvaluations evaluations;

    @Test
    void reportsEveryCheckSortedWithACountForEveryState() {
        await().atMost(WAIT).untilAsserted(() -> given().when()
                .get("/api/v1/checks")
                .then()
                .statusCode(200)
                .body("checks.id", hasItems("postgres:mesh", "probe:fake", "service:observatory", "inbox:timmy"))
                .body("checks.find { it.id == 'postgres:mesh' }.state", equalTo("ok"))
                .body("checks.find { it.id == 'postgres:mesh' }.unit", equalTo("ms"))
                .body("checks.find { it.id == 'probe:fake' }.state", equalTo("ok"))
                .body("checks.find { it.id == 'service:observatory' }.state", equalTo("ok"))
                .body("checks.find { it.id == 'service:scheduler' }.state", equalTo("critical"))
                .body("checks.find { it.id == 'inbox:timmy' }.state", equalTo("warn"))
                .body("checks.find { it.id == 'inbox:timmy' }.message", containsString("has not subscribed yet"))
                .body("worst", equalTo("critical"))
                .body("counts", hasKey("ok"))
                .body("counts", hasKey("error"))
                .body("checks.id", not(hasItems("nats:server"))));
        List<String> ids = given().when().get("/api/v1/checks").then().extract().path("checks.id");
        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void filtersByStateAndRefusesAnUnknownStateNamingTheAllowedOnes() {
        await().atMost(WAIT).untilAsserted(() -> given().when()
                .get("/api/v1/checks?state=warn")
                .then()
                .statusCode(200)
                .body("checks.id", hasItems("inbox:timmy"))
                .body("checks.state", everyItem(equalTo("warn")))
                .body("counts.ok", not(equalTo(0))));
        given().when()
                .get("/api/v1/checks?state=CRITICAL")
                .then()
                .statusCode(200)
                .body("checks.state", everyItem(equalTo("critical")));
        given().when()
                .get("/api/v1/checks?state=broken")
                .then()
                .statusCode(400)
                .body("error", equalTo("bad_state"))
                .body("message", equalTo("state 'broken' is not a check state: use one of ok, warn, critical, error"));
    }

    @Test
    void judgesTheHostInAHeartbeatRecordsTheChangeAndExportsTheState() {
        EnvelopeSigner gateway = TestKeyring.shared().signer("gateway-test", NodeRole.GATEWAY);
        publishHeartbeat(
                gateway,
                new HeartbeatPayload(
                        "gateway",
                        "gateway-test",
                        "1.0",
                        Instant.now(),
                        1,
                        "UP",
                        5,
                        new HostStats("host-9", 0.1, 0.2, 1024L, 0.95, 4096L, 0.3),
                        null));

        await().atMost(WAIT).untilAsserted(() -> given().when()
                .get("/api/v1/checks")
                .then()
                .body("checks.find { it.id == 'disk:gateway-test' }.state", equalTo("critical"))
                .body("checks.find { it.id == 'disk:gateway-test' }.value", equalTo(0.95f))
                .body("checks.find { it.id == 'cpu:gateway-test' }.state", equalTo("ok"))
                .body("checks.find { it.id == 'instance:gateway-test' }.state", equalTo("ok")));
        Gauge state = registry.find("mesh.observatory.check.state")
                .tag("check", "disk:gateway-test")
                .tag("kind", "disk")
                .gauge();
        assertThat(state).isNotNull();
        assertThat(state.value()).isEqualTo(2.0);
        given().when()
                .get("/api/v1/history?limit=1000")
                .then()
                .statusCode(200)
                .body("transitions.find { it.check == 'disk:gateway-test' }.to", equalTo("critical"))
                .body("transitions.find { it.check == 'disk:gateway-test' }.from", nullValue())
                .body("transitions.find { it.check == 'disk:gateway-test' }.value", equalTo(0.95f));
    }

    @Test
    void historyListsNotificationsNewestFirstAndRefusesABadLimit() {
        // In the future, so no notification sent meanwhile is newer.
        Instant later = Instant.now().plusSeconds(3600);
        insertNotification("history-older", later.minusSeconds(60));
        insertNotification("history-newer", later);

        given().when()
                .get("/api/v1/history?limit=1")
                .then()
                .statusCode(200)
                .body("alerts.size()", equalTo(1))
                .body("alerts[0].notificationId", equalTo("history-newer"))
                .body("alerts[0].text", equalTo("body of history-newer"))
                .body("alerts[0].delivered", equalTo(true))
                .body("transitions.size()", equalTo(1));
        for (String bad : List.of("0", "1001", "-3", "ten", "2.5")) {
            given().when()
                    .get("/api/v1/history?limit=" + bad)
                    .then()
                    .statusCode(400)
                    .body("error", equalTo("bad_limit"))
                    .body("message", containsString("from 1 to 1000"));
        }
    }

    @Test
    void measuresTheInboxOfAHouseFromItsConsumer() throws Exception {
        jsm.addOrUpdateConsumer(
                streams.tasks(),
                ConsumerConfiguration.builder()
                        .durable("house-bezalel")
                        .filterSubject(subjects.task("bezalel"))
                        .ackPolicy(AckPolicy.Explicit)
                        .build());
        for (int i = 0; i < 3; i++) {
            jetStream.publish(subjects.task("bezalel"), ("task " + i).getBytes(StandardCharsets.UTF_8));
        }

        await().atMost(WAIT).untilAsserted(() -> given().when()
                .get("/api/v1/checks")
                .then()
                .body("checks.find { it.id == 'inbox:bezalel' }.state", equalTo("ok"))
                .body("checks.find { it.id == 'inbox:bezalel' }.value", equalTo(3.0f))
                .body("checks.find { it.id == 'inbox:bezalel' }.unit", equalTo("messages")));
        Gauge depth = registry.find("mesh.observatory.house.inbox")
                .tag("house", "bezalel")
                .gauge();
        assertThat(depth).isNotNull();
        assertThat(depth.value()).isEqualTo(3.0);
    }

    @Test
    void reportsThePendingApprovalsLoginAndVersionOfAHouse() {
        EnvelopeSigner timmy = TestKeyring.shared().signer("timmy-test", NodeRole.HOUSE);
        publishHeartbeat(
                timmy,
                new HeartbeatPayload(
                        "timmy",
                        "timmy-test",
                        houseViews.expectedVersion(),
                        Instant.now(),
                        1,
                        "UP",
                        5,
                        null,
                        new HouseFacts("sovereign", HouseFacts.LOGGED_IN, "model accepted", Instant.now(), 7)));

        await().atMost(WAIT).untilAsserted(() -> given().when()
                .get("/api/v1/checks")
                .then()
                .body("checks.find { it.id == 'approvals:timmy' }.state", equalTo("warn"))
                .body("checks.find { it.id == 'approvals:timmy' }.value", equalTo(7.0f))
                .body("checks.find { it.id == 'login:timmy' }.state", equalTo("ok"))
                .body("checks.find { it.id == 'version:timmy' }.state", equalTo("ok")));
        Gauge pending = registry.find("mesh.observatory.approvals.pending").gauge();
        assertThat(pending).isNotNull();
        assertThat(pending.value()).isEqualTo(7.0);
    }

    @Test
    void firesChecksEvaluatedAfterEveryEvaluationAsTheLeader() {
        await().atMost(WAIT).until(() -> evaluations.seen().size() >= 2);
        ChecksEvaluated last = evaluations.seen().getLast();
        assertThat(last.results()).isNotEmpty();
        assertThat(last.results()).extracting(CheckResult::id).isSorted();
        assertThat(last.results()).allSatisfy(result -> assertThat(result.at()).isEqualTo(last.at()));
        assertThat(registry.find("mesh.observatory.leader").gauge().value()).isEqualTo(1.0);
        Timer duration = registry.find("mesh.observatory.checks.duration").timer();
        assertThat(duration).isNotNull();
        assertThat(duration.count()).isGreaterThanOrEqualTo(2);
    }

    private void publishHeartbeat(EnvelopeSigner signer, HeartbeatPayload heartbeat) {
        connection.publish(
                subjects.health(heartbeat.service()),
                EnvelopeCodec.toBytes(signer.originate(
                        EnvelopeKind.EVENT, "health", null, Sender.system(signer.nodeId()), heartbeat, null)));
    }

    private void insertNotification(String id, Instant sentAt) {
        jdbi.useHandle(handle -> handle.createUpdate(
                        "INSERT INTO alert_notifications (notification_id, group_key, status, channel, destination,"
                                + " delivered, alerts, body, sent_at) VALUES (:id, 'group', 'firing', 'webhook',"
                                + " 'http://hooks.example/x', true, 1, :body, :at)")
                .bind("id", id)
                .bind("body", "body of " + id)
                .bind("at", sentAt.atOffset(ZoneOffset.UTC))
                .execute());
    }
}
