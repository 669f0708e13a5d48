package dev.uniwizard.mesh.core.payload;

import dev.uniwizard.mesh.core.envelope.Sender;
import java.time.Instant;
import java.util.List;

/**
 * Payload of a request on {@code <root>.memory.append}: one message of a conversation to store. Storing is idempotent
 * on {@code envelopeId}.
 *
 * @param conversationId the conversation
 * @param envelopeId id of the envelope this message came in or went out with (or an id derived from it for the
 *     messages of a model turn)
 * @param role {@code user}, {@code assistant}, {@code tool} or {@code system}
 * @param house the house that handled it
 * @param sender who said it
 * @param content the text
 * @param at when it was said
 * @param toolCalls the tool calls an assistant message asked for, or the one call a tool message answers; empty
 *     otherwise
 */
public record MemoryAppendRequest(
        String conversationId,
        String envelopeId,
        String role,
        String house,
        Sender sender,
        String content,
        Instant at,
        List<ToolCallTrace> toolCalls) {

    public MemoryAppendRequest {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    /** A message without tool calls. */
    public MemoryAppendRequest(
            String conversationId,
            String envelopeId,
            String role,
            String house,
            Sender sender,
            String content,
            Instant at) {
        this(conversationId, envelopeId, role, house, sender, content, at, List.of());
    }
}
