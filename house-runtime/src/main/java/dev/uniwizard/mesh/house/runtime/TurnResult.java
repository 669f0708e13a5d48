package dev.uniwizard.mesh.house.runtime;

import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.house.engine.ToolOutcome;
import java.util.List;

/**
 * What a task produced.
 *
 * @param reply the answer to the operator
 * @param transcript the turn's intermediate messages (model steps and tool results), in order, to store
 * @param toolCalls how each tool call decided in the turn ended, in order (for the turn's event: how many, whether one
 *     was retried, what send_message sent)
 */
public record TurnResult(ReplyPayload reply, List<TurnMessage> transcript, List<ToolOutcome> toolCalls) {

    public TurnResult {
        transcript = List.copyOf(transcript);
        toolCalls = List.copyOf(toolCalls);
    }

    /** A result whose turn called no tools. */
    public TurnResult(ReplyPayload reply, List<TurnMessage> transcript) {
        this(reply, transcript, List.of());
    }

    public static TurnResult of(ReplyPayload reply) {
        return new TurnResult(reply, List.of());
    }
}
