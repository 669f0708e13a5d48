package dev.uniwizard.mesh.house.runtime;

import dev.uniwizard.mesh.core.payload.ReplyPayload;
import java.util.List;

/**
 * What a task produced.
 *
 * @param reply the answer to the operator
 * @param transcript the turn's intermediate messages (model steps and tool results), in order, to store
 */
public record TurnResult(ReplyPayload reply, List<TurnMessage> transcript) {

    public TurnResult {
        transcript = List.copyOf(transcript);
    }

    public static TurnResult of(ReplyPayload reply) {
        return new TurnResult(reply, List.of());
    }
}
