package dev.uniwizard.mesh.memory.historian;

import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.body;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.malformedBody;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.status;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.memory.config.MemoryConfig;
import dev.uniwizard.mesh.service.model.ChatCompletions;
import dev.uniwizard.mesh.testkit.llm.ReceivedRequest;
import dev.uniwizard.mesh.testkit.llm.ScriptedChatServer;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SummaryModelClientTest {

    private final ScriptedChatServer server = ScriptedChatServer.start();
    private final SummaryModelClient client =
            new SummaryModelClient(new ChatCompletions(), Map.of("SUMMARY_KEY", "sk-test-123")::get);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sendsTheTranscriptWithTheModelAndKeyAndReturnsTheSummary() throws Exception {
        server.enqueue(text("Alice and ezra decided to rerun the migration."));

        String summary = client.summarize(
                "ezra", model(server.baseUrl(), Optional.of("SUMMARY_KEY")), "conv-1", "[t] Alice (user): rerun it");

        assertThat(summary).isEqualTo("Alice and ezra decided to rerun the migration.");
        server.verify();
        ReceivedRequest request = server.lastRequest();
        assertThat(request.header("Authorization")).isEqualTo("Bearer sk-test-123");
        JsonNode body = request.body();
        assertThat(body.path("model").asText()).isEqualTo("summarizer-7b");
        assertThat(body.path("messages").size()).isEqualTo(2);
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(body.at("/messages/0/content").asText()).contains("at most 200 words");
        assertThat(body.at("/messages/1/role").asText()).isEqualTo("user");
        assertThat(body.at("/messages/1/content").asText())
                .isEqualTo("Conversation conv-1:\n\n[t] Alice (user): rerun it");
    }

    @Test
    void sendsNoKeyWhenNoneIsConfiguredAndDropsThinking() throws Exception {
        server.enqueue(text("<think>let me see</think>\n  The summary.  "));

        assertThat(client.summarize("ezra", model(server.baseUrl() + "/", Optional.empty()), "c", "t"))
                .isEqualTo("The summary.");
        assertThat(server.lastRequest().header("Authorization")).isNull();
        assertThat(server.lastRequest().path()).isEqualTo("/v1/chat/completions");
    }

    @Test
    void anErrorStatusSaysWhichAndWhy() {
        server.enqueue(status(500, "the GPU caught fire"));

        assertThatThrownBy(() -> client.summarize("ezra", model(server.baseUrl(), Optional.empty()), "c", "t"))
                .isInstanceOf(SummaryModelException.class)
                .hasMessage("HTTP 500 from " + server.completionsUrl() + ": the GPU caught fire");
    }

    @Test
    void emptyOrMalformedAnswersAreRefused() {
        server.enqueue(text("   "), malformedBody(), body(200, "{\"id\":\"x\",\"choices\":[]}"), body(200, "[1]"));
        MemoryConfig.SummaryModel model = model(server.baseUrl(), Optional.empty());

        assertThatThrownBy(() -> client.summarize("ezra", model, "c", "t"))
                .hasMessage("the model answered " + server.completionsUrl() + " with empty content");
        assertThatThrownBy(() -> client.summarize("ezra", model, "c", "t"))
                .hasMessageStartingWith("the answer of " + server.completionsUrl() + " is not JSON");
        assertThatThrownBy(() -> client.summarize("ezra", model, "c", "t"))
                .hasMessageStartingWith(
                        "the answer of " + server.completionsUrl() + " has no choices[0].message.content");
        assertThatThrownBy(() -> client.summarize("ezra", model, "c", "t"))
                .hasMessage("the answer of " + server.completionsUrl() + " is not a chat completion object: [1]");
        server.verify();
    }

    @Test
    void aSlowModelTimesOut() {
        server.enqueue(text("too late").delayed(Duration.ofSeconds(3)));
        MemoryConfig.SummaryModel slow =
                new TestModel(server.baseUrl(), "summarizer-7b", Optional.empty(), Duration.ofMillis(300));

        assertThatThrownBy(() -> client.summarize("ezra", slow, "c", "t"))
                .isInstanceOf(SummaryModelException.class)
                .hasMessage("no answer from " + server.completionsUrl() + " within PT0.3S");
    }

    @Test
    void aMissingKeyOrUnreachableOrBadUrlIsExplained() throws Exception {
        assertThatThrownBy(() ->
                        client.summarize("ezra", model(server.baseUrl(), Optional.of("NO_SUCH_VARIABLE")), "c", "t"))
                .hasMessage("the environment variable NO_SUCH_VARIABLE named by"
                        + " memory.historian.models.ezra.api-key-env is not set");
        assertThat(server.requests()).isEmpty();

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String unreachable = "http://127.0.0.1:" + closedPort + "/v1";
        assertThatThrownBy(() -> client.summarize("ezra", model(unreachable, Optional.empty()), "c", "t"))
                .hasMessageStartingWith("could not reach " + unreachable + "/chat/completions: ");

        assertThatThrownBy(() -> client.summarize("ezra", model("localhost:11434", Optional.empty()), "c", "t"))
                .hasMessage("memory.historian.models.ezra.base-url 'localhost:11434' is not an http(s) URL such as"
                        + " http://127.0.0.1:11434/v1");
    }

    private static MemoryConfig.SummaryModel model(String baseUrl, Optional<String> keyEnv) {
        return new TestModel(baseUrl, "summarizer-7b", keyEnv, Duration.ofSeconds(10));
    }

    /** A summary model setting as the configuration would give it. */
    record TestModel(String baseUrl, String name, Optional<String> apiKeyEnv, Duration timeout)
            implements MemoryConfig.SummaryModel {}
}
