package dev.uniwizard.mesh.house.timmy.approvals.api;

import java.util.List;

/** Approval requests in one state (or all), newest first. */
public record ApprovalListView(String state, int count, List<ApprovalView> approvals) {}
