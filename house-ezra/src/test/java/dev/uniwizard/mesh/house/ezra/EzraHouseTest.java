package dev.uniwizard.mesh.house.ezra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Ids;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.MemoryAppendRequest;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.core.payload.TaskPayload;
import dev.uniwizard.mesh.core.streams.MeshStreams;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.house.contract.HouseContract;
import dev.uniwizard.mesh.testkit.FakeMemory;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.MeshTestSupport;
import dev.uniwizard.mesh.testkit.TestExchanges;
import dev.uniwizard.mesh.testkit.TestKeyring;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStream;
import io.nats.client.Message;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ezra end to end over the real NATS: the test plays the router (it sends the tasks) and memory-svc (it answers the
 * append requests) and watches the replies.
 */
@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {@ResourceArg(name = "node", value = "ezra-test"), @ResourceArg(name = "role", value = "house")})
class EzraHouseTest extends HouseContract {

    @Override
    protected String house() {
        return "ezra";
    }

    @Override
    protected String personaFirstLine() {
        return "Ezra, the archivist: analysis, documentation, read before write.";
    }

    @Inject
    Connection connection;

    @Inject
    JetStream jetStream;

    @Inject
    Subjects subjects;

    @Inject
    MeshStreams streams;

    @Inject
    MeterRegistry registry;

    private final List<Message> replies = new CopyOnWriteArrayList<>();
    private final List<MemoryAppendRequest> appended = new CopyOnWriteArrayList<>();
    private Dispatcher watcher;
    private FakeMemory memoryResponder;

    @BeforeEach
    void watchRepliesAndAnswerForMemory() {
        watcher = connection.createDispatcher(replies::add);
        watcher.subscribe(subjects.outAll());
        startMemory();
    }

    @AfterEach
    void stop() {
        connection.closeDispatcher(watcher);
        stopMemory();
    }

    @Test
    void runsTheToolRepliesSignedByEzraAndStoresBothMessages() throws Exception {
        Envelope message = message("/tool echo text=hi");
        Envelope task = task(message, "/tool echo text=hi");

        publishTask(task);

        Envelope reply = awaitReplyTo(message);
        ReplyPayload payload = EnvelopeCodec.readPayload(reply, ReplyPayload.class);
        assertThat(reply.kind()).isEqualTo(EnvelopeKind.REPLY);
        assertThat(reply.nodeId()).isEqualTo("ezra-test");
        assertThat(reply.house()).isEqualTo("ezra");
        assertThat(reply.id()).isEqualTo(Ids.derive(task.id(), "reply"));
        assertThat(reply.conversationId()).isEqualTo(message.conversationId());
        assertThat(payload).isEqualTo(ReplyPayload.ok("ezra", "hi"));
        // Memory had every message before the reply went out: the request, the tool call, the answer.
        List<MemoryAppendRequest> stored = appendedFor(message);
        assertThat(stored).extracting(MemoryAppendRequest::role).containsExactly("user", "tool", "assistant");
        assertThat(stored.get(0).envelopeId()).isEqualTo(message.id());
        assertThat(stored.get(0).content()).isEqualTo("/tool echo text=hi");
        assertThat(stored.get(0).sender()).isEqualTo(new Sender("http", "alice", "Alice"));
        assertThat(stored.get(1).toolCalls()).singleElement().satisfies(trace -> {
            assertThat(trace.tool()).isEqualTo("echo");
            assertThat(trace.outcome()).isEqualTo("ok");
            assertThat(trace.arguments().path("text").asText()).isEqualTo("hi");
        });
        assertThat(stored.get(2).envelopeId()).isEqualTo(reply.id());
        assertThat(stored.get(2).content()).isEqualTo("hi");
        assertThat(stored).allSatisfy(m -> assertThat(m.house()).isEqualTo("ezra"));
        assertThat(timerCount("ok")).isPositive();
    }

