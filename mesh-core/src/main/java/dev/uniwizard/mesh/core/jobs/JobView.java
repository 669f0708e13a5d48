package dev.uniwizard.mesh.core.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A job as the scheduler reports it.
 *
 * @param spec the job as written, with defaults filled in
 * @param enabled whether it fires (false: paused)
 * @param nextFireAt the next tick, null for event jobs and paused jobs
 * @param nextFireTimes the next 5 ticks in the job's zone (ISO-8601 with offset), empty for event jobs
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param lastRun its latest run, if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobView(
        JobSpec spec,
        boolean enabled,
        Instant nextFireAt,
        List<String> nextFireTimes,
        Instant createdAt,
        Instant updatedAt,
        JobRunView lastRun) {}
