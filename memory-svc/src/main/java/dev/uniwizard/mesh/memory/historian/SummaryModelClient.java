package dev.uniwizard.mesh.memory.historian;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.memory.config.MemoryConfig.SummaryModel;
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
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Asks an OpenAI-compatible chat-completions endpoint ({@code POST <base-url>/chat/completions}) for the summary of a
 * conversation transcript. Sends only {@code model} and {@code messages} (no sampling options, which some models
 * refuse), with {@code Authorization: Bearer <key>} when the model names an environment variable holding a key.
 * Every failure is a {@link SummaryModelException} whose message says what went wrong.
 */
@Singleton
public class SummaryModelClient {

    /** Longest transcript sent, in characters; earlier messages are left out beyond it. */
    public static final int MAX_TRANSCRIPT_CHARS = 60_000;

    static final String SYSTEM_PROMPT = """
            You write summaries of conversations for a long-term memory. Summarize the conversation you are given \
            concisely and factually, in at most 200 words: the decisions made, the facts learned, what was done, and \
            the questions left open. Keep names, numbers, file names and commands exactly as written. Do not invent \
            anything. Write in the language of the conversation. Answer with the summary only.""";

    private static final Pattern THINKING = Pattern.compile("(?s)^\\s*<think>.*?</think>");
    private static final int MAX_ERROR_CHARS = 300;

    private final ObjectMapper mapper = EnvelopeCodec.mapper();
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final UnaryOperator<String> environment;

    public SummaryModelClient() {
        this(System::getenv);
    }

    /** @param environment looks up environment variables (tests pass their own) */
    SummaryModelClient(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /**
     * The model's summary of a transcript.
     *
     * @param house the house whose model this is (for messages)
     * @param model the endpoint, model name, key and timeout
     * @param conversationId the conversation (named to the model)
     * @param transcript the conversation as text, see {@link Transcript}
     */
    public String summarize(String house, SummaryModel model, String conversationId, String transcript)
            throws SummaryModelException {
        URI uri = completionsUri(house, model);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(model.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        body(model, conversationId, transcript), StandardCharsets.UTF_8));
        if (model.apiKeyEnv().isPresent()) {
            String variable = model.apiKeyEnv().get();
            String key = environment.apply(variable);
            if (key == null || key.isBlank()) {
                throw new SummaryModelException("the environment variable " + variable + " named by memory.historian"
                        + ".models." + house + ".api-key-env is not set");
            }
            request.header("Authorization", "Bearer " + key.strip());
        }
        HttpResponse<String> response = send(uri, model, request.build());
        if (response.statusCode() / 100 != 2) {
            throw new SummaryModelException(
                    "HTTP " + response.statusCode() + " from " + uri + ": " + errorMessage(response.body()));
        }
        return content(uri, response.body());
    }

    private static URI completionsUri(String house, SummaryModel model) throws SummaryModelException {
        String base = model.baseUrl() == null ? "" : model.baseUrl().strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        try {
            URI uri = URI.create(base + "/chat/completions");
            if (uri.getScheme() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new SummaryModelException("memory.historian.models." + house + ".base-url '" + model.baseUrl()
                    + "' is not an http(s) URL such as http://127.0.0.1:11434/v1");
        }
    }

    private String body(SummaryModel model, String conversationId, String transcript) {
        ObjectNode body = mapper.createObjectNode();
        body.put("model", model.name());
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", SYSTEM_PROMPT);
        messages.addObject()
                .put("role", "user")
                .put("content", "Conversation " + conversationId + ":\n\n" + transcript);
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a chat request cannot be written as JSON", e);
        }
    }

    private HttpResponse<String> send(URI uri, SummaryModel model, HttpRequest request) throws SummaryModelException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new SummaryModelException("no answer from " + uri + " within " + model.timeout(), e);
        } catch (IOException e) {
            throw new SummaryModelException("could not reach " + uri + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SummaryModelException("interrupted while waiting for " + uri, e);
        }
    }

    private String content(URI uri, String body) throws SummaryModelException {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new SummaryModelException(
                    "the answer of " + uri + " is not JSON: " + e.getOriginalMessage() + " (body: " + abbreviate(body)
                            + ")",
                    e);
        }
        if (root == null || !root.isObject()) {
            throw new SummaryModelException("the answer of " + uri + " is not a chat completion object: "
                    + (body.isBlank() ? "(empty body)" : abbreviate(body)));
        }
        JsonNode content = root.path("choices").path(0).path("message").path("content");
        if (content.isMissingNode()) {
            throw new SummaryModelException(
                    "the answer of " + uri + " has no choices[0].message.content: " + abbreviate(body));
        }
        if (!content.isTextual()) {
            throw new SummaryModelException("the answer of " + uri + " has no text in choices[0].message.content (got "
                    + content.getNodeType().name().toLowerCase(Locale.ROOT) + ")");
        }
        String text = THINKING.matcher(content.asText()).replaceFirst("").strip();
        if (text.isEmpty()) {
            throw new SummaryModelException("the model answered " + uri + " with empty content");
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
