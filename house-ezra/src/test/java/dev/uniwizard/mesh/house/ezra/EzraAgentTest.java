package dev.uniwizard.mesh.house.ezra;

import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.call;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.rawArguments;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.status;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.text;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.payload.MemoryAppendRequest;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.core.payload.ToolCallEvent;
import dev.uniwizard.mesh.core.payload.ToolCallTrace;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.house.contract.HouseAgentResource;
import dev.uniwizard.mesh.house.contract.HouseAgentTest;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.SubjectRecorder;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Ezra in INTELLIGENT mode against a scripted OpenAI-compatible model server, real NATS and the real tools: the test
 * plays the router (sends tasks) and memory-svc (answers history and append requests) and watches the replies.
 */
@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {@ResourceArg(name = "node", value = "ezra-test"), @ResourceArg(name = "role", value = "house")})
@WithTestResource(HouseAgentResource.class)
class EzraAgentTest extends HouseAgentTest {

    @Override
    protected String house() {
        return "ezra";
    }

    @Test
    void aTwoStepToolCallingTurnIsAnsweredAndEveryMessageStored() throws Exception {
        Files.writeString(workspace().resolve("alpha.md"), "# Alpha\n");
        SubjectRecorder events = SubjectRecorder.watch(connection, subjects.events(Subjects.EVENT_TOOL_CALL));
        model().enqueue(toolCalls(call("c1", "file_list", "{\"path\":\".\"}"))).enqueue(request -> {
            JsonNode last = lastMessage(request);
            assertThat(last.path("role").asText()).isEqualTo("tool");
            assertThat(last.path("tool_call_id").asText()).isEqualTo("c1");
            assertThat(last.path("content").asText()).contains("alpha.md");
            return text("There is one note: alpha.md.");
        });

        Envelope message = send("which notes do we have?");

        ReplyPayload reply = finalReply(message);
        assertThat(reply).isEqualTo(ReplyPayload.ok("ezra", "There is one note: alpha.md."));
        List<MemoryAppendRequest> stored = storedFor(message);
        assertThat(stored)
                .extracting(MemoryAppendRequest::role)
                .containsExactly("user", "assistant", "tool", "assistant");
        assertThat(stored.get(1).toolCalls()).extracting(ToolCallTrace::tool).containsExactly("file_list");
        assertThat(stored.get(2).toolCalls()).singleElement().satisfies(trace -> {
            assertThat(trace.callId()).isEqualTo("c1");
            assertThat(trace.outcome()).isEqualTo("ok");
        });
        assertThat(stored.get(3).content()).isEqualTo("There is one note: alpha.md.");
        JsonNode first = model().requests().getFirst().body();
        assertThat(first.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(first.at("/messages/0/content").asText()).contains("Ezra, the archivist", "INTELLIGENT mode");
        assertThat(first.path("tools").toString()).contains("\"file_read\"", "\"file_write\"");
        assertThat(first.path("tools").toString()).doesNotContain("\"git_commit\"");
        model().verify();
        // Every call is recorded as an event for stats, with a digest instead of the arguments.
        await().atMost(Duration.ofSeconds(5)).until(() -> !events.envelopesOn(subjects.events(Subjects.EVENT_TOOL_CALL))
                .isEmpty());
        ToolCallEvent event = events.payloadsOn(subjects.events(Subjects.EVENT_TOOL_CALL), ToolCallEvent.class)
                .getFirst();
        events.close();
        assertThat(event.house()).isEqualTo("ezra");
        assertThat(event.tool()).isEqualTo("file_list");
        assertThat(event.outcome()).isEqualTo("ok");
        assertThat(event.attempts()).isEqualTo(1);
        assertThat(event.mode()).isEqualTo("intelligent");
        assertThat(event.argumentsDigest()).matches("sha256:[0-9a-f]{64}");
        assertThat(event.correlationId()).isEqualTo(message.id());
    }

    @Test
    void readOnlyCallsOfOneStepRunInParallel() throws Exception {
        CountDownLatch bothArrived = new CountDownLatch(2);
        HttpServer service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.setExecutor(Executors.newCachedThreadPool());
        service.createContext("/", exchange -> {
            bothArrived.countDown();
            boolean together;
            try {
                together = bothArrived.await(3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                together = false;
            }
            exchange.sendResponseHeaders(together ? 200 : 504, -1);
            exchange.close();
        });
        service.start();
        try {
            String base = "http://127.0.0.1:" + service.getAddress().getPort();
            model().enqueue(toolCalls(
                            call("a", "health_check", "{\"url\":\"" + base + "/a\"}"),
                            call("b", "health_check", "{\"url\":\"" + base + "/b\"}")))
                    .enqueue(text("Both services are up."));

            Envelope message = send("are the two services up?");

            assertThat(finalReply(message).text()).isEqualTo("Both services are up.");
            assertThat(storedFor(message))
                    .filteredOn(m -> m.role().equals("tool"))
                    .allSatisfy(m -> {
                        assertThat(m.content()).startsWith("UP ");
                        assertThat(m.toolCalls().getFirst().outcome()).isEqualTo("ok");
                    });
            model().verify();
        } finally {
            service.stop(0);
        }
    }

    @Test
    void aDeniedToolIsNotRunAndTheModelIsToldWhy() {
        model().enqueue(toolCalls(
                        call("w", "file_write", "{\"path\":\"src/Main.java\",\"content\":\"class Main {}\"}")))
                .enqueue(request -> {
                    assertThat(lastContent(request))
                            .startsWith("denied: Permission denied")
                            .contains("rule deny: file_write(*.java)");
                    return text("I may not write code; Bezalel can.");
                });

        Envelope message = send("write a Main class");

        assertThat(finalReply(message).text()).isEqualTo("I may not write code; Bezalel can.");
        assertThat(workspace().resolve("src/Main.java")).doesNotExist();
        assertThat(storedFor(message).get(2).toolCalls().getFirst().outcome()).isEqualTo("denied");
        model().verify();
    }

    @Test
    void ezraRefusesToWriteWhatItHasNotReadAndWritesAfterReading() throws Exception {
        Path notes = workspace().resolve("notes.md");
        Files.writeString(notes, "old notes\n");
        String write = "{\"path\":\"notes.md\",\"content\":\"new notes\\n\"}";
        model().enqueue(toolCalls(call("w1", "file_write", write)))
                .enqueue(request -> {
                    assertThat(lastContent(request))
                            .startsWith("refused: Refused by the read-before-write gate")
                            .contains("'notes.md' exists and has not been read");
                    return toolCalls(call("r1", "file_read", "{\"path\":\"notes.md\"}"));
                })
                .enqueue(toolCalls(call("w2", "file_write", write)))
                .enqueue(text("Notes updated after reading them."));

        Envelope message = send("replace the notes");

        assertThat(finalReply(message).text()).isEqualTo("Notes updated after reading them.");
        assertThat(Files.readString(notes)).isEqualTo("new notes\n");
        assertThat(storedFor(message))
                .filteredOn(m -> m.role().equals("tool"))
                .extracting(m -> m.toolCalls().getFirst().outcome())
                .containsExactly("refused", "ok", "ok");
        model().verify();
    }

    @Test
    void argumentsThatAreNotJsonAreAnsweredToTheModel() {
        model().enqueue(toolCalls(rawArguments("x", "file_read", "{\"path\": \"notes.md\"")))
                .enqueue(request -> {
                    assertThat(lastContent(request))
                            .startsWith("bad_arguments: The arguments of your call to 'file_read' are not valid JSON");
                    return text("Sorry, I will send valid JSON.");
                });

        Envelope message = send("read the notes");

        assertThat(finalReply(message).text()).isEqualTo("Sorry, I will send valid JSON.");
        model().verify();
    }

    @Test
    void anUnavailableModelIsToldToTheOperatorAndTheTaskIsTriedAgain() {
        model().enqueue(status(503), status(503), status(503), status(503));

        Envelope message = send("summarise the archive");

        ReplyPayload reply = finalReply(message);
        assertThat(reply.errorCode()).isEqualTo("model_unavailable");
        assertThat(reply.text()).contains("Tried 2 times", "stored in conversation " + message.conversationId());
        assertThat(repliesTo(message))
                .extracting(ReplyPayload::status)
                .containsExactly(ReplyPayload.PENDING, ReplyPayload.ERROR);
        assertThat(repliesTo(message).getFirst().text()).contains("will be tried again automatically");
        assertThat(storedFor(message))
                .extracting(MemoryAppendRequest::content)
                .first()
                .isEqualTo("summarise the archive");
        model().verify();
    }

    @Test
    void sendsMessagesOnlyToTheHousesItMayMessage() {
        try (SubjectRecorder mesh = SubjectRecorder.watch(connection, subjects.in("mesh"))) {
            Envelope allowed = send("/tool send_message to=bezalel text=\"please build the index\"");
            Envelope refused = send("/tool send_message to=telegram:42 text=hi");

            assertThat(finalReply(allowed).text()).startsWith("sent to bezalel as envelope ");
            Envelope message = mesh.awaitEnvelope(subjects.in("mesh"));
            assertThat(message.nodeId()).isEqualTo("ezra-test");
            assertThat(message.house()).isEqualTo("bezalel");
            assertThat(message.sender().platform()).isEqualTo("mesh");
            assertThat(message.sender().userId()).isEqualTo("ezra");
            ReplyPayload refusal = finalReply(refused);
            assertThat(refusal.errorCode()).isEqualTo("refused");
            assertThat(refusal.text())
                    .isEqualTo("Refused by the send allow-list: house 'ezra' may not message 'telegram:42':"
                            + " house.send.allow lists timmy, bezalel.");
            assertThat(mesh.envelopesOn(subjects.in("mesh"))).hasSize(1);
        }
    }
}
