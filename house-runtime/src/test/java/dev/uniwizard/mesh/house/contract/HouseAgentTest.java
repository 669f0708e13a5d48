package dev.uniwizard.mesh.house.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.payload.MemoryAppendRequest;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.testkit.FakeMemory;
import dev.uniwizard.mesh.testkit.MeshTestSupport;
import dev.uniwizard.mesh.testkit.SubjectRecorder;
import dev.uniwizard.mesh.testkit.TestExchanges;
import dev.uniwizard.mesh.testkit.llm.ScriptedChatServer;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What a house's agent test does around its scenario, with {@link HouseAgentResource}: plays the router (sends tasks
 * on {@code task.<house>}) and memory-svc ({@link FakeMemory}), and watches the replies on {@code out.http}. Shipped in
 * the test-jar.
 */
public abstract class HouseAgentTest {

    @Inject
    protected Connection connection;

    @Inject
    protected JetStream jetStream;

    @Inject
    protected Subjects subjects;

    protected FakeMemory memory;
    protected SubjectRecorder replies;

    /** The house under test, e.g. {@code ezra}. */
    protected abstract String house();

    @BeforeEach
    void answerForMemoryAndWatchReplies() {
        memory = FakeMemory.answering(connection, subjects);
        replies = SubjectRecorder.watch(connection, subjects.out("http"));
    }

    @AfterEach
    void stopAnsweringAndWatching() {
        memory.close();
        replies.close();
    }

    protected static ScriptedChatServer model() {
        return HouseAgentResource.model();
    }

    protected static Path workspace() {
        return HouseAgentResource.workspace();
    }

    /** Sends {@code text} from Alice as the router would; returns her message (its id correlates the replies). */
    protected Envelope send(String text) {
        Envelope message = TestExchanges.operatorMessage(house(), text);
        MeshTestSupport.publish(jetStream, subjects.task(house()), TestExchanges.routedTask(message, house(), text));
        return message;
    }

    /** Every reply to {@code message} so far, interim notices included, in order. */
    protected List<ReplyPayload> repliesTo(Envelope message) {
        return replies.envelopesOn(subjects.out("http")).stream()
                .filter(reply -> reply.correlationId().equals(message.id()))
                .map(reply -> SubjectRecorder.payload(reply, ReplyPayload.class))
                .toList();
    }

    /**
     * Waits for the one final (not pending) reply to {@code message}; it is published only after every message of the
     * turn is stored, so memory's last message of the conversation is that reply.
     */
    protected ReplyPayload finalReply(Envelope message) {
        await().atMost(Duration.ofSeconds(30)).until(() -> finalReplies(message).size() == 1);
        ReplyPayload reply = finalReplies(message).getFirst();
        assertThat(storedFor(message).getLast().content()).isEqualTo(reply.text());
        return reply;
    }

    private List<ReplyPayload> finalReplies(Envelope message) {
        return repliesTo(message).stream()
                .filter(reply -> !ReplyPayload.PENDING.equals(reply.status()))
                .toList();
    }

    /** What memory stored of {@code message}'s conversation, in order. */
    protected List<MemoryAppendRequest> storedFor(Envelope message) {
        return memory.appended().stream()
                .filter(m -> m.conversationId().equals(message.conversationId()))
                .toList();
    }

    /** The outcome of every tool message stored for {@code message}'s conversation, in order. */
    protected List<String> toolOutcomes(Envelope message) {
        return storedFor(message).stream()
                .filter(m -> m.role().equals("tool"))
                .map(m -> m.toolCalls().getFirst().outcome())
                .toList();
    }

    /** The last message of a chat-completions request: what the model was just told. */
    protected static JsonNode lastMessage(JsonNode request) {
        JsonNode messages = request.path("messages");
        return messages.get(messages.size() - 1);
    }

    protected static String lastContent(JsonNode request) {
        return lastMessage(request).path("content").asText();
    }
}
