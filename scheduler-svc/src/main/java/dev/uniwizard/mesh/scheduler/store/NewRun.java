package dev.uniwizard.mesh.scheduler.store;

import java.time.Instant;

/**
 * A run about to be recorded.
 *
 * @param jobId the job
 * @param scheduledFor the tick, the event's time, or the moment of a run-now
 * @param triggerId null for ticks; {@code event:<id>} or {@code now:<id>} otherwise
 * @param firedAt when the task is published, null when it is not (skipped, missed)
 * @param node this scheduler node
 * @param outcome the outcome at firing time
 * @param deliveryStatus {@code none} or {@code pending}
 * @param taskId the task envelope's id, null when nothing is published
 * @param detail a sentence for operators
 * @param finishedAt set for runs that end at once (skipped, missed)
 */
public record NewRun(
        long jobId,
        Instant scheduledFor,
        String triggerId,
        Instant firedAt,
        String node,
        String outcome,
        String deliveryStatus,
        String taskId,
        String detail,
        Instant finishedAt) {}
