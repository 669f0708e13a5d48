package dev.uniwizard.mesh.service.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.HeartbeatPayload;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.TestKeyring;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * House liveness from real heartbeats on NATS, published as the houses would (signed by timmy-test, ezra-test,
 * bezalel-test); the test app's own name is {@code libtest}.
 */
@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {
            @ResourceArg(name = "node", value = "scheduler-test"),
            @ResourceArg(name = "role", value = "service")
        })
class HouseLivenessTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    HouseLiveness liveness;

    @Inject
    HeartbeatReceiver receiver;

    @Inject
    Connection connection;

    @Inject
    Subjects subjects;

    @Inject
    MeterRegistry registry;

    @Test
    void aHouseBeatingUpIsUpAndOneReportingDownIsDown() {
        publish("ezra-test", NodeRole.HOUSE, "ezra", "ezra-test", HeartbeatPayload.UP);
        publish("bezalel-test", NodeRole.HOUSE, "bezalel", "bezalel-test", HeartbeatPayload.DOWN);

        await().atMost(WAIT).until(() -> liveness.state("ezra").lastHeartbeat().isPresent());
        await().atMost(WAIT)
                .until(() -> liveness.state("bezalel").lastHeartbeat().isPresent());
        assertThat(liveness.isUp("ezra")).isTrue();
        assertThat(liveness.describe("ezra")).matches("last heartbeat \\d+ s ago");
        assertThat(liveness.isUp("bezalel")).isFalse();
        assertThat(liveness.describe("bezalel")).startsWith("it reports DOWN; last heartbeat ");
    }

    @Test
    void aHouseNeverHeardFromIsInItsGracePeriod() {
        assertThat(liveness.houses()).containsExactly("timmy", "ezra", "bezalel");
        assertThat(liveness.isUp("timmy")).as("30 s of grace after start").isTrue();
        assertThat(liveness.describe("timmy")).startsWith("no heartbeat since the libtest started ");
    }

    @Test
    void onlyTheHouseItselfMayReportItsHealth() {
        double notTheHouse = invalid(HouseLiveness.WATCHER, "not_the_house");
        double wrongSubject = invalid(HouseLiveness.WATCHER, "wrong_subject");
        double notSelf = invalid(HouseLiveness.WATCHER, "not_self");
        double rejected = rejected("role_not_allowed");

        publish("timmy-test", NodeRole.HOUSE, "timmy", "timmy-test", HeartbeatPayload.UP, subjects.health("ezra"));
        publish("ezra-test", NodeRole.HOUSE, "ezra", "ezra-2", HeartbeatPayload.UP);
        publish("scheduler-test", NodeRole.SERVICE, "timmy", "scheduler-test", HeartbeatPayload.UP);

        await().atMost(WAIT).until(() -> invalid(HouseLiveness.WATCHER, "wrong_subject") > wrongSubject);
        await().atMost(WAIT).until(() -> invalid(HouseLiveness.WATCHER, "not_self") > notSelf);
        await().atMost(WAIT).until(() -> rejected("role_not_allowed") > rejected);
        publish("timmy-test", NodeRole.HOUSE, "ezra", "timmy-test", HeartbeatPayload.UP);
        await().atMost(WAIT).until(() -> invalid(HouseLiveness.WATCHER, "not_the_house") > notTheHouse);
        assertThat(liveness.state("timmy").lastHeartbeat()).isEmpty();
    }

    @Test
    void aFailingWatcherKeepsReceivingAndStopsWhenClosed() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        HeartbeatReceiver.Subscription subscription = receiver.watch(
                "flaky", List.of(subjects.health("gateway")), Set.of(NodeRole.GATEWAY), (envelope, heartbeat) -> {
                    heard.add(envelope.id());
                    if (heard.size() == 1) {
                        throw new IllegalStateException("the first one fails");
                    }
                });

        publish("gateway-test", NodeRole.GATEWAY, "gateway", "gateway-test", HeartbeatPayload.UP);
        await().atMost(WAIT).until(() -> invalid("flaky", "error") == 1);
        publish("gateway-test", NodeRole.GATEWAY, "gateway", "gateway-test", HeartbeatPayload.UP);
        await().atMost(WAIT).until(() -> heard.size() == 2);

        subscription.close();
        subscription.close();
        assertThat(subscription.isActive()).isFalse();
        publish("gateway-test", NodeRole.GATEWAY, "gateway", "gateway-test", HeartbeatPayload.UP);
        connection.flush(Duration.ofSeconds(2));
        assertThat(heard).hasSize(2);
    }

    private void publish(String node, NodeRole role, String service, String instance, String status) {
        publish(node, role, service, instance, status, subjects.health(service));
    }

    private void publish(String node, NodeRole role, String service, String instance, String status, String subject) {
        HeartbeatPayload payload = new HeartbeatPayload(service, instance, "test", Instant.now(), 1, status, 5);
        Envelope envelope = TestKeyring.shared()
                .signer(node, role)
                .originate(EnvelopeKind.EVENT, "health", null, Sender.system(node), payload, null);
        connection.publish(subject, EnvelopeCodec.toBytes(envelope));
    }

    private double invalid(String watcher, String reason) {
        Counter counter = registry.find(HeartbeatReceiver.INVALID)
                .tags("watcher", watcher, "reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double rejected(String reason) {
        return registry.find("mesh.envelopes.rejected").tags("reason", reason).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }
}
