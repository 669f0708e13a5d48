package dev.uniwizard.mesh.testkit.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A real OpenAI-compatible chat-completions server on 127.0.0.1 for tests of model clients and agent loops: it answers
 * {@code POST /v1/chat/completions} from a per-test FIFO script of {@link Step}s, records every request, and refuses
 * (400) requests whose shape OpenAI would refuse. {@code GET /v1/models} (what houses call to check their credentials)
 * lists {@code test-model}, or answers the status set by {@link #modelsStatus(int)}; those requests are only counted
 * ({@link #modelListings()}), never recorded, scripted or verified. Thread-safe.
 *
 * <pre>{@code
 * try (ScriptedChatServer server = ScriptedChatServer.start()) {
 *     server.enqueue(toolCalls(call("c1", "file_read", "{\"path\":\"a.md\"}")))
 *             .enqueue(request -> {
 *                 assertEquals("tool", request.at("/messages/2/role").asText()); // the model saw the tool result
 *                 return text("done");
 *             });
 *     // point the client at server.baseUrl() ("http://127.0.0.1:<port>/v1") and run it
 *     server.verify(); // no protocol errors, no unexpected requests, every step used
 * }
 * }</pre>
 */
public final class ScriptedChatServer implements AutoCloseable {

    private static final String COMPLETIONS_PATH = "/v1/chat/completions";
    private static final String MODELS_PATH = "/v1/models";

    private final ObjectMapper mapper = new ObjectMapper();
    private final ConcurrentLinkedQueue<Function<JsonNode, Step>> script = new ConcurrentLinkedQueue<>();
    private final List<ReceivedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<String> protocolErrors = new CopyOnWriteArrayList<>();
    private final List<String> responderFailures = new CopyOnWriteArrayList<>();
    private final AtomicInteger unexpected = new AtomicInteger();
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicInteger completions = new AtomicInteger();
    private final AtomicInteger modelListings = new AtomicInteger();
    private volatile int modelsStatus = 200;
    private final ExecutorService executor;
    private final HttpServer server;

    private ScriptedChatServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open a port on 127.0.0.1 for ScriptedChatServer", e);
        }
        executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("scripted-chat-", 0).factory());
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a server on a free port of 127.0.0.1 with an empty script. */
    public static ScriptedChatServer start() {
        return new ScriptedChatServer();
    }

    /** {@code http://127.0.0.1:<port>/v1}: the base URL a client appends {@code /chat/completions} to. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** {@code http://127.0.0.1:<port>/v1/chat/completions}. */
    public String completionsUrl() {
        return baseUrl() + "/chat/completions";
    }

    /** Appends these answers to the script, one request each, in order. */
    public ScriptedChatServer enqueue(Step... steps) {
        for (Step step : steps) {
            if (step == null) {
                throw new IllegalArgumentException("a scripted step must not be null");
            }
            script.add(request -> step);
        }
        return this;
    }

    /**
     * Appends an answer decided by the request body (e.g. after asserting that the model saw the tool results). What
     * it throws is recorded in {@link #responderFailures()} and answered with a 400 carrying its message.
     */
    public ScriptedChatServer enqueue(Function<JsonNode, Step> responder) {
        if (responder == null) {
            throw new IllegalArgumentException("a scripted responder must not be null");
        }
        script.add(responder);
        return this;
    }

    /** Makes {@code GET /v1/models} answer {@code status} (200 lists the models; else an OpenAI-style error). */
    public ScriptedChatServer modelsStatus(int status) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("modelsStatus(" + status + "): use an HTTP status 200-599");
        }
        modelsStatus = status;
        return this;
    }

    /** How many {@code GET /v1/models} requests were answered. */
    public int modelListings() {
        return modelListings.get();
    }

    /** How many scripted steps no request has used yet. */
    public int remainingSteps() {
        return script.size();
    }

    /** Every request received so far, in order, including refused and unexpected ones. */
    public List<ReceivedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The latest request received; an {@link AssertionError} when there is none. */
    public ReceivedRequest lastRequest() {
        List<ReceivedRequest> all = requests();
        if (all.isEmpty()) {
            throw new AssertionError("ScriptedChatServer has received no request");
        }
        return all.getLast();
    }

    /** Requests that came when the script was empty (answered 500). */
    public int unexpectedRequests() {
        return unexpected.get();
    }

    /** Why requests were refused with 400 (or 404/405): wrong path or method, not JSON, or a shape OpenAI refuses. */
    public List<String> protocolErrors() {
        return List.copyOf(protocolErrors);
    }

    /** What scripted responder functions threw. */
    public List<String> responderFailures() {
        return List.copyOf(responderFailures);
    }

    /**
     * Throws an {@link AssertionError} listing what went wrong: protocol errors, responder failures, unexpected
     * requests or unused steps.
     */
    public void verify() {
        List<String> problems = new ArrayList<>();
        protocolErrors.forEach(e -> problems.add("protocol error: " + e));
        responderFailures.forEach(e -> problems.add("responder failed: " + e));
        if (unexpected.get() > 0) {
            problems.add(unexpected.get() + " request(s) came after the script was used up");
        }
        if (!script.isEmpty()) {
            problems.add(script.size() + " scripted step(s) were never requested");
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("ScriptedChatServer: " + String.join("; ", problems));
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        server.stop(0);
    }

    // ---- steps ----

    /** A final answer: {@code content} text, {@code finish_reason "stop"}. */
    public static Step.Completion text(String content) {
        return new Step.Completion(content, List.of(), "stop", Step.Usage.ESTIMATED);
    }

    /** An assistant message that calls these tools: {@code content null}, {@code finish_reason "tool_calls"}. */
    public static Step.Completion toolCalls(ScriptedCall... calls) {
        if (calls.length == 0) {
            throw new IllegalArgumentException("toolCalls needs at least one call");
        }
        return new Step.Completion(null, Arrays.asList(calls), "tool_calls", Step.Usage.ESTIMATED);
    }

    /**
     * A tool call with valid JSON arguments, sent as a JSON string as OpenAI does. A null id leaves {@code "id"} out.
     *
     * @throws IllegalArgumentException when {@code argumentsJson} is not JSON (use {@link #rawArguments} for that)
     */
    public static ScriptedCall call(String id, String name, String argumentsJson) {
        try {
            new ObjectMapper().readTree(argumentsJson);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "arguments of call '" + name + "' are not JSON: " + argumentsJson + " (use rawArguments for that)",
                    e);
        }
        return new ScriptedCall(id, name, TextNode.valueOf(argumentsJson));
    }

    /** A tool call whose arguments string is sent unchanged, e.g. invalid JSON as weak models write it. */
    public static ScriptedCall rawArguments(String id, String name, String arguments) {
        return new ScriptedCall(id, name, TextNode.valueOf(arguments));
    }

    /** A tool call whose arguments are sent as a JSON object instead of a string, as some local servers do. */
    public static ScriptedCall objectArguments(String id, String name, String argumentsJson) {
        try {
            JsonNode arguments = new ObjectMapper().readTree(argumentsJson);
            if (arguments == null || !arguments.isObject()) {
                throw new IllegalArgumentException("objectArguments needs a JSON object, got " + argumentsJson);
            }
            return new ScriptedCall(id, name, arguments);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("arguments of call '" + name + "' are not JSON: " + argumentsJson, e);
        }
    }

    /** An HTTP error with an OpenAI-style error body and a default message for the status. */
    public static Step.ErrorStatus status(int status) {
        return status(status, defaultMessage(status));
    }

    /** An HTTP error with an OpenAI-style error body whose {@code error.message} is {@code message}. */
    public static Step.ErrorStatus status(int status, String message) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status(" + status + "): use 400-599, or body(...) for other answers");
        }
        return new Step.ErrorStatus(status, message, Map.of());
    }

    /** Waits, then answers with {@code then} (to make a client time out). */
    public static Step delay(Duration delay, Step then) {
        return new Step.Delayed(delay, then);
    }

    /** A 200 {@code application/json} whose body is not JSON. */
    public static Step.RawBody malformedBody() {
        return new Step.RawBody(200, "application/json", "{\"id\":\"chatcmpl-broken\",\"choices\":[{\"message\":");
    }

    /** Any status with exactly this {@code application/json} body, e.g. a 200 JSON that is not a completion. */
    public static Step.RawBody body(int status, String body) {
        return new Step.RawBody(status, "application/json", body);
    }

    private static String defaultMessage(int status) {
        return switch (status) {
            case 401 -> "Incorrect API key provided (scripted)";
            case 404 -> "The model does not exist (scripted)";
            case 429 -> "Rate limit reached (scripted)";
            default ->
                status >= 500
                        ? "The server had an error while processing your request (scripted " + status + ")"
                        : "Bad request (scripted " + status + ")";
        };
    }

    // ---- serving ----

    private void handle(HttpExchange exchange) {
        try (exchange) {
            if (exchange.getRequestMethod().equals("GET")
                    && exchange.getRequestURI().getPath().equals(MODELS_PATH)) {
                listModels(exchange);
                return;
            }
            ReceivedRequest request = record(exchange);
            Step step = decide(request);
            answer(exchange, request, step);
        } catch (IOException | RuntimeException e) {
            // the client went away (e.g. it timed out) or the server is closing: nothing to answer
        }
    }

    private void listModels(HttpExchange exchange) throws IOException {
        modelListings.incrementAndGet();
        int status = modelsStatus;
        if (status / 100 == 2) {
            send(
                    exchange,
                    status,
                    "application/json",
                    "{\"object\":\"list\",\"data\":[{\"id\":\"test-model\","
                            + "\"object\":\"model\",\"created\":0,\"owned_by\":\"scripted\"}]}");
        } else {
            send(
                    exchange,
                    status,
                    "application/json",
                    mapper.writeValueAsString(ChatResponseJson.error(mapper, status, defaultMessage(status))));
        }
    }

    private ReceivedRequest record(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        String raw = new String(bytes, StandardCharsets.UTF_8);
        JsonNode body;
        try {
            body = bytes.length == 0 ? null : mapper.readTree(bytes);
        } catch (IOException e) {
            body = null;
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        ReceivedRequest request = new ReceivedRequest(
                received.incrementAndGet(),
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                Collections.unmodifiableMap(headers),
                raw,
                body);
        requests.add(request);
        return request;
    }

    private Step decide(ReceivedRequest request) {
        String where = "request #" + request.index() + " (" + request.method() + " " + request.path() + "): ";
        if (!request.path().equals(COMPLETIONS_PATH)) {
            protocolErrors.add(where + "not the chat-completions path " + COMPLETIONS_PATH);
            return status(404, "ScriptedChatServer serves only POST " + COMPLETIONS_PATH + ", not " + request.path());
        }
        if (!request.method().equals("POST")) {
            protocolErrors.add(where + "the method must be POST");
            return status(405, "ScriptedChatServer accepts only POST on " + COMPLETIONS_PATH);
        }
        if (request.body() == null) {
            protocolErrors.add(where + "the body is not JSON");
            return status(400, "the request body is not JSON: " + abbreviate(request.rawBody()));
        }
        List<String> violations = ChatRequestShape.violations(request.body());
        if (!violations.isEmpty()) {
            String message = String.join("; ", violations);
            protocolErrors.add(where + message);
            return status(400, message);
        }
        Function<JsonNode, Step> responder = script.poll();
        if (responder == null) {
            unexpected.incrementAndGet();
            return status(500, "ScriptedChatServer: no scripted step left for request #" + request.index());
        }
        try {
            Step step = responder.apply(request.body().deepCopy());
            if (step == null) {
                throw new IllegalStateException("the responder returned no step");
            }
            return step;
        } catch (RuntimeException | AssertionError e) {
            String message = "scripted responder failed on request #" + request.index() + ": " + e;
            responderFailures.add(message);
            return status(400, message);
        }
    }

    private void answer(HttpExchange exchange, ReceivedRequest request, Step step) throws IOException {
        switch (step) {
            case Step.Delayed delayed -> {
                try {
                    Thread.sleep(delayed.delay());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return; // closing
                }
                answer(exchange, request, delayed.then());
            }
            case Step.Completion completion ->
                send(
                        exchange,
                        200,
                        "application/json",
                        mapper.writeValueAsString(ChatResponseJson.completion(
                                mapper, completions.incrementAndGet(), request.body(), completion)));
            case Step.ErrorStatus error -> {
                error.headers()
                        .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                send(
                        exchange,
                        error.status(),
                        "application/json",
                        mapper.writeValueAsString(ChatResponseJson.error(mapper, error.status(), error.message())));
            }
            case Step.RawBody raw -> send(exchange, raw.status(), raw.contentType(), raw.body());
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }
}
