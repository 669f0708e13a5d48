package dev.uniwizard.mesh.scheduler.store;

import dev.uniwizard.mesh.core.envelope.Ids;
import dev.uniwizard.mesh.core.jobs.JobRunView;
import dev.uniwizard.mesh.core.jobs.JobSpec;
import dev.uniwizard.mesh.store.SqlValues;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Jobs and their run history in PostgreSQL, for the HTTP API. Specs arrive normalized (see {@code JobRules}); the
 * caller computes the next tick. Deleting a job deletes its runs ({@code ON DELETE CASCADE}). Failures surface as Jdbi's
 * runtime exceptions.
 */
@Singleton
public class JobStore {

    private final Jdbi jdbi;
    private final Clock clock;

    public JobStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Stores a new job; its {@code enabled} comes from the spec (default true). */
    public StoredJob create(JobSpec normalized, Instant nextFireAt) throws JobExistsException {
        Instant now = clock.instant();
        Optional<StoredJob> created = jdbi.withHandle(handle -> handle.createQuery("INSERT INTO jobs (name, spec,"
                        + " enabled, next_fire_at, task_namespace, created_at, updated_at) VALUES (:name, CAST(:spec"
                        + " AS jsonb), :enabled, :next, :namespace, :now, :now) ON CONFLICT (name) DO NOTHING"
                        + " RETURNING " + JobRows.COLUMNS)
                .bind("name", normalized.name())
                .bind("spec", Sql.json(normalized))
                .bind("enabled", enabled(normalized))
                .bind("next", SqlValues.at(nextFireAt))
                .bind("namespace", UUID.fromString(Ids.newId()))
                .bind("now", SqlValues.at(now))
                .map(JobRows::stored)
                .findOne());
        return created.orElseThrow(() -> new JobExistsException(normalized.name()));
    }

    public Optional<StoredJob> find(String name) {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT " + JobRows.COLUMNS + " FROM jobs WHERE name = :name")
                        .bind("name", name)
                        .map(JobRows::stored)
                        .findOne());
    }

    /** Every job, by name. */
    public List<StoredJob> list() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + JobRows.COLUMNS + " FROM jobs ORDER BY name")
                .map(JobRows::stored)
                .list());
    }

    /** How many jobs exist. */
    public int count() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM jobs")
                .mapTo(Integer.class)
                .one());
    }

    /**
     * Replaces a job's spec (and its enabled flag, from the spec), keeping its id, history and task id namespace. A
     * job cannot be renamed: the spec's name must be {@code name}.
     */
    public Optional<StoredJob> replace(String name, JobSpec normalized, Instant nextFireAt) {
        if (!name.equals(normalized.name())) {
            throw new IllegalArgumentException("job '" + name + "' cannot be renamed to '" + normalized.name()
                    + "'; delete it and create a new one");
        }
        return jdbi.withHandle(handle -> handle.createQuery("UPDATE jobs SET spec = CAST(:spec AS jsonb), enabled ="
                        + " :enabled, next_fire_at = :next, updated_at = :now WHERE name = :name RETURNING "
                        + JobRows.COLUMNS)
                .bind("name", name)
                .bind("spec", Sql.json(normalized))
                .bind("enabled", enabled(normalized))
                .bind("next", SqlValues.at(nextFireAt))
                .bind("now", SqlValues.at(clock.instant()))
                .map(JobRows::stored)
                .findOne());
    }

    /** Deletes a job and its runs; false when there was no such job. */
    public boolean delete(String name) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM jobs WHERE name = :name")
                        .bind("name", name)
                        .execute())
                > 0;
    }

    /** Pauses or resumes a job; {@code nextFireAt} is its next tick (null while paused and for event jobs). */
    public Optional<StoredJob> setEnabled(String name, boolean enabled, Instant nextFireAt) {
        return jdbi.withHandle(handle -> handle.createQuery("UPDATE jobs SET enabled = :enabled, spec = jsonb_set(spec,"
                        + " '{enabled}', to_jsonb(CAST(:enabled AS boolean))), next_fire_at = :next, updated_at = :now"
                        + " WHERE name = :name RETURNING " + JobRows.COLUMNS)
                .bind("name", name)
                .bind("enabled", enabled)
                .bind("next", SqlValues.at(nextFireAt))
                .bind("now", SqlValues.at(clock.instant()))
                .map(JobRows::stored)
                .findOne());
    }

    /** A job's runs, newest first (by the tick they were for). */
    public List<JobRunView> runs(String name, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + RunRows.COLUMNS
                        + " FROM job_runs r JOIN jobs j ON j.id = r.job_id WHERE j.name = :name"
                        + " ORDER BY r.scheduled_for DESC, r.id DESC LIMIT :limit")
                .bind("name", name)
                .bind("limit", Math.max(0, limit))
                .map(RunRows::view)
                .list());
    }

    public Optional<JobRunView> lastRun(String name) {
        return runs(name, 1).stream().findFirst();
    }

    private static boolean enabled(JobSpec spec) {
        return !Boolean.FALSE.equals(spec.enabled());
    }
}
