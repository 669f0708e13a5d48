/**
 * Firing jobs, on several scheduler nodes against one PostgreSQL database.
 *
 * <p><b>Exactly once.</b> Each node's {@link dev.uniwizard.mesh.scheduler.firing.FiringLoop} locks due jobs with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} and, in the same transaction, records one run per tick, publishes the
 * tasks and moves the jobs' next ticks. A unique index on {@code (job_id, scheduled_for)} (and on {@code (job_id,
 * trigger_id)} for events and run-now) makes a second run of the same tick impossible even if two nodes raced. Task
 * envelope ids are derived from the job and the tick, so a tick fired again after a crash (its transaction rolled back
 * after the publish) is stored once by JetStream (duplicate window {@code mesh.nats.duplicate-window}, 2 min).
 *
 * <p><b>Takeover.</b> Locks live as long as the locking transaction. A node whose process dies loses them when
 * PostgreSQL sees its connection close (at once for a killed process; for a vanished host, when TCP keepalive gives up);
 * a node that hangs, or is cut off, while holding them loses them after {@code scheduler.lock-timeout} (10 s), because
 * every firing transaction sets {@code idle_in_transaction_session_timeout}, {@code statement_timeout} and
 * {@code lock_timeout} to it. Another node then fires the held ticks on its next look, at most
 * {@code scheduler.poll-interval} (200 ms) later; ticks that became due meanwhile are each fired as long as they are
 * younger than {@code scheduler.misfire-threshold}. Bound: lock timeout + poll interval for a hung node.
 *
 * <p><b>Late ticks.</b> Ticks older than the misfire threshold follow the job's misfire policy ({@code run_once}: one
 * run for the latest, the count of the others in its detail; {@code skip}: one {@code missed} run). Ticks while a run
 * is unfinished follow its overlap policy ({@code skip}: {@code skipped_overlap}; {@code queue}: wait; {@code allow}).
 */
package dev.uniwizard.mesh.scheduler.firing;
