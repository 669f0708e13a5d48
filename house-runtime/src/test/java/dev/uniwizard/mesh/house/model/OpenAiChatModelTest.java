package dev.uniwizard.mesh.house.model;

import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.body;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.call;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.delay;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.malformedBody;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.objectArguments;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.rawArguments;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.status;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.text;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uniwizard.mesh.house.config.HouseConfigs;
import dev.uniwizard.mesh.testkit.llm.ReceivedRequest;
import dev.uniwizard.mesh.testkit.llm.ScriptedChatServer;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiChatModelTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ChatRequest HELLO = new ChatRequest(List.of(ChatMessage.user("hello")), List.of());

    private ScriptedChatServer server;

    @BeforeEach
    void start() {
        server = ScriptedChatServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answersWithText() throws Exception {
        server.enqueue(text("final answer").withUsage(12, 3));

        ChatCompletion completion = model().complete(HELLO);

        assertThat(completion.message().role()).isEqualTo("assistant");
        assertThat(completion.message().content()).isEqualTo("final answer");
        assertThat(completion.callsTools()).isFalse();
        assertThat(completion.finishReason()).isEqualTo("stop");
        assertThat(completion.promptTokens()).isEqualTo(12);
        assertThat(completion.completionTokens()).isEqualTo(3);
        server.verify();
    }

    @Test
    void readsTwoToolCallsOfOneResponse() throws Exception {
        server.enqueue(toolCalls(call("id1", "file_read", "{\"path\":\"a.md\"}"), call("id2", "git_status", "{}")));

        ChatCompletion completion = model().complete(HELLO);

        assertThat(completion.callsTools()).isTrue();
        assertThat(completion.finishReason()).isEqualTo("tool_calls");
        assertThat(completion.message().content()).isNull();
        assertThat(completion.message().toolCalls())
                .containsExactly(
                        new ModelToolCall("id1", "file_read", "{\"path\":\"a.md\"}"),
                        new ModelToolCall("id2", "git_status", "{}"));
    }

    @Test
    void passesInvalidJsonArgumentsThroughUnchanged() throws Exception {
        String broken = "{\"path\": \"a.md\", content: ";
        server.enqueue(toolCalls(rawArguments("c1", "file_write", broken)));

        ChatCompletion completion = model().complete(HELLO);

        assertThat(completion.message().toolCalls()).containsExactly(new ModelToolCall("c1", "file_write", broken));
    }

    @Test
    void acceptsEmptyContent() throws Exception {
        server.enqueue(text(""), text(null));

        ChatCompletion empty = model().complete(HELLO);
        ChatCompletion nothing = model().complete(HELLO);

        assertThat(empty.message().content()).isEmpty();
        assertThat(nothing.message().content()).isNull();
        assertThat(nothing.message().text()).isEmpty();
        assertThat(nothing.callsTools()).isFalse();
    }

    @Test
    void toleratesWhatLocalServersSend() throws Exception {
        server.enqueue(toolCalls(
                        objectArguments("o1", "file_read", "{\"path\":\"b.md\"}"),
                        call(null, "git_status", "{}"),
                        call(null, "git_log", "{}"))
                .withoutFinishReason()
                .withoutUsage());

        ChatCompletion completion = model().complete(HELLO);

        assertThat(completion.callsTools()).isTrue();
        assertThat(completion.finishReason()).isNull();
        assertThat(completion.promptTokens()).isEqualTo(-1);
        assertThat(completion.completionTokens()).isEqualTo(-1);
        List<ModelToolCall> calls = completion.message().toolCalls();
        assertThat(MAPPER.readTree(calls.get(0).arguments()).path("path").asText())
                .isEqualTo("b.md");
        assertThat(calls.get(1).id()).matches("call_\\d+");
        assertThat(calls.get(2).id())
                .matches("call_\\d+")
                .isNotEqualTo(calls.get(1).id());
    }

    @Test
    void toolCallsDecideEvenWhenFinishReasonSaysStop() throws Exception {
        server.enqueue(toolCalls(call("c1", "git_status", "{}")).withFinishReason("stop"));

        ChatCompletion completion = model().complete(HELLO);

        assertThat(completion.callsTools()).isTrue();
        assertThat(completion.finishReason()).isEqualTo("stop");
    }

    @Test
    void retriesAfter429() throws Exception {
        server.enqueue(status(429).retryAfter(0), text("ok"));

        ChatCompletion completion = model().complete(HELLO);

        assertThat(completion.message().content()).isEqualTo("ok");
        assertThat(server.requests()).hasSize(2);
        server.verify();
    }

    @Test
    void honoursRetryAfter() throws Exception {
        server.enqueue(status(429).retryAfter(1), text("ok"));

        long started = System.nanoTime();
        model().complete(HELLO);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void givesUpRateLimitedAfterMaxAttempts() {
        server.enqueue(status(429), status(429), status(429));

        ModelException e = assertThrows(ModelException.class, () -> model().complete(HELLO));

        assertThat(e.kind()).isEqualTo(ModelException.Kind.RATE_LIMITED);
        assertThat(e.isTransient()).isTrue();
        assertThat(e.getMessage()).contains("3 attempts").contains("429");
        assertThat(server.requests()).hasSize(3);
        server.verify();
    }

    @Test
    void givesUpWithServerErrorAfterMaxAttempts() {
        server.enqueue(status(500), status(502), status(500, "model overloaded"));

        ModelException e = assertThrows(ModelException.class, () -> model().complete(HELLO));

        assertThat(e.kind()).isEqualTo(ModelException.Kind.SERVER_ERROR);
        assertThat(e.getMessage()).contains("HTTP 500").contains("model overloaded");
        assertThat(server.requests()).hasSize(3);
        server.verify();
    }

    @Test
    void unreachablePortFailsQuickly() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        OpenAiChatModel model = model(Map.of("house.model.base-url", "http://127.0.0.1:" + port + "/v1"));

        long started = System.nanoTime();
        ModelException e = assertThrows(ModelException.class, () -> model.complete(HELLO));

        assertThat(e.kind()).isEqualTo(ModelException.Kind.UNREACHABLE);
        assertThat(e.getMessage()).contains("127.0.0.1:" + port).contains("could not connect");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void slowAnswerTimesOut() {
        server.enqueue(delay(Duration.ofSeconds(5), text("too late")), delay(Duration.ofSeconds(5), text("too late")));
        OpenAiChatModel model = model(Map.of("house.model.timeout", "300ms", "house.model.max-attempts", "2"));

        long started = System.nanoTime();
        ModelException e = assertThrows(ModelException.class, () -> model.complete(HELLO));

        assertThat(e.kind()).isEqualTo(ModelException.Kind.TIMEOUT);
        assertThat(e.getMessage()).contains("2 attempts").contains("no answer within");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void unauthorizedIsRejectedWithTheServersMessageAndNotRetried() {
        server.enqueue(status(401, "Incorrect API key provided: sk-live-secret"));
        OpenAiChatModel model = model(Map.of(), () -> Optional.of("sk-live-secret"));

        ModelException e = assertThrows(ModelException.class, () -> model.complete(HELLO));

        assertThat(e.kind()).isEqualTo(ModelException.Kind.REJECTED);
        assertThat(e.isTransient()).isFalse();
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.credentialsRefused()).isTrue();
        assertThat(e.getMessage())
                .contains("HTTP 401")
                .contains("Incorrect API key provided")
                .contains("HOUSE_MODEL_API_KEY")
                .doesNotContain("sk-live-secret");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aRefusalOtherThan401Or403IsNotAboutCredentials() {
        server.enqueue(status(404, "The model does not exist"));

        ModelException e = assertThrows(ModelException.class, () -> model().complete(HELLO));

        assertThat(e.kind()).isEqualTo(ModelException.Kind.REJECTED);
        assertThat(e.httpStatus()).isEqualTo(404);
        assertThat(e.credentialsRefused()).isFalse();
        assertThat(e.getMessage()).contains("house.model.base-url and house.model.name");
    }

    @Test
    void malformedBodyIsABadResponse() {
        server.enqueue(malformedBody());

        ModelException e = assertThrows(ModelException.class, () -> model().complete(HELLO));

        assertThat(e.kind()).isEqualTo(ModelException.Kind.BAD_RESPONSE);
        assertThat(e.getMessage()).contains("not a JSON object");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void missingChoicesIsABadResponse() {
        server.enqueue(body(200, "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[]}"));

        ModelException e = assertThrows(ModelException.class, () -> model().complete(HELLO));

        assertThat(e.kind()).isEqualTo(ModelException.Kind.BAD_RESPONSE);
        assertThat(e.getMessage()).contains("no 'choices'");
    }

    @Test
    void errorInsteadOfChoicesIsABadResponseCarryingTheError() {
        server.enqueue(body(200, "{\"error\":{\"message\":\"the model crashed\"}}"));

        ModelException e = assertThrows(ModelException.class, () -> model().complete(HELLO));

        assertThat(e.kind()).isEqualTo(ModelException.Kind.BAD_RESPONSE);
        assertThat(e.getMessage()).contains("the model crashed");
    }

    @Test
    void toolCallWithoutNameIsABadResponse() {
        server.enqueue(body(200, """
                {"choices":[{"index":0,"message":{"role":"assistant","content":null,
                  "tool_calls":[{"id":"c1","type":"function","function":{"arguments":"{}"}}]}}]}"""));

        ModelException e = assertThrows(ModelException.class, () -> model().complete(HELLO));

        assertThat(e.kind()).isEqualTo(ModelException.Kind.BAD_RESPONSE);
        assertThat(e.getMessage()).contains("tool_calls[0] has no function name");
    }

    @Test
    void sendsTheConversationToolsOptionsAndKeyInTheOpenAiShape() throws Exception {
        server.enqueue(request -> {
            JsonNode toolMessage = request.at("/messages/3");
            assertThat(toolMessage.path("role").asText()).isEqualTo("tool");
            assertThat(toolMessage.path("content").asText()).isEqualTo("# A");
            return text("a.md is a heading");
        });
        ObjectNode parameters = MAPPER.createObjectNode().put("type", "object");
        parameters.putObject("properties").putObject("path").put("type", "string");
        parameters.putArray("required").add("path");
        ChatRequest request = new ChatRequest(
                List.of(
                        ChatMessage.system("You are Ezra."),
                        ChatMessage.user("read a.md"),
                        ChatMessage.assistant("", List.of(new ModelToolCall("c1", "file_read", "{\"path\":\"a.md\"}"))),
                        ChatMessage.tool("c1", "# A")),
                List.of(new ToolSpec("file_read", "Reads a file of the workspace", parameters)));
        OpenAiChatModel model = model(
                Map.of("house.model.temperature", "0.2", "house.model.max-tokens", "256"),
                () -> Optional.of("sk-test-123"));

        ChatCompletion completion = model.complete(request);

        assertThat(completion.message().content()).isEqualTo("a.md is a heading");
        server.verify(); // the server's shape checks passed and the responder's assertions held
        ReceivedRequest received = server.lastRequest();
        assertThat(received.header("Authorization")).isEqualTo("Bearer sk-test-123");
        JsonNode sent = received.body();
        assertThat(sent.path("model").asText()).isEqualTo("test-model");
        assertThat(sent.at("/messages/0/role").asText()).isEqualTo("system");
        JsonNode assistant = sent.at("/messages/2");
        assertThat(assistant.has("content") && assistant.get("content").isNull())
                .as("content null: %s", assistant)
                .isTrue();
        assertThat(assistant.at("/tool_calls/0/id").asText()).isEqualTo("c1");
        assertThat(assistant.at("/tool_calls/0/type").asText()).isEqualTo("function");
        assertThat(assistant.at("/tool_calls/0/function/arguments").isTextual()).isTrue();
        assertThat(assistant.at("/tool_calls/0/function/arguments").asText()).isEqualTo("{\"path\":\"a.md\"}");
        assertThat(sent.at("/messages/3/tool_call_id").asText()).isEqualTo("c1");
        assertThat(sent.at("/tools/0/type").asText()).isEqualTo("function");
        assertThat(sent.at("/tools/0/function/name").asText()).isEqualTo("file_read");
        assertThat(sent.at("/tools/0/function/description").asText()).isEqualTo("Reads a file of the workspace");
        assertThat(sent.at("/tools/0/function/parameters")).isEqualTo(parameters);
        assertThat(sent.path("tool_choice").asText()).isEqualTo("auto");
        assertThat(sent.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(sent.path("max_tokens").asInt()).isEqualTo(256);
    }

    @Test
    void leavesOutToolsOptionsAndKeyWhenThereAreNone() throws Exception {
        server.enqueue(text("hi"));

        model(Map.of(), Optional::empty).complete(HELLO);

        ReceivedRequest received = server.lastRequest();
        assertThat(received.header("Authorization")).isNull();
        assertThat(received.body().has("tools")).isFalse();
        assertThat(received.body().has("tool_choice")).isFalse();
        assertThat(received.body().has("temperature")).isFalse();
        assertThat(received.body().has("max_tokens")).isFalse();
        server.verify();
    }

    @Test
    void readsTheKeyFromTheNamedEnvironmentVariable() throws Exception {
        server.enqueue(text("hi"));
        // PATH is set wherever tests run; its value stands in for a key.
        OpenAiChatModel model =
                new OpenAiChatModel(HouseConfigs.of(properties(Map.of("house.model.api-key-env", "PATH"))));

        model.complete(HELLO);

        assertThat(server.lastRequest().header("Authorization")).isEqualTo("Bearer " + System.getenv("PATH"));
    }

    @Test
    void trailingSlashOfTheBaseUrlIsIgnored() throws Exception {
        server.enqueue(text("hi"));

        model(Map.of("house.model.base-url", server.baseUrl() + "/")).complete(HELLO);

        assertThat(server.lastRequest().path()).isEqualTo("/v1/chat/completions");
        server.verify();
    }

    @Test
    void missingConfigurationFailsAtCallTimeNotAtStart() {
        OpenAiChatModel model = new OpenAiChatModel(HouseConfigs.of(Map.of()));

        ModelException e = assertThrows(ModelException.class, () -> model.complete(HELLO));

        assertThat(e.kind()).isEqualTo(ModelException.Kind.NOT_CONFIGURED);
        assertThat(e.getMessage()).contains("house.model.base-url").contains("house.model.name");
        assertThat(model.describe()).isEqualTo("(no house.model.name) at (no house.model.base-url)");
    }

    @Test
    void missingModelNameIsNotConfigured() {
        OpenAiChatModel model = new OpenAiChatModel(HouseConfigs.of(Map.of("house.model.base-url", server.baseUrl())));

        ModelException e = assertThrows(ModelException.class, () -> model.complete(HELLO));

        assertThat(e.kind()).isEqualTo(ModelException.Kind.NOT_CONFIGURED);
        assertThat(e.getMessage()).contains("house.model.name").doesNotContain("house.model.base-url");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void unusableBaseUrlIsNotConfigured() {
        assertThatThrownBy(() -> model(Map.of("house.model.base-url", "ftp://models.example/v1"))
                        .complete(HELLO))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("not a usable http(s) URL")
                .extracting(e -> ((ModelException) e).kind())
                .isEqualTo(ModelException.Kind.NOT_CONFIGURED);
    }

    @Test
    void describesModelAndEndpoint() {
        assertThat(model().describe()).isEqualTo("test-model at " + server.baseUrl());
    }

    private OpenAiChatModel model() {
        return model(Map.of());
    }

    private OpenAiChatModel model(Map<String, String> overrides) {
        return model(overrides, Optional::empty);
    }

    private OpenAiChatModel model(Map<String, String> overrides, java.util.function.Supplier<Optional<String>> apiKey) {
        return new OpenAiChatModel(HouseConfigs.of(properties(overrides)).model(), apiKey);
    }

    private Map<String, String> properties(Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>();
        properties.put("house.model.base-url", server.baseUrl());
        properties.put("house.model.name", "test-model");
        properties.put("house.model.retry-backoff", "10ms");
        properties.put("house.model.timeout", "5s");
        properties.putAll(overrides);
        return properties;
    }
}
