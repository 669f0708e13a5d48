package dev.uniwizard.mesh.gateway.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Slack's Web API method {@code chat.postMessage}, with the bot token. Slack answers most refusals with HTTP 200 and
 * {@code {"ok":false,"error":"..."}}, and its rate limit with HTTP 429 and {@code Retry-After}; {@link #postMessage}
 * turns all of them into a {@link Result} and leaves the decision (retry, give up) to the caller.
 */
@Singleton
public class SlackWebApi {

    /** What became of one call. */
    public sealed interface Result {

        /** Slack took the message; {@code ts} is its id. */
        record Posted(String ts) implements Result {}

        /** Slack's rate limit: try again after {@code retryAfter}. */
        record RateLimited(Duration retryAfter) implements Result {}

        /**
         * Slack refused or failed.
         *
         * @param error Slack's error code ({@code channel_not_found}...), or {@code http_<status>} when Slack answered
         *     no JSON verdict
         * @param detail what Slack said, for logs and dead letters
         */
        record Failed(String error, String detail) implements Result {}
    }

    /** Used when Slack rate-limits without saying for how long. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    private final SlackSettings settings;
    private final ObjectMapper mapper;
    private final HttpClient http;

    public SlackWebApi(SlackSettings settings, ObjectMapper mapper) {
        this.settings = settings;
        this.mapper = mapper;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.httpTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Posts {@code text} to {@code channel}, in the thread {@code threadTs} when it is not null. */
    public Result postMessage(String channel, String text, String threadTs) throws IOException, InterruptedException {
        ObjectNode body = mapper.createObjectNode().put("channel", channel).put("text", text);
        if (threadTs != null) {
            body.put("thread_ts", threadTs);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.apiUrl() + "/chat.postMessage"))
                .timeout(settings.httpTimeout())
                .header("Authorization", "Bearer " + settings.botToken())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return read(response);
    }

    private Result read(HttpResponse<String> response) {
        Duration retryAfter = response.headers()
                .firstValue("Retry-After")
                .flatMap(SlackWebApi::seconds)
                .orElse(DEFAULT_RETRY_AFTER);
        if (response.statusCode() == 429) {
            return new Result.RateLimited(retryAfter);
        }
        JsonNode json = parse(response.body());
        if (response.statusCode() != 200 || json == null) {
            return new Result.Failed(
                    "http_" + response.statusCode(),
                    "Slack answered HTTP " + response.statusCode() + ": " + abbreviate(response.body()));
        }
        if (json.path("ok").asBoolean(false)) {
            return new Result.Posted(json.path("ts").asText(null));
        }
        String error = json.path("error").asText("unknown_error");
        if (error.equals("ratelimited") || error.equals("rate_limited")) {
            return new Result.RateLimited(retryAfter);
        }
        return new Result.Failed(error, "Slack refused chat.postMessage: " + error);
    }

    private JsonNode parse(String body) {
        try {
            JsonNode json = mapper.readTree(body);
            return json != null && json.isObject() ? json : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Optional<Duration> seconds(String value) {
        try {
            long seconds = Long.parseLong(value.strip());
            return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String abbreviate(String body) {
        String text = body == null ? "" : body.strip();
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
