package dev.uniwizard.mesh.scheduler.firing;

import dev.uniwizard.mesh.core.envelope.Ids;
import dev.uniwizard.mesh.core.jobs.JobRunView;
import dev.uniwizard.mesh.scheduler.config.SchedulerSettings;
import dev.uniwizard.mesh.scheduler.schedule.ScheduleException;
import dev.uniwizard.mesh.scheduler.store.FiringStore;
import dev.uniwizard.mesh.scheduler.store.LockedJob;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.Jdbi;

/**
 * Fires a job at once, on an operator's request ({@code wizard jobs run-now}), through the same path as its ticks: a run
 * scheduled for now, a task to its house. It fires whether the job is paused or not and regardless of its overlap policy
 * (the operator asked for it); its ticks are not moved.
 */
@Singleton
public class RunNow {

    private final Jdbi jdbi;
    private final Firing firing;
    private final ScheduleCache schedules;
    private final SchedulerSettings settings;
    private final Clock clock;

    public RunNow(Jdbi jdbi, Firing firing, ScheduleCache schedules, SchedulerSettings settings, Clock clock) {
        this.jdbi = jdbi;
        this.firing = firing;
        this.schedules = schedules;
        this.settings = settings;
        this.clock = clock;
    }

    /** The run (running, house_down or publish_failed). */
    public JobRunView fire(String name) throws NoSuchJobException {
        return jdbi.inTransaction(handle -> {
            FiringStore.bound(handle, settings.lockTimeout());
            LockedJob job = FiringStore.lockByName(handle, name).orElseThrow(() -> new NoSuchJobException(name));
            String description;
            try {
                description = schedules.of(job.spec().schedule()).describe();
            } catch (ScheduleException e) {
                description = "schedule unreadable: " + e.withField();
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            long runId = firing.fire(
                            handle,
                            job,
                            description,
                            now,
                            "now:" + Ids.newId(clock),
                            "run now, on request",
                            Firing.Trigger.RUN_NOW)
                    .orElseThrow(() -> new IllegalStateException("a fresh run-now trigger id was taken already"));
            return FiringStore.run(handle, runId).orElseThrow();
        });
    }
}
