package dev.uniwizard.mesh.core.approval;

/** Payload of a request on {@code <root>.approval.status}: the current decision of one approval request. */
public record ApprovalStatusRequest(String approvalId) {}
