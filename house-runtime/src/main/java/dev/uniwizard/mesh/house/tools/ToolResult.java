package dev.uniwizard.mesh.house.tools;

/**
 * What a tool produced.
 *
 * @param ok whether it did what was asked
 * @param text the output, or what went wrong
 */
public record ToolResult(boolean ok, String text) {

    public static ToolResult ok(String text) {
        return new ToolResult(true, text);
    }

    public static ToolResult failure(String text) {
        return new ToolResult(false, text);
    }
}