    @Test
    void keepsTheTaskWhileMemoryIsDownAndAnswersOnceItIsBack() throws Exception {
        stopMemory();
        double retriedBefore = retried();
        Envelope message = message("/tool echo text=patience");

        publishTask(task(message, "/tool echo text=patience"));

        await().atMost(Duration.ofSeconds(10)).until(() -> retried() >= retriedBefore + 2);
        assertThat(repliesTo(message)).isEmpty();
        startMemory();
        Envelope reply = awaitReplyTo(message);
        assertThat(EnvelopeCodec.readPayload(reply, ReplyPayload.class).text()).isEqualTo("patience");
        assertThat(appendedFor(message))
                .extracting(MemoryAppendRequest::role)
                .containsExactly("user", "tool", "assistant");
        await().atMost(Duration.ofSeconds(5)).until(() -> pendingTasks() == 0);
        assertThat(repliesTo(message)).hasSize(1);
    }

    @Test
    void rejectsATaskFromAnIntruderAndRepliesNothing() throws Exception {
        double before = rejected("unknown_key");
        Envelope forged = TestKeyring.shared()
                .intruder()
                .originate(
                        EnvelopeKind.TASK,
                        "conv-forged",
                        "ezra",
                        new Sender("http", "mallory", "M"),
                        new TaskPayload("/tool echo text=pwned", "http", "forged"),
                        null);

        publishTask(forged);

        await().atMost(Duration.ofSeconds(10)).until(() -> rejected("unknown_key") > before);
        Envelope control = message("/tool echo text=after");
        publishTask(task(control, "/tool echo text=after"));
        awaitReplyTo(control);
        assertThat(replies).noneMatch(m -> new String(m.getData()).contains("pwned"));
        assertThat(appended).noneMatch(m -> m.content().contains("pwned"));
    }

    @Test
    void answersAnUnknownToolWithAnError() throws Exception {
        Envelope message = message("/tool nope");

        publishTask(task(message, "/tool nope"));

        ReplyPayload payload = EnvelopeCodec.readPayload(awaitReplyTo(message), ReplyPayload.class);
        assertThat(payload.status()).isEqualTo(ReplyPayload.ERROR);
        assertThat(payload.errorCode()).isEqualTo("unknown_tool");
        assertThat(payload.text()).contains("nope", "echo", "system_info");
    }

    private void startMemory() {
        memoryResponder = FakeMemory.answering(connection, subjects, appended);
    }

    private void stopMemory() {
        if (memoryResponder != null) {
            memoryResponder.close();
            memoryResponder = null;
        }
    }

    private static Envelope message(String text) {
        return TestExchanges.operatorMessage("ezra", text);
    }

    private static Envelope task(Envelope message, String text) {
        return TestExchanges.routedTask(message, "ezra", text);
    }

    private void publishTask(Envelope task) {
        MeshTestSupport.publish(jetStream, subjects.task("ezra"), task);
    }

    private Envelope awaitReplyTo(Envelope message) {
        Message found = await().atMost(Duration.ofSeconds(15))
                .until(() -> repliesTo(message).stream().findFirst(), Optional::isPresent)
                .orElseThrow();
        assertThat(found.getSubject()).isEqualTo(subjects.out("http"));
        return parse(found);
    }

    private List<Message> repliesTo(Envelope message) {
        return replies.stream()
                .filter(m -> message.id().equals(parse(m).correlationId()))
                .toList();
    }

    private List<MemoryAppendRequest> appendedFor(Envelope message) {
        return appended.stream()
                .filter(m -> m.conversationId().equals(message.conversationId()))
                .toList();
    }

    private static Envelope parse(Message message) {
        try {
            return EnvelopeCodec.parse(message.getData()).envelope();
        } catch (Exception e) {
            throw new AssertionError("unreadable envelope on " + message.getSubject(), e);
        }
    }

    private double retried() {
        return registry
                .find("mesh.worker.messages")
                .tags("consumer", "house-ezra", "outcome", "retried")
                .counters()
                .stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    private double rejected(String reason) {
        return MeshTestSupport.rejected(registry, reason);
    }

    private long timerCount(String outcome) {
        return registry.find("mesh.house.task").tags("house", "ezra", "outcome", outcome).timers().stream()
                .mapToLong(t -> t.count())
                .sum();
    }

    private long pendingTasks() throws Exception {
        var info = connection
                .getStreamContext(streams.tasks())
                .getConsumerContext("house-ezra")
                .getConsumerInfo();
        return info.getNumPending() + info.getNumAckPending();
    }
}
