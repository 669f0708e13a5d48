package dev.uniwizard.mesh.scheduler.api;

/**
 * What {@code GET /api/v1/scheduler/status} answers.
 *
 * @param node this instance's node id
 * @param jobs how many jobs exist (all nodes share them)
 * @param message whether this node fires jobs
 */
public record SchedulerStatus(String node, int jobs, String message) {}
