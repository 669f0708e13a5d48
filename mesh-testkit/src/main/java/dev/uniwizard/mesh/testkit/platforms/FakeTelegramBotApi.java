package dev.uniwizard.mesh.testkit.platforms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fake of the Telegram Bot API ({@code <url>/bot<token>/<method>}, JSON bodies) for {@code sendMessage} and
 * {@code getUpdates}, answering in the documented shapes: {@code {"ok":true,"result":...}} or
 * {@code {"ok":false,"error_code":n,"description":"...","parameters":{"retry_after":n}}}. A wrong token gets 401
 * {@code Unauthorized}, an unknown method 404. Tests queue updates with {@link #enqueueUpdate} (getUpdates honours
 * {@code offset}: updates below it are confirmed and forgotten, and waits up to {@link #maxLongPoll} when none is
 * queued), read what the bot sent with {@link #sentMessages()}, and script failures with {@link #rateLimitNextSend},
 * {@link #forgetChat}, {@link #blockBotIn} or {@link #failNext}.
 */
public class FakeTelegramBotApi extends RecordingHttpServer {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_TEXT = 4096;

    private final String token;
    private final List<TelegramSentMessage> sent = new CopyOnWriteArrayList<>();
    private final List<JsonNode> updates = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition updateArrived = lock.newCondition();
    private final AtomicLong nextMessageId = new AtomicLong(1);
    private final AtomicLong nextUpdateId = new AtomicLong(100_000);
    private final AtomicLong lastOffset = new AtomicLong(-1);
    private final Set<String> unknownChats = ConcurrentHashMap.newKeySet();
    private final Set<String> blockingChats = ConcurrentHashMap.newKeySet();
    private volatile Duration maxLongPoll = Duration.ofMillis(500);

    /** Starts a fake that accepts only {@code token}. */
    public FakeTelegramBotApi(String token) {
        super("fake-telegram");
        this.token = token;
        String bot = "/bot" + java.util.regex.Pattern.quote(token);
        route("POST", bot + "/sendMessage", this::sendMessage);
        route("POST", bot + "/getUpdates", this::getUpdates);
        for (String method : List.of("GET", "POST")) {
            route(method, bot + "/[^/]+", request -> error(404, "Not Found", null));
            route(method, "/bot[^/]*/[^/]+", request -> error(401, "Unauthorized", null));
        }
    }

    public String token() {
        return token;
    }

    /** The longest a getUpdates call waits for an update when none is queued (its own timeout permitting). */
    public FakeTelegramBotApi maxLongPoll(Duration wait) {
        this.maxLongPoll = wait;
        return this;
    }

    // ---- updates -----------------------------------------------------------------------------------------------

    /** Queues an update (a JSON object with {@code update_id}) for getUpdates. */
    public void enqueueUpdate(String json) {
        JsonNode update;
        try {
            update = MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
        if (!update.path("update_id").canConvertToLong()) {
            throw new IllegalArgumentException("an update needs a numeric update_id: " + json);
        }
        lock.lock();
        try {
            updates.add(update);
            updateArrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A fresh update id, larger than every one given before. */
    public long nextUpdateId() {
        return nextUpdateId.incrementAndGet();
    }

    /** Updates queued and not yet confirmed by a getUpdates offset beyond them. */
    public int pendingUpdates() {
        lock.lock();
        try {
            return updates.size();
        } finally {
            lock.unlock();
        }
    }

    /** The offset of the last getUpdates call, or -1 before the first. */
    public long lastOffset() {
        return lastOffset.get();
    }

    // ---- sent messages -----------------------------------------------------------------------------------------

    /** Every message accepted by sendMessage, in order of arrival. */
    public List<TelegramSentMessage> sentMessages() {
        return List.copyOf(sent);
    }

    /** Messages accepted for one chat, in order of arrival. */
    public List<TelegramSentMessage> sentTo(String chatId) {
        return sent.stream().filter(m -> m.chatId().equals(chatId)).toList();
    }

    // ---- scripted failures -------------------------------------------------------------------------------------

    /** The next {@code times} sendMessage calls to {@code chatId} get 429 with {@code retry_after}. */
    public void rateLimitNextSend(String chatId, int times, int retryAfterSeconds) {
        failNext(request -> isSendTo(request, chatId), times, tooManyRequests(retryAfterSeconds));
    }

    /** Telegram's 429 answer, for {@link #failNext}. */
    public static Answer tooManyRequests(int retryAfterSeconds) {
        return Answer.json(
                429,
                errorBody(
                        429,
                        "Too Many Requests: retry after " + retryAfterSeconds,
                        Map.of("retry_after", retryAfterSeconds)));
    }

    /** A Bot API error answer ({@code "ok": false}), for {@link #failNext}. */
    public static Answer apiError(int code, String description) {
        return error(code, description, null);
    }

    /** Whether {@code request} is a sendMessage call to {@code chatId}. */
    public static boolean isSendTo(RecordedRequest request, String chatId) {
        return request.path().endsWith("/sendMessage")
                && request.json().path("chat_id").asText().equals(chatId);
    }

    /** sendMessage to {@code chatId} answers 400 "Bad Request: chat not found" from now on. */
    public void forgetChat(String chatId) {
        unknownChats.add(chatId);
    }

    /** sendMessage to {@code chatId} answers 403 "Forbidden: bot was blocked by the user" from now on. */
    public void blockBotIn(String chatId) {
        blockingChats.add(chatId);
    }

    // ---- methods -----------------------------------------------------------------------------------------------

    private Answer sendMessage(RecordedRequest request) {
        JsonNode body = request.json();
        if (!body.isObject()) {
            return error(400, "Bad Request: the fake takes application/json bodies only", null);
        }
        JsonNode chat = body.path("chat_id");
        if (!chat.isNumber() && !(chat.isTextual() && !chat.asText().isBlank())) {
            return error(400, "Bad Request: chat_id is empty", null);
        }
        String chatId = chat.asText();
        String text = body.path("text").asText("");
        if (text.isBlank()) {
            return error(400, "Bad Request: message text is empty", null);
        }
        if (text.length() > MAX_TEXT) {
            return error(400, "Bad Request: message is too long", null);
        }
        if (unknownChats.contains(chatId)) {
            return error(400, "Bad Request: chat not found", null);
        }
        if (blockingChats.contains(chatId)) {
            return error(403, "Forbidden: bot was blocked by the user", null);
        }
        Long thread = body.hasNonNull("message_thread_id")
                ? body.get("message_thread_id").asLong()
                : null;
        Long replyTo = body.path("reply_parameters").hasNonNull("message_id")
                ? Long.valueOf(body.path("reply_parameters").get("message_id").asLong())
                : body.hasNonNull("reply_to_message_id")
                        ? Long.valueOf(body.get("reply_to_message_id").asLong())
                        : null;
        long messageId = nextMessageId.getAndIncrement();
        sent.add(new TelegramSentMessage(messageId, chatId, thread, replyTo, text, Instant.now()));
        ObjectNode result = MAPPER.createObjectNode();
        result.put("message_id", messageId);
        result.put("date", Instant.now().getEpochSecond());
        ObjectNode chatNode = result.putObject("chat");
        chatNode.set("id", chat);
        chatNode.put("type", chatId.startsWith("-") ? "supergroup" : "private");
        if (thread != null) {
            result.put("message_thread_id", thread);
        }
        result.put("text", text);
        return ok(result);
    }

    private Answer getUpdates(RecordedRequest request) {
        JsonNode body = request.json().isObject() ? request.json() : MAPPER.createObjectNode();
        long offset = body.path("offset").asLong(0);
        int limit = Math.clamp(body.path("limit").asInt(100), 1, 100);
        long timeoutSeconds = Math.max(0, body.path("timeout").asLong(0));
        lastOffset.set(offset);
        long waitNanos = Math.min(TimeUnit.SECONDS.toNanos(timeoutSeconds), maxLongPoll.toNanos());
        ArrayNode result = MAPPER.createArrayNode();
        lock.lock();
        try {
            updates.removeIf(update -> update.path("update_id").asLong() < offset);
            while (updates.isEmpty() && waitNanos > 0) {
                waitNanos = updateArrived.awaitNanos(waitNanos);
            }
            updates.stream()
                    .filter(update -> update.path("update_id").asLong() >= offset)
                    .limit(limit)
                    .forEach(result::add);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
        return ok(result);
    }

    private static Answer ok(JsonNode result) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("ok", true);
        body.set("result", result);
        return Answer.json(200, body.toString());
    }

    private static Answer error(int code, String description, Map<String, Object> parameters) {
        return Answer.json(code, errorBody(code, description, parameters));
    }

    private static String errorBody(int code, String description, Map<String, Object> parameters) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("ok", false);
        body.put("error_code", code);
        body.put("description", description);
        if (parameters != null && !parameters.isEmpty()) {
            body.set("parameters", MAPPER.valueToTree(parameters));
        }
        return body.toString();
    }

    // ---- update builders ---------------------------------------------------------------------------------------

    /**
     * A {@code message} update with text, as Telegram sends it.
     *
     * @param updateId the update id
     * @param chatId the chat (negative for groups)
     * @param threadId the forum topic, or null
     * @param messageId the message id in the chat
     * @param fromId the sender's user id
     * @param firstName the sender's first name
     * @param lastName the sender's last name, or null
     * @param username the sender's username, or null
     * @param text the text
     */
    public static String textUpdate(
            long updateId,
            long chatId,
            Long threadId,
            long messageId,
            long fromId,
            String firstName,
            String lastName,
            String username,
            String text) {
        ObjectNode update = MAPPER.createObjectNode();
        update.put("update_id", updateId);
        ObjectNode message = update.putObject("message");
        message.put("message_id", messageId);
        if (threadId != null) {
            message.put("message_thread_id", threadId);
            message.put("is_topic_message", true);
        }
        ObjectNode from = message.putObject("from");
        from.put("id", fromId);
        from.put("is_bot", false);
        from.put("first_name", firstName);
        if (lastName != null) {
            from.put("last_name", lastName);
        }
        if (username != null) {
            from.put("username", username);
        }
        ObjectNode chat = message.putObject("chat");
        chat.put("id", chatId);
        chat.put("type", chatId < 0 ? "supergroup" : "private");
        message.put("date", Instant.now().getEpochSecond());
        message.put("text", text);
        return update.toString();
    }

    /** A private-chat text update (chat id == user id) from {@code fromId}. */
    public static String privateText(long updateId, long fromId, String firstName, String text) {
        return textUpdate(updateId, fromId, null, updateId % 100_000 + 1, fromId, firstName, null, null, text);
    }
}
