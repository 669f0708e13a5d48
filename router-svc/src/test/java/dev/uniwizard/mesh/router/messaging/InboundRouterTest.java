package dev.uniwizard.mesh.router.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.MessagePayload;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.core.payload.TaskPayload;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.TestKeyring;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStream;
import io.nats.client.Message;
import io.nats.client.PublishOptions;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {@ResourceArg(name = "node", value = "router-test"), @ResourceArg(name = "role", value = "router")})
class InboundRouterTest {

    @Inject
    Connection connection;

    @Inject
    JetStream jetStream;

    @Inject
    Subjects subjects;

    @Inject
    MeterRegistry registry;

    private final EnvelopeSigner gateway = TestKeyring.shared().signer("gateway-test", NodeRole.GATEWAY);
    private final List<Message> seen = new CopyOnWriteArrayList<>();
    private Dispatcher dispatcher;

    @BeforeEach
    void watchTasksAndReplies() {
        dispatcher = connection.createDispatcher(seen::add);
        dispatcher.subscribe(subjects.taskAll());
        dispatcher.subscribe(subjects.outAll());
    }

    @AfterEach
    void stopWatching() {
        connection.closeDispatcher(dispatcher);
    }

    @Test
    void routesAnAddressedMessageAsATaskSignedByTheRouter() throws Exception {
        Envelope message = message(null, "@ezra /tool echo text=hi");

        publish(subjects.in("http"), message);

        Message task = awaitOn(subjects.task("ezra"));
        Envelope envelope = EnvelopeCodec.parse(task.getData()).envelope();
        assertThat(envelope.kind()).isEqualTo(EnvelopeKind.TASK);
        assertThat(envelope.nodeId()).isEqualTo("router-test");
        assertThat(envelope.house()).isEqualTo("ezra");
        assertThat(envelope.correlationId()).isEqualTo(message.id());
        assertThat(envelope.conversationId()).isEqualTo(message.conversationId());
        TaskPayload payload = EnvelopeCodec.readPayload(envelope, TaskPayload.class);
        assertThat(payload.text()).isEqualTo("/tool echo text=hi");
        assertThat(payload.replyPlatform()).isEqualTo("http");
    }

    @Test
    void answersAnUnknownHouseWithAnErrorReply() throws Exception {
        Envelope message = message("gandalf", "hello");

        publish(subjects.in("http"), message);

        Envelope reply =
                EnvelopeCodec.parse(awaitOn(subjects.out("http")).getData()).envelope();
        ReplyPayload payload = EnvelopeCodec.readPayload(reply, ReplyPayload.class);
        assertThat(reply.correlationId()).isEqualTo(message.id());
        assertThat(payload.status()).isEqualTo(ReplyPayload.ERROR);
        assertThat(payload.errorCode()).isEqualTo("unknown_house");
        assertThat(payload.text()).contains("gandalf");
    }

    @Test
    void rejectsAForgedMessageAndRoutesNothing() throws Exception {
        double before = rejected("unknown_key");
        Envelope forged = TestKeyring.shared()
                .intruder()
                .originate(
                        EnvelopeKind.MESSAGE,
                        "c-forged",
                        "ezra",
                        new Sender("http", "mallory", "M"),
                        new MessagePayload("/tool echo text=pwned"),
                        null);

        publish(subjects.in("http"), forged);

        await().atMost(Duration.ofSeconds(10)).until(() -> rejected("unknown_key") > before);
        Envelope control = message("ezra", "after the forgery");
        publish(subjects.in("http"), control);
        awaitOn(subjects.task("ezra"));
        assertThat(seen).noneMatch(m -> new String(m.getData()).contains("pwned"));
    }

    private double rejected(String reason) {
        return registry.find("mesh.envelopes.rejected").tag("reason", reason).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    private Envelope message(String house, String text) {
        return gateway.originate(
                EnvelopeKind.MESSAGE,
                "conv-" + System.nanoTime(),
                house,
                new Sender("http", "alice", "Alice"),
                new MessagePayload(text),
                null);
    }

    private void publish(String subject, Envelope envelope) throws Exception {
        jetStream.publish(
                subject,
                EnvelopeCodec.toBytes(envelope),
                PublishOptions.builder().messageId(envelope.id()).build());
    }

    private Message awaitOn(String subject) {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> seen.stream()
                                .filter(m -> m.getSubject().equals(subject))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }
}
