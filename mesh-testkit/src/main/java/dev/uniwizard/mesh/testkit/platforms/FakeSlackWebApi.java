package dev.uniwizard.mesh.testkit.platforms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake of Slack's Web API method {@code chat.postMessage}, on a real local HTTP server, for testing the gateway's
 * Slack delivery. Like Slack it answers HTTP 200 with {@code {"ok":false,"error":...}} for refused calls: a wrong bot
 * token ({@code invalid_auth}), a missing channel ({@code channel_not_found}) or text ({@code no_text}). Tests script
 * Slack's errors per channel with {@link #failNextPosts} and its rate limit with {@link #rateLimitNextPosts}. Point the
 * gateway's {@code gateway.slack.api-url} at {@link #apiUrl()}.
 */
public final class FakeSlackWebApi extends RecordingHttpServer {

    /** A message Slack accepted. {@code threadTs} is null for a message outside a thread. */
    public record PostedMessage(String channel, String text, String threadTs, String ts) {}

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String POST_MESSAGE = "/api/chat.postMessage";

    private final String botToken;
    private final List<PostedMessage> messages = new CopyOnWriteArrayList<>();
    private final AtomicLong nextTs = new AtomicLong(1_700_000_000_000_100L);

    /** Starts the fake; {@code botToken} is the only bearer token it accepts. */
    public FakeSlackWebApi(String botToken) {
        super("fake-slack");
        this.botToken = botToken;
        route("POST", POST_MESSAGE, this::postMessage);
    }

    /** The Web API base URL, like {@code https://slack.com/api}. */
    public String apiUrl() {
        return url() + "/api";
    }

    /** Every message accepted, in order. */
    public List<PostedMessage> messages() {
        return List.copyOf(messages);
    }

    /** The messages accepted for one channel. */
    public List<PostedMessage> messagesIn(String channel) {
        return messages.stream().filter(m -> channel.equals(m.channel())).toList();
    }

    /** chat.postMessage calls made for one channel, accepted or not. */
    public List<RecordedRequest> postsTo(String channel) {
        return requests("POST", POST_MESSAGE).stream()
                .filter(r -> channel.equals(r.json().path("channel").asText(null)))
                .toList();
    }

    /** The next {@code times} posts to {@code channel} are refused with HTTP 200 {@code {"ok":false,"error":error}}. */
    public void failNextPosts(String channel, String error, int times) {
        failNext(
                request -> isPostTo(request, channel),
                times,
                Answer.json(200, "{\"ok\":false,\"error\":\"" + error + "\"}"));
    }

    /** The next {@code times} posts to {@code channel} get HTTP 429 with {@code Retry-After: retryAfterSeconds}. */
    public void rateLimitNextPosts(String channel, int times, int retryAfterSeconds) {
        failNext(
                request -> isPostTo(request, channel),
                times,
                Answer.json(429, "{\"ok\":false,\"error\":\"ratelimited\"}")
                        .withHeader("Retry-After", Integer.toString(retryAfterSeconds)));
    }

    private static boolean isPostTo(RecordedRequest request, String channel) {
        return request.method().equals("POST")
                && request.path().equals(POST_MESSAGE)
                && channel.equals(request.json().path("channel").asText(null));
    }

    private Answer postMessage(RecordedRequest request) {
        if (!("Bearer " + botToken).equals(request.header("Authorization"))) {
            return refused("invalid_auth");
        }
        JsonNode body = request.json();
        String channel = body.path("channel").asText("");
        String text = body.path("text").asText("");
        if (channel.isBlank()) {
            return refused("channel_not_found");
        }
        if (text.isBlank()) {
            return refused("no_text");
        }
        String threadTs =
                body.path("thread_ts").isTextual() ? body.path("thread_ts").asText() : null;
        long n = nextTs.getAndIncrement();
        String ts = (n / 1_000_000) + "." + String.format("%06d", n % 1_000_000);
        messages.add(new PostedMessage(channel, text, threadTs, ts));
        ObjectNode answer = MAPPER.createObjectNode()
                .put("ok", true)
                .put("channel", channel)
                .put("ts", ts);
        answer.putObject("message").put("text", text).put("ts", ts);
        return Answer.json(200, answer.toString());
    }

    private static Answer refused(String error) {
        return Answer.json(200, "{\"ok\":false,\"error\":\"" + error + "\"}");
    }
}
