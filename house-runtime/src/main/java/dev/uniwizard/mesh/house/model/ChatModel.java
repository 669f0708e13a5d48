package dev.uniwizard.mesh.house.model;

/** A chat-completions model with tool calling. The agent loop keeps control of tool execution; this only talks. */
public interface ChatModel {

    /**
     * One completion. Transient trouble (429, 5xx, connection refused, timeout) is retried inside with backoff before
     * this gives up with a {@link ModelException}.
     */
    ChatCompletion complete(ChatRequest request) throws ModelException;

    /** Where the model is, for messages to the operator, e.g. {@code qwen2.5 at http://127.0.0.1:11434/v1}. */
    String describe();
}
