package dev.uniwizard.mesh.core.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One firing of a job.
 *
 * @param id the run's id
 * @param job the job's name
 * @param scheduledFor the tick it was for (for event jobs: when the event was published)
 * @param firedAt when the task was published, null if it was not (skipped, missed)
 * @param node the scheduler node that fired it
 * @param outcome see the constants: {@link #RUNNING} until the house answers, then {@link #OK} or {@link #FAILED}, or
 *     {@link #TIMED_OUT}; {@link #HOUSE_DOWN} when the target house had stopped sending heartbeats at firing time (the
 *     task waits in JetStream; the outcome changes when it answers); {@link #SKIPPED_OVERLAP}, {@link #MISSED},
 *     {@link #PUBLISH_FAILED}
 * @param durationMs from firing to the house's answer
 * @param deliveryStatus what became of the answer's delivery: {@code none} (no delivery), {@code pending},
 *     {@code delivered}, {@code dead_lettered}
 * @param taskId the id of the task envelope (the correlation id of the answer)
 * @param detail a sentence for operators (the answer's first line, an error, why it was skipped)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobRunView(
        long id,
        String job,
        Instant scheduledFor,
        Instant firedAt,
        String node,
        String outcome,
        Long durationMs,
        String deliveryStatus,
        String taskId,
        String detail) {

    public static final String RUNNING = "running";
    public static final String OK = "ok";
    public static final String FAILED = "failed";
    public static final String TIMED_OUT = "timed_out";
    public static final String HOUSE_DOWN = "house_down";
    public static final String SKIPPED_OVERLAP = "skipped_overlap";
    public static final String MISSED = "missed";
    public static final String PUBLISH_FAILED = "publish_failed";
}
