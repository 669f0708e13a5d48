package dev.uniwizard.mesh.cli.text;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import java.util.Optional;

/**
 * JSON for the commands: lenient reading of answers as trees (missing, null or mistyped fields are simply absent), and
 * the mesh-core records read and written the way the mesh reads and writes them.
 */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    /** The mesh's own mapper (ISO instants, unknown fields ignored), writing no null fields. */
    private static final ObjectMapper RECORDS =
            EnvelopeCodec.mapper().copy().setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

    private Json() {}

    /** A record or a tree as a request body; fields that are null are left out. */
    public static String write(Object value) {
        try {
            return RECORDS.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot encode " + value.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The body read as a mesh-core record.
     *
     * @throws IllegalArgumentException saying why, when the body is not JSON or not of that shape
     */
    public static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("the body is empty");
        }
        try {
            T value = RECORDS.readValue(body, type);
            if (value == null) {
                throw new IllegalArgumentException("the body is null");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    /** The body as a JSON object or array, or empty if it is not JSON. */
    public static Optional<JsonNode> parse(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node != null && node.isContainerNode() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** A field as text (numbers and booleans included), or {@code null} if absent, null or a container. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        return value.asText();
    }

    /** A numeric field (or a number in a string), or {@code null}. */
    public static Double number(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isTextual()) {
            try {
                return Double.parseDouble(value.asText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A boolean field, or {@code false}. */
    public static boolean flag(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && (value.asBoolean(false) || "true".equalsIgnoreCase(value.asText()));
    }
}
