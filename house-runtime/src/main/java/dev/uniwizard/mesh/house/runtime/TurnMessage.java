package dev.uniwizard.mesh.house.runtime;

import dev.uniwizard.mesh.core.payload.ToolCallTrace;
import java.util.List;

/**
 * A message of a turn to store in memory, besides the operator's message and the final reply.
 *
 * @param label unique within the task; the stored id derives from the task id and this label, so a redelivered
 *     turn stores each message once
 * @param role {@code assistant} (a step that called tools) or {@code tool} (a call's result)
 * @param content the text
 * @param toolCalls the calls an assistant step made, or the one a tool message answers
 */
public record TurnMessage(String label, String role, String content, List<ToolCallTrace> toolCalls) {

    /** What memory-svc stores with one message (longer names and ids, or more calls, it refuses). */
    static final int MAX_TRACES = 64;

    static final int MAX_TOOL_NAME = 64;
    static final int MAX_CALL_ID = 128;

    public TurnMessage {
        // A model may send anything; what it sent must never make the turn unstorable (and the task redelivered).
        toolCalls = toolCalls.stream()
                .limit(MAX_TRACES)
                .map(trace -> new ToolCallTrace(
                        cut(trace.callId(), MAX_CALL_ID),
                        cut(trace.tool() == null || trace.tool().isBlank() ? "?" : trace.tool(), MAX_TOOL_NAME),
                        trace.arguments(),
                        trace.outcome()))
                .toList();
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
