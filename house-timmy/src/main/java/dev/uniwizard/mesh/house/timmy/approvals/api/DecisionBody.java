package dev.uniwizard.mesh.house.timmy.approvals.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The body of an approve or deny: {@code {"note": "...", "argumentsDigest": "sha256:..."}}, both optional, and no body
 * at all is fine too. Read strictly, so a typo in a field name is a 400 rather than a digest silently not checked.
 *
 * @param note the operator's note, shown to the house
 * @param argumentsDigest the digest of the arguments the operator saw; the decision is refused if the request's differ
 */
public record DecisionBody(String note, Optional<String> argumentsDigest) {

    public static final int MAX_NOTE_LENGTH = 2000;

    static final Set<String> FIELDS = Set.of("note", "argumentsDigest");

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static DecisionBody parse(String body) {
        if (body == null || body.isBlank()) {
            return new DecisionBody(null, Optional.empty());
        }
        JsonNode root;
        try {
            root = STRICT.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("invalid_json", "the body is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest(
                    "invalid_json",
                    "the body must be a JSON object like {\"note\": \"looks right\"}, not "
                            + (root == null
                                    ? "nothing"
                                    : root.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ApiException.badRequest(
                        "unknown_field",
                        "unknown field '" + name + "'; a decision has only 'note' and 'argumentsDigest'");
            }
        }
        String note = string(root, "note");
        if (note != null && note.length() > MAX_NOTE_LENGTH) {
            throw ApiException.badRequest(
                    "bad_note",
                    "the note is " + note.length() + " characters long; at most " + MAX_NOTE_LENGTH + " are kept");
        }
        String digest = string(root, "argumentsDigest");
        if (digest != null && !digest.startsWith("sha256:")) {
            throw ApiException.badRequest(
                    "bad_digest", "argumentsDigest must look like sha256:<hex>, as the request shows it");
        }
        return new DecisionBody(note == null || note.isBlank() ? null : note.strip(), Optional.ofNullable(digest));
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
        return value.asText();
    }
}
