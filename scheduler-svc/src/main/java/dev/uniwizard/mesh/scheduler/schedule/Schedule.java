package dev.uniwizard.mesh.scheduler.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * When a job fires, parsed and checked ({@link Schedules#parse}). Implementations are immutable and thread-safe; the
 * ticks are a pure function of the schedule, so every scheduler node computes the same ones.
 */
public sealed interface Schedule permits CronSchedule, IntervalSchedule, EventSchedule {

    /** The first tick strictly after {@code after}; empty for event schedules (and for cron ticks beyond year 10^9). */
    Optional<Instant> nextAfter(Instant after);

    /**
     * In words, e.g. {@code cron "0 9 * * MON-FRI" in Europe/Berlin}, {@code every 30 s},
     * {@code on events mesh.events.deadletter where /reason = x}.
     */
    String describe();
}
