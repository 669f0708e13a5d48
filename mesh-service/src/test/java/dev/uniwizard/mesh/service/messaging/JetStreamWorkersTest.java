package dev.uniwizard.mesh.service.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.DeadLetterPayload;
import dev.uniwizard.mesh.core.payload.MessagePayload;
import dev.uniwizard.mesh.core.payload.SecurityEventPayload;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.streams.MeshStreams;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.MeshTestSupport;
import dev.uniwizard.mesh.testkit.SubjectRecorder;
import dev.uniwizard.mesh.testkit.TestKeyring;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {
            @ResourceArg(name = "node", value = "scheduler-test"),
            @ResourceArg(name = "role", value = "service")
        })
class JetStreamWorkersTest {

    private static final AtomicInteger QUEUES = new AtomicInteger();

    @Inject
    JetStreamWorkers workers;

    @Inject
    Connection connection;

    @Inject
    JetStream jetStream;

    @Inject
    JetStreamManagement jsm;

    @Inject
    Subjects subjects;

    @Inject
    MeshStreams streams;

    @Inject
    MeterRegistry registry;

    private final EnvelopeSigner router = TestKeyring.shared().signer("router-test", NodeRole.ROUTER);
    private SubjectRecorder events;
    private String queue;

    @BeforeEach
    void watchEvents() {
        queue = "q" + QUEUES.incrementAndGet();
        events = SubjectRecorder.watch(connection, subjects.eventsAll());
    }

    @AfterEach
    void stopWatching() {
        events.close();
    }

    @Test
    void retriesAFailingHandlerAndAcknowledgesOnceItSucceeds() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        start(3, (envelope, delivery) -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("not yet");
            }
        });

        publish(task("work"));

        await().atMost(Duration.ofSeconds(15)).until(() -> attempts.get() == 3);
        await().atMost(Duration.ofSeconds(5)).until(() -> pendingInStream() == 0);
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void deadLettersTheMessageWholeAfterTheLastAttempt() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        start(2, (envelope, delivery) -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("always broken");
        });

        publish(task("doomed work"));

        await().atMost(Duration.ofSeconds(15)).until(() -> !deadLetters().isEmpty());
        DeadLetterPayload letter = deadLetters().get(0);
        assertThat(attempts.get()).isEqualTo(2);
        assertThat(letter.deliveries()).isEqualTo(2);
        assertThat(letter.lastError()).contains("always broken");
        assertThat(letter.original()).contains("doomed work");
        await().atMost(Duration.ofSeconds(5)).until(() -> pendingInStream() == 0);
    }

    @Test
    void aPermanentFailureIsDeadLetteredWithoutRetry() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        start(5, (envelope, delivery) -> {
            attempts.incrementAndGet();
            throw new EnvelopeHandler.PermanentFailure("payload is useless");
        });

        publish(task("useless"));

        await().atMost(Duration.ofSeconds(10)).until(() -> !deadLetters().isEmpty());
        assertThat(attempts.get()).isEqualTo(1);
        assertThat(deadLetters().get(0).lastError()).isEqualTo("payload is useless");
    }

    @Test
    void malformedAndForgedMessagesAreRejectedReportedAndNeverHandled() throws Exception {
        AtomicInteger handled = new AtomicInteger();
        start(3, (envelope, delivery) -> handled.incrementAndGet());
        double before = rejected("malformed") + rejected("role_not_allowed");

        jetStream.publish(subjects.task(queue), "{not json".getBytes(StandardCharsets.UTF_8));
        Envelope fromAGateway = TestKeyring.shared()
                .signer("gateway-test", NodeRole.GATEWAY)
                .originate(
                        EnvelopeKind.MESSAGE,
                        "c",
                        null,
                        new Sender("http", "u", "U"),
                        new MessagePayload("not for a gateway to send"),
                        null);
        publish(fromAGateway);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> rejected("malformed") + rejected("role_not_allowed") >= before + 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> securityEvents().size() >= 2);
        assertThat(securityEvents()).extracting(SecurityEventPayload::reason).contains("malformed", "role_not_allowed");
        await().atMost(Duration.ofSeconds(5)).until(() -> pendingInStream() == 0);
        assertThat(handled.get()).isZero();
    }

    private void start(int maxDeliver, EnvelopeHandler handler) {
        workers.start(
                new WorkerSpec(
                        streams.tasks(),
                        "test-" + queue,
                        subjects.task(queue),
                        Set.of(NodeRole.ROUTER),
                        2,
                        Duration.ofSeconds(30),
                        maxDeliver),
                handler);
    }

    private Envelope task(String text) {
        return router.originate(
                EnvelopeKind.TASK, "conv", queue, new Sender("http", "u", "U"), new MessagePayload(text), null);
    }

    private void publish(Envelope envelope) {
        MeshTestSupport.publish(jetStream, subjects.task(queue), envelope);
    }

    private long pendingInStream() throws Exception {
        var consumer = jsm.getConsumerInfo(streams.tasks(), "test-" + queue);
        return consumer.getNumPending() + consumer.getNumAckPending();
    }

    private double rejected(String reason) {
        return MeshTestSupport.rejected(registry, reason);
    }

    private List<DeadLetterPayload> deadLetters() {
        return payloads(subjects.events(Subjects.EVENT_DEAD_LETTER), DeadLetterPayload.class).stream()
                .filter(letter -> letter.subject().equals(subjects.task(queue)))
                .toList();
    }

    private List<SecurityEventPayload> securityEvents() {
        return payloads(subjects.events(Subjects.EVENT_SECURITY), SecurityEventPayload.class).stream()
                .filter(event -> event.subject().equals(subjects.task(queue)))
                .toList();
    }

    private <T> List<T> payloads(String subject, Class<T> type) {
        return events.payloadsOn(subject, type);
    }
}
