package dev.uniwizard.mesh.scheduler.api;

/**
 * What {@code GET /api/v1/scheduler/status} answers.
 *
 * @param node this instance's node id
 * @param jobs how many jobs this instance knows
 * @param message what the scheduler can do yet
 */
public record SchedulerStatus(String node, int jobs, String message) {}
