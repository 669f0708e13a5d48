package dev.uniwizard.mesh.scheduler.events;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeFormatException;
import dev.uniwizard.mesh.core.envelope.Ids;
import dev.uniwizard.mesh.core.jobs.JobRunView;
import dev.uniwizard.mesh.core.payload.DeliveryEventPayload;
import dev.uniwizard.mesh.core.signing.Verification;
import dev.uniwizard.mesh.core.streams.MeshStreams;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.scheduler.config.SchedulerSettings;
import dev.uniwizard.mesh.scheduler.firing.Firing;
import dev.uniwizard.mesh.scheduler.firing.ScheduleCache;
import dev.uniwizard.mesh.scheduler.runs.DurableConsumer;
import dev.uniwizard.mesh.scheduler.schedule.EventSchedule;
import dev.uniwizard.mesh.scheduler.schedule.Schedule;
import dev.uniwizard.mesh.scheduler.schedule.ScheduleException;
import dev.uniwizard.mesh.scheduler.store.FiringStore;
import dev.uniwizard.mesh.scheduler.store.LockedJob;
import dev.uniwizard.mesh.scheduler.store.RunUpdates;
import dev.uniwizard.mesh.service.security.EnvelopeGuard;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.Message;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads the EVENTS stream ({@code <root>.events.>}) with one durable consumer, {@code scheduler-events}, that all nodes
 * share, so each event is handled once. Each event:
 *
 * <ul>
 *   <li>on {@code <root>.events.delivery}: updates the delivery status of the job run whose task the delivered answer
 *       belongs to;
 *   <li>fires every enabled event job whose filter and match it satisfies (created before the event), with the event's
 *       time as the run's scheduled time and at most one run per (job, event) — a redelivered event fires nothing new.
 *       Events caused by jobs trigger nothing ({@link JobCausation}), so a job cannot trigger itself in a loop.
 * </ul>
 *
 * A job with overlap policy {@code queue} whose previous run is unfinished makes the event come back later. Counted in
 * {@code mesh_scheduler_events_total{outcome}}.
 */
@Singleton
public class EventTriggers {

    private static final Logger LOG = Logger.getLogger(EventTriggers.class);

    public static final String DURABLE = "scheduler-events";

    private static final Set<NodeRole> ANY_ROLE = EnumSet.allOf(NodeRole.class);

    private final Connection connection;
    private final MeshStreams streams;
    private final Subjects subjects;
    private final EnvelopeGuard guard;
    private final Jdbi jdbi;
    private final Firing firing;
    private final ScheduleCache schedules;
    private final RunUpdates runs;
    private final SchedulerSettings settings;
    private final MeterRegistry registry;
    private DurableConsumer consumer;

    public EventTriggers(
            Connection connection,
            MeshStreams streams,
            Subjects subjects,
            EnvelopeGuard guard,
            Jdbi jdbi,
            Firing firing,
            ScheduleCache schedules,
            RunUpdates runs,
            SchedulerSettings settings,
            MeterRegistry registry) {
        this.connection = connection;
        this.streams = streams;
        this.subjects = subjects;
        this.guard = guard;
        this.jdbi = jdbi;
        this.firing = firing;
        this.schedules = schedules;
        this.runs = runs;
        this.settings = settings;
        this.registry = registry;
    }

    public synchronized void start() {
        if (consumer == null) {
            consumer = DurableConsumer.start(
                    connection,
                    streams.events(),
                    DURABLE,
                    subjects.eventsAll(),
                    Duration.ofSeconds(60),
                    this::onMessage);
        }
    }

    public synchronized void stop() {
        if (consumer != null) {
            consumer.close();
            consumer = null;
        }
    }

