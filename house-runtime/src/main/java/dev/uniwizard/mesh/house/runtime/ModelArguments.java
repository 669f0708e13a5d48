package dev.uniwizard.mesh.house.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uniwizard.mesh.house.engine.ToolRequest;
import dev.uniwizard.mesh.house.model.ModelToolCall;
import dev.uniwizard.mesh.house.tools.ToolCall;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a model's tool call into a {@link ToolRequest}. Arguments must be one JSON object whose values are strings,
 * numbers or booleans (null means absent); anything else becomes a problem the model is told about, so it can send the
 * call again, instead of a crash.
 */
final class ModelArguments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelArguments() {}

    static ToolRequest read(ModelToolCall call) {
        String name = call.name() == null ? "" : call.name();
        String raw = call.arguments() == null ? "" : call.arguments().strip();
        if (raw.isEmpty()) {
            return ToolRequest.of(call.id(), new ToolCall(name, Map.of()));
        }
        JsonNode json;
        try {
            json = JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            return problem(
                    call,
                    "The arguments of your call to '" + name + "' are not valid JSON (" + e.getOriginalMessage()
                            + "): " + abbreviate(raw) + ". Send the call again with one JSON object that matches the"
                            + " tool's parameters.");
        }
        if (!json.isObject()) {
            return problem(
                    call,
                    "The arguments of your call to '" + name + "' must be a JSON object, not "
                            + json.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                            + ". Send the call again with an object.");
        }
        Map<String, String> arguments = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (value.isContainerNode()) {
                return problem(
                        call,
                        "Parameter '" + field.getKey() + "' of '" + name + "' must be a string, number or boolean, not"
                                + " an " + (value.isArray() ? "array" : "object") + ".");
            }
            arguments.put(field.getKey(), value.asText());
        }
        return ToolRequest.of(call.id(), new ToolCall(name, arguments));
    }

    private static ToolRequest problem(ModelToolCall call, String problem) {
        return new ToolRequest(call.id(), new ToolCall(call.name() == null ? "" : call.name(), Map.of()), problem);
    }

    private static String abbreviate(String raw) {
        return raw.length() <= 200 ? raw : raw.substring(0, 200) + "...";
    }
}
