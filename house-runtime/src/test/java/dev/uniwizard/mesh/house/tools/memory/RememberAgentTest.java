package dev.uniwizard.mesh.house.tools.memory;

import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.call;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.text;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.Ids;
import dev.uniwizard.mesh.core.memory.MarkersRequest;
import dev.uniwizard.mesh.core.memory.PromoteRequest;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.house.config.HouseMode;
import dev.uniwizard.mesh.house.contract.HouseAgentResource;
import dev.uniwizard.mesh.house.contract.HouseAgentTest;
import dev.uniwizard.mesh.house.engine.TurnContext;
import dev.uniwizard.mesh.house.gates.ConversationLedger;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolResult;
import dev.uniwizard.mesh.house.tools.TransientToolException;
import dev.uniwizard.mesh.testkit.FakeMemory;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.TestExchanges;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Project memory in a house's turns, with house {@code keeper} of this module's test configuration (project
 * {@code uniwizard/mesh}, 5 markers), a scripted model, real NATS and {@link FakeMemory} answering as memory-svc: the
 * remember tool promotes into the project, and the markers memory answers open the model's system prompt.
 */
@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {@ResourceArg(name = "node", value = "keeper-test"), @ResourceArg(name = "role", value = "house")})
@WithTestResource(HouseAgentResource.class)
class RememberAgentTest extends HouseAgentTest {

    private static final String PROJECT = "uniwizard/mesh";
    private static final String DECISION =
            "[MEMORY MARKER] decision #12 (2026-11-20, ezra): Store memory in PostgreSQL, not files";
    private static final String PATTERN =
            "[MEMORY MARKER] pattern #13 (2026-11-21, bezalel): Run make test before every commit";

    @Inject
    RememberTool remember;

    @Override
    protected String house() {
        return "keeper";
    }

    @Test
    void aRememberCallOfTheModelIsPromotedIntoTheHousesProjectWithItsConversation() {
        String content = "Store memory in PostgreSQL, not files: it is searchable and chained.";
        model().enqueue(toolCalls(call(
                        "m1",
                        "remember",
                        "{\"type\":\"decision\",\"content\":\"" + content + "\",\"marker\":\"Memory lives in"
                                + " PostgreSQL\",\"houses\":\"keeper, ezra\",\"relevance\":0.9}")))
                .enqueue(request -> {
                    assertThat(lastContent(request))
                            .isEqualTo("remembered as decision #1 for project uniwizard/mesh; marker: Memory lives in"
                                    + " PostgreSQL");
                    return text("I will keep that in mind.");
                });

        Envelope message = send("from now on memory lives in PostgreSQL");

        assertThat(finalReply(message)).isEqualTo(ReplyPayload.ok("keeper", "I will keep that in mind."));
        assertThat(toolOutcomes(message)).containsExactly("ok");
        PromoteRequest promoted = memory.promoteRequests().getFirst();
        assertThat(memory.promoteRequests()).hasSize(1);
        assertThat(promoted.project()).isEqualTo(PROJECT);
        assertThat(promoted.memoryType()).isEqualTo("decision");
        assertThat(promoted.content()).isEqualTo(content);
        assertThat(promoted.marker()).isEqualTo("Memory lives in PostgreSQL");
        assertThat(promoted.houses()).containsExactly("keeper", "ezra");
        assertThat(promoted.relevanceScore()).isEqualTo(0.9);
        assertThat(promoted.sourceConversationId()).isEqualTo(message.conversationId());
        assertThat(promoted.expiresAt()).isNull();
        // The request id derives from the task (the router's task of this message) and the call's arguments.
        ToolCall asCalled = new ToolCall(
                "remember",
                Map.of(
                        "type", "decision",
                        "content", content,
                        "marker", "Memory lives in PostgreSQL",
                        "houses", "keeper, ezra",
                        "relevance", "0.9"));
        assertThat(promoted.requestId())
                .isEqualTo(Ids.derive(Ids.derive(message.id(), "task"), "remember/" + asCalled.argumentsDigest()));
        model().verify();
    }

    @Test
    void theSameTaskRememberingAgainKeepsOneEntryAsTheRequestIdIsTheSame() {
        // What another replica does with a redelivered task: run the same call of the same task again.
        TurnContext turn = turnOf(task("keep this"));
        ToolCall call = new ToolCall("remember", Map.of("type", "pattern", "content", "Run make test before commits"));

        ToolResult first = remember.execute(call, turn);
        ToolResult again = remember.execute(call, turn);
        ToolResult otherTask = remember.execute(call, turnOf(task("keep this too")));

        assertThat(first)
                .isEqualTo(ToolResult.ok("remembered as pattern #1 for project uniwizard/mesh; marker: Run make"
                        + " test before commits"));
        assertThat(again)
                .isEqualTo(ToolResult.ok("already remembered as pattern #1 for project uniwizard/mesh; marker: Run make"
                        + " test before commits (this call was made before)"));
        assertThat(otherTask.text()).startsWith("remembered as pattern #2 ");
        List<PromoteRequest> asked = memory.promoteRequests();
        assertThat(asked).hasSize(3);
        assertThat(asked.get(1).requestId()).isEqualTo(asked.get(0).requestId());
        assertThat(asked.get(2).requestId()).isNotEqualTo(asked.get(0).requestId());
        assertThat(memory.promoted()).hasSize(2);
    }

