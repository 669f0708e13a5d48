package dev.uniwizard.mesh.scheduler.firing;

import dev.uniwizard.mesh.scheduler.store.LockedJob;
import java.util.List;

/**
 * Called inside the firing transaction once due jobs are locked, before they are fired. Production uses
 * {@link #NONE}; tests use it to stop a node while it holds its locks (a hung or crashing node).
 */
@FunctionalInterface
public interface FiringProbe {

    FiringProbe NONE = (node, jobs) -> {};

    void locked(String node, List<LockedJob> jobs);
}
