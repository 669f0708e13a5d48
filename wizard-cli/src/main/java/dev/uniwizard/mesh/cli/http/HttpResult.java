package dev.uniwizard.mesh.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.cli.text.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An HTTP response: status code and body text. */
public record HttpResult(int status, String body) {

    private static final int MAX_RAW_BODY = 500;

    /** A 2xx answer. */
    public boolean successful() {
        return status >= 200 && status < 300;
    }

    public Optional<JsonNode> json() {
        return Json.parse(body);
    }

    /** What went wrong, for an error response: the JSON {@code error} and {@code message} fields, or the raw body. */
    public String problem() {
        Optional<JsonNode> json = json();
        if (json.isPresent()) {
            List<String> parts = new ArrayList<>();
            for (String field : List.of("error", "message", "details")) {
                String value = Json.text(json.get(), field);
                if (value != null && !value.isBlank() && !parts.contains(value)) {
                    parts.add(value);
                }
            }
            if (!parts.isEmpty()) {
                return String.join(": ", parts);
            }
        }
        return raw();
    }

    /** The body as text, shortened; {@code (empty body)} if there is none. */
    public String raw() {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        String text = body.strip();
        return text.length() <= MAX_RAW_BODY ? text : text.substring(0, MAX_RAW_BODY) + " ...";
    }
}
