package dev.uniwizard.mesh.gateway.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Discord's interaction webhook endpoints, which need no bot token, only the application id and the interaction token
 * (valid 15 minutes): get and edit the original response ({@code /webhooks/<app>/<token>/messages/@original}) and
 * create a follow-up message ({@code /webhooks/<app>/<token>}). Messages are sent with {@code allowed_mentions}
 * empty, so a reply cannot ping {@code @everyone} or anyone else. Every answer becomes a {@link Result}.
 */
@Singleton
public class DiscordWebhookApi {

    /** What became of one call. */
    public sealed interface Result {

        /** Done; {@code message} is the message Discord returned. */
        record Ok(JsonNode message) implements Result {}

        /** Discord's rate limit: try again after {@code retryAfter}. */
        record RateLimited(Duration retryAfter) implements Result {}

        /** 404: the token expired (15 minutes after the command) or is unknown. */
        record UnknownWebhook(String detail) implements Result {}

        /** Another 4xx: Discord refused the request as it is. */
        record Refused(int status, String detail) implements Result {}

        /** 5xx or an answer that is no message: worth another try. */
        record Failed(int status, String detail) implements Result {}
    }

    /** Message flag LOADING: the original response is still the deferred "is thinking..." state. */
    static final int LOADING = 1 << 7;

    /** Used when Discord rate-limits without saying for how long. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private static final String USER_AGENT = "DiscordBot (https://github.com/uniwizard/mesh, 0.1)";

    private final DiscordSettings settings;
    private final ObjectMapper mapper;
    private final HttpClient http;

    public DiscordWebhookApi(DiscordSettings settings, ObjectMapper mapper) {
        this.settings = settings;
        this.mapper = mapper;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.httpTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The original response of the interaction. */
    public Result original(String token) throws IOException, InterruptedException {
        return send(request(token, "/messages/@original").GET().build());
    }

    /** Replaces the original response's content (the first answer to a deferred interaction). */
    public Result editOriginal(String token, String content) throws IOException, InterruptedException {
        return send(request(token, "/messages/@original")
                .method("PATCH", body(content))
                .build());
    }

    /** Sends a follow-up message. */
    public Result followUp(String token, String content) throws IOException, InterruptedException {
        return send(request(token, "").POST(body(content)).build());
    }

    private HttpRequest.Builder request(String token, String suffix) {
        String url = settings.apiUrl() + "/webhooks/" + settings.applicationId() + "/"
                + URLEncoder.encode(token, StandardCharsets.UTF_8) + suffix;
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(settings.httpTimeout())
                .header("User-Agent", USER_AGENT)
                .header("Content-Type", "application/json");
    }

    private HttpRequest.BodyPublisher body(String content) throws IOException {
        ObjectNode json = mapper.createObjectNode().put("content", content);
        json.putObject("allowed_mentions").putArray("parse");
        return HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(json));
    }

    private Result send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        JsonNode json = parse(response.body());
        String detail = "Discord answered HTTP " + status + " to " + request.method() + " "
                + (json != null && json.hasNonNull("message")
                        ? "(" + json.path("message").asText() + ", code "
                                + json.path("code").asText("none") + ")"
                        : abbreviate(response.body()));
        if (status == 429) {
            return new Result.RateLimited(retryAfter(json, response));
        }
        if (status == 404) {
            return new Result.UnknownWebhook(detail);
        }
        if (status >= 400 && status < 500) {
            return new Result.Refused(status, detail);
        }
        if (status >= 200 && status < 300 && json != null) {
            return new Result.Ok(json);
        }
        return new Result.Failed(status, detail);
    }

    /** {@code retry_after} (seconds, fractional) from the body, else the Retry-After header. */
    private static Duration retryAfter(JsonNode json, HttpResponse<String> response) {
        if (json != null && json.path("retry_after").isNumber()) {
            double seconds = json.path("retry_after").asDouble();
            if (seconds >= 0 && seconds < 86_400) {
                return Duration.ofMillis((long) Math.ceil(seconds * 1000));
            }
        }
        return response.headers()
                .firstValue("Retry-After")
                .map(value -> {
                    try {
                        return Duration.ofMillis(
                                Math.max(0, (long) Math.ceil(Double.parseDouble(value.strip()) * 1000)));
                    } catch (NumberFormatException e) {
                        return DEFAULT_RETRY_AFTER;
                    }
                })
                .orElse(DEFAULT_RETRY_AFTER);
    }

    private JsonNode parse(String body) {
        try {
            JsonNode json = body == null || body.isBlank() ? null : mapper.readTree(body);
            return json != null && json.isObject() ? json : null;
        } catch (IOException e) {
            return null;
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
