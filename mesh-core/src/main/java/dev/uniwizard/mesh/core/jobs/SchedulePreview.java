package dev.uniwizard.mesh.core.jobs;

import java.util.List;

/**
 * The answer of {@code POST /api/v1/jobs/preview}: a schedule checked and its next ticks.
 *
 * @param description the schedule in words, e.g. {@code cron "0 9 * * MON-FRI" in Europe/Berlin}
 * @param nextFireTimes the next 5 ticks, ISO-8601 with the zone's offset
 */
public record SchedulePreview(String description, List<String> nextFireTimes) {}
