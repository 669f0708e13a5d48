package dev.uniwizard.mesh.house.health;

/**
 * How many approval requests wait for a decision, for the {@code pendingApprovals} fact of the house's heartbeat. Only
 * the approval authority (Timmy) has a bean of this type; other houses report null.
 */
public interface PendingApprovals {

    /** Requests in state pending right now. */
    int count();
}
