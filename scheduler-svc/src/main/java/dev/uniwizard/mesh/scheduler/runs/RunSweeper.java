package dev.uniwizard.mesh.scheduler.runs;

import dev.uniwizard.mesh.core.jobs.JobRunView;
import dev.uniwizard.mesh.scheduler.store.RunUpdates;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Ends runs whose house has not answered within the job's max run time as {@code timed_out} (also those fired while
 * the house was down), so that they stop blocking the overlap policy and the operator sees them. Every node sweeps; the
 * update is idempotent. Counted in {@code mesh_scheduler_runs_timed_out_total}.
 */
@Singleton
public class RunSweeper {

    private static final Logger LOG = Logger.getLogger(RunSweeper.class);

    private final RunUpdates runs;
    private final MeterRegistry registry;
    private final Clock clock;

    public RunSweeper(RunUpdates runs, MeterRegistry registry, Clock clock) {
        this.runs = runs;
        this.registry = registry;
        this.clock = clock;
    }

    @Scheduled(
            every = "${scheduler.sweep-interval:5s}",
            delayed = "${scheduler.sweep-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledSweep() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warnf("sweeping timed-out runs failed, trying again later: %s", e.toString());
        }
    }

    /** The runs it marked {@code timed_out}. */
    public List<JobRunView> sweep() {
        List<JobRunView> expired = runs.timeOut(clock.instant());
        for (JobRunView run : expired) {
            registry.counter("mesh.scheduler.runs.timed_out").increment();
            LOG.warnf(
                    "job %s: run %d (task %s, fired %s) timed out: %s",
                    run.job(), run.id(), run.taskId(), run.firedAt(), run.detail());
        }
        return expired;
    }
}
