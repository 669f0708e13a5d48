package dev.uniwizard.mesh.scheduler.store;

import dev.uniwizard.mesh.core.jobs.JobSpec;
import java.time.Instant;
import java.util.UUID;

/**
 * A job row locked by the current transaction ({@code FOR UPDATE}): no other node fires it until the transaction ends.
 *
 * @param id the database id
 * @param spec the normalized spec
 * @param enabled whether it fires on its schedule
 * @param nextFireAt its next tick (null for event jobs and paused jobs)
 * @param taskNamespace the UUID task envelope ids are derived from
 * @param createdAt when it was created (event jobs ignore events published before)
 * @param busy whether a run of it was unfinished ({@code running}, {@code house_down}) when it was locked
 */
public record LockedJob(
        long id,
        JobSpec spec,
        boolean enabled,
        Instant nextFireAt,
        UUID taskNamespace,
        Instant createdAt,
        boolean busy) {

    public String name() {
        return spec.name();
    }
}
