package dev.uniwizard.mesh.core.approval;

import java.time.Instant;

/**
 * The state of an approval request, as the approval authority (Timmy) keeps it: the answer to
 * {@code <root>.approval.request} and {@code <root>.approval.status}, and published on
 * {@code <root>.approval.decided.<house>} when it is decided. A house runs the tool only on {@link ApprovalState#APPROVED}
 * with an {@code argumentsDigest} equal to that of the call it is about to make.
 *
 * @param approvalId the request
 * @param house the asking house
 * @param tool the tool
 * @param argumentsDigest the digest of the arguments the decision is bound to
 * @param state pending, approved, denied or expired
 * @param decidedBy who decided ({@code operator:<name>}, {@code timmy:rule <pattern>}, {@code timmy:expiry}); null
 *     while pending
 * @param note the decider's note, shown to the house and the operator
 * @param requestedAt when the request was first recorded
 * @param decidedAt when it was decided; null while pending
 * @param expiresAt when an undecided request expires
 */
public record ApprovalDecision(
        String approvalId,
        String house,
        String tool,
        String argumentsDigest,
        ApprovalState state,
        String decidedBy,
        String note,
        Instant requestedAt,
        Instant decidedAt,
        Instant expiresAt) {}