    /** Never throws: a failure is retried by redelivery. */
    void onMessage(Message message) {
        Envelope event = null;
        try {
            if (!(guard.checkStored(message, ANY_ROLE) instanceof Verification.Accepted accepted)) {
                message.term(); // the guard has logged, counted and reported it
                count("rejected");
                return;
            }
            event = accepted.envelope();
            String subject = message.getSubject();
            boolean deliveryOfAJob = subject.equals(subjects.events(Subjects.EVENT_DELIVERY)) && recordDelivery(event);
            if (deliveryOfAJob || JobCausation.causedByJob(event, subject, subjects)) {
                message.ack();
                count("caused_by_job");
                return;
            }
            if (trigger(subject, event)) {
                guard.release(event);
                message.nakWithDelay(Duration.ofSeconds(2));
                count("queued");
                return;
            }
            message.ack();
            count("handled");
        } catch (RuntimeException e) {
            if (event != null) {
                guard.release(event);
            }
            long attempt = message.metaData().deliveredCount();
            Duration delay = Duration.ofMillis(Math.min(30_000, 500L << Math.min(6, attempt - 1)));
            LOG.warnf(
                    "event on %s (attempt %d) failed, retrying in %d ms: %s",
                    message.getSubject(), attempt, delay.toMillis(), e.toString());
            message.nakWithDelay(delay);
            count("failed");
        }
    }

    /** Updates the run the delivered answer belongs to; true when there is one (the event concerns a job). */
    private boolean recordDelivery(Envelope event) {
        DeliveryEventPayload delivery;
        try {
            delivery = EnvelopeCodec.readPayload(event, DeliveryEventPayload.class);
        } catch (EnvelopeFormatException e) {
            LOG.warnf("delivery event %s from %s is unreadable: %s", event.id(), event.nodeId(), e.getMessage());
            return false;
        }
        if (!Ids.isValid(delivery.correlationId())) {
            return false;
        }
        String status = delivery.outcome() == null ? "" : delivery.outcome().toLowerCase(Locale.ROOT);
        if (!DeliveryEventPayload.DELIVERED.equals(status) && !DeliveryEventPayload.DEAD_LETTERED.equals(status)) {
            LOG.warnf("delivery event %s has the unknown outcome '%s'", event.id(), delivery.outcome());
            return false;
        }
        RunUpdates.Result result = runs.delivery(UUID.fromString(delivery.correlationId()), status);
        if (result == RunUpdates.Result.UPDATED) {
            LOG.debugf("task %s: answer %s on %s", delivery.correlationId(), status, delivery.platform());
        }
        return result != RunUpdates.Result.UNKNOWN;
    }

    /**
     * Fires the event jobs the event matches.
     *
     * @return true when a matching job waits for its previous run (overlap policy queue): the event must come back
     */
    private boolean trigger(String subject, Envelope event) {
        List<LockedJob> jobs = jdbi.withHandle(FiringStore::eventJobs);
        boolean waiting = false;
        for (LockedJob job : jobs) {
            Schedule schedule;
            try {
                schedule = schedules.of(job.spec().schedule());
            } catch (ScheduleException e) {
                LOG.errorf("event job %s has an unreadable schedule (%s); it cannot fire", job.name(), e.withField());
                continue;
            }
            if (schedule instanceof EventSchedule on
                    && !event.ts().isBefore(job.createdAt())
                    && on.matches(subject, event.payload())) {
                waiting |= fire(job.id(), on, subject, event);
            }
        }
        return waiting;
    }

    /** Fires one job for the event, at most once; true when it must wait for its previous run. */
    private boolean fire(long jobId, EventSchedule schedule, String subject, Envelope event) {
        String trigger = "event:" + event.id();
        return jdbi.inTransaction(handle -> {
            FiringStore.bound(handle, settings.lockTimeout());
            LockedJob job = FiringStore.lockById(handle, jobId).orElse(null);
            if (job == null || !job.enabled()) {
                return false; // deleted or paused meanwhile
            }
            if (FiringStore.hasRunFor(handle, job.id(), trigger)) {
                return false; // fired for this event already
            }
            Firing.Overlap overlap = Firing.overlap(job.spec(), job.busy());
            if (overlap == Firing.Overlap.WAIT) {
                return true;
            }
            if (overlap == Firing.Overlap.SKIP) {
                firing.record(
                        handle,
                        job,
                        event.ts(),
                        trigger,
                        JobRunView.SKIPPED_OVERLAP,
                        "event " + event.id() + " on " + subject
                                + ": the previous run had not finished (overlap policy skip)",
                        Firing.Trigger.EVENT);
            } else {
                firing.fire(
                        handle,
                        job,
                        schedule.describe(),
                        event.ts(),
                        trigger,
                        "event " + event.id() + " on " + subject + " from " + event.nodeId(),
                        Firing.Trigger.EVENT);
            }
            return false;
        });
    }

    private void count(String outcome) {
        registry.counter("mesh.scheduler.events", "outcome", outcome).increment();
    }
}
