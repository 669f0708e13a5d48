package dev.uniwizard.mesh.core.payload;

import java.time.Instant;

/**
 * Published on {@code <root>.events.toolcall} for every tool call a house decided on, run or not: the record behind
 * per-tool stats and predictions. Arguments are not included, only their digest, so secrets in them stay in the
 * house.
 *
 * @param house the house
 * @param tool the tool's name
 * @param argumentsDigest {@code sha256:<hex>} of the canonical JSON arguments (see
 *     {@link dev.uniwizard.mesh.core.approval.ArgumentsDigest})
 * @param outcome {@code ok} or the error class: {@code failed}, {@code error}, {@code timeout}, {@code unavailable}
 *     (circuit open), {@code denied}, {@code refused} (a gate), {@code not_approved}, {@code bad_arguments},
 *     {@code unknown_tool}
 * @param attempts how many times it ran (retries included; 0 when it never ran)
 * @param latencyMillis wall time from decision to result
 * @param mode the mode the turn ran in
 * @param conversationId the conversation
 * @param correlationId the operator request it served
 * @param at when it finished
 */
public record ToolCallEvent(
        String house,
        String tool,
        String argumentsDigest,
        String outcome,
        int attempts,
        long latencyMillis,
        String mode,
        String conversationId,
        String correlationId,
        Instant at) {}
