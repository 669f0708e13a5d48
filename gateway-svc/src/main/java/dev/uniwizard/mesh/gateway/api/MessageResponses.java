package dev.uniwizard.mesh.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Bodies of the answers to {@code POST /api/v1/messages}. */
public final class MessageResponses {

    private MessageResponses() {}

    /** 200: the reply came in time. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Replied(
            String id,
            String conversationId,
            String house,
            String status,
            String errorCode,
            String text,
            String replyId) {}

    /** 202: the message is in the mesh; the reply will be found in the conversation. */
    public record Pending(String id, String conversationId, String status, String message, String conversationUrl) {}
}
