package dev.uniwizard.mesh.router.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.DeadLetterPayload;
import dev.uniwizard.mesh.core.payload.MessagePayload;
import dev.uniwizard.mesh.core.payload.ReplyAddress;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.core.payload.SecurityEventPayload;
import dev.uniwizard.mesh.core.payload.TaskPayload;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.MeshTestSupport;
import dev.uniwizard.mesh.testkit.SubjectRecorder;
import dev.uniwizard.mesh.testkit.TestKeyring;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
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
    private SubjectRecorder seen;

    @BeforeEach
    void watchTasksAndReplies() {
        seen = SubjectRecorder.watch(connection, subjects.taskAll(), subjects.outAll());
    }

    @AfterEach
    void stopWatching() {
        seen.close();
    }

    @Test
    void routesAnAddressedMessageAsATaskSignedByTheRouter() throws Exception {
        Envelope message = message(null, "@ezra /tool echo text=hi");

        MeshTestSupport.publish(jetStream, subjects.in("http"), message);

        Envelope envelope = seen.awaitEnvelope(subjects.task("ezra"));
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

        MeshTestSupport.publish(jetStream, subjects.in("http"), message);

        Envelope reply = seen.awaitEnvelope(subjects.out("http"));
        ReplyPayload payload = EnvelopeCodec.readPayload(reply, ReplyPayload.class);
        assertThat(reply.correlationId()).isEqualTo(message.id());
        assertThat(payload.status()).isEqualTo(ReplyPayload.ERROR);
        assertThat(payload.errorCode()).isEqualTo("unknown_house");
        assertThat(payload.text()).contains("gandalf");
    }

    @Test
    void routesARecognisedOperatorToTheirOwnHouseWithTheReplyAddress() throws Exception {
        ReplyAddress address = new ReplyAddress("123456", "7", "42", null);
        Envelope message = gateway.originate(
                EnvelopeKind.MESSAGE,
                "telegram:123456:7",
                null,
                new Sender("telegram", "1001", "Alice"),
                new MessagePayload("what changed today?", "alice", "bezalel", address),
                null);

        MeshTestSupport.publish(jetStream, subjects.in("telegram"), message);

        TaskPayload payload =
                EnvelopeCodec.readPayload(seen.awaitEnvelope(subjects.task("bezalel")), TaskPayload.class);
        assertThat(payload).isEqualTo(new TaskPayload("what changed today?", "telegram", "alice's own house", address));
    }

    @Test
    void errorRepliesCarryTheReplyAddress() throws Exception {
        ReplyAddress address = new ReplyAddress("C024BE91L", "1700000000.000100", null, null);
        Envelope message = gateway.originate(
                EnvelopeKind.MESSAGE,
                "slack:C024BE91L",
                null,
                new Sender("slack", "U1", "Alice"),
                new MessagePayload("@gandalf hello", "alice", "ezra", address),
                null);

        MeshTestSupport.publish(jetStream, subjects.in("slack"), message);

        ReplyPayload reply = EnvelopeCodec.readPayload(seen.awaitEnvelope(subjects.out("slack")), ReplyPayload.class);
        assertThat(reply.errorCode()).isEqualTo("unknown_house");
        assertThat(reply.replyTo()).isEqualTo(address);
    }

    @Test
    void rejectsAForgedMessageAndRoutesNothing() throws Exception {
        double before = MeshTestSupport.rejected(registry, "unknown_key");
        Envelope forged = TestKeyring.shared()
                .intruder()
                .originate(
                        EnvelopeKind.MESSAGE,
                        "c-forged",
                        "ezra",
                        new Sender("http", "mallory", "M"),
                        new MessagePayload("/tool echo text=pwned"),
                        null);

        MeshTestSupport.publish(jetStream, subjects.in("http"), forged);

        await().atMost(Duration.ofSeconds(10)).until(() -> MeshTestSupport.rejected(registry, "unknown_key") > before);
        Envelope control = message("ezra", "after the forgery");
        MeshTestSupport.publish(jetStream, subjects.in("http"), control);
        seen.awaitFirst(subjects.task("ezra"));
        assertThat(seen.all()).noneMatch(m -> new String(m.getData()).contains("pwned"));
    }

    @Test
    void routesAHousesMessageOnTheMeshPlatform() throws Exception {
        Envelope note = houseMessage("bezalel", "ezra", "please build the index");

        MeshTestSupport.publish(jetStream, subjects.in("mesh"), note);

        Envelope task = seen.awaitEnvelope(subjects.task("bezalel"));
        assertThat(task.nodeId()).isEqualTo("router-test");
        assertThat(task.correlationId()).isEqualTo(note.id());
        assertThat(task.sender()).isEqualTo(new Sender("mesh", "ezra", "Ezra"));
        TaskPayload payload = EnvelopeCodec.readPayload(task, TaskPayload.class);
        assertThat(payload.text()).isEqualTo("please build the index");
        assertThat(payload.replyPlatform()).isEqualTo("mesh");
    }

    @Test
    void answersAHouseOnTheMeshPlatform() throws Exception {
        Envelope note = houseMessage("gandalf", "ezra", "hello");

        MeshTestSupport.publish(jetStream, subjects.in("mesh"), note);

        Envelope reply = seen.awaitEnvelope(subjects.out("mesh"));
        assertThat(reply.correlationId()).isEqualTo(note.id());
        assertThat(EnvelopeCodec.readPayload(reply, ReplyPayload.class).errorCode())
                .isEqualTo("unknown_house");
    }

    @Test
    void deadLettersAHouseSpeakingOnAnOperatorPlatform() throws Exception {
        assertRefused(subjects.in("http"), houseMessage("bezalel", "ezra", "pretend-operator"), "house_outside_mesh");
    }

    @Test
    void deadLettersAGatewayOnTheMeshPlatform() throws Exception {
        assertRefused(subjects.in("mesh"), message("bezalel", "pretend-house"), "gateway_on_mesh");
    }

    @Test
    void deadLettersAHouseSpeakingAsAnotherHouse() throws Exception {
        assertRefused(subjects.in("mesh"), houseMessage("timmy", "bezalel", "pretend-bezalel"), "house_bad_sender");
    }

    /**
     * The envelope is dead-lettered whole with the reason, reported as a security event and counted; nothing is routed
     * or answered (a control message sent after it is routed, and by then the refused one would have been).
     */
    private void assertRefused(String subject, Envelope envelope, String reason) throws Exception {
        double before = refused(reason);
        try (SubjectRecorder events = SubjectRecorder.watch(connection, subjects.eventsAll())) {
            MeshTestSupport.publish(jetStream, subject, envelope);

            DeadLetterPayload deadLetter = SubjectRecorder.payload(
                    events.awaitEnvelope(subjects.events(Subjects.EVENT_DEAD_LETTER)), DeadLetterPayload.class);
            assertThat(deadLetter.subject()).isEqualTo(subject);
            assertThat(deadLetter.deliveries()).isEqualTo(1);
            assertThat(deadLetter.lastError()).startsWith(reason + ": ");
            assertThat(deadLetter.original()).contains(envelope.id());
            SecurityEventPayload event = SubjectRecorder.payload(
                    events.awaitEnvelope(subjects.events(Subjects.EVENT_SECURITY)), SecurityEventPayload.class);
            assertThat(event.reason()).isEqualTo(reason);
            assertThat(event.subject()).isEqualTo(subject);
            assertThat(event.envelopeId()).isEqualTo(envelope.id());
            assertThat(event.claimedNodeId()).isEqualTo(envelope.nodeId());
        }
        assertThat(refused(reason)).isEqualTo(before + 1);
        Envelope control = message("ezra", "after the impostor");
        MeshTestSupport.publish(jetStream, subjects.in("http"), control);
        seen.awaitFirst(subjects.task("ezra"));
        assertThat(seen.all()).noneMatch(m -> new String(m.getData()).contains(envelope.id()));
    }

    private double refused(String reason) {
        Counter counter =
                registry.find("mesh.router.refused").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    /** A message signed by the test house ezra-test, speaking as {@code mesh:<speakingAs>}. */
    private static Envelope houseMessage(String house, String speakingAs, String text) {
        return TestKeyring.shared()
                .signer("ezra-test", NodeRole.HOUSE)
                .originate(
                        EnvelopeKind.MESSAGE,
                        "conv-" + System.nanoTime(),
                        house,
                        new Sender("mesh", speakingAs, "Ezra"),
                        new MessagePayload(text),
                        null);
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
}
