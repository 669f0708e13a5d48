package dev.uniwizard.mesh.scheduler.api;

import dev.uniwizard.mesh.core.jobs.JobRunView;
import dev.uniwizard.mesh.core.jobs.JobSchedule;
import dev.uniwizard.mesh.core.jobs.JobSpec;
import dev.uniwizard.mesh.core.jobs.JobView;
import dev.uniwizard.mesh.core.jobs.SchedulePreview;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.scheduler.firing.FiringLoop;
import dev.uniwizard.mesh.scheduler.firing.NoSuchJobException;
import dev.uniwizard.mesh.scheduler.firing.RunNow;
import dev.uniwizard.mesh.scheduler.schedule.EventSchedule;
import dev.uniwizard.mesh.scheduler.schedule.Schedule;
import dev.uniwizard.mesh.scheduler.schedule.ScheduleException;
import dev.uniwizard.mesh.scheduler.schedule.Schedules;
import dev.uniwizard.mesh.scheduler.store.JobExistsException;
import dev.uniwizard.mesh.scheduler.store.JobStore;
import dev.uniwizard.mesh.scheduler.store.StoredJob;
import dev.uniwizard.mesh.scheduler.validation.JobRules;
import dev.uniwizard.mesh.scheduler.validation.JobSpecException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * What the jobs API does, apart from HTTP: checks a job ({@link JobRules}, {@link Schedules}), computes when it fires
 * next, writes it to the {@link JobStore}, wakes this node's {@link FiringLoop} (other nodes notice within their poll
 * interval), and logs who changed what. Every refusal is an {@link ApiException} naming the field at fault.
 */
@Singleton
public class JobAdmin {

    private static final Logger LOG = Logger.getLogger(JobAdmin.class);

    private final JobStore store;
    private final RunNow runNow;
    private final FiringLoop loop;
    private final Set<String> houses;
    private final MeterRegistry registry;
    private final Clock clock;
    private final String eventsPrefix;

    public JobAdmin(
            JobStore store,
            RunNow runNow,
            FiringLoop loop,
            KnownHouses houses,
            MeterRegistry registry,
            Clock clock,
            Subjects subjects) {
        this.store = store;
        this.runNow = runNow;
        this.loop = loop;
        this.houses = houses.names();
        this.registry = registry;
        this.clock = clock;
        this.eventsPrefix = subjects.root() + ".events.";
    }

    public JobView create(JobSpec body, Operator operator) {
        JobSpec spec = normalize(body);
        Schedule schedule = parse(spec.schedule(), "");
        Instant now = clock.instant();
        StoredJob stored;
        try {
            stored = store.create(spec, firstTick(spec, schedule, now));
        } catch (JobExistsException e) {
            throw new ApiException(
                    409,
                    ApiException.JOB_EXISTS,
                    "a job named '" + spec.name() + "' exists already; change it with PUT /api/v1/jobs/" + spec.name()
                            + " or choose another name",
                    "name");
        }
        loop.wake();
        changed("create", operator, spec.name(), describe(spec, schedule));
        return JobViews.view(stored, null, now);
    }

    public List<JobView> list() {
        Instant now = clock.instant();
        return store.list().stream()
                .map(job -> JobViews.view(job, store.lastRun(job.spec().name()).orElse(null), now))
                .toList();
    }

    public JobView get(String name) {
        return view(find(name));
    }

    /** Replaces the job; a body without {@code enabled} keeps the job paused or running as it was. */
    public JobView replace(String name, JobSpec body, Operator operator) {
        if (body.name() != null && !body.name().equals(name)) {
            throw ApiException.badRequest(
                    ApiException.INVALID_JOB,
                    "the body names job '" + body.name() + "' but the path names '" + name
                            + "'; leave 'name' out or make them equal (renaming is delete and create)",
                    "name");
        }
        StoredJob current = find(name);
        JobSpec spec = normalize(new JobSpec(
                name,
                body.schedule(),
                body.target(),
                body.delivery(),
                body.enabled() == null ? current.enabled() : body.enabled(),
                body.misfirePolicy(),
                body.maxRunSeconds(),
                body.overlapPolicy()));
        Schedule schedule = parse(spec.schedule(), "");
        Instant now = clock.instant();
        // Same schedule and still running: keep the pending tick, so that editing a prompt cannot lose a due tick.
        boolean keepTick = current.enabled()
                && current.nextFireAt() != null
                && spec.enabled()
                && spec.schedule().equals(current.spec().schedule());
        Instant next = keepTick ? current.nextFireAt() : firstTick(spec, schedule, now);
        StoredJob stored = store.replace(name, spec, next).orElseThrow(() -> ApiException.noSuchJob(name));
        loop.wake();
        changed("replace", operator, name, describe(spec, schedule));
        return JobViews.view(stored, store.lastRun(name).orElse(null), now);
    }

