package dev.uniwizard.mesh.service.model;

import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.body;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.malformedBody;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.status;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.testkit.llm.ReceivedRequest;
import dev.uniwizard.mesh.testkit.llm.ScriptedChatServer;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChatCompletionsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ScriptedChatServer server = ScriptedChatServer.start();
    private final ChatCompletions completions = new ChatCompletions();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sendsBothPromptsWithModelAndKeyAndReturnsTheText() throws Exception {
        server.enqueue(text("<think>hmm</think>\n  The answer.  "));

        String answer = completions.complete(server.baseUrl(), "sk-1", "tiny-1b", "be brief", "why?", TIMEOUT);

        assertThat(answer).isEqualTo("The answer.");
        server.verify();
        ReceivedRequest request = server.lastRequest();
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.header("Authorization")).isEqualTo("Bearer sk-1");
        JsonNode sent = request.body();
        assertThat(sent.path("model").asText()).isEqualTo("tiny-1b");
        assertThat(sent.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(sent.at("/messages/0/content").asText()).isEqualTo("be brief");
        assertThat(sent.at("/messages/1/role").asText()).isEqualTo("user");
        assertThat(sent.at("/messages/1/content").asText()).isEqualTo("why?");
    }

    @Test
    void sendsNoKeyWhenThereIsNone() throws Exception {
        server.enqueue(text("ok"));

        completions.complete(server.baseUrl() + "/", " ", "m", "s", "u", TIMEOUT);

        assertThat(server.lastRequest().header("Authorization")).isNull();
    }

    @Test
    void failuresSayWhatWentWrong() {
        server.enqueue(
                status(503, "overloaded"),
                text("   "),
                malformedBody(),
                body(200, "{\"choices\":[]}"),
                body(200, "[1]"),
                body(200, "{\"choices\":[{\"message\":{\"content\":7}}]}"));
        String url = server.completionsUrl();

        assertThatThrownBy(this::ask)
                .isInstanceOf(ChatCompletionException.class)
                .hasMessage("HTTP 503 from " + url + ": overloaded");
        assertThatThrownBy(this::ask).hasMessage("the model answered " + url + " with empty content");
        assertThatThrownBy(this::ask).hasMessageStartingWith("the answer of " + url + " is not JSON");
        assertThatThrownBy(this::ask)
                .hasMessageStartingWith("the answer of " + url + " has no choices[0].message.content");
        assertThatThrownBy(this::ask).hasMessage("the answer of " + url + " is not a chat completion object: [1]");
        assertThatThrownBy(this::ask)
                .hasMessage("the answer of " + url + " has no text in choices[0].message.content (got number)");
        server.verify();
    }

    @Test
    void aSlowModelTimesOut() {
        server.enqueue(text("too late").delayed(Duration.ofSeconds(3)));

        assertThatThrownBy(() -> completions.complete(server.baseUrl(), null, "m", "s", "u", Duration.ofMillis(300)))
                .hasMessage("no answer from " + server.completionsUrl() + " within PT0.3S");
    }

    @Test
    void badOrUnreachableUrlsAreExplained() throws Exception {
        assertThatThrownBy(() -> completions.complete("localhost:11434", null, "m", "s", "u", TIMEOUT))
                .hasMessage("base URL 'localhost:11434' is not an http(s) URL such as http://127.0.0.1:11434/v1");
        assertThat(ChatCompletions.completionsUri("ftp://host/v1")).isEmpty();
        assertThat(ChatCompletions.completionsUri(null)).isEmpty();

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String unreachable = "http://127.0.0.1:" + closedPort + "/v1";
        assertThatThrownBy(() -> completions.complete(unreachable, null, "m", "s", "u", TIMEOUT))
                .hasMessageStartingWith("could not reach " + unreachable + "/chat/completions: ");
    }

    private String ask() throws ChatCompletionException {
        return completions.complete(server.baseUrl(), null, "m", "s", "u", TIMEOUT);
    }
}
