package dev.uniwizard.mesh.router.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.HeartbeatPayload;
import dev.uniwizard.mesh.core.payload.MessagePayload;
import dev.uniwizard.mesh.core.payload.ReplyAddress;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.core.payload.TaskPayload;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.service.health.HeartbeatReceiver;
import dev.uniwizard.mesh.service.health.HouseLiveness;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.MeshTestSupport;
import dev.uniwizard.mesh.testkit.SubjectRecorder;
import dev.uniwizard.mesh.testkit.TestKeyring;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Routing by the houses' health, from heartbeats the test publishes as the houses would (signed by the house nodes
 * timmy-test and ezra-test). Each test sets the state of the houses it needs; Bezalel never beats.
 */
@QuarkusTest
@TestProfile(HealthTestProfile.class)
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {@ResourceArg(name = "node", value = "router-test"), @ResourceArg(name = "role", value = "router")})
class HealthRoutingTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ReplyAddress ADDRESS = new ReplyAddress("C024BE91L", "1700000000.000100", null, null);

    @Inject
    Connection connection;

    @Inject
    JetStream jetStream;

    @Inject
    Subjects subjects;

    @Inject
    MeterRegistry registry;

    @Inject
    HouseLiveness health;

    private final EnvelopeSigner gateway = TestKeyring.shared().signer("gateway-test", NodeRole.GATEWAY);
    private SubjectRecorder seen;

    @BeforeEach
    void watch() {
        seen = SubjectRecorder.watch(connection, subjects.taskAll(), subjects.outAll());
    }

    @AfterEach
    void stopWatching() {
        seen.close();
    }

    @Test
    void workForADownHouseFailsOverToItsBackupAndTheSenderIsTold() {
        beat("ezra-test", "ezra", "DOWN");
        beat("timmy-test", "timmy", "UP");
        await().atMost(WAIT).until(() -> !health.isUp("ezra") && health.isUp("timmy"));
        double failovers = count("mesh.router.failover", "house", "ezra", "backup", "timmy");

        Envelope message = send("@ezra summarize the thread");

        TaskPayload task = awaitTask("timmy", message);
        assertThat(task.text()).isEqualTo("summarize the thread");
        assertThat(task.routedBecause())
                .startsWith("addressed to ezra; ezra is down (it reports DOWN; last heartbeat ")
                .endsWith("), failed over to its backup timmy");
        assertThat(task.replyTo()).isEqualTo(ADDRESS);
        ReplyPayload notice = awaitNotice(message);
        assertThat(notice.status()).isEqualTo(ReplyPayload.PENDING);
        assertThat(notice.text()).startsWith("Ezra is down (").endsWith("); Timmy (backup) is taking this.");
        assertThat(notice.replyTo()).isEqualTo(ADDRESS);
        assertThat(count("mesh.router.failover", "house", "ezra", "backup", "timmy"))
                .isEqualTo(failovers + 1);
        assertThat(gauge("ezra")).isZero();
        assertThat(gauge("timmy")).isOne();
    }

    @Test
    void workIsQueuedWhenTheBackupIsDownTooOrThereIsNone() {
        beat("ezra-test", "ezra", "DOWN");
        beat("timmy-test", "timmy", "DOWN");
        await().atMost(WAIT).until(() -> !health.isUp("ezra") && !health.isUp("timmy") && !health.isUp("bezalel"));

        Envelope forEzra = send("@ezra what happened yesterday?");
        Envelope forBezalel = send("@bezalel run the tests");

        assertThat(awaitTask("ezra", forEzra).routedBecause()).contains("and so is its backup timmy; queued");
        assertThat(awaitNotice(forEzra).text())
                .contains("Ezra is not answering (it reports DOWN; last heartbeat ")
                .contains("and neither is its backup Timmy; your message is queued");
        assertThat(awaitTask("bezalel", forBezalel).routedBecause())
                .startsWith("addressed to bezalel; bezalel is not answering (no heartbeat since the router started ");
        assertThat(awaitNotice(forBezalel).text())
                .startsWith("Bezalel is not answering (no heartbeat since the router started ")
                .endsWith("); your message is queued and will be handled when it is back.");
    }

    @Test
    void aHouseThatBeatsAgainGetsItsWorkWithoutNotice() {
        beat("ezra-test", "ezra", "UP");
        await().atMost(WAIT).until(() -> health.isUp("ezra"));

        Envelope message = send("@ezra hello again");

        assertThat(awaitTask("ezra", message).routedBecause()).isEqualTo("addressed to ezra");
        assertThat(seen.payloadsOn(subjects.out("slack"), ReplyPayload.class)).isEmpty();
    }

    @Test
    void heartbeatsFromTheWrongNodeAreIgnored() {
        beat("ezra-test", "ezra", "DOWN");
        await().atMost(WAIT).until(() -> !health.isUp("ezra"));
        double before = count(HeartbeatReceiver.INVALID, "watcher", HouseLiveness.WATCHER, "reason", "not_the_house");

        publishBeat("timmy-test", "ezra", "UP");

        await().atMost(WAIT)
                .until(() ->
                        count(HeartbeatReceiver.INVALID, "watcher", HouseLiveness.WATCHER, "reason", "not_the_house")
                                > before);
        assertThat(health.isUp("ezra")).isFalse();
    }

    /** A heartbeat of {@code house} from {@code node}, and waits until the router has taken it. */
    private void beat(String node, String house, String status) {
        Optional<Instant> before = health.state(house).lastHeartbeat();
        publishBeat(node, house, status);
        await().atMost(WAIT).until(() -> !health.state(house).lastHeartbeat().equals(before));
    }

    private void publishBeat(String node, String house, String status) {
        EnvelopeSigner signer = TestKeyring.shared().signer(node, NodeRole.HOUSE);
        HeartbeatPayload payload = new HeartbeatPayload(house, node, "test", Instant.now(), 1, status, 5);
        Envelope envelope = signer.originate(EnvelopeKind.EVENT, "health", null, Sender.system(node), payload, null);
        connection.publish(subjects.health(house), EnvelopeCodec.toBytes(envelope));
    }

    private Envelope send(String text) {
        Envelope message = gateway.originate(
                EnvelopeKind.MESSAGE,
                "slack:C024BE91L:1700000000.000100",
                null,
                new Sender("slack", "U123", "Alice"),
                new MessagePayload(text, "alice", null, ADDRESS),
                null);
        MeshTestSupport.publish(jetStream, subjects.in("slack"), message);
        return message;
    }

    private TaskPayload awaitTask(String house, Envelope cause) {
        return SubjectRecorder.payload(awaitOn(subjects.task(house), cause), TaskPayload.class);
    }

    private ReplyPayload awaitNotice(Envelope cause) {
        return SubjectRecorder.payload(awaitOn(subjects.out("slack"), cause), ReplyPayload.class);
    }

    private Envelope awaitOn(String subject, Envelope cause) {
        return await().atMost(WAIT)
                .until(
                        () -> seen.envelopesOn(subject).stream()
                                .filter(e -> e.correlationId().equals(cause.correlationId()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private double gauge(String house) {
        Gauge gauge = registry.find("mesh.router.house.up").tag("house", house).gauge();
        return gauge == null ? -1 : gauge.value();
    }

    private double count(String name, String... tags) {
        Counter counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }
}