    public void delete(String name, Operator operator) {
        if (!store.delete(name)) {
            throw ApiException.noSuchJob(name);
        }
        changed("delete", operator, name, "with its runs");
    }

    /** Pauses (nothing fires until resumed) or resumes (the next tick is counted from now: no catch-up). */
    public JobView setEnabled(String name, boolean enabled, Operator operator) {
        StoredJob current = find(name);
        Instant now = clock.instant();
        Instant next = null;
        if (enabled) {
            // Resuming a job that runs changes nothing; a paused one continues from now, without catching up.
            next = current.enabled() && current.nextFireAt() != null
                    ? current.nextFireAt()
                    : parse(current.spec().schedule(), "").nextAfter(now).orElse(null);
        }
        StoredJob stored = store.setEnabled(name, enabled, next).orElseThrow(() -> ApiException.noSuchJob(name));
        loop.wake();
        changed(
                enabled ? "resume" : "pause",
                operator,
                name,
                enabled ? "next tick " + (next == null ? "on its next event" : next) : "until resumed");
        return JobViews.view(stored, store.lastRun(name).orElse(null), now);
    }

    /** Fires the job now, paused or not, the way a tick fires it; the run is recorded like any other. */
    public JobRunView runNow(String name, Operator operator) {
        try {
            JobRunView run = runNow.fire(name);
            changed("run_now", operator, name, "run " + run.id() + " " + run.outcome());
            return run;
        } catch (NoSuchJobException e) {
            throw ApiException.noSuchJob(name);
        }
    }

    public List<JobRunView> runs(String name, int limit) {
        find(name);
        return store.runs(name, limit);
    }

    public SchedulePreview preview(JobSchedule schedule) {
        return JobViews.preview(parse(schedule, "schedule."), clock.instant());
    }

    private StoredJob find(String name) {
        return store.find(name).orElseThrow(() -> ApiException.noSuchJob(name));
    }

    private JobView view(StoredJob job) {
        return JobViews.view(job, store.lastRun(job.spec().name()).orElse(null), clock.instant());
    }

    private JobSpec normalize(JobSpec body) {
        try {
            return JobRules.normalize(body, houses);
        } catch (JobSpecException e) {
            throw ApiException.badRequest(ApiException.INVALID_JOB, e.getMessage(), e.field());
        }
    }

    /**
     * The schedule parsed, or a 400 naming the field. {@code stripPrefix} is removed from the field for bodies that
     * are a schedule themselves (the preview), where {@code schedule.cron} is just {@code cron}.
     */
    private Schedule parse(JobSchedule schedule, String stripPrefix) {
        try {
            Schedule parsed = Schedules.parse(schedule);
            if (parsed instanceof EventSchedule event && !event.subject().startsWith(eventsPrefix)) {
                throw new ScheduleException(
                        "schedule.event.subject",
                        "'" + event.subject() + "' is not an event subject: event jobs listen to the EVENTS stream, so"
                                + " the filter must start with " + eventsPrefix + " (e.g. " + eventsPrefix
                                + "deadletter or " + eventsPrefix + ">)");
            }
            return parsed;
        } catch (ScheduleException e) {
            String field = e.field();
            if (!stripPrefix.isEmpty() && field != null) {
                // The body is the schedule itself: "schedule.cron" is "cron", and "schedule" the whole body.
                field = field.startsWith(stripPrefix) ? field.substring(stripPrefix.length()) : null;
            }
            throw ApiException.badRequest(
                    stripPrefix.isEmpty() ? ApiException.INVALID_JOB : ApiException.INVALID_SCHEDULE,
                    e.getMessage(),
                    field);
        }
    }

    /** The first tick after now for a running job; none for a paused one (resume computes it). */
    private static Instant firstTick(JobSpec spec, Schedule schedule, Instant now) {
        return Boolean.FALSE.equals(spec.enabled())
                ? null
                : schedule.nextAfter(now).orElse(null);
    }

    private static String describe(JobSpec spec, Schedule schedule) {
        return schedule.describe() + " -> " + spec.target().house();
    }

    private void changed(String action, Operator operator, String job, String detail) {
        LOG.infof("%s: %s job %s (%s)", operator, action, job, detail);
        registry.counter("mesh.scheduler.api.changes", "action", action).increment();
    }
}
