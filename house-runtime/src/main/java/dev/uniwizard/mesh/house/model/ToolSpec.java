package dev.uniwizard.mesh.house.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A tool as the model is told of it ({@code {"type":"function","function":{...}}} on the wire).
 *
 * @param name the tool's name
 * @param description what it does
 * @param parameters its JSON Schema (an object schema)
 */
public record ToolSpec(String name, String description, ObjectNode parameters) {}
