package dev.uniwizard.mesh.scheduler.store;

import dev.uniwizard.mesh.core.jobs.JobRunView;
import dev.uniwizard.mesh.store.SqlValues;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The statements of a firing, run inside the caller's transaction: lock due jobs, record runs, move the next ticks.
 * Runs and ticks of a whole pass are written with one statement each. Stateless; every method takes the handle of the
 * transaction that holds the jobs' locks.
 */
public final class FiringStore {

    private FiringStore() {}

    /**
     * Bounds the current transaction: PostgreSQL ends it (and so releases its row locks) when it sits idle, or one
     * statement runs, or waits for a lock, longer than {@code timeout}. This is what lets another node take over the
     * jobs of a node that hangs while holding them.
     */
    public static void bound(Handle handle, Duration timeout) {
        String millis = Long.toString(timeout.toMillis());
        handle.createQuery("SELECT set_config('idle_in_transaction_session_timeout', :ms, true)"
                        + " || set_config('statement_timeout', :ms, true) || set_config('lock_timeout', :ms, true)")
                .bind("ms", millis)
                .mapTo(String.class)
                .one();
    }

    /**
     * Locks up to {@code limit} enabled jobs whose tick has come, earliest first, skipping jobs other nodes hold. Jobs
     * with overlap policy {@code queue} whose previous run is unfinished are left alone (they wait for that run).
     */
    public static List<LockedJob> lockDue(Handle handle, Instant now, int limit) {
        return handle.createQuery("SELECT " + JobRows.LOCKED_COLUMNS + " FROM jobs j WHERE j.enabled AND"
                        + " j.next_fire_at <= :now AND NOT (j.spec->>'overlapPolicy' = 'queue' AND EXISTS (SELECT 1"
                        + " FROM job_runs r WHERE r.job_id = j.id AND r.outcome IN ('running', 'house_down')))"
                        + " ORDER BY j.next_fire_at LIMIT :limit FOR UPDATE OF j SKIP LOCKED")
                .bind("now", SqlValues.at(now))
                .bind("limit", limit)
                .map(JobRows::locked)
                .list();
    }

    /** Locks one job by name, waiting for a node that holds it (bounded by {@link #bound}). */
    public static Optional<LockedJob> lockByName(Handle handle, String name) {
        return handle.createQuery("SELECT " + JobRows.LOCKED_COLUMNS + " FROM jobs j WHERE j.name = :name FOR UPDATE")
                .bind("name", name)
                .map(JobRows::locked)
                .findOne();
    }

    /** Locks one job by id, waiting for a node that holds it (bounded by {@link #bound}). */
    public static Optional<LockedJob> lockById(Handle handle, long id) {
        return handle.createQuery("SELECT " + JobRows.LOCKED_COLUMNS + " FROM jobs j WHERE j.id = :id FOR UPDATE")
                .bind("id", id)
                .map(JobRows::locked)
                .findOne();
    }

    /** Enabled event-triggered jobs, unlocked. */
    public static List<LockedJob> eventJobs(Handle handle) {
        return handle.createQuery("SELECT " + JobRows.LOCKED_COLUMNS
                        + " FROM jobs j WHERE j.enabled AND j.spec->'schedule'->'event' IS NOT NULL ORDER BY j.id")
                .map(JobRows::locked)
                .list();
    }

    /** Moves the next ticks of locked jobs (a null tick: no further tick), in one statement. */
    public static void advance(Handle handle, Map<Long, Instant> nextTicks) {
        if (nextTicks.isEmpty()) {
            return;
        }
        List<Long> ids = new ArrayList<>(nextTicks.size());
        List<String> ticks = new ArrayList<>(nextTicks.size());
        nextTicks.forEach((id, tick) -> {
            ids.add(id);
            ticks.add(tick == null ? null : tick.toString());
        });
        handle.createUpdate("UPDATE jobs j SET next_fire_at = v.tick FROM unnest(CAST(:ids AS bigint[]),"
                        + " CAST(CAST(:ticks AS text[]) AS timestamptz[])) AS v(id, tick) WHERE j.id = v.id")
                .bindArray("ids", Long.class, ids)
                .bindArray("ticks", String.class, ticks)
                .execute();
    }

