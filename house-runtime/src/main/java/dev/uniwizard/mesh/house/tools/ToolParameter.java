package dev.uniwizard.mesh.house.tools;

/**
 * One parameter of a tool.
 *
 * @param name the key in {@code key=value} and in the model's JSON arguments
 * @param type the JSON Schema type the value must have
 * @param required whether the tool refuses to run without it
 * @param description what the value means, shown in the help text and to the model
 */
public record ToolParameter(String name, ParamType type, boolean required, String description) {

    public static ToolParameter required(String name, String description) {
        return new ToolParameter(name, ParamType.STRING, true, description);
    }

    public static ToolParameter optional(String name, String description) {
        return new ToolParameter(name, ParamType.STRING, false, description);
    }

    public static ToolParameter required(String name, ParamType type, String description) {
        return new ToolParameter(name, type, true, description);
    }

    public static ToolParameter optional(String name, ParamType type, String description) {
        return new ToolParameter(name, type, false, description);
    }
}
