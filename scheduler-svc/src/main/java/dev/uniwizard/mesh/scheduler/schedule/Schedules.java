package dev.uniwizard.mesh.scheduler.schedule;

import dev.uniwizard.mesh.core.jobs.JobSchedule;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRulesException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the {@link JobSchedule} an operator wrote into a {@link Schedule}, with an error that names the wrong field,
 * and previews its next ticks. Pure and thread-safe.
 */
public final class Schedules {

    /** The zone of cron schedules that name none. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("UTC");

    public static final String FIELD = "schedule";
    public static final String ZONE_FIELD = "schedule.zone";
    public static final String EVERY_FIELD = "schedule.everySeconds";

    private Schedules() {}

    /**
     * Checks and parses a schedule: exactly one of {@code cron} (with an optional {@code zone}, default UTC),
     * {@code everySeconds} and {@code event}.
     *
     * @throws ScheduleException naming the field that is wrong ({@code schedule}, {@code schedule.cron},
     *     {@code schedule.zone}, {@code schedule.everySeconds}, {@code schedule.event.subject},
     *     {@code schedule.event.match})
     */
    public static Schedule parse(JobSchedule schedule) throws ScheduleException {
        if (schedule == null) {
            throw new ScheduleException(FIELD, "the schedule is missing: " + oneOf());
        }
        List<String> given = new ArrayList<>();
        if (schedule.cron() != null) {
            given.add("cron");
        }
        if (schedule.everySeconds() != null) {
            given.add("everySeconds");
        }
        if (schedule.event() != null) {
            given.add("event");
        }
        if (given.isEmpty()) {
            throw new ScheduleException(FIELD, "the schedule is empty: " + oneOf());
        }
        if (given.size() > 1) {
            throw new ScheduleException(
                    FIELD, "the schedule has " + String.join(" and ", given) + ": " + oneOf() + ", not several");
        }
        if (schedule.zone() != null && !schedule.zone().isBlank() && schedule.cron() == null) {
            throw new ScheduleException(
                    ZONE_FIELD,
                    "a time zone only applies to cron schedules; "
                            + (schedule.everySeconds() != null
                                    ? "intervals are counted from the epoch in UTC"
                                    : "event schedules fire when the event arrives")
                            + ": remove the zone");
        }
        if (schedule.cron() != null) {
            return CronSchedule.of(schedule.cron(), zone(schedule.zone()));
        }
        if (schedule.everySeconds() != null) {
            return interval(schedule.everySeconds());
        }
        return EventSchedule.of(schedule.event().subject(), schedule.event().match());
    }

    /**
     * Reads an IANA time zone name ({@code Europe/Berlin}), {@code UTC}, or a fixed offset ({@code +02:00}); null or
     * blank is UTC.
     */
    public static ZoneId zone(String zone) throws ScheduleException {
        if (zone == null || zone.isBlank()) {
            return DEFAULT_ZONE;
        }
        String name = zone.trim();
        try {
            return ZoneId.of(name);
        } catch (ZoneRulesException e) {
            throw new ScheduleException(
                    ZONE_FIELD,
                    "unknown time zone '" + name + "': use an IANA name such as Europe/Berlin, America/New_York or UTC"
                            + suggestion(name));
        } catch (DateTimeException e) {
            throw new ScheduleException(
                    ZONE_FIELD,
                    "'" + name + "' is not a time zone: use an IANA name such as Europe/Berlin, America/New_York or "
                            + "UTC, or an offset such as +02:00");
        }
    }

    /**
     * The next {@code count} ticks after {@code from}, in the schedule's zone (UTC for intervals); empty for event
     * schedules. Fewer than {@code count} only when the schedule ends (a cron date beyond the year 10^9).
     */
    public static List<ZonedDateTime> preview(Schedule schedule, Instant from, int count) {
        ZoneId zone = schedule instanceof CronSchedule cron ? cron.zone() : DEFAULT_ZONE;
        List<ZonedDateTime> ticks = new ArrayList<>(Math.max(0, count));
        Instant after = from;
        for (int i = 0; i < count; i++) {
            Optional<Instant> next = schedule.nextAfter(after);
            if (next.isEmpty()) {
                break;
            }
            after = next.get();
            ticks.add(after.atZone(zone));
        }
        return ticks;
    }

    private static IntervalSchedule interval(long everySeconds) throws ScheduleException {
        if (everySeconds < 1) {
            throw new ScheduleException(
                    EVERY_FIELD, "everySeconds is " + everySeconds + ": the interval must be at least 1 second");
        }
        if (everySeconds > IntervalSchedule.MAX_SECONDS) {
            throw new ScheduleException(
                    EVERY_FIELD,
                    "everySeconds is " + everySeconds + ", more than " + IntervalSchedule.MAX_SECONDS
                            + " (366 days): use a cron expression for rarer jobs");
        }
        return new IntervalSchedule(everySeconds);
    }

    private static String oneOf() {
        return "give exactly one of cron (with an optional zone), everySeconds or event";
    }

    /** The closest known zone name (same up to case, or at most 2 letters off), as a hint; empty if none. */
    private static String suggestion(String name) {
        String wanted = name.toLowerCase(Locale.ROOT).replace(' ', '_');
        String best = null;
        int bestDistance = 3;
        for (String id : new java.util.TreeSet<>(ZoneId.getAvailableZoneIds())) {
            int distance = distance(wanted, id.toLowerCase(Locale.ROOT), bestDistance);
            if (distance < bestDistance) {
                best = id;
                bestDistance = distance;
            }
        }
        return best == null ? "" : " (did you mean " + best + "?)";
    }

    /** Levenshtein distance, or {@code limit} when it is at least that. */
    private static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit) {
            return limit;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin >= limit) {
                return limit;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[b.length()], limit);
    }
}
