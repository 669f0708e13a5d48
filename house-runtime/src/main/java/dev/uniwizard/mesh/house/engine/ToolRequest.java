package dev.uniwizard.mesh.house.engine;

import dev.uniwizard.mesh.house.tools.ToolCall;

/**
 * One call to make in a step: the call as parsed, or why it could not be read.
 *
 * @param callId the model's id for the call
 * @param call the tool and its arguments; the arguments are empty when {@code problem} is set
 * @param problem why the arguments could not be read (e.g. invalid JSON), null when they could
 */
public record ToolRequest(String callId, ToolCall call, String problem) {

    public static ToolRequest of(String callId, ToolCall call) {
        return new ToolRequest(callId, call, null);
    }
}
