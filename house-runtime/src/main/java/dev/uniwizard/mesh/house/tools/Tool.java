package dev.uniwizard.mesh.house.tools;

import java.util.List;

/**
 * Something a house can do. Every CDI bean implementing this is a tool of the house (see {@link ToolRegistry}).
 * Arguments are checked against {@link #parameters()} before {@link #execute(ToolCall)} is called, so a tool sees only
 * the parameters it declared, with every required one present.
 */
public interface Tool {

    /** Unique name used in {@code /tool NAME}: lower-case letters, digits and '_'. */
    String name();

    /** One line saying what the tool does. */
    String description();

    /** The parameters the tool accepts. */
    List<ToolParameter> parameters();

    /** True when the tool changes nothing outside the house (no approval needed in SOVEREIGN mode, later). */
    boolean readOnly();

    /** Runs the tool. A failure the operator should read is a {@link ToolResult#failure(String)}, not an exception. */
    ToolResult execute(ToolCall call);
}
