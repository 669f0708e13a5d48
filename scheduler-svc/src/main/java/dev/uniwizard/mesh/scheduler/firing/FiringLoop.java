package dev.uniwizard.mesh.scheduler.firing;

import dev.uniwizard.mesh.core.jobs.JobRunView;
import dev.uniwizard.mesh.core.jobs.JobSpec;
import dev.uniwizard.mesh.scheduler.config.SchedulerSettings;
import dev.uniwizard.mesh.scheduler.schedule.Schedule;
import dev.uniwizard.mesh.scheduler.schedule.ScheduleException;
import dev.uniwizard.mesh.scheduler.store.FiringStore;
import dev.uniwizard.mesh.scheduler.store.LockedJob;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.jdbi.v3.core.Jdbi;

/**
 * This node's firing loop, on one virtual thread. Each pass locks up to {@code batch-size} due jobs with
 * {@code FOR UPDATE SKIP LOCKED} (so nodes share the work and never fire the same job at once) and, in that one
 * transaction, fires every due tick of each, records the runs and moves each job's next tick. Between passes it sleeps
 * until the earliest tick of any job, at most {@code poll-interval}, or until {@link #wake()}.
 *
 * <p>Ticks older than {@code misfire-threshold} follow the job's misfire policy: {@code run_once} fires once for the
 * latest missed tick, {@code skip} records it as {@code missed}; either way the job continues with its first tick after
 * now. Younger ticks (a node that was busy, or took over from a dead node) are each fired.
 */
@Singleton
public class FiringLoop {

    private static final Logger LOG = Logger.getLogger(FiringLoop.class);

    /** Catch-up ticks fired for one job in one pass; the rest follow in the next pass. */
    static final int MAX_TICKS_PER_PASS = 1000;

    /** Missed ticks counted one by one before the count says "more than". */
    static final long MISSED_COUNT_CAP = 100_000;

    private final Jdbi jdbi;
    private final Firing firing;
    private final ScheduleCache schedules;
    private final SchedulerSettings settings;
    private final FiringMetrics metrics;
    private final Clock clock;
    private final Semaphore wakeups = new Semaphore(0);
    private volatile FiringProbe probe = FiringProbe.NONE;
    private volatile boolean running;
    private volatile Instant lastPass = Instant.MIN;
    private Thread thread;

    public FiringLoop(
            Jdbi jdbi,
            Firing firing,
            ScheduleCache schedules,
            SchedulerSettings settings,
            FiringMetrics metrics,
            Clock clock) {
        this.jdbi = jdbi;
        this.firing = firing;
        this.schedules = schedules;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofVirtual().name("scheduler-firing-" + firing.nodeId()).start(this::loop);
        LOG.infof(
                "firing loop of %s started (poll interval %d ms, batch %d, misfire threshold %s, lock timeout %s)",
                firing.nodeId(),
                settings.pollInterval().toMillis(),
                settings.batchSize(),
                settings.misfireThreshold(),
                settings.lockTimeout());
    }

