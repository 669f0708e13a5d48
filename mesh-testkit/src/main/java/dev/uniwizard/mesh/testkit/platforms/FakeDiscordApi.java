package dev.uniwizard.mesh.testkit.platforms;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake of Discord's interaction webhook endpoints, on a real local HTTP server, for testing the gateway's Discord
 * delivery: get and edit the original (deferred) response, {@code GET|PATCH
 * /webhooks/<application id>/<token>/messages/@original}, and create follow-ups, {@code POST
 * /webhooks/<application id>/<token>}. Every token's original response starts deferred (flag LOADING, 128, "the bot
 * is thinking") until it is edited, as after a type 5 answer. Tests expire tokens ({@link #expire}: 404 Unknown Webhook,
 * as after 15 minutes) and script Discord's rate limit ({@link #rateLimitNext}). Point {@code gateway.discord.api-url}
 * at {@link #apiUrl()}.
 */
public final class FakeDiscordApi extends RecordingHttpServer {

    /** Message flag LOADING: the original response of a deferred interaction, not edited yet. */
    public static final int LOADING = 1 << 7;

    /** How a message was sent. */
    public enum Kind {
        EDIT_ORIGINAL,
        FOLLOW_UP
    }

    /** A message Discord accepted for an interaction token. */
    public record SentMessage(String applicationId, String token, Kind kind, String content) {}

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PREFIX = "/api/v10/webhooks/";
    private static final Pattern ORIGINAL = Pattern.compile(PREFIX + "([^/]+)/([^/]+)/messages/@original");
    private static final Pattern FOLLOW_UP = Pattern.compile(PREFIX + "([^/]+)/([^/]+)");

    private final List<SentMessage> messages = new CopyOnWriteArrayList<>();
    private final Map<String, String> originals = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1_200_000_000_000_000_000L);

    public FakeDiscordApi() {
        super("fake-discord");
        route("GET", ORIGINAL.pattern(), this::getOriginal);
        route("PATCH", ORIGINAL.pattern(), this::editOriginal);
        route("POST", FOLLOW_UP.pattern(), this::followUp);
    }

    /** The API base URL, like {@code https://discord.com/api/v10}. */
    public String apiUrl() {
        return url() + "/api/v10";
    }

    /** Every message accepted, in order. */
    public List<SentMessage> messages() {
        return List.copyOf(messages);
    }

    /** The messages accepted for one interaction token, in order. */
    public List<SentMessage> messagesFor(String token) {
        return messages.stream().filter(m -> token.equals(m.token())).toList();
    }

    /** Calls made with one interaction token (GET, PATCH and POST), accepted or not. */
    public List<RecordedRequest> callsFor(String token) {
        return requests().stream().filter(r -> token.equals(tokenOf(r))).toList();
    }

    /** From now on every call with {@code token} gets 404 Unknown Webhook (code 10015), like an expired token. */
    public void expire(String token) {
        failNext(
                request -> token.equals(tokenOf(request)),
                Integer.MAX_VALUE,
                Answer.json(404, "{\"message\":\"Unknown Webhook\",\"code\":10015}"));
    }

    /** The next {@code times} calls with {@code token} get 429 with {@code retry_after} (seconds) in the body. */
    public void rateLimitNext(String token, int times, double retryAfterSeconds) {
        failNext(
                request -> token.equals(tokenOf(request)),
                times,
                Answer.json(
                                429,
                                String.format(
                                        Locale.ROOT,
                                        "{\"message\":\"You are being rate limited.\",\"retry_after\":%.3f,"
                                                + "\"global\":false}",
                                        retryAfterSeconds))
                        .withHeader("Retry-After", Long.toString((long) Math.ceil(retryAfterSeconds))));
    }

    private Answer getOriginal(RecordedRequest request) {
        Matcher path = match(ORIGINAL, request);
        String content = originals.get(path.group(2));
        return Answer.json(200, message(path.group(1), content == null ? "" : content, content == null ? LOADING : 0));
    }

    private Answer editOriginal(RecordedRequest request) {
        Matcher path = match(ORIGINAL, request);
        String content = request.json().path("content").asText("");
        if (content.isEmpty() || content.length() > 2000) {
            return invalidContent(content);
        }
        originals.put(path.group(2), content);
        messages.add(new SentMessage(path.group(1), path.group(2), Kind.EDIT_ORIGINAL, content));
        return Answer.json(200, message(path.group(1), content, 0));
    }

    private Answer followUp(RecordedRequest request) {
        Matcher path = match(FOLLOW_UP, request);
        String content = request.json().path("content").asText("");
        if (content.isEmpty() || content.length() > 2000) {
            return invalidContent(content);
        }
        messages.add(new SentMessage(path.group(1), path.group(2), Kind.FOLLOW_UP, content));
        return Answer.json(200, message(path.group(1), content, 0));
    }

    private String message(String applicationId, String content, int flags) {
        ObjectNode message = MAPPER.createObjectNode()
                .put("id", Long.toString(nextId.getAndIncrement()))
                .put("type", 20)
                .put("content", content)
                .put("flags", flags)
                .put("application_id", applicationId)
                .put("webhook_id", applicationId);
        return message.toString();
    }

    private static Answer invalidContent(String content) {
        return Answer.json(
                400,
                "{\"message\":\"Invalid Form Body\",\"code\":50035,\"errors\":{\"content\":{\"_errors\":[{\"code\":"
                        + "\"BASE_TYPE_BAD_LENGTH\",\"message\":\"Must be between 1 and 2000 in length (got "
                        + content.length() + ").\"}]}}}");
    }

    private static Matcher match(Pattern pattern, RecordedRequest request) {
        Matcher matcher = pattern.matcher(request.path());
        if (!matcher.matches()) {
            throw new IllegalStateException("not a webhook path: " + request.path());
        }
        return matcher;
    }

    private static String tokenOf(RecordedRequest request) {
        Matcher original = ORIGINAL.matcher(request.path());
        if (original.matches()) {
            return original.group(2);
        }
        Matcher followUp = FOLLOW_UP.matcher(request.path());
        return followUp.matches() ? followUp.group(2) : null;
    }
}
