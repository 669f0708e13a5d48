package dev.uniwizard.mesh.core.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A job as an operator writes it ({@code POST /api/v1/jobs}, {@code PUT /api/v1/jobs/<name>}).
 *
 * @param name unique, 1-64 of {@code [a-z0-9][a-z0-9_-]*}
 * @param schedule when it fires
 * @param target what it asks of which house
 * @param delivery where the house's answer goes; null for nowhere (the answer is only recorded in the run)
 * @param enabled false to create it paused; default true
 * @param misfirePolicy {@link #MISFIRE_RUN_ONCE} (default: after downtime, fire once for the missed ticks) or
 *     {@link #MISFIRE_SKIP} (record the missed ticks as {@code missed} and wait for the next one)
 * @param maxRunSeconds how long a run may take before it is recorded as {@code timed_out}; default 600
 * @param overlapPolicy {@link #OVERLAP_SKIP} (default: a tick while the previous run is still running is recorded as
 *     {@code skipped_overlap}), {@link #OVERLAP_QUEUE} (it fires when the previous run ends) or {@link #OVERLAP_ALLOW}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobSpec(
        String name,
        JobSchedule schedule,
        JobTarget target,
        JobDelivery delivery,
        Boolean enabled,
        String misfirePolicy,
        Long maxRunSeconds,
        String overlapPolicy) {

    public static final String MISFIRE_RUN_ONCE = "run_once";
    public static final String MISFIRE_SKIP = "skip";

    public static final String OVERLAP_SKIP = "skip";
    public static final String OVERLAP_QUEUE = "queue";
    public static final String OVERLAP_ALLOW = "allow";

    public static final long DEFAULT_MAX_RUN_SECONDS = 600;
}
