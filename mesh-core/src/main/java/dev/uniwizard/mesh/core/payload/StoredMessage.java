package dev.uniwizard.mesh.core.payload;

import dev.uniwizard.mesh.core.envelope.Sender;
import java.time.Instant;
import java.util.List;

/** A message as memory keeps it; {@code toolCalls} as in {@link MemoryAppendRequest#toolCalls()}. */
public record StoredMessage(
        long seq,
        String envelopeId,
        String role,
        String house,
        Sender sender,
        String content,
        Instant at,
        List<ToolCallTrace> toolCalls) {

    public StoredMessage {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    /** A message without tool calls. */
    public StoredMessage(
            long seq, String envelopeId, String role, String house, Sender sender, String content, Instant at) {
        this(seq, envelopeId, role, house, sender, content, at, List.of());
    }
}
