package dev.uniwizard.mesh.scheduler.firing;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.jobs.JobRunView;
import dev.uniwizard.mesh.core.jobs.JobSpec;
import dev.uniwizard.mesh.core.platform.Platforms;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.scheduler.config.SchedulerSettings;
import dev.uniwizard.mesh.scheduler.store.FiringStore;
import dev.uniwizard.mesh.scheduler.store.LockedJob;
import dev.uniwizard.mesh.scheduler.store.NewRun;
import dev.uniwizard.mesh.service.health.HouseLiveness;
import dev.uniwizard.mesh.service.messaging.EnvelopePublisher;
import io.nats.client.api.PublishAck;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;
import org.jdbi.v3.core.Handle;

/**
 * Firings of jobs whose rows the caller's transaction holds locked. The runs are planned first, then written in one
 * statement (at most one run per tick or trigger: a run another node recorded already is left out), then the tasks of
 * the runs written are published, in parallel, inside the same transaction. A crash after the publish rolls the runs
 * back; the next node fires the ticks again under the same envelope ids, and JetStream drops the copies. Ticks, events
 * and run-now all go this way.
 */
@Singleton
public class Firing {

    private static final Logger LOG = Logger.getLogger(Firing.class);

    /** The longest a firing waits for the stream to acknowledge a task (less when the lock timeout is short). */
    private static final Duration MAX_PUBLISH_WAIT = Duration.ofSeconds(5);

    /** What caused a run, the {@code trigger} tag of the run counter. */
    public enum Trigger {
        TICK("tick"),
        EVENT("event"),
        RUN_NOW("run_now");

        private final String tag;

        Trigger(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    /** What the overlap policy says about firing while a previous run is unfinished. */
    public enum Overlap {
        /** No run is unfinished, or the policy is {@code allow}. */
        FIRE,
        /** Policy {@code skip}: record {@code skipped_overlap}. */
        SKIP,
        /** Policy {@code queue}: leave the tick for when the previous run has ended. */
        WAIT
    }

    /**
     * A run planned in a pass.
     *
     * @param job the job
     * @param run the row to write; it publishes a task when it has a task id
     * @param scheduleDescription for the task's "routed because"
     * @param houseDown why the house counts as down, null while it is up
     * @param trigger what caused it
     */
    public record Planned(LockedJob job, NewRun run, String scheduleDescription, String houseDown, Trigger trigger) {

        boolean publishes() {
            return run.taskId() != null;
        }
    }

    private final TaskFactory tasks;
    private final EnvelopePublisher publisher;
    private final HouseLiveness houses;
    private final Subjects subjects;
    private final FiringMetrics metrics;
    private final Clock clock;
    private final Duration publishWait;
    private final ExecutorService publishing = Executors.newVirtualThreadPerTaskExecutor();

    public Firing(
            TaskFactory tasks,
            EnvelopePublisher publisher,
            HouseLiveness houses,
            Subjects subjects,
            FiringMetrics metrics,
            SchedulerSettings settings,
            Clock clock) {
        this.tasks = tasks;
        this.publisher = publisher;
        this.houses = houses;
        this.subjects = subjects;
        this.metrics = metrics;
        this.clock = clock;
        // The transaction holding the jobs must not idle past the lock timeout while it waits for the stream.
        Duration half = settings.lockTimeout().dividedBy(2);
        this.publishWait = half.compareTo(MAX_PUBLISH_WAIT) < 0 ? half : MAX_PUBLISH_WAIT;
    }

    public String nodeId() {
        return tasks.nodeId();
    }

    @PreDestroy
    void close() {
        publishing.shutdown();
    }

    /** Applies a job's overlap policy, given whether a run of it is unfinished. */
    public static Overlap overlap(JobSpec spec, boolean busy) {
        if (!busy || JobSpec.OVERLAP_ALLOW.equals(spec.overlapPolicy())) {
            return Overlap.FIRE;
        }
        return JobSpec.OVERLAP_QUEUE.equals(spec.overlapPolicy()) ? Overlap.WAIT : Overlap.SKIP;
    }

    /**
     * Plans a firing: a run that publishes a task to the job's house, {@code running}, or {@code house_down} when the
     * house has stopped sending heartbeats (the task is published all the same and waits in the house's queue).
     *
     * @param scheduledFor the tick, the event's time, or now
     * @param triggerId null for a tick, else {@code event:<id>} or {@code now:<id>}
     * @param note a sentence for the run's detail (e.g. how many ticks a catch-up covers), or null
     */
    public Planned planFiring(
            LockedJob job,
            String scheduleDescription,
            Instant scheduledFor,
            String triggerId,
            String note,
            Trigger trigger) {
        JobSpec spec = job.spec();
        String taskId =
                TaskFactory.taskId(job.taskNamespace(), triggerId == null ? scheduledFor.toString() : triggerId);
        Optional<String> down = houseDown(spec.target().house());
        NewRun run = new NewRun(
                job.id(),
                scheduledFor,
                triggerId,
                clock.instant(),
                nodeId(),
                down.isPresent() ? JobRunView.HOUSE_DOWN : JobRunView.RUNNING,
                Platforms.SCHEDULER.equals(TaskFactory.replyPlatform(spec)) ? "none" : "pending",
                taskId,
                join(note, down.orElse(null)),
                null);
        return new Planned(job, run, scheduleDescription, down.orElse(null), trigger);
    }

    /** Plans a run that publishes nothing and ends at once ({@code skipped_overlap}, {@code missed}, ...). */
    public Planned planRecord(
            LockedJob job, Instant scheduledFor, String triggerId, String outcome, String detail, Trigger trigger) {
        NewRun run = new NewRun(
                job.id(), scheduledFor, triggerId, null, nodeId(), outcome, "none", null, detail, clock.instant());
        return new Planned(job, run, null, null, trigger);
    }

    /**
     * Writes the planned runs and publishes the tasks of those written; a task that could not be published leaves its
     * run {@code publish_failed} with the error (its tick counts as fired: the failure is visible, not retried).
     *
     * @return for each planned run its id, or empty when its tick or trigger had a run already (another node's)
     */
    public List<Optional<Long>> execute(Handle handle, List<Planned> planned) {
        List<Optional<Long>> ids = FiringStore.insertRuns(
                handle, planned.stream().map(Planned::run).toList());
        List<Publishing> inFlight = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            Planned plan = planned.get(i);
            if (ids.get(i).isEmpty()) {
                LOG.debugf(
                        "job %s: %s has a run already (another node fired it)",
                        plan.job().name(), label(plan));
            } else if (plan.publishes()) {
                inFlight.add(new Publishing(ids.get(i).get(), plan, publish(plan)));
            } else {
                metrics.run(plan.run().outcome(), plan.trigger().tag());
                LOG.infof(
                        "job %s: %s for %s: %s",
                        plan.job().name(),
                        plan.run().outcome(),
                        label(plan),
                        plan.run().detail());
            }
        }
        settle(handle, inFlight);
        return ids;
    }

