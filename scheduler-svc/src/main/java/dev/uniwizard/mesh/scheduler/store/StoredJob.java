package dev.uniwizard.mesh.scheduler.store;

import dev.uniwizard.mesh.core.jobs.JobSpec;
import java.time.Instant;

/**
 * A job as stored.
 *
 * @param id the database id
 * @param spec the normalized spec; its {@code enabled} agrees with {@link #enabled()}
 * @param enabled whether it fires
 * @param nextFireAt the next tick, null for event jobs and paused jobs
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record StoredJob(
        long id, JobSpec spec, boolean enabled, Instant nextFireAt, Instant createdAt, Instant updatedAt) {}
