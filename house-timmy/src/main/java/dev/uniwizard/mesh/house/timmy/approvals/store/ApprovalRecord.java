package dev.uniwizard.mesh.house.timmy.approvals.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.core.approval.ApprovalDecision;
import dev.uniwizard.mesh.core.approval.ApprovalState;
import dev.uniwizard.mesh.core.envelope.Sender;
import java.time.Instant;

/** One approval request as it is stored: what was asked, by whom, and where it stands now. */
public record ApprovalRecord(
        String id,
        String house,
        String tool,
        JsonNode arguments,
        String argumentsDigest,
        String reason,
        String conversationId,
        String correlationId,
        String requestedByNode,
        Sender requestedFor,
        Instant requestedAt,
        Instant expiresAt,
        ApprovalState state,
        String decidedBy,
        String note,
        Instant decidedAt) {

    /** Pending, and past its expiry: to be expired before anyone acts on it. */
    public boolean overdue(Instant now) {
        return state == ApprovalState.PENDING && !expiresAt.isAfter(now);
    }

    /** The state as houses see it. */
    public ApprovalDecision decision() {
        return new ApprovalDecision(
                id, house, tool, argumentsDigest, state, decidedBy, note, requestedAt, decidedAt, expiresAt);
    }
}
