package dev.uniwizard.mesh.house.tools;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A tool's parameters as the JSON Schema object a model is given in its tool specification. */
public final class ToolSchemas {

    private ToolSchemas() {}

    /** {@code {"type":"object","properties":{...},"required":[...],"additionalProperties":false}}. */
    public static ObjectNode parameters(Tool tool) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode schema = json.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        var required = json.arrayNode();
        for (ToolParameter parameter : tool.parameters()) {
            properties
                    .putObject(parameter.name())
                    .put("type", parameter.type().schemaType())
                    .put("description", parameter.description());
            if (parameter.required()) {
                required.add(parameter.name());
            }
        }
        schema.set("required", required);
        schema.put("additionalProperties", false);
        return schema;
    }
}