    /** Stops the loop after its current pass (waiting at most the lock timeout for it). */
    public void stop() {
        Thread current;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            current = thread;
        }
        wake();
        try {
            if (!current.join(settings.lockTimeout().plusSeconds(1))) {
                current.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.infof("firing loop of %s stopped", firing.nodeId());
    }

    public boolean isRunning() {
        return running;
    }

    /** Makes the loop look for due jobs now (a job was created or changed). */
    public void wake() {
        wakeups.release();
    }

    /** Test seam: see {@link FiringProbe}. */
    public void probe(FiringProbe probe) {
        this.probe = probe;
    }

    private void loop() {
        long failures = 0;
        while (running) {
            Duration pause;
            try {
                int locked = pass();
                if (failures > 0) {
                    LOG.infof("firing of %s works again after %d failed passes", firing.nodeId(), failures);
                    failures = 0;
                }
                pause = locked >= settings.batchSize() ? Duration.ZERO : untilNextTick();
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                failures++;
                metrics.loopFailed();
                if (failures == 1 || failures % 50 == 0) { // every ~10 s while it lasts, not every pass
                    LOG.errorf(
                            "firing pass of %s failed (%d in a row), retrying every %d ms: %s",
                            firing.nodeId(), failures, settings.pollInterval().toMillis(), e.toString());
                }
                pause = settings.pollInterval();
            }
            try {
                if (!pause.isZero() && wakeups.tryAcquire(pause.toNanos(), TimeUnit.NANOSECONDS)) {
                    wakeups.drainPermits();
                }
            } catch (InterruptedException e) {
                break;
            }
        }
    }

    /**
     * One pass: locks due jobs and, in the same transaction, records their runs, publishes their tasks and moves their
     * next ticks.
     *
     * @return how many jobs it locked
     */
    public int pass() {
        Instant now = clock.instant();
        lastPass = now;
        return jdbi.inTransaction(handle -> {
            FiringStore.bound(handle, settings.lockTimeout());
            List<LockedJob> due = FiringStore.lockDue(handle, now, settings.batchSize());
            if (due.isEmpty()) {
                return 0;
            }
            probe.locked(firing.nodeId(), due);
            List<Firing.Planned> planned = new ArrayList<>();
            Map<Long, Instant> nextTicks = new HashMap<>();
            for (LockedJob job : due) {
                plan(job, now, planned, nextTicks);
            }
            FiringStore.advance(handle, nextTicks);
            firing.execute(handle, planned);
            return due.size();
        });
    }

    /**
     * The pause before the next pass: until the earliest tick, at most the poll interval. A tick that came due after
     * the last pass began is fired at once; one that was due already is held by another node (or waits for its
     * previous run), so the poll interval applies.
     */
    private Duration untilNextTick() {
        Optional<Instant> earliest = FiringStore.earliestTick(jdbi);
        if (earliest.isEmpty()) {
            return settings.pollInterval();
        }
        Instant now = clock.instant();
        if (!earliest.get().isAfter(now)) {
            return earliest.get().isAfter(lastPass) ? Duration.ZERO : settings.pollInterval();
        }
        Duration wait = Duration.between(now, earliest.get());
        return wait.compareTo(settings.pollInterval()) < 0 ? wait : settings.pollInterval();
    }

    /** Plans the runs of one due job and its next tick. */
    private void plan(LockedJob job, Instant now, List<Firing.Planned> planned, Map<Long, Instant> nextTicks) {
        Schedule schedule;
        try {
            schedule = schedules.of(job.spec().schedule());
        } catch (ScheduleException e) {
            nextTicks.put(job.id(), null);
            planned.add(firing.planRecord(
                    job,
                    job.nextFireAt(),
                    null,
                    JobRunView.PUBLISH_FAILED,
                    "the stored schedule cannot be read (" + e.withField()
                            + "); the job stops firing until it is replaced",
                    Firing.Trigger.TICK));
            return;
        }
        Instant tick = job.nextFireAt();
        if (schedule.nextAfter(tick).isEmpty()) {
            nextTicks.put(job.id(), null); // an event schedule has no ticks
            return;
        }
        if (Duration.between(tick, now).compareTo(settings.misfireThreshold()) > 0) {
            misfire(job, schedule, tick, now, planned, nextTicks);
            return;
        }
        boolean busy = job.busy();
        for (int ticks = 0; tick != null && !tick.isAfter(now) && ticks < MAX_TICKS_PER_PASS; ticks++) {
            Firing.Overlap overlap = Firing.overlap(job.spec(), busy);
            if (overlap == Firing.Overlap.WAIT) {
                break;
            }
            if (overlap == Firing.Overlap.SKIP) {
                planned.add(firing.planRecord(
                        job,
                        tick,
                        null,
                        JobRunView.SKIPPED_OVERLAP,
                        "the previous run had not finished (overlap policy skip)",
                        Firing.Trigger.TICK));
            } else {
                planned.add(firing.planFiring(job, schedule.describe(), tick, null, null, Firing.Trigger.TICK));
                busy = true;
            }
            tick = schedule.nextAfter(tick).orElse(null);
        }
        nextTicks.put(job.id(), tick);
    }

    private void misfire(
            LockedJob job,
            Schedule schedule,
            Instant first,
            Instant now,
            List<Firing.Planned> planned,
            Map<Long, Instant> nextTicks) {
        MissedTicks missed = MissedTicks.between(schedule, first, now, MISSED_COUNT_CAP);
        String late = "the scheduler was " + Duration.between(first, now).toSeconds() + " s late";
        if (JobSpec.MISFIRE_SKIP.equals(job.spec().misfirePolicy())) {
            planned.add(firing.planRecord(
                    job,
                    missed.latest(),
                    null,
                    JobRunView.MISSED,
                    missed.describe() + " missed (" + late + "); not fired (misfire policy skip)",
                    Firing.Trigger.TICK));
        } else {
            String note = "catch-up for " + missed.describe() + " (" + late + "): fired once for the latest, "
                    + (missed.more() ? "the others" : missed.count() - 1) + " not fired (misfire policy run_once)";
            Firing.Overlap overlap = Firing.overlap(job.spec(), job.busy());
            if (overlap == Firing.Overlap.WAIT) {
                return; // fires when the previous run has ended
            }
            if (overlap == Firing.Overlap.SKIP) {
                planned.add(firing.planRecord(
                        job,
                        missed.latest(),
                        null,
                        JobRunView.SKIPPED_OVERLAP,
                        note + "; but the previous run had not finished (overlap policy skip)",
                        Firing.Trigger.TICK));
            } else {
                planned.add(
                        firing.planFiring(job, schedule.describe(), missed.latest(), null, note, Firing.Trigger.TICK));
            }
        }
        nextTicks.put(job.id(), schedule.nextAfter(now).orElse(null));
    }
}
