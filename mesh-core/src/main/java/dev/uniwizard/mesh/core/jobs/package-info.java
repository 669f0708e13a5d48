/**
 * Contracts of scheduled jobs, shared by scheduler-svc (its HTTP API) and the {@code wizard jobs} command: what a job
 * is ({@link JobSpec}), how it looks when read back ({@link JobView}), and one firing ({@link JobRunView}).
 */
package dev.uniwizard.mesh.core.jobs;
