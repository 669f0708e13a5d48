package dev.uniwizard.mesh.house.bezalel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.MemoryAppendResult;
import dev.uniwizard.mesh.core.payload.MessagePayload;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.core.payload.TaskPayload;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.TestKeyring;
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
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Bezalel starts, takes a task as the router would send it, and introduces itself with its persona. */
@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {@ResourceArg(name = "node", value = "bezalel-test"), @ResourceArg(name = "role", value = "house")})
class BezalelHouseTest {

    @Inject
    Connection connection;

    @Inject
    JetStream jetStream;

    @Inject
    Subjects subjects;

    @Test
    void answersHelpWithItsPersona() throws Exception {
        EnvelopeSigner memory = TestKeyring.shared().signer("memory-test", NodeRole.SERVICE);
        AtomicLong stored = new AtomicLong();
        Dispatcher memoryResponder = connection.createDispatcher(request -> {
            Envelope answer = memory.follow(
                    parse(request),
                    "answer",
                    EnvelopeKind.REPLY,
                    null,
                    new MemoryAppendResult(stored.incrementAndGet(), false),
                    null);
            connection.publish(request.getReplyTo(), EnvelopeCodec.toBytes(answer));
        });
        memoryResponder.subscribe(subjects.memory(Subjects.MEMORY_APPEND));
        List<Message> replies = new CopyOnWriteArrayList<>();
        Dispatcher watcher = connection.createDispatcher(replies::add);
        watcher.subscribe(subjects.out("http"));
        try {
            Envelope message = TestKeyring.shared()
                    .signer("gateway-test", NodeRole.GATEWAY)
                    .originate(
                            EnvelopeKind.MESSAGE,
                            "conv-" + System.nanoTime(),
                            "bezalel",
                            new Sender("http", "alice", "Alice"),
                            new MessagePayload("/help"),
                            null);
            Envelope task = TestKeyring.shared()
                    .signer("router-test", NodeRole.ROUTER)
                    .follow(
                            message,
                            "task",
                            EnvelopeKind.TASK,
                            "bezalel",
                            new TaskPayload("/help", "http", "test"),
                            null);

            jetStream.publish(
                    subjects.task("bezalel"),
                    EnvelopeCodec.toBytes(task),
                    PublishOptions.builder().messageId(task.id()).build());

            Envelope reply = await().atMost(Duration.ofSeconds(15))
                    .until(
                            () -> replies.stream()
                                    .map(BezalelHouseTest::parse)
                                    .filter(r -> message.id().equals(r.correlationId()))
                                    .findFirst(),
                            Optional::isPresent)
                    .orElseThrow();
            ReplyPayload payload = EnvelopeCodec.readPayload(reply, ReplyPayload.class);
            assertThat(reply.nodeId()).isEqualTo("bezalel-test");
            assertThat(payload.status()).isEqualTo(ReplyPayload.OK);
            assertThat(payload.text())
                    .startsWith("Bezalel, the artificer: implementation, tests, and proof for every claim.")
                    .contains("house 'bezalel'", "SIMPLE mode", "/tool NAME", "echo", "system_info");
            assertThat(stored.get()).isEqualTo(2);
        } finally {
            connection.closeDispatcher(watcher);
            connection.closeDispatcher(memoryResponder);
        }
    }

    private static Envelope parse(Message message) {
        try {
            return EnvelopeCodec.parse(message.getData()).envelope();
        } catch (Exception e) {
            throw new AssertionError("unreadable envelope on " + message.getSubject(), e);
        }
    }
}