    @Test
    void theMarkersMemoryAnswersOpenTheSystemPromptAsTheyAre() {
        memory.markers(List.of(DECISION, PATTERN));
        model().enqueue(request -> {
            String system = systemPrompt(request);
            assertThat(system)
                    .contains("## Project memory (uniwizard/mesh)\n" + DECISION + "\n" + PATTERN + "\nThese markers"
                            + " are facts and decisions remembered for this project: respect them, but they may be"
                            + " outdated")
                    .endsWith("with the remember tool.\n");
            return text("Memory lives in PostgreSQL, as decided.");
        });

        Envelope message = send("where does memory live?");

        assertThat(finalReply(message).text()).isEqualTo("Memory lives in PostgreSQL, as decided.");
        assertThat(memory.markersRequests()).containsExactly(new MarkersRequest(PROJECT, "keeper", 5));
        model().verify();
    }

    @Test
    void whenMemoryRefusesTheMarkersTheTurnGoesOnWithoutThem() {
        memory.markers(List.of(DECISION)).refuseMarkers("unavailable", "the database is down");
        model().enqueue(request -> {
            assertThat(systemPrompt(request)).doesNotContain("Project memory", "MEMORY MARKER");
            return text("Answered without memory.");
        });

        Envelope message = send("anything remembered?");

        assertThat(finalReply(message)).isEqualTo(ReplyPayload.ok("keeper", "Answered without memory."));
        assertThat(memory.markersRequests()).hasSize(1);
        model().verify();
    }

    @Test
    void commandsRememberWithoutMarkersAndBadArgumentsAreRefusedBeforeMemoryIsAsked() {
        Envelope good = send("/tool remember type=correction content=\"The gateway listens on 8080, not 8000\"");
        Envelope badType = send("/tool remember type=opinion content=\"tabs are better\"");
        Envelope badRelevance = send("/tool remember type=decision content=x relevance=1.5");

        assertThat(finalReply(good))
                .isEqualTo(ReplyPayload.ok(
                        "keeper",
                        "remembered as correction #1 for project uniwizard/mesh; marker: The gateway listens on 8080,"
                                + " not 8000"));
        ReplyPayload typeRefused = finalReply(badType);
        assertThat(typeRefused.errorCode()).isEqualTo("bad_command");
        assertThat(typeRefused.text())
                .isEqualTo("tool 'remember': type 'opinion' is not a memory type; use one of decision, pattern,"
                        + " correction, architecture.");
        assertThat(finalReply(badRelevance).text())
                .isEqualTo("tool 'remember': relevance must be from 0 (barely relevant) to 1 (most relevant), got"
                        + " 1.5.");
        assertThat(memory.promoteRequests()).hasSize(1);
        assertThat(memory.promoteRequests().getFirst().sourceConversationId()).isEqualTo(good.conversationId());
        assertThat(memory.markersRequests()).isEmpty();
    }

    @Test
    void memoryRefusingIsAFailureOfTheCallAndNoMemoryIsATransientError() {
        memory.refusePromotions("too_large", "content is 200001 characters long, at most 100000 are stored");
        model().enqueue(toolCalls(call("m1", "remember", "{\"type\":\"architecture\",\"content\":\"all of it\"}")))
                .enqueue(request -> {
                    assertThat(lastContent(request))
                            .isEqualTo("failed: remember: memory refused to keep it (too_large): content is 200001"
                                    + " characters long, at most 100000 are stored");
                    return text("Memory would not keep it.");
                });

        Envelope message = send("remember the whole architecture");

        assertThat(finalReply(message).text()).isEqualTo("Memory would not keep it.");
        assertThat(toolOutcomes(message)).containsExactly("failed");
        model().verify();

        memory.close();
        try {
            ToolCall call = new ToolCall("remember", Map.of("type", "decision", "content", "nobody hears this"));
            assertThatThrownBy(() -> remember.execute(call, turnOf(task("unheard"))))
                    .isInstanceOf(TransientToolException.class)
                    .hasMessageStartingWith("memory could not be asked to remember it: no service answers on ");
        } finally {
            memory = FakeMemory.answering(connection, subjects);
        }
    }

    private static Envelope task(String text) {
        return TestExchanges.routedTask(TestExchanges.operatorMessage("keeper", text), "keeper", text);
    }

    private static TurnContext turnOf(Envelope task) {
        return new TurnContext(
                task,
                HouseMode.INTELLIGENT,
                false,
                new ConversationLedger(),
                Instant.now().plusSeconds(60),
                () -> {},
                text -> {});
    }

    private static String systemPrompt(JsonNode request) {
        JsonNode first = request.path("messages").get(0);
        assertThat(first.path("role").asText()).isEqualTo("system");
        return first.path("content").asText();
    }
}
