package dev.uniwizard.mesh.house.model;

/**
 * The model's answer.
 *
 * @param message the assistant message (text, tool calls, or both)
 * @param finishReason as sent: {@code stop}, {@code tool_calls}, {@code length}...; null when absent
 * @param promptTokens tokens read, -1 when the endpoint does not say
 * @param completionTokens tokens written, -1 when the endpoint does not say
 */
public record ChatCompletion(ChatMessage message, String finishReason, int promptTokens, int completionTokens) {

    public boolean callsTools() {
        return !message.toolCalls().isEmpty();
    }
}
