package dev.uniwizard.mesh.scheduler.store;

import dev.uniwizard.mesh.core.jobs.JobRunView;
import dev.uniwizard.mesh.store.SqlValues;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * What happens to a run after its firing: the house's answer, the delivery of that answer, the time-out. Every update
 * is idempotent (a redelivered answer changes nothing), so any node may apply it.
 */
@Singleton
public class RunUpdates {

    /** What an update found. */
    public enum Result {
        /** The run was updated. */
        UPDATED,
        /** The run exists but had ended already (answered, timed out); nothing changed. */
        ALREADY_FINISHED,
        /** No run has this task id (yet: the firing transaction may not have committed). */
        UNKNOWN
    }

    private final Jdbi jdbi;

    public RunUpdates(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Ends a waiting run with the house's answer: {@code ok} or {@code failed}, the time from firing to the answer, and
     * the answer's first line.
     */
    public Result answered(UUID taskId, String outcome, String detail, Instant at) {
        if (!JobRunView.OK.equals(outcome) && !JobRunView.FAILED.equals(outcome)) {
            throw new IllegalArgumentException("an answer ends a run as ok or failed, not " + outcome);
        }
        int updated = jdbi.withHandle(handle -> handle.createUpdate("UPDATE job_runs SET outcome = :outcome, detail ="
                        + " :detail, finished_at = :at, duration_ms = GREATEST(0, CAST(EXTRACT(EPOCH FROM (:at -"
                        + " fired_at)) * 1000 AS bigint)) WHERE task_id = :task AND outcome IN ('running',"
                        + " 'house_down')")
                .bind("task", taskId)
                .bind("outcome", outcome)
                .bind("detail", detail)
                .bind("at", SqlValues.at(at))
                .execute());
        return updated > 0 ? Result.UPDATED : exists(taskId);
    }

    /**
     * Notes an interim notice of the house (waiting for an approval, for the model): the run goes on; a run fired
     * while the house looked down is now running, since the house evidently works on it.
     */
    public Result notice(UUID taskId, String detail) {
        int updated = jdbi.withHandle(handle -> handle.createUpdate("UPDATE job_runs SET outcome = 'running', detail ="
                        + " :detail WHERE task_id = :task AND outcome IN ('running', 'house_down')")
                .bind("task", taskId)
                .bind("detail", detail)
                .execute());
        return updated > 0 ? Result.UPDATED : exists(taskId);
    }

    /** Records what the gateway did with the answer: {@code delivered} or {@code dead_lettered}. */
    public Result delivery(UUID taskId, String status) {
        int updated = jdbi.withHandle(handle -> handle.createUpdate("UPDATE job_runs SET delivery_status = :status"
                        + " WHERE task_id = :task AND delivery_status IN ('pending', 'delivered', 'dead_lettered')"
                        + " AND delivery_status <> :status")
                .bind("task", taskId)
                .bind("status", status)
                .execute());
        return updated > 0 ? Result.UPDATED : exists(taskId);
    }

    /**
     * Marks runs that waited longer than their job's max run time as {@code timed_out}; returns them. A late answer
     * does not change a timed-out run.
     */
    public List<JobRunView> timeOut(Instant now) {
        return jdbi.withHandle(handle -> handle.createQuery("WITH expired AS (UPDATE job_runs r SET outcome ="
                        + " 'timed_out', finished_at = :now, duration_ms = CAST(EXTRACT(EPOCH FROM (:now -"
                        + " r.fired_at)) * 1000 AS bigint), detail = 'no answer within ' || (j.spec->>'maxRunSeconds')"
                        + " || ' s' || CASE WHEN r.outcome = 'house_down' THEN ' (the house was down when it fired: '"
                        + " || coalesce(r.detail, '') || ')' ELSE '' END FROM jobs j WHERE j.id = r.job_id AND"
                        + " r.outcome IN ('running', 'house_down') AND r.fired_at + make_interval(secs =>"
                        + " CAST(coalesce(j.spec->>'maxRunSeconds', '600') AS double precision)) < :now RETURNING r.*)"
                        + " SELECT " + RunRows.COLUMNS + " FROM expired r JOIN jobs j ON j.id = r.job_id")
                .bind("now", SqlValues.at(now))
                .map(RunRows::view)
                .list());
    }

    /** The run of a task, if any. */
    public Optional<JobRunView> byTask(UUID taskId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + RunRows.COLUMNS
                        + " FROM job_runs r JOIN jobs j ON j.id = r.job_id WHERE r.task_id = :task")
                .bind("task", taskId)
                .map(RunRows::view)
                .findOne());
    }

    private Result exists(UUID taskId) {
        boolean exists = jdbi.withHandle(
                handle -> handle.createQuery("SELECT EXISTS (SELECT 1 FROM job_runs WHERE task_id = :task)")
                        .bind("task", taskId)
                        .mapTo(Boolean.class)
                        .one());
        return exists ? Result.ALREADY_FINISHED : Result.UNKNOWN;
    }
}
