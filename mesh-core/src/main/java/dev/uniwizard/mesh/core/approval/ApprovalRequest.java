package dev.uniwizard.mesh.core.approval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.core.envelope.Sender;
import java.time.Instant;

/**
 * A house asks to run one tool call: payload of a request on {@code <root>.approval.request}. Asking again with the
 * same {@code approvalId} is idempotent and answers the current {@link ApprovalDecision}; the same id with other
 * arguments is refused.
 *
 * @param approvalId deterministic per task and call (derived from the task envelope id), so a redelivered task finds
 *     its earlier request
 * @param house the asking house
 * @param tool the tool
 * @param arguments the exact arguments (a JSON object); the decision is bound to them
 * @param argumentsDigest {@link ArgumentsDigest#of(JsonNode)} of {@code arguments}
 * @param reason why approval is needed (the rule or mode) and what the model said it wants to do
 * @param conversationId the conversation
 * @param correlationId the operator request being served
 * @param requestedFor the operator the house works for
 * @param expiresAt after this, an undecided request is expired and the house is told so
 */
public record ApprovalRequest(
        String approvalId,
        String house,
        String tool,
        JsonNode arguments,
        String argumentsDigest,
        String reason,
        String conversationId,
        String correlationId,
        Sender requestedFor,
        Instant expiresAt) {}
