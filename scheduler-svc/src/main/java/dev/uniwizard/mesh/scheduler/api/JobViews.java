package dev.uniwizard.mesh.scheduler.api;

import dev.uniwizard.mesh.core.jobs.JobRunView;
import dev.uniwizard.mesh.core.jobs.JobView;
import dev.uniwizard.mesh.core.jobs.SchedulePreview;
import dev.uniwizard.mesh.scheduler.schedule.Schedule;
import dev.uniwizard.mesh.scheduler.schedule.ScheduleException;
import dev.uniwizard.mesh.scheduler.schedule.Schedules;
import dev.uniwizard.mesh.scheduler.store.StoredJob;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * How stored jobs and schedules are shown: the next ticks as ISO-8601 with the offset of the job's zone (so that
 * {@code 09:00+01:00} in winter and {@code 09:00+02:00} in summer both read as nine o'clock), computed from now.
 */
final class JobViews {

    /** How many upcoming ticks a view and a preview show. */
    static final int PREVIEW_COUNT = 5;

    private static final Logger LOG = Logger.getLogger(JobViews.class);

    private JobViews() {}

    /**
     * The job as the API shows it. A paused job has no {@code nextFireAt} (nothing is due), but its upcoming ticks are
     * still listed: they are the ones it would fire on if it were resumed now.
     */
    static JobView view(StoredJob job, JobRunView lastRun, Instant now) {
        return new JobView(
                job.spec(),
                job.enabled(),
                job.enabled() ? job.nextFireAt() : null,
                nextFireTimes(job, now),
                job.createdAt(),
                job.updatedAt(),
                lastRun);
    }

    static SchedulePreview preview(Schedule schedule, Instant now) {
        return new SchedulePreview(schedule.describe(), format(Schedules.preview(schedule, now, PREVIEW_COUNT)));
    }

    static List<String> format(List<ZonedDateTime> times) {
        return times.stream()
                .map(DateTimeFormatter.ISO_OFFSET_DATE_TIME::format)
                .toList();
    }

    private static List<String> nextFireTimes(StoredJob job, Instant now) {
        try {
            return format(Schedules.preview(Schedules.parse(job.spec().schedule()), now, PREVIEW_COUNT));
        } catch (ScheduleException e) {
            // Stored jobs were validated when they were written; a schedule today's rules refuse shows no ticks.
            LOG.warnf(
                    "job %s has a stored schedule that no longer parses (%s): %s",
                    job.spec().name(), e.field(), e.getMessage());
            return List.of();
        }
    }
}