    /** Plans and executes one firing (run-now, events). */
    public Optional<Long> fire(
            Handle handle,
            LockedJob job,
            String scheduleDescription,
            Instant scheduledFor,
            String triggerId,
            String note,
            Trigger trigger) {
        return execute(handle, List.of(planFiring(job, scheduleDescription, scheduledFor, triggerId, note, trigger)))
                .getFirst();
    }

    /** Records one run that publishes nothing; its id, or empty when one exists. */
    public Optional<Long> record(
            Handle handle,
            LockedJob job,
            Instant scheduledFor,
            String triggerId,
            String outcome,
            String detail,
            Trigger trigger) {
        return execute(handle, List.of(planRecord(job, scheduledFor, triggerId, outcome, detail, trigger)))
                .getFirst();
    }

    private CompletableFuture<PublishAck> publish(Planned plan) {
        try {
            String subject = subjects.task(plan.job().spec().target().house());
            Envelope task = tasks.task(plan.job().spec(), plan.run().taskId(), plan.scheduleDescription());
            return CompletableFuture.supplyAsync(() -> publisher.publishDurable(subject, task), publishing);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void settle(Handle handle, List<Publishing> inFlight) {
        for (Publishing publishing : inFlight) {
            Planned plan = publishing.plan();
            String failure;
            try {
                PublishAck ack = publishing.ack().get(publishWait.toMillis(), TimeUnit.MILLISECONDS);
                if (ack.isDuplicate()) {
                    LOG.infof(
                            "job %s: task %s for %s was published before (an earlier attempt did not commit);"
                                    + " JetStream kept the first copy",
                            plan.job().name(), plan.run().taskId(), label(plan));
                }
                metrics.fired(Duration.between(plan.run().scheduledFor(), clock.instant()));
                metrics.run(plan.run().outcome(), plan.trigger().tag());
                if (plan.houseDown() != null) {
                    LOG.warnf("job %s fired for %s while %s", plan.job().name(), label(plan), plan.houseDown());
                }
                continue;
            } catch (ExecutionException e) {
                failure = e.getCause().getMessage();
            } catch (TimeoutException e) {
                failure = "no acknowledgement from the stream within " + publishWait.toMillis()
                        + " ms (the task may still have arrived)";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while publishing the tasks of a firing", e);
            }
            String detail = join(plan.run().detail(), "could not publish the task: " + failure);
            FiringStore.markPublishFailed(handle, publishing.runId(), detail, clock.instant());
            metrics.run(JobRunView.PUBLISH_FAILED, plan.trigger().tag());
            LOG.errorf("job %s: firing for %s failed: %s", plan.job().name(), label(plan), detail);
        }
    }

    private Optional<String> houseDown(String house) {
        try {
            if (houses.isUp(house)) {
                return Optional.empty();
            }
            return Optional.of("house " + house + " is down (" + houses.describe(house)
                    + "); the task waits in its queue until the house is back");
        } catch (IllegalArgumentException e) {
            return Optional.of("house " + house + " is not watched by this scheduler (" + e.getMessage()
                    + "); the task waits in its queue");
        }
    }

    private static String label(Planned plan) {
        return plan.run().triggerId() == null
                ? "tick " + plan.run().scheduledFor()
                : plan.run().triggerId();
    }

    private static String join(String first, String second) {
        if (first == null) {
            return second;
        }
        return second == null ? first : first + "; " + second;
    }

    private record Publishing(long runId, Planned plan, CompletableFuture<PublishAck> ack) {}
}
