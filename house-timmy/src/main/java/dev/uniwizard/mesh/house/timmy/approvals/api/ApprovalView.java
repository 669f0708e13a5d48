package dev.uniwizard.mesh.house.timmy.approvals.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.core.approval.ApprovalState;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.house.timmy.approvals.store.ApprovalEvent;
import dev.uniwizard.mesh.house.timmy.approvals.store.ApprovalRecord;
import java.time.Instant;
import java.util.List;

/**
 * One approval request as the operator sees it: the call with its arguments in full (exactly what would run), why
 * it is asked, for whom, and where it stands; {@code history} (the audit trail) only when one request is shown.
 */
public record ApprovalView(
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
        ApprovalState state,
        String decidedBy,
        String note,
        Instant requestedAt,
        Instant expiresAt,
        Instant decidedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ApprovalEvent> history) {

    static ApprovalView of(ApprovalRecord record, List<ApprovalEvent> history) {
        return new ApprovalView(
                record.id(),
                record.house(),
                record.tool(),
                record.arguments(),
                record.argumentsDigest(),
                record.reason(),
                record.conversationId(),
                record.correlationId(),
                record.requestedByNode(),
                record.requestedFor(),
                record.state(),
                record.decidedBy(),
                record.note(),
                record.requestedAt(),
                record.expiresAt(),
                record.decidedAt(),
                history);
    }

    static ApprovalView of(ApprovalRecord record) {
        return of(record, null);
    }
}
