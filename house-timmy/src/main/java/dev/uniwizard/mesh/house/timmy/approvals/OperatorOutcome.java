package dev.uniwizard.mesh.house.timmy.approvals;

import dev.uniwizard.mesh.house.timmy.approvals.store.ApprovalRecord;

/** What became of an operator's approve or deny. */
public sealed interface OperatorOutcome {

    /** The decision is recorded and published. */
    record Decided(ApprovalRecord approval) implements OperatorOutcome {}

    /** No request has this id. */
    record NotFound(String id) implements OperatorOutcome {}

    /** Someone (an operator or a rule) decided it before. */
    record AlreadyDecided(ApprovalRecord approval) implements OperatorOutcome {}

    /** It expired before the decision came. */
    record Expired(ApprovalRecord approval) implements OperatorOutcome {}

    /** The operator decided on other arguments than the request holds. */
    record DigestMismatch(ApprovalRecord approval, String seenDigest) implements OperatorOutcome {}
}
