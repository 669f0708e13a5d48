package dev.uniwizard.mesh.house.timmy.approvals.store;

import dev.uniwizard.mesh.core.approval.ApprovalState;
import java.time.Instant;

/** One line of an approval's audit trail: the state it entered, who put it there, and when. */
public record ApprovalEvent(long seq, ApprovalState state, String actor, String note, Instant at) {}
