package dev.uniwizard.mesh.gateway.discord;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.core.subjects.Subjects;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads APPLICATION_COMMAND interactions (type 2) into {@link DiscordCommand}s: any slash command of the application
 * with a string option {@code text} and an optional string option {@code house}. Pure.
 */
public final class DiscordCommands {

    private static final Pattern SNOWFLAKE = Pattern.compile("[0-9]{1,20}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._-]{1,500}");

    private DiscordCommands() {}

    public static DiscordCommand read(JsonNode interaction) {
        String id = text(interaction, "id");
        String token = text(interaction, "token");
        String channelId = text(interaction, "channel_id");
        if (channelId == null) {
            channelId = text(interaction.path("channel"), "id");
        }
        JsonNode user = interaction.path("member").path("user").isObject()
                ? interaction.path("member").path("user")
                : interaction.path("user");
        String userId = text(user, "id");
        if (!matches(SNOWFLAKE, id)
                || !matches(TOKEN, token)
                || !matches(SNOWFLAKE, channelId)
                || !matches(SNOWFLAKE, userId)) {
            return new DiscordCommand.Invalid(
                    "malformed", "This interaction lacks an id, token, channel or user, so it cannot be answered.");
        }
        JsonNode data = interaction.path("data");
        String command = text(data, "name");
        String words = option(data, "text");
        if (words == null || words.isBlank()) {
            return new DiscordCommand.Invalid(
                    "missing_text",
                    "/" + (command == null ? "ask" : command)
                            + " needs the text option: what you want to say to the mesh.");
        }
        String house = option(data, "house");
        if (house != null) {
            house = house.strip().toLowerCase(Locale.ROOT);
            if (house.startsWith("@")) {
                house = house.substring(1);
            }
            if (house.isEmpty()) {
                house = null;
            } else if (!Subjects.isToken(house)) {
                return new DiscordCommand.Invalid(
                        "bad_house",
                        "'" + abbreviate(house) + "' is not a house name (lower-case letters, digits, '_' or '-').");
            }
        }
        String displayName = text(user, "global_name");
        if (displayName == null) {
            displayName = text(user, "username");
        }
        return new DiscordCommand.Message(id, token, channelId, userId, displayName, words.strip(), house);
    }

    /** The string value of a top-level option of the command, or null. */
    private static String option(JsonNode data, String name) {
        for (JsonNode option : data.path("options")) {
            if (name.equals(option.path("name").asText())
                    && option.path("value").isTextual()) {
                return option.path("value").asText();
            }
        }
        return null;
    }

    private static boolean matches(Pattern pattern, String value) {
        return value != null && pattern.matcher(value).matches();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
