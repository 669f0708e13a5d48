package dev.uniwizard.mesh.house.timmy.approvals.store;

/**
 * The outcome of recording a request: the stored request, and whether this call created it (false when a request
 * with the same id was there already, which the caller compares).
 */
public record Recorded(ApprovalRecord record, boolean created) {}
