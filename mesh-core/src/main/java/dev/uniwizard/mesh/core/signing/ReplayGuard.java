package dev.uniwizard.mesh.core.signing;

import java.time.Instant;

/** Remembers envelope ids long enough that the same envelope cannot be acted on twice within the freshness window. */
public interface ReplayGuard {

    /** Claims an id; false if it was claimed before and not released. */
    boolean claim(String id, Instant ts);

    /** Gives a claim back after the work failed, so a redelivery of the same envelope is accepted. */
    void release(String id);
}
