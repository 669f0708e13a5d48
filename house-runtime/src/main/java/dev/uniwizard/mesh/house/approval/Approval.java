package dev.uniwizard.mesh.house.approval;

import dev.uniwizard.mesh.core.approval.ApprovalDecision;

/**
 * The end of an approval wait.
 *
 * @param granted true only for an approved decision bound to the exact arguments of the call
 * @param explanation for the model or operator: who decided what, or why there is no decision
 * @param decision the last decision seen, null when the authority never answered
 */
public record Approval(boolean granted, String explanation, ApprovalDecision decision) {}
