package dev.uniwizard.mesh.house.command;

import dev.uniwizard.mesh.house.tools.ToolCall;

/** What the operator asked for, as read by {@link CommandParser}. */
public sealed interface Command {

    /** {@code /tool NAME key=value ...}. */
    record RunTool(ToolCall call) implements Command {}

    /**
     * Anything else: the operator gets the help text.
     *
     * @param asked true for an explicit {@code /help}, false for text that is not a command
     */
    record Help(boolean asked) implements Command {}
}
