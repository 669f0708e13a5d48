package dev.uniwizard.mesh.gateway.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Slack's {@code event_callback} payloads into {@link SlackEvent}s. Messages from bots (the gateway's own
 * replies included) and messages with a subtype (edits, joins, deletions) are ignored, so the bot never answers
 * itself. In an {@code app_mention} a leading mention of the bot is removed; a {@code message} in a channel that
 * mentions the bot is ignored, since Slack sends the same words as an {@code app_mention} too. Pure.
 */
public final class SlackEvents {

    private static final Pattern LEADING_MENTION = Pattern.compile("^\\s*<@([A-Z0-9]+)(?:\\|[^>]*)?>[\\s,:]*");
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9.]{1,40}");

    private SlackEvents() {}

    /** Reads an {@code event_callback}. */
    public static SlackEvent read(JsonNode callback) {
        String eventId = text(callback, "event_id");
        JsonNode event = callback.path("event");
        String type = text(event, "type");
        if (eventId == null || !event.isObject() || type == null) {
            return new SlackEvent.Ignored("malformed", "an event_callback without event_id or event.type");
        }
        if (!type.equals("message") && !type.equals("app_mention")) {
            return new SlackEvent.Ignored("unhandled_type", "event " + eventId + " of type " + type);
        }
        if (event.hasNonNull("bot_id") || event.hasNonNull("bot_profile")) {
            return new SlackEvent.Ignored("bot_message", "event " + eventId + " was written by a bot");
        }
        if (event.hasNonNull("subtype")) {
            return new SlackEvent.Ignored(
                    "subtype", "event " + eventId + " is a message of subtype " + text(event, "subtype"));
        }
        String user = text(event, "user");
        String channel = text(event, "channel");
        String ts = text(event, "ts");
        String threadTs = text(event, "thread_ts");
        if (!safe(user) || !safe(channel) || !safe(ts) || (threadTs != null && !safe(threadTs))) {
            return new SlackEvent.Ignored("malformed", "event " + eventId + " lacks a usable user, channel or ts");
        }
        String botUserId = botUserId(callback);
        String words = event.path("text").asText("");
        if (type.equals("app_mention")) {
            words = withoutLeadingMention(words, botUserId);
        } else if (botUserId != null && !"im".equals(text(event, "channel_type")) && words.contains("<@" + botUserId)) {
            return new SlackEvent.Ignored(
                    "mention_as_message", "event " + eventId + " mentions the bot: it comes as an app_mention too");
        }
        return new SlackEvent.Message(eventId, user, channel, ts, threadTs, unescape(words.strip()));
    }

    /** The text without a leading {@code <@BOT>} (any leading mention when the bot's id is not known). */
    static String withoutLeadingMention(String words, String botUserId) {
        Matcher mention = LEADING_MENTION.matcher(words);
        if (mention.find() && (botUserId == null || botUserId.equals(mention.group(1)))) {
            return words.substring(mention.end());
        }
        return words;
    }

    /** Undoes Slack's three escapes in message text ({@code &lt; &gt; &amp;}). */
    static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** The bot's own user id, from the callback's {@code authorizations} (null when Slack did not include it). */
    private static String botUserId(JsonNode callback) {
        JsonNode authorizations = callback.path("authorizations");
        for (JsonNode authorization : authorizations) {
            if (authorization.path("is_bot").asBoolean(false) && authorization.hasNonNull("user_id")) {
                return authorization.path("user_id").asText();
            }
        }
        return null;
    }

    private static boolean safe(String id) {
        return id != null && SAFE_ID.matcher(id).matches();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
