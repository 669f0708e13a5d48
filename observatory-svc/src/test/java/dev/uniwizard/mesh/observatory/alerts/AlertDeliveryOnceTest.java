package dev.uniwizard.mesh.observatory.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Ids;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.observatory.Alert;
import dev.uniwizard.mesh.core.observatory.AlertNotification;
import dev.uniwizard.mesh.core.payload.HeartbeatPayload;
import dev.uniwizard.mesh.core.payload.HostStats;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.observatory.checks.ChecksEvaluator;
import dev.uniwizard.mesh.observatory.config.AlertsConfig;
import dev.uniwizard.mesh.observatory.leader.Leadership;
import dev.uniwizard.mesh.observatory.notify.AlertDispatch;
import dev.uniwizard.mesh.observatory.notify.ChatChannel;
import dev.uniwizard.mesh.observatory.notify.ChatPublisher;
import dev.uniwizard.mesh.observatory.notify.Delivery;
import dev.uniwizard.mesh.observatory.notify.FakePeers;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.SubjectRecorder;
import dev.uniwizard.mesh.testkit.TestKeyring;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nats.client.Connection;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Nothing is lost or sent twice: the state lives in PostgreSQL, so another alerting instance (a restart, another node)
 * continues where the first stopped; a notification half sent before a crash goes only to the channels not yet
 * recorded; a chat reply published twice is stored once.
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
class AlertDeliveryOnceTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    AlertsConfig config;

    @Inject
    AlertStore store;

    @Inject
    AlertDispatch dispatch;

    @Inject
    Leadership leadership;

    @Inject
    ChecksEvaluator evaluator;

    @Inject
    ChatPublisher chats;

    @Inject
    Connection connection;

    @Inject
    Subjects subjects;

    @Inject
    MeterRegistry registry;

    @Inject
    Jdbi jdbi;

    @Test
    void aNewAlertingInstanceContinuesFromTheStoredStateWithoutRepeating() {
        heartbeat(0.99);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            evaluator.evaluate();
            return firingPosts() > 0;
        });
        Alerting restarted =
                new Alerting(config, store, dispatch, leadership, Clock.systemUTC(), new SimpleMeterRegistry());

        assertThat(restarted.current().active().get("disk:router-test").phase()).isEqualTo(AlertPhase.FIRING);
        assertThat(restarted.tick()).isEmpty();
        evaluator.evaluate();
        assertThat(restarted.tick()).isEmpty();
        assertThat(firingPosts()).isEqualTo(1);

        heartbeat(0.20);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            evaluator.evaluate();
            return posts(Alert.RESOLVED) > 0;
        });
        assertThat(posts(Alert.RESOLVED)).isEqualTo(1);
    }

    @Test
    void aNotificationHalfSentBeforeACrashGoesOnlyToTheChannelsLeft() {
        AlertNotification notification = new AlertNotification(
                "4",
                Ids.newId(),
                "{kind=\"crash\"}",
                Alert.FIRING,
                Alerting.RECEIVER,
                Map.of("kind", "crash"),
                List.of(new Alert(
                        Alert.FIRING, Map.of("alertname", "crash:x"), Map.of(), Instant.now(), null, "crash:x")),
                "🔥 FIRING [kind=crash] 1 alert: crash:x critical",
                Instant.now());
        // Telegram got it before the crash; the outbox still holds the notification.
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO alert_notifications (notification_id, group_key,"
                        + " status, channel, destination, delivered, alerts, body, sent_at) VALUES (:id, :group,"
                        + " 'firing', 'telegram', :chat, true, 1, :text, :at)")
                .bind("id", notification.id())
                .bind("group", notification.groupKey())
                .bind("chat", FakePeers.TELEGRAM_CHAT)
                .bind("text", notification.text())
                .bind("at", Instant.now().atOffset(ZoneOffset.UTC))
                .execute());
        try (SubjectRecorder out = SubjectRecorder.watch(connection, subjects.out("telegram"), subjects.out("slack"))) {
            store.change(book -> new AlertStore.Change<>(book, List.of(notification), null));

            dispatch.drain();

            await().atMost(WAIT).until(() -> channels(notification.id()).size() == 4);
            assertThat(channels(notification.id()))
                    .containsExactlyInAnyOrder("telegram", "slack", "webhook", "webhook");
            assertThat(out.envelopesOn(subjects.out("slack")))
                    .extracting(Envelope::id)
                    .contains(Ids.derive(
                            notification.id(), "slack:" + FakePeers.SLACK_CHAT + ":" + FakePeers.SLACK_THREAD));
            assertThat(out.envelopesOn(subjects.out("telegram")))
                    .extracting(Envelope::id)
                    .doesNotContain(Ids.derive(notification.id(), "telegram:" + FakePeers.TELEGRAM_CHAT));
        }
        int waiting = jdbi.withHandle(
                handle -> handle.createQuery("SELECT count(*) FROM alert_outbox WHERE notification_id = :id")
                        .bind("id", notification.id())
                        .mapTo(Integer.class)
                        .one());
        assertThat(waiting).isZero();
        assertThat(dispatch.drain()).isZero();
        assertThat(channels(notification.id())).hasSize(4);
    }

    @Test
    void aChatReplyPublishedTwiceIsStoredOnce() {
        String id = Ids.newId();
        ChatChannel chat = ChatChannel.parse("telegram:777");
        double duplicates = published("duplicate");

        Delivery first = chats.send(chat, id, "hello");
        Delivery second = chats.send(chat, id, "hello");

        assertThat(first).isEqualTo(Delivery.ok());
        assertThat(second).isEqualTo(Delivery.ok());
        assertThat(published("duplicate")).isEqualTo(duplicates + 1);
    }

    private double published(String outcome) {
        return registry
                .find("mesh.envelopes.published")
                .tag("subject", subjects.out("telegram"))
                .tag("outcome", outcome)
                .counters()
                .stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    private List<String> channels(String notificationId) {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT channel FROM alert_notifications WHERE notification_id = :id")
                        .bind("id", notificationId)
                        .mapTo(String.class)
                        .list());
    }

    private long firingPosts() {
        return posts(Alert.FIRING);
    }

    private long posts(String status) {
        return FakePeers.peers().posts("/hook").stream()
                .map(r -> {
                    try {
                        return EnvelopeCodec.mapper().readValue(r.body(), AlertNotification.class);
                    } catch (IOException e) {
                        return null;
                    }
                })
                .filter(n -> n != null
                        && n.status().equals(status)
                        && Optional.ofNullable(n.groupKey()).orElse("").contains("router-test"))
                .count();
    }

    private void heartbeat(double disk) {
        String node = "router-test";
        HostStats host = new HostStats("host-2", 0.1, 0.2, 1L << 30, disk, 1L << 40, 0.3);
        Envelope envelope = TestKeyring.shared()
                .signer(node, NodeRole.ROUTER)
                .originate(
                        EnvelopeKind.EVENT,
                        "health",
                        null,
                        Sender.system(node),
                        new HeartbeatPayload(
                                "router", node, "1.0", Instant.now(), 5, HeartbeatPayload.UP, 5, host, null),
                        null);
        connection.publish(subjects.health("router"), EnvelopeCodec.toBytes(envelope));
    }
}
