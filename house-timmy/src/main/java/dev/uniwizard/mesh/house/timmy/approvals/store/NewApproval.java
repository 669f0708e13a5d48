package dev.uniwizard.mesh.house.timmy.approvals.store;

import dev.uniwizard.mesh.core.approval.ApprovalRequest;
import dev.uniwizard.mesh.core.approval.ApprovalState;
import java.time.Instant;

/**
 * A request to record, checked by the caller, with the decision of an auto rule when one applies.
 *
 * @param request the house's request
 * @param requestedByNode the node that signed it
 * @param requestedAt when Timmy received it
 * @param autoState approved or denied by a rule, or null when the operator decides
 * @param autoDecidedBy {@code timmy:rule <pattern>}, or null
 */
public record NewApproval(
        ApprovalRequest request,
        String requestedByNode,
        Instant requestedAt,
        ApprovalState autoState,
        String autoDecidedBy) {

    /** The actor of the first audit line: the asking house. */
    String requester() {
        return "house:" + request.house() + " (node " + requestedByNode + ")";
    }
}
