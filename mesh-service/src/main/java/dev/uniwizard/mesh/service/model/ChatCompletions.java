package dev.uniwizard.mesh.service.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One-shot questions to an OpenAI-compatible chat-completions endpoint ({@code POST <base-url>/chat/completions}): a
 * system prompt and a user prompt in, the answer's text out. Services that need a model for a single answer (memory's
 * summaries, the router's triage) share it instead of each writing an HTTP client; the houses' tool-calling model
 * client is a different, larger thing.
 *
 * <p>Sends only {@code model} and {@code messages} (no sampling options, which some models refuse), with
 * {@code Authorization: Bearer <key>} when a key is given. A leading {@code <think>...</think>} block of reasoning
 * models is removed from the answer. Every failure is a {@link ChatCompletionException} whose message says what went
 * wrong.
 */
@Singleton
public class ChatCompletions {

    private static final Pattern THINKING = Pattern.compile("(?s)^\\s*<think>.*?</think>");
    private static final int MAX_ERROR_CHARS = 300;

    private final ObjectMapper mapper = EnvelopeCodec.mapper();
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    /**
     * The model's answer.
     *
     * @param baseUrl the endpoint's base URL, e.g. {@code http://127.0.0.1:11434/v1} ({@code /chat/completions} is
     *     appended; a trailing slash is ignored)
     * @param apiKey the bearer key, or {@code null}/blank for endpoints without one
     * @param model the model's name
     * @param systemPrompt the system message
     * @param userPrompt the user message
     * @param timeout how long to wait for the whole answer
     * @return the answer's text, stripped, never empty
     */
    public String complete(
            String baseUrl, String apiKey, String model, String systemPrompt, String userPrompt, Duration timeout)
            throws ChatCompletionException {
        URI uri = completionsUri(baseUrl)
                .orElseThrow(() -> new ChatCompletionException(
                        "base URL '" + baseUrl + "' is not an http(s) URL such as http://127.0.0.1:11434/v1"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        body(model, systemPrompt, userPrompt), StandardCharsets.UTF_8));
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("Authorization", "Bearer " + apiKey.strip());
        }
        HttpResponse<String> response = send(uri, timeout, request.build());
        if (response.statusCode() / 100 != 2) {
            throw new ChatCompletionException(
                    "HTTP " + response.statusCode() + " from " + uri + ": " + errorMessage(response.body()));
        }
        return content(uri, response.body());
    }

    /** {@code <baseUrl>/chat/completions}, or empty when {@code baseUrl} is not an http(s) URL with a host. */
    public static Optional<URI> completionsUri(String baseUrl) {
        String base = baseUrl == null ? "" : baseUrl.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        try {
            URI uri = URI.create(base + "/chat/completions");
            boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String body(String model, String systemPrompt, String userPrompt) {
        ObjectNode body = mapper.createObjectNode();
        body.put("model", model);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", systemPrompt);
        messages.addObject().put("role", "user").put("content", userPrompt);
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a chat request cannot be written as JSON", e);
        }
    }

    private HttpResponse<String> send(URI uri, Duration timeout, HttpRequest request) throws ChatCompletionException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new ChatCompletionException("no answer from " + uri + " within " + timeout, e);
        } catch (IOException e) {
            throw new ChatCompletionException("could not reach " + uri + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatCompletionException("interrupted while waiting for " + uri, e);
        }
    }

    private String content(URI uri, String body) throws ChatCompletionException {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ChatCompletionException(
                    "the answer of " + uri + " is not JSON: " + e.getOriginalMessage() + " (body: " + abbreviate(body)
                            + ")",
                    e);
        }
        if (root == null || !root.isObject()) {
            throw new ChatCompletionException("the answer of " + uri + " is not a chat completion object: "
                    + (body.isBlank() ? "(empty body)" : abbreviate(body)));
        }
        JsonNode content = root.path("choices").path(0).path("message").path("content");
        if (content.isMissingNode()) {
            throw new ChatCompletionException(
                    "the answer of " + uri + " has no choices[0].message.content: " + abbreviate(body));
        }
        if (!content.isTextual()) {
            throw new ChatCompletionException("the answer of " + uri
                    + " has no text in choices[0].message.content (got "
                    + content.getNodeType().name().toLowerCase(Locale.ROOT) + ")");
        }
        String text = THINKING.matcher(content.asText()).replaceFirst("").strip();
        if (text.isEmpty()) {
            throw new ChatCompletionException("the model answered " + uri + " with empty content");
        }
        return text;
    }

    private String errorMessage(String body) {
        try {
            JsonNode message = mapper.readTree(body).path("error").path("message");
            if (message.isTextual() && !message.asText().isBlank()) {
                return abbreviate(message.asText());
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // not JSON: show the body itself
        }
        return body == null || body.isBlank() ? "(empty body)" : abbreviate(body);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > MAX_ERROR_CHARS ? flat.substring(0, MAX_ERROR_CHARS) + "..." : flat;
    }
}
