package dev.uniwizard.mesh.gateway.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uniwizard.mesh.core.subjects.Subjects;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a message request strictly: the body must be one JSON object with only the known fields, each a string. Every
 * problem becomes a 400 {@link ApiException} that says what was wrong.
 */
public final class MessageRequestParser {

    static final Set<String> FIELDS = Set.of("house", "conversationId", "text");

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final int maxTextLength;

    public MessageRequestParser(int maxTextLength) {
        this.maxTextLength = maxTextLength;
    }

    public MessageRequest parse(String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest(
                    "missing_body", "the request needs a JSON body like {\"text\": \"hello\", \"house\": \"ezra\"}");
        }
        JsonNode root = readJson(body);
        if (!root.isObject()) {
            throw ApiException.badRequest(
                    "invalid_json",
                    "the body must be a JSON object, not "
                            + root.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ApiException.badRequest(
                        "unknown_field",
                        "unknown field '" + name + "'; a message has only 'text', 'house' and 'conversationId'");
            }
        }
        String text = string(root, "text");
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("missing_text", "'text' is required and must not be blank");
        }
        if (text.length() > maxTextLength) {
            throw ApiException.badRequest(
                    "text_too_long",
                    "'text' has " + text.length() + " characters; at most " + maxTextLength + " are accepted");
        }
        return new MessageRequest(house(string(root, "house")), conversationId(string(root, "conversationId")), text);
    }

    private static JsonNode readJson(String body) {
        try {
            return STRICT.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("invalid_json", "the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String string(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest(
                    "invalid_field",
                    "'" + field + "' must be a string, not "
                            + value.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return value.textValue();
    }

    private static String house(String house) {
        if (house == null) {
            return null;
        }
        String name = house.trim().toLowerCase(Locale.ROOT);
        if (!Subjects.isToken(name)) {
            throw ApiException.badRequest(
                    "bad_house",
                    "house '" + house
                            + "' is not a valid name: use 1-64 letters, digits, '_' or '-', starting with a letter or digit;"
                            + " leave 'house' out to let the router choose");
        }
        return name;
    }

    private static String conversationId(String id) {
        if (id == null) {
            return null;
        }
        Inputs.requireConversationId(id);
        return id;
    }
}
