package dev.uniwizard.mesh.house.model;

import java.util.List;

/**
 * One request to the model.
 *
 * @param messages the conversation so far, system prompt first
 * @param tools the tools the model may call; none when empty
 */
public record ChatRequest(List<ChatMessage> messages, List<ToolSpec> tools) {

    public ChatRequest {
        messages = List.copyOf(messages);
        tools = tools == null ? List.of() : List.copyOf(tools);
    }
}
