package dev.uniwizard.mesh.scheduler.firing;

import dev.uniwizard.mesh.scheduler.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The ticks a job missed: from its first due tick to the latest tick at or before now. Counting stops at a cap (a job
 * firing every second that was down for a month has millions); the latest tick is then found by looking back from now.
 *
 * @param first the first missed tick
 * @param latest the latest tick at or before now
 * @param count how many ticks from {@code first} to {@code latest}, both included (at least {@code cap} when
 *     {@code more})
 * @param more true when there were more than {@code count}
 */
record MissedTicks(Instant first, Instant latest, long count, boolean more) {

    private static final List<Duration> LOOK_BACK = List.of(
            Duration.ofSeconds(1),
            Duration.ofMinutes(1),
            Duration.ofHours(1),
            Duration.ofDays(1),
            Duration.ofDays(8),
            Duration.ofDays(32),
            Duration.ofDays(367),
            Duration.ofDays(3660));

    static MissedTicks between(Schedule schedule, Instant first, Instant now, long cap) {
        Instant latest = first;
        long count = 1;
        while (count < cap) {
            Optional<Instant> next = schedule.nextAfter(latest);
            if (next.isEmpty() || next.get().isAfter(now)) {
                return new MissedTicks(first, latest, count, false);
            }
            latest = next.get();
            count++;
        }
        return new MissedTicks(first, latestAtOrBefore(schedule, latest, now), count, true);
    }

    /** The latest tick at or before {@code now}, searching back in growing steps; {@code fallback} if none is found. */
    private static Instant latestAtOrBefore(Schedule schedule, Instant fallback, Instant now) {
        for (Duration back : LOOK_BACK) {
            Instant from = now.minus(back);
            if (!from.isAfter(fallback)) {
                break;
            }
            Optional<Instant> tick = schedule.nextAfter(from);
            if (tick.isPresent() && !tick.get().isAfter(now)) {
                Instant latest = tick.get();
                for (Optional<Instant> next = schedule.nextAfter(latest);
                        next.isPresent() && !next.get().isAfter(now);
                        next = schedule.nextAfter(latest)) {
                    latest = next.get();
                }
                return latest;
            }
        }
        return fallback;
    }

    /** E.g. {@code 5 ticks from 2026-03-01T10:00:00Z to 2026-03-01T10:04:00Z}. */
    String describe() {
        String how = more ? "more than " + count + " ticks" : count == 1 ? "1 tick" : count + " ticks";
        return count == 1 && !more ? how + " (" + first + ")" : how + " from " + first + " to " + latest;
    }
}
