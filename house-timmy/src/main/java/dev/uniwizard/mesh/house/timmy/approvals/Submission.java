package dev.uniwizard.mesh.house.timmy.approvals;

import dev.uniwizard.mesh.core.approval.ApprovalDecision;

/** What the authority answers a house that asks for an approval. */
public sealed interface Submission {

    /** The request is recorded (now or before): its current state. */
    record Answered(ApprovalDecision decision, boolean created) implements Submission {}

    /** The request cannot be recorded; {@code code} is one of {@link ApprovalErrors}. */
    record Refused(String code, String message) implements Submission {}
}
