package dev.uniwizard.mesh.house.model;

import java.util.List;

/**
 * One message of a chat-completions conversation.
 *
 * @param role {@code system}, {@code user}, {@code assistant} or {@code tool}
 * @param content the text; may be null or empty on an assistant message that only calls tools
 * @param toolCalls the calls an assistant message makes; empty otherwise
 * @param toolCallId on a {@code tool} message, the id of the call it answers
 */
public record ChatMessage(String role, String content, List<ModelToolCall> toolCalls, String toolCallId) {

    public ChatMessage {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public static ChatMessage system(String content) {
        return new ChatMessage("system", content, List.of(), null);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage("user", content, List.of(), null);
    }

    public static ChatMessage assistant(String content, List<ModelToolCall> toolCalls) {
        return new ChatMessage("assistant", content, toolCalls, null);
    }

    public static ChatMessage tool(String toolCallId, String content) {
        return new ChatMessage("tool", content, List.of(), toolCallId);
    }

    /** The text, never null. */
    public String text() {
        return content == null ? "" : content;
    }
}
