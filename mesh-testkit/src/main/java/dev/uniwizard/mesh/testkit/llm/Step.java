package dev.uniwizard.mesh.testkit.llm;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link ScriptedChatServer} answers to one request. Build steps with the static methods of
 * {@link ScriptedChatServer} ({@code text}, {@code toolCalls}, {@code status}, {@code delay}, {@code malformedBody}...)
 * and adjust them with the {@code with...} methods.
 */
public sealed interface Step permits Step.Completion, Step.ErrorStatus, Step.RawBody, Step.Delayed {

    /** The same answer, sent only after waiting this long. */
    default Step delayed(Duration delay) {
        return new Delayed(delay, this);
    }

    /**
     * A 200 chat completion.
     *
     * @param content the assistant message's content; null is sent as JSON null
     * @param toolCalls the calls; {@code tool_calls} is left out when empty
     * @param finishReason sent as is; null leaves {@code finish_reason} out (as llama.cpp and Ollama sometimes do)
     * @param usage the token counts; {@link Usage#ESTIMATED} estimates them from the request, null leaves
     *     {@code usage} out
     */
    record Completion(String content, List<ScriptedCall> toolCalls, String finishReason, Usage usage) implements Step {

        public Completion {
            toolCalls = List.copyOf(toolCalls);
        }

        public Completion withContent(String newContent) {
            return new Completion(newContent, toolCalls, finishReason, usage);
        }

        public Completion withFinishReason(String newFinishReason) {
            return new Completion(content, toolCalls, newFinishReason, usage);
        }

        public Completion withoutFinishReason() {
            return withFinishReason(null);
        }

        public Completion withUsage(int promptTokens, int completionTokens) {
            return new Completion(content, toolCalls, finishReason, new Usage(promptTokens, completionTokens));
        }

        public Completion withoutUsage() {
            return new Completion(content, toolCalls, finishReason, null);
        }
    }

    /** Token counts of a {@link Completion}. */
    record Usage(int promptTokens, int completionTokens) {

        /** Marker: estimate both from the request and the answer (about four characters a token). */
        public static final Usage ESTIMATED = new Usage(-1, -1);
    }

    /**
     * An HTTP error with an OpenAI-style body {@code {"error":{"message","type","param","code"}}}.
     *
     * @param status the HTTP status, e.g. 401, 429, 500
     * @param message {@code error.message}
     * @param headers extra response headers, e.g. {@code Retry-After}
     */
    record ErrorStatus(int status, String message, Map<String, String> headers) implements Step {

        public ErrorStatus {
            headers = Map.copyOf(headers);
        }

        public ErrorStatus withMessage(String newMessage) {
            return new ErrorStatus(status, newMessage, headers);
        }

        /** Adds {@code Retry-After: <seconds>}. */
        public ErrorStatus retryAfter(long seconds) {
            return withHeader("Retry-After", Long.toString(seconds));
        }

        public ErrorStatus withHeader(String name, String value) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put(name, value);
            return new ErrorStatus(status, message, all);
        }
    }

    /** Any status with exactly this body, e.g. a 200 that is not JSON, or JSON that is not a completion. */
    record RawBody(int status, String contentType, String body) implements Step {}

    /** Waits, then answers with {@code then}. */
    record Delayed(Duration delay, Step then) implements Step {}
}
