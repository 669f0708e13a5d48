package dev.uniwizard.mesh.gateway.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Bot API {@code Update} into a {@link TelegramUpdate}. Only {@code message} updates with text from a person
 * are passed on; every other update type (edited_message, channel_post, callback_query, ...), messages without text
 * (photos, stickers, service messages), without a sender (channel posts, anonymous admins) or from bots are
 * {@link TelegramUpdate.Ignored}. In groups Telegram appends the bot's username to commands ({@code /ezra@MeshBot hi});
 * when the username is configured, it is removed from a leading command so the router sees {@code /ezra hi}.
 */
public final class TelegramUpdateParser {

    /** The update types of the Bot API, so that metric labels stay a fixed set. */
    private static final Set<String> UPDATE_TYPES = Set.of(
            "message",
            "edited_message",
            "channel_post",
            "edited_channel_post",
            "business_connection",
            "business_message",
            "edited_business_message",
            "deleted_business_messages",
            "message_reaction",
            "message_reaction_count",
            "inline_query",
            "chosen_inline_result",
            "callback_query",
            "shipping_query",
            "pre_checkout_query",
            "purchased_paid_media",
            "poll",
            "poll_answer",
            "my_chat_member",
            "chat_member",
            "chat_join_request",
            "chat_boost",
            "removed_chat_boost");

    private static final int MAX_NAME = 128;
    private static final Pattern LEADING_COMMAND = Pattern.compile("^(\\s*/[A-Za-z0-9_]+)@([A-Za-z0-9_]+)(?=\\s|$)");

    private final Optional<String> botUsername;

    public TelegramUpdateParser(Optional<String> botUsername) {
        this.botUsername = botUsername;
    }

    public TelegramUpdate parse(JsonNode update) throws MalformedUpdateException {
        if (update == null || !update.isObject()) {
            throw new MalformedUpdateException("an update must be a JSON object");
        }
        JsonNode id = update.get("update_id");
        if (id == null || !id.isIntegralNumber() || !id.canConvertToLong()) {
            throw new MalformedUpdateException("the update has no numeric update_id");
        }
        long updateId = id.asLong();
        JsonNode message = update.get("message");
        if (message == null || message.isNull()) {
            String type = updateType(update);
            return new TelegramUpdate.Ignored(
                    updateId, UPDATE_TYPES.contains(type) ? type : "other_update", "a " + type + " update");
        }
        if (!message.isObject()) {
            throw new MalformedUpdateException("update " + updateId + ": message is not an object");
        }
        JsonNode chatId = message.path("chat").path("id");
        if (!chatId.isIntegralNumber()) {
            throw new MalformedUpdateException("update " + updateId + ": message.chat.id is missing");
        }
        JsonNode from = message.get("from");
        if (from == null || !from.isObject()) {
            return new TelegramUpdate.Ignored(
                    updateId, "no_sender", "a message without from (a channel post or an anonymous admin)");
        }
        if (!from.path("id").isIntegralNumber()) {
            throw new MalformedUpdateException("update " + updateId + ": message.from.id is missing");
        }
        if (from.path("is_bot").asBoolean(false)) {
            return new TelegramUpdate.Ignored(
                    updateId,
                    "from_bot",
                    "a message from bot " + from.path("id").asText());
        }
        JsonNode text = message.get("text");
        if (text == null || !text.isTextual() || text.asText().isBlank()) {
            return new TelegramUpdate.Ignored(
                    updateId, "no_text", "a message without text (" + firstContentField(message) + ")");
        }
        JsonNode messageId = message.path("message_id");
        JsonNode thread = message.path("message_thread_id");
        boolean inTopic = message.path("is_topic_message").asBoolean(false) && thread.isIntegralNumber();
        return new TelegramUpdate.Text(
                updateId,
                chatId.asText(),
                inTopic ? thread.asText() : null,
                messageId.isIntegralNumber() ? messageId.asText() : null,
                from.path("id").asText(),
                displayName(from),
                withoutBotName(text.asText()));
    }

    /** {@code /ezra@MeshBot hi} → {@code /ezra hi} when the bot is MeshBot (case-insensitive); anything else as is. */
    String withoutBotName(String text) {
        if (botUsername.isEmpty()) {
            return text;
        }
        Matcher matcher = LEADING_COMMAND.matcher(text);
        if (matcher.find() && matcher.group(2).equalsIgnoreCase(botUsername.get())) {
            return matcher.group(1) + text.substring(matcher.end());
        }
        return text;
    }

    static String displayName(JsonNode from) {
        String first = from.path("first_name").asText("").strip();
        String last = from.path("last_name").asText("").strip();
        String name = (first + " " + last).strip();
        if (name.isEmpty()) {
            String username = from.path("username").asText("").strip();
            name = username.isEmpty() ? "" : "@" + username;
        }
        if (name.isEmpty()) {
            return null;
        }
        if (name.length() <= MAX_NAME) {
            return name;
        }
        int end = Character.isHighSurrogate(name.charAt(MAX_NAME - 1)) ? MAX_NAME - 1 : MAX_NAME;
        return name.substring(0, end);
    }

    private static String updateType(JsonNode update) {
        Iterator<String> names = update.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("update_id")) {
                return name.toLowerCase(Locale.ROOT);
            }
        }
        return "empty";
    }

    private static String firstContentField(JsonNode message) {
        for (String field : new String[] {
            "photo", "sticker", "document", "video", "voice", "audio", "animation", "location", "contact", "poll"
        }) {
            if (message.has(field)) {
                return field;
            }
        }
        return "no text field";
    }
}
