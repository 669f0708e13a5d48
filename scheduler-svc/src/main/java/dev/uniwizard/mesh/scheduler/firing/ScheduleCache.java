package dev.uniwizard.mesh.scheduler.firing;

import dev.uniwizard.mesh.core.jobs.JobSchedule;
import dev.uniwizard.mesh.scheduler.schedule.Schedule;
import dev.uniwizard.mesh.scheduler.schedule.ScheduleException;
import dev.uniwizard.mesh.scheduler.schedule.Schedules;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Parsed schedules by their written form, so a job firing every second is not re-parsed every second. */
@Singleton
public class ScheduleCache {

    private static final int MAX_ENTRIES = 10_000;

    private final Map<JobSchedule, Schedule> parsed = new ConcurrentHashMap<>();

    public Schedule of(JobSchedule schedule) throws ScheduleException {
        Schedule known = parsed.get(schedule);
        if (known != null) {
            return known;
        }
        Schedule fresh = Schedules.parse(schedule);
        if (parsed.size() >= MAX_ENTRIES) {
            parsed.clear();
        }
        parsed.put(schedule, fresh);
        return fresh;
    }
}
