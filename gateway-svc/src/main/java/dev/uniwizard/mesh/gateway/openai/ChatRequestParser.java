package dev.uniwizard.mesh.gateway.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a chat completion request the way OpenAI documents it, keeping what the mesh uses: {@code model},
 * {@code messages} (the text of the last {@code user} message is sent; the first names the conversation),
 * {@code stream} and {@code stream_options.include_usage}. Sampling and tool fields ({@code temperature},
 * {@code max_tokens}, {@code tools}, ...) are accepted and ignored: the house has its own model settings and tools.
 * Every problem is a 400 in OpenAI's format whose {@code param} names the field.
 */
public final class ChatRequestParser {

    static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");
    static final Map<String, String> MEDIA_PARTS = Map.of(
            "image_url", "images",
            "input_image", "images",
            "image", "images",
            "input_audio", "audio",
            "file", "files");

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final int maxTextLength;

    public ChatRequestParser(int maxTextLength) {
        this.maxTextLength = maxTextLength;
    }

    public ChatRequest parse(String body) {
        if (body == null || body.isBlank()) {
            throw OpenAiException.badRequest(
                    "invalid_json",
                    null,
                    "The request needs a JSON body like {\"model\": \"ezra\", \"messages\": [{\"role\": \"user\","
                            + " \"content\": \"hello\"}]}.");
        }
        JsonNode root = readJson(body);
        if (!root.isObject()) {
            throw OpenAiException.badRequest(
                    "invalid_json", null, "The body must be a JSON object, not " + type(root) + ".");
        }
        String model = model(root.get("model"));
        boolean stream = bool(root.get("stream"), "stream");
        boolean includeUsage = includeUsage(root.get("stream_options"));
        List<String> userTexts = userTexts(root.get("messages"));
        String text = userTexts.getLast();
        return new ChatRequest(model, text, userTexts.getFirst(), stream, includeUsage);
    }

    private static JsonNode readJson(String body) {
        try {
            return STRICT.readTree(body);
        } catch (JsonProcessingException e) {
            throw OpenAiException.badRequest(
                    "invalid_json", null, "The body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String model(JsonNode value) {
        if (value == null || value.isNull()) {
            throw OpenAiException.badRequest(
                    "missing_required_parameter",
                    "model",
                    "'model' is required: name the house to ask, e.g. \"ezra\" (GET /v1/models lists them).");
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw OpenAiException.badRequest(
                    "invalid_type", "model", "'model' must be a house name as a string, not " + type(value) + ".");
        }
        return value.textValue();
    }

    private static boolean bool(JsonNode value, String param) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw OpenAiException.badRequest(
                    "invalid_type", param, "'" + param + "' must be true or false, not " + type(value) + ".");
        }
        return value.booleanValue();
    }

    private static boolean includeUsage(JsonNode options) {
        if (options == null || options.isNull()) {
            return false;
        }
        if (!options.isObject()) {
            throw OpenAiException.badRequest(
                    "invalid_type", "stream_options", "'stream_options' must be an object, not " + type(options) + ".");
        }
        return bool(options.get("include_usage"), "stream_options.include_usage");
    }

    /** The text of every user message, in order; at least one. */
    private List<String> userTexts(JsonNode messages) {
        if (messages == null || messages.isNull()) {
            throw OpenAiException.badRequest(
                    "missing_required_parameter",
                    "messages",
                    "'messages' is required: a list like [{\"role\": \"user\", \"content\": \"hello\"}].");
        }
        if (!messages.isArray()) {
            throw OpenAiException.badRequest(
                    "invalid_type", "messages", "'messages' must be an array, not " + type(messages) + ".");
        }
        if (messages.isEmpty()) {
            throw OpenAiException.badRequest(
                    "invalid_value", "messages", "'messages' is empty: it needs at least one user message.");
        }
        List<String> texts = new ArrayList<>();
        int lastUser = -1;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String param = "messages[" + i + "]";
            if (!message.isObject()) {
                throw OpenAiException.badRequest(
                        "invalid_type", param, "'" + param + "' must be an object, not " + type(message) + ".");
            }
            String role = role(message.get("role"), param + ".role");
            if (role.equals("user")) {
                texts.add(content(message.get("content"), param + ".content"));
                lastUser = i;
            }
        }
        if (texts.isEmpty()) {
            throw OpenAiException.badRequest(
                    "invalid_value",
                    "messages",
                    "'messages' has no message with role 'user': the mesh answers the last user message.");
        }
        String text = texts.getLast();
        String param = "messages[" + lastUser + "].content";
        if (text.isBlank()) {
            throw OpenAiException.badRequest(
                    "invalid_value", param, "The last user message ('" + param + "') has no text.");
        }
        if (text.length() > maxTextLength) {
            throw OpenAiException.badRequest(
                    "string_above_max_length",
                    param,
                    "The last user message ('" + param + "') has " + text.length() + " characters; at most "
                            + maxTextLength + " are accepted.");
        }
        return texts;
    }

    private static String role(JsonNode value, String param) {
        if (value == null || !value.isTextual()) {
            throw OpenAiException.badRequest(
                    value == null ? "missing_required_parameter" : "invalid_type",
                    param,
                    "'" + param + "' must be one of "
                            + String.join(", ", ROLES.stream().sorted().toList()) + ".");
        }
        String role = value.textValue();
        if (!ROLES.contains(role)) {
            throw OpenAiException.badRequest(
                    "invalid_value",
                    param,
                    "'" + param + "' is '" + role + "'; it must be one of "
                            + String.join(", ", ROLES.stream().sorted().toList()) + ".");
        }
        return role;
    }

    /** A user message's text: a string, or the text parts of an array joined by new lines. */
    private static String content(JsonNode content, String param) {
        if (content == null || content.isNull()) {
            throw OpenAiException.badRequest(
                    "missing_required_parameter", param, "'" + param + "' is required for a user message.");
        }
        if (content.isTextual()) {
            return content.textValue();
        }
        if (!content.isArray()) {
            throw OpenAiException.badRequest(
                    "invalid_type",
                    param,
                    "'" + param + "' must be a string or an array of text parts, not " + type(content) + ".");
        }
        List<String> parts = new ArrayList<>();
        for (int j = 0; j < content.size(); j++) {
            parts.add(textPart(content.get(j), param + "[" + j + "]"));
        }
        return String.join("\n", parts);
    }

    private static String textPart(JsonNode part, String param) {
        JsonNode type = part.get("type");
        if (!part.isObject() || type == null || !type.isTextual()) {
            throw OpenAiException.badRequest(
                    "invalid_type",
                    param,
                    "'" + param + "' must be an object like {\"type\": \"text\", \"text\": \"...\"}.");
        }
        String kind = type.textValue();
        if (MEDIA_PARTS.containsKey(kind)) {
            throw OpenAiException.badRequest(
                    "unsupported_content",
                    param,
                    "'" + param + "' is a '" + kind + "' part, but " + MEDIA_PARTS.get(kind)
                            + " are not supported: the mesh takes text only.");
        }
        if (!kind.equals("text")) {
            throw OpenAiException.badRequest(
                    "invalid_value",
                    param,
                    "'" + param + "' has type '" + kind + "'; only 'text' parts are supported.");
        }
        JsonNode text = part.get("text");
        if (text == null || !text.isTextual()) {
            throw OpenAiException.badRequest("invalid_type", param + ".text", "'" + param + ".text' must be a string.");
        }
        return text.textValue();
    }

    private static String type(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