    /** The earliest tick of any enabled job, when there is one; the loop sleeps until then. */
    public static Optional<Instant> earliestTick(Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT min(next_fire_at) AS next FROM jobs WHERE enabled AND next_fire_at IS NOT NULL")
                .map((rs, ctx) -> Optional.ofNullable(SqlValues.instant(rs, "next")))
                .one());
    }

    /**
     * Records runs in one statement; for each, its id, or empty when its tick or trigger has a run already (another
     * node fired it).
     */
    public static List<Optional<Long>> insertRuns(Handle handle, List<NewRun> runs) {
        if (runs.isEmpty()) {
            return List.of();
        }
        List<Long> jobs = new ArrayList<>();
        List<String> scheduled = new ArrayList<>();
        List<String> triggers = new ArrayList<>();
        List<String> fired = new ArrayList<>();
        List<String> nodes = new ArrayList<>();
        List<String> outcomes = new ArrayList<>();
        List<String> deliveries = new ArrayList<>();
        List<String> tasks = new ArrayList<>();
        List<String> details = new ArrayList<>();
        List<String> finished = new ArrayList<>();
        for (NewRun run : runs) {
            jobs.add(run.jobId());
            scheduled.add(run.scheduledFor().toString());
            triggers.add(run.triggerId());
            fired.add(text(run.firedAt()));
            nodes.add(run.node());
            outcomes.add(run.outcome());
            deliveries.add(run.deliveryStatus());
            tasks.add(run.taskId());
            details.add(run.detail());
            finished.add(text(run.finishedAt()));
        }
        Map<Key, Long> inserted = new HashMap<>();
        handle.createQuery("INSERT INTO job_runs (job_id, scheduled_for, trigger_id, fired_at, node, outcome,"
                        + " delivery_status, task_id, detail, finished_at) SELECT * FROM unnest(CAST(:jobs AS bigint[]),"
                        + " CAST(CAST(:scheduled AS text[]) AS timestamptz[]), CAST(:triggers AS text[]),"
                        + " CAST(CAST(:fired AS text[]) AS timestamptz[]), CAST(:nodes AS text[]),"
                        + " CAST(:outcomes AS text[]), CAST(:deliveries AS text[]),"
                        + " CAST(CAST(:tasks AS text[]) AS uuid[]), CAST(:details AS text[]),"
                        + " CAST(CAST(:finished AS text[]) AS timestamptz[]))"
                        + " ON CONFLICT DO NOTHING RETURNING id, job_id, scheduled_for, trigger_id")
                .bindArray("jobs", Long.class, jobs)
                .bindArray("scheduled", String.class, scheduled)
                .bindArray("triggers", String.class, triggers)
                .bindArray("fired", String.class, fired)
                .bindArray("nodes", String.class, nodes)
                .bindArray("outcomes", String.class, outcomes)
                .bindArray("deliveries", String.class, deliveries)
                .bindArray("tasks", String.class, tasks)
                .bindArray("details", String.class, details)
                .bindArray("finished", String.class, finished)
                .map((rs, ctx) -> Map.entry(
                        new Key(
                                rs.getLong("job_id"),
                                SqlValues.instant(rs, "scheduled_for"),
                                rs.getString("trigger_id")),
                        rs.getLong("id")))
                .forEach(entry -> inserted.put(entry.getKey(), entry.getValue()));
        List<Optional<Long>> ids = new ArrayList<>(runs.size());
        for (NewRun run : runs) {
            ids.add(Optional.ofNullable(inserted.remove(new Key(run.jobId(), run.scheduledFor(), run.triggerId()))));
        }
        return ids;
    }

    /** Records that the task of a run could not be published. */
    public static void markPublishFailed(Handle handle, long runId, String detail, Instant now) {
        handle.createUpdate("UPDATE job_runs SET outcome = 'publish_failed', detail = :detail, finished_at = :now,"
                        + " delivery_status = 'none' WHERE id = :id")
                .bind("id", runId)
                .bind("detail", detail)
                .bind("now", SqlValues.at(now))
                .execute();
    }

    /** The run with this id, with its job's name. */
    public static Optional<JobRunView> run(Handle handle, long runId) {
        return handle.createQuery("SELECT " + RunRows.COLUMNS
                        + " FROM job_runs r JOIN jobs j ON j.id = r.job_id WHERE r.id = :id")
                .bind("id", runId)
                .map(RunRows::view)
                .findOne();
    }

    /** The run of a job for a trigger ({@code event:...}, {@code now:...}), if there is one. */
    public static boolean hasRunFor(Handle handle, long jobId, String triggerId) {
        return handle.createQuery(
                        "SELECT EXISTS (SELECT 1 FROM job_runs WHERE job_id = :job AND trigger_id = :trigger)")
                .bind("job", jobId)
                .bind("trigger", Objects.requireNonNull(triggerId))
                .mapTo(Boolean.class)
                .one();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** What makes a run unique: its job and its tick or trigger. */
    private record Key(long jobId, Instant scheduledFor, String triggerId) {}
}
