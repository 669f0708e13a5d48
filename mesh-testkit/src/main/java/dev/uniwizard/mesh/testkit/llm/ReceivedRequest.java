package dev.uniwizard.mesh.testkit.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import java.util.Map;

/**
 * One request {@link ScriptedChatServer} received, whatever it answered.
 *
 * @param index 1 for the first request the server received, and so on
 * @param method the HTTP method
 * @param path the request path, e.g. {@code /v1/chat/completions}
 * @param headers the request headers; names compare case-insensitively
 * @param rawBody the body as text
 * @param body the body parsed, or null when it is not JSON
 */
public record ReceivedRequest(
        int index, String method, String path, Map<String, List<String>> headers, String rawBody, JsonNode body) {

    /** The first value of this header (any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** The {@code messages} array of the body (a missing node when there is none). */
    public JsonNode messages() {
        return body == null ? MissingNode.getInstance() : body.path("messages");
    }
}
