package dev.uniwizard.mesh.house.tools;

/**
 * One parameter of a tool.
 *
 * @param name the key in {@code key=value}
 * @param required whether the tool refuses to run without it
 * @param description what the value means, shown in the help text
 */
public record ToolParameter(String name, boolean required, String description) {

    public static ToolParameter required(String name, String description) {
        return new ToolParameter(name, true, description);
    }

    public static ToolParameter optional(String name, String description) {
        return new ToolParameter(name, false, description);
    }
}
