package dev.uniwizard.mesh.observatory.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uniwizard.mesh.core.envelope.Ids;
import dev.uniwizard.mesh.core.observatory.Alert;
import dev.uniwizard.mesh.core.observatory.AlertNotification;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.observatory.config.NotifyConfig;
import dev.uniwizard.mesh.service.messaging.EnvelopePublisher;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.SubjectRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Without any channel a notification is still recorded (channel {@code none}) and published as an event. */
@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {
            @ResourceArg(name = "node", value = "observatory-test"),
            @ResourceArg(name = "role", value = "service"),
            @ResourceArg(name = "database", value = "true")
        })
@WithTestResource(FakePeers.class)
class NoChannelTest {

    @Inject
    Jdbi jdbi;

    @Inject
    ChannelSender sender;

    @Inject
    AlertRecords records;

    @Inject
    ObservatoryEnvelopes envelopes;

    @Inject
    EnvelopePublisher publisher;

    @Inject
    Subjects subjects;

    @Inject
    MeterRegistry registry;

    @Inject
    Connection connection;

    @Test
    void aNotificationWithNowhereToGoIsRecordedAsUndelivered() throws Exception {
        AlertDispatch nowhere = new AlertDispatch(
                jdbi,
                new NotifyChannels(noChannels()),
                sender,
                records,
                envelopes,
                publisher,
                subjects,
                registry,
                Clock.systemUTC());
        AlertNotification notification = new AlertNotification(
                "4",
                Ids.newId(),
                "{kind=\"nowhere\"}",
                Alert.FIRING,
                "observatory",
                Map.of("kind", "nowhere"),
                List.of(),
                "🔥 FIRING [kind=nowhere] 0 alerts",
                Instant.now());
        try (SubjectRecorder events = SubjectRecorder.watch(connection, subjects.events(Subjects.EVENT_ALERT))) {
            jdbi.useHandle(handle -> nowhere.deliver(handle, notification));
            jdbi.useHandle(handle -> nowhere.deliver(handle, notification));

            assertThat(records.newest(1000).stream()
                            .filter(r -> r.notificationId().equals(notification.id())))
                    .singleElement()
                    .satisfies(record -> {
                        assertThat(record.channel()).isEqualTo(AlertDispatch.NO_CHANNEL);
                        assertThat(record.delivered()).isFalse();
                        assertThat(record.error())
                                .contains("observatory.notify.chats")
                                .contains("observatory.notify.webhooks");
                    });
            await().atMost(Duration.ofSeconds(10))
                    .until(() ->
                            events.payloadsOn(subjects.events(Subjects.EVENT_ALERT), AlertNotification.class).stream()
                                    .anyMatch(n -> n.id().equals(notification.id())));
        }
    }

    private static NotifyConfig noChannels() {
        return new NotifyConfig() {
            @Override
            public Optional<List<String>> chats() {
                return Optional.empty();
            }

            @Override
            public Optional<List<String>> webhooks() {
                return Optional.empty();
            }

            @Override
            public Webhook webhook() {
                return new Webhook() {
                    @Override
                    public Duration timeout() {
                        return Duration.ofSeconds(1);
                    }

                    @Override
                    public int attempts() {
                        return 1;
                    }

                    @Override
                    public Duration backoff() {
                        return Duration.ofMillis(10);
                    }
                };
            }
        };
    }
}
