package dev.uniwizard.mesh.testkit.llm;

import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.body;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.call;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.delay;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.malformedBody;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.objectArguments;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.rawArguments;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.status;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.text;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.toolCalls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScriptedChatServerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String USER_ONLY = """
            {"model":"m","messages":[{"role":"user","content":"hello"}]}""";
    private static final String WITH_TOOL_RESULT = """
            {"model":"m","messages":[
              {"role":"system","content":"be brief"},
              {"role":"user","content":"read a.md"},
              {"role":"assistant","content":null,"tool_calls":[
                {"id":"c1","type":"function","function":{"name":"file_read","arguments":"{\\"path\\":\\"a.md\\"}"}}]},
              {"role":"tool","tool_call_id":"c1","content":"# A"}],
             "tools":[{"type":"function","function":{"name":"file_read","description":"Reads a file",
               "parameters":{"type":"object","properties":{"path":{"type":"string"}},"required":["path"]}}}],
             "tool_choice":"auto"}""";

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
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
    void baseUrlIsLoopbackV1() {
        assertTrue(server.baseUrl().matches("http://127\\.0\\.0\\.1:\\d+/v1"), server.baseUrl());
        assertEquals(server.baseUrl() + "/chat/completions", server.completionsUrl());
    }

    @Test
    void textAnswerHasTheChatCompletionShape() throws Exception {
        server.enqueue(text("final answer"));

        HttpResponse<String> response = post(USER_ONLY);

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        JsonNode body = MAPPER.readTree(response.body());
        assertTrue(body.path("id").asText().startsWith("chatcmpl-"), body.toString());
        assertEquals("chat.completion", body.path("object").asText());
        assertTrue(body.path("created").asLong() > 1_600_000_000L);
        assertEquals("m", body.path("model").asText());
        JsonNode choice = body.path("choices").get(0);
        assertEquals(0, choice.path("index").asInt());
        assertEquals("assistant", choice.at("/message/role").asText());
        assertEquals("final answer", choice.at("/message/content").asText());
        assertFalse(choice.path("message").has("tool_calls"));
        assertEquals("stop", choice.path("finish_reason").asText());
        JsonNode usage = body.path("usage");
        assertTrue(usage.path("prompt_tokens").asInt() > 0);
        assertTrue(usage.path("completion_tokens").asInt() > 0);
        assertEquals(
                usage.path("prompt_tokens").asInt()
                        + usage.path("completion_tokens").asInt(),
                usage.path("total_tokens").asInt());
        server.verify();
    }

    @Test
    void toolCallsHaveNullContentAndStringArguments() throws Exception {
        server.enqueue(toolCalls(call("id1", "file_read", "{\"path\":\"a.md\"}"), call("id2", "git_status", "{}")));

        JsonNode message = completionMessage(post(USER_ONLY));

        assertTrue(message.has("content") && message.get("content").isNull(), message.toString());
        JsonNode calls = message.path("tool_calls");
        assertEquals(2, calls.size());
        assertEquals("id1", calls.get(0).path("id").asText());
        assertEquals("function", calls.get(0).path("type").asText());
        assertEquals("file_read", calls.get(0).at("/function/name").asText());
        JsonNode arguments = calls.get(0).at("/function/arguments");
        assertTrue(arguments.isTextual(), "arguments must be a JSON string: " + arguments);
        assertEquals("a.md", MAPPER.readTree(arguments.asText()).path("path").asText());
        assertEquals("git_status", calls.get(1).at("/function/name").asText());
        assertEquals(
                "tool_calls",
                MAPPER.readTree(lastBody).at("/choices/0/finish_reason").asText());
    }

    @Test
    void rawObjectAndIdlessArgumentsAreSentAsScripted() throws Exception {
        server.enqueue(toolCalls(
                rawArguments("r1", "file_read", "{\"path\": a.md"),
                objectArguments("o1", "file_read", "{\"path\":\"b.md\"}"),
                call(null, "git_status", "{}")));

        JsonNode calls = completionMessage(post(USER_ONLY)).path("tool_calls");

        assertEquals("{\"path\": a.md", calls.get(0).at("/function/arguments").asText());
        assertTrue(calls.get(1).at("/function/arguments").isObject());
        assertEquals("b.md", calls.get(1).at("/function/arguments/path").asText());
        assertFalse(calls.get(2).has("id"), calls.get(2).toString());
    }

    @Test
    void callRefusesInvalidJsonArguments() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> call("x", "file_read", "{\"path\":"));
        assertTrue(e.getMessage().contains("rawArguments"), e.getMessage());
    }

    @Test
    void finishReasonAndUsageCanBeLeftOutOrSet() throws Exception {
        server.enqueue(
                toolCalls(call("a", "t", "{}")).withoutFinishReason().withoutUsage(),
                text("x").withFinishReason("length").withUsage(7, 3));

        JsonNode first = MAPPER.readTree(post(USER_ONLY).body());
        JsonNode second = MAPPER.readTree(post(USER_ONLY).body());

        assertFalse(first.at("/choices/0").has("finish_reason"), first.toString());
        assertFalse(first.has("usage"));
        assertEquals("length", second.at("/choices/0/finish_reason").asText());
        assertEquals(7, second.at("/usage/prompt_tokens").asInt());
        assertEquals(3, second.at("/usage/completion_tokens").asInt());
        assertEquals(10, second.at("/usage/total_tokens").asInt());
    }

    @Test
    void errorStatusesCarryAnOpenAiErrorBodyAndHeaders() throws Exception {
        server.enqueue(status(429).retryAfter(2), status(500), status(401, "Incorrect API key provided: sk-***"));

        HttpResponse<String> limited = post(USER_ONLY);
        HttpResponse<String> failed = post(USER_ONLY);
        HttpResponse<String> refused = post(USER_ONLY);

        assertEquals(429, limited.statusCode());
        assertEquals("2", limited.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(
                "rate_limit_exceeded",
                MAPPER.readTree(limited.body()).at("/error/code").asText());
        assertEquals(500, failed.statusCode());
        assertFalse(MAPPER.readTree(failed.body()).at("/error/message").asText().isBlank());
        assertEquals(401, refused.statusCode());
        assertEquals(
                "Incorrect API key provided: sk-***",
                MAPPER.readTree(refused.body()).at("/error/message").asText());
        server.verify();
    }

    @Test
    void malformedAndRawBodiesAreSentVerbatim() throws Exception {
        server.enqueue(malformedBody(), body(200, "{\"object\":\"chat.completion\"}"));

        HttpResponse<String> malformed = post(USER_ONLY);
        HttpResponse<String> raw = post(USER_ONLY);

        assertEquals(200, malformed.statusCode());
        assertThrows(Exception.class, () -> MAPPER.readTree(malformed.body()));
        assertEquals("{\"object\":\"chat.completion\"}", raw.body());
    }

    @Test
    void delayedStepMakesAShortTimeoutExpire() {
        server.enqueue(delay(Duration.ofSeconds(5), text("too late")));
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.completionsUrl()))
                .timeout(Duration.ofMillis(200))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(USER_ONLY))
                .build();

        long started = System.nanoTime();
        assertThrows(HttpTimeoutException.class, () -> client.send(request, HttpResponse.BodyHandlers.ofString()));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 4000);
        assertEquals(1, server.requests().size());
    }

    @Test
    void delayedStepAnswersAfterTheDelay() throws Exception {
        server.enqueue(text("late").delayed(Duration.ofMillis(300)));

        long started = System.nanoTime();
        JsonNode message = completionMessage(post(USER_ONLY));

        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 250);
        assertEquals("late", message.path("content").asText());
    }

    @Test
    void emptyScriptAnswers500AndCountsTheRequest() throws Exception {
        HttpResponse<String> response = post(USER_ONLY);

        assertEquals(500, response.statusCode());
        assertTrue(
                MAPPER.readTree(response.body()).at("/error/message").asText().contains("no scripted step"));
        assertEquals(1, server.unexpectedRequests());
        AssertionError e = assertThrows(AssertionError.class, server::verify);
        assertTrue(e.getMessage().contains("after the script was used up"), e.getMessage());
    }

    @Test
    void responderSeesTheRequestIncludingToolResults() throws Exception {
        List<String> seen = new ArrayList<>();
        server.enqueue(request -> {
            JsonNode last =
                    request.path("messages").get(request.path("messages").size() - 1);
            seen.add(
                    last.path("role").asText() + ":" + last.path("tool_call_id").asText() + ":"
                            + last.path("content").asText());
            return text("a.md starts with a heading");
        });

        JsonNode message = completionMessage(post(WITH_TOOL_RESULT));

        assertEquals(List.of("tool:c1:# A"), seen);
        assertEquals("a.md starts with a heading", message.path("content").asText());
        server.verify();
    }

    @Test
    void responderFailureAnswers400AndIsRecorded() throws Exception {
        server.enqueue(request -> {
            throw new AssertionError("the model should have seen the tool result");
        });

        HttpResponse<String> response = post(USER_ONLY);

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("the model should have seen the tool result"), response.body());
        assertEquals(1, server.responderFailures().size());
        assertThrows(AssertionError.class, server::verify);
    }

    @Test
    void recordsBodiesAndHeaders() throws Exception {
        server.enqueue(text("one"), text("two"));

        post(USER_ONLY);
        client.send(
                HttpRequest.newBuilder(URI.create(server.completionsUrl()))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer sk-test")
                        .POST(HttpRequest.BodyPublishers.ofString(WITH_TOOL_RESULT))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(2, server.requests().size());
        ReceivedRequest last = server.lastRequest();
        assertEquals(2, last.index());
        assertEquals("POST", last.method());
        assertEquals("/v1/chat/completions", last.path());
        assertEquals("Bearer sk-test", last.header("authorization"));
        assertEquals("file_read", last.body().at("/tools/0/function/name").asText());
        assertEquals(4, last.messages().size());
        assertEquals(USER_ONLY, server.requests().getFirst().rawBody());
        server.verify();
    }

    @Test
    void lastRequestFailsClearlyWhenThereIsNone() {
        assertThrows(AssertionError.class, server::lastRequest);
    }

    @Test
    void toolMessageAnsweringAnUnknownCallIsRefusedWithoutUsingAStep() throws Exception {
        server.enqueue(text("never sent"));
        String body = WITH_TOOL_RESULT.replace("\"tool_call_id\":\"c1\"", "\"tool_call_id\":\"c9\"");

        HttpResponse<String> response = post(body);

        assertEquals(400, response.statusCode());
        String message = MAPPER.readTree(response.body()).at("/error/message").asText();
        assertTrue(message.contains("'c9', which no earlier assistant message made"), message);
        assertEquals(1, server.protocolErrors().size());
        assertEquals(1, server.remainingSteps());
    }

    @Test
    void unansweredToolCallIsRefused() throws Exception {
        String body =
                WITH_TOOL_RESULT.replace(",\n  {\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"# A\"}", "");
        assertFalse(body.contains("\"tool\""), "test set-up: the tool message must be gone");

        assertProtocolError(body, "no tool message answers them");
    }

    @Test
    void badToolSpecsAreRefused() throws Exception {
        assertProtocolError(
                WITH_TOOL_RESULT.replace(
                        "\"type\":\"function\",\"function\":{\"name\":\"file_read\",\"description\"",
                        "\"function\":{\"name\":\"file_read\",\"description\""),
                "tools[0].type must be \"function\"");
        assertProtocolError(
                WITH_TOOL_RESULT.replace("\"description\":\"Reads a file\",", ""),
                "tools[0].function.description must be a string");
        assertProtocolError(
                WITH_TOOL_RESULT.replace("\"parameters\":{\"type\":\"object\",", "\"parameters\":{\"type\":\"array\","),
                "schema of type \"object\"");
        assertProtocolError(
                USER_ONLY.replace("]}", "],\"tools\":[]}"), "'tools' must be a non-empty array when present");
        assertProtocolError(USER_ONLY.replace("]}", "],\"tool_choice\":\"auto\"}"), "'tool_choice' is only allowed");
    }

    @Test
    void requestWithoutModelOrMessagesIsRefused() throws Exception {
        assertProtocolError("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", "'model' must be");
        assertProtocolError("{\"model\":\"m\",\"messages\":[]}", "'messages' must be a non-empty array");
        assertProtocolError("{\"model\":\"m\",\"messages\":[{\"role\":\"wizard\",\"content\":\"hi\"}]}", ".role");
        assertProtocolError("{\"model\":\"m\",\"messages\":[{\"role\":\"assistant\"}]}", "neither content");
        assertProtocolError("not json", "not JSON");
    }

    @Test
    void assistantToolCallsMustUseStringArguments() throws Exception {
        assertProtocolError(
                WITH_TOOL_RESULT.replace("\"arguments\":\"{\\\"path\\\":\\\"a.md\\\"}\"", "\"arguments\":{\"path\":1}"),
                "function.arguments must be a string");
    }

    @Test
    void wrongPathAndMethodAreProtocolErrors() throws Exception {
        HttpResponse<String> wrongPath = client.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/completions"))
                        .POST(HttpRequest.BodyPublishers.ofString(USER_ONLY))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrongMethod = client.send(
                HttpRequest.newBuilder(URI.create(server.completionsUrl()))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(404, wrongPath.statusCode());
        assertEquals(405, wrongMethod.statusCode());
        assertEquals(2, server.protocolErrors().size());
    }

    @Test
    void listsTheModelsOrAnswersTheSetStatusWithoutRecordingOrScripting() throws Exception {
        HttpRequest models = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/models"))
                .GET()
                .build();

        HttpResponse<String> listed = client.send(models, HttpResponse.BodyHandlers.ofString());
        server.modelsStatus(401);
        HttpResponse<String> refused = client.send(models, HttpResponse.BodyHandlers.ofString());

        assertEquals(200, listed.statusCode());
        assertEquals(
                "test-model", MAPPER.readTree(listed.body()).at("/data/0/id").asText());
        assertEquals(401, refused.statusCode());
        assertFalse(
                MAPPER.readTree(refused.body()).at("/error/message").asText().isBlank());
        assertEquals(2, server.modelListings());
        assertTrue(server.requests().isEmpty());
        server.verify();
        assertThrows(IllegalArgumentException.class, () -> server.modelsStatus(99));
    }

    @Test
    void verifyReportsUnusedSteps() {
        server.enqueue(text("unused"));

        AssertionError e = assertThrows(AssertionError.class, server::verify);
        assertTrue(e.getMessage().contains("1 scripted step(s) were never requested"), e.getMessage());
    }

    @Test
    void concurrentRequestsEachGetOneStep() throws Exception {
        int count = 8;
        for (int i = 0; i < count; i++) {
            server.enqueue(text("answer " + i));
        }
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            responses.add(client.sendAsync(request(USER_ONLY), HttpResponse.BodyHandlers.ofString()));
        }

        Set<String> answers = new HashSet<>();
        for (CompletableFuture<HttpResponse<String>> response : responses) {
            answers.add(MAPPER.readTree(response.get().body())
                    .at("/choices/0/message/content")
                    .asText());
        }

        assertEquals(count, answers.size(), answers.toString());
        assertEquals(count, server.requests().size());
        server.verify();
    }

    private void assertProtocolError(String body, String expected) throws Exception {
        int before = server.protocolErrors().size();
        HttpResponse<String> response = post(body);
        assertEquals(400, response.statusCode(), response.body());
        String message = MAPPER.readTree(response.body()).at("/error/message").asText();
        assertTrue(message.contains(expected), "expected '" + expected + "' in: " + message);
        assertEquals(before + 1, server.protocolErrors().size());
    }

    private String lastBody;

    private HttpResponse<String> post(String body) throws Exception {
        HttpResponse<String> response = client.send(request(body), HttpResponse.BodyHandlers.ofString());
        lastBody = response.body();
        return response;
    }

    private HttpRequest request(String body) {
        return HttpRequest.newBuilder(URI.create(server.completionsUrl()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private JsonNode completionMessage(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        return MAPPER.readTree(response.body()).at("/choices/0/message");
    }
}
