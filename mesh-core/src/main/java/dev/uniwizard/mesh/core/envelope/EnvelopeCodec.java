package dev.uniwizard.mesh.core.envelope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes envelopes and payloads as JSON, with errors that say what is wrong. */
public final class EnvelopeCodec {

    /** Largest envelope accepted, in bytes (NATS' default max payload is 1 MiB). */
    public static final int MAX_ENVELOPE_BYTES = 1024 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private EnvelopeCodec() {}

    /** The mapper used for every envelope and payload on the mesh. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] toBytes(Envelope envelope) {
        try {
            return MAPPER.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("envelope " + envelope.id() + " cannot be written as JSON", e);
        }
    }

    public static ObjectNode toTree(Envelope envelope) {
        return MAPPER.valueToTree(envelope);
    }

    public static JsonNode payloadOf(Object payload) {
        return MAPPER.valueToTree(payload);
    }

    /** Converts an envelope's payload to a payload record, or explains why it does not fit. */
    public static <T> T readPayload(Envelope envelope, Class<T> type) throws EnvelopeFormatException {
        try {
            T value = MAPPER.treeToValue(envelope.payload(), type);
            if (value == null) {
                throw new EnvelopeFormatException("payload is missing, expected " + type.getSimpleName());
            }
            return value;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new EnvelopeFormatException(
                    "payload is not a valid " + type.getSimpleName() + ": " + conciseMessage(e), e);
        }
    }

    /** Parses bytes received from the wire. Never throws anything but {@link EnvelopeFormatException}. */
    public static ParsedEnvelope parse(byte[] bytes) throws EnvelopeFormatException {
        if (bytes == null || bytes.length == 0) {
            throw new EnvelopeFormatException("empty message: expected a JSON envelope");
        }
        if (bytes.length > MAX_ENVELOPE_BYTES) {
            throw new EnvelopeFormatException(
                    "envelope is " + bytes.length + " bytes, larger than the limit of " + MAX_ENVELOPE_BYTES);
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new EnvelopeFormatException("not valid JSON: " + conciseMessage(e), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new EnvelopeFormatException("expected a JSON object, got " + describe(tree));
        }
        ObjectNode object = (ObjectNode) tree;
        List<String> missing = new ArrayList<>();
        for (String field : List.of(
                "v",
                "id",
                "correlationId",
                "conversationId",
                "nodeId",
                "kind",
                "sender",
                "payload",
                "ts",
                "keyId",
                "sig")) {
            if (!object.hasNonNull(field)) {
                missing.add(field);
            }
        }
        if (!missing.isEmpty()) {
            throw new EnvelopeFormatException("missing required field(s): " + String.join(", ", missing));
        }
        if (!object.get("v").canConvertToExactIntegral() || object.get("v").asInt() != Envelope.VERSION) {
            throw new EnvelopeFormatException(
                    "unsupported envelope version " + object.get("v") + ", this node speaks v" + Envelope.VERSION);
        }
        Envelope envelope;
        try {
            envelope = MAPPER.treeToValue(object, Envelope.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new EnvelopeFormatException("malformed envelope: " + conciseMessage(e), e);
        }
        return new ParsedEnvelope(envelope, object);
    }

    private static String describe(JsonNode node) {
        return node == null ? "nothing" : node.getNodeType().name().toLowerCase();
    }

    private static String conciseMessage(Exception e) {
        String message = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && cause instanceof IllegalArgumentException) {
            message = cause.getMessage();
        }
        return message == null
                ? e.getClass().getSimpleName()
                : message.lines().findFirst().orElse(message);
    }
}
