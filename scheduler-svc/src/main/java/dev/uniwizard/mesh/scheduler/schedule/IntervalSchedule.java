package dev.uniwizard.mesh.scheduler.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * Fires every {@code everySeconds} seconds at the instants {@code k × everySeconds} since the epoch (UTC). Aligning to
 * the epoch rather than to the job's creation makes the ticks a function of the interval alone: every node, and a node
 * restarted after a crash, computes the same ticks, which is what makes "each (job, tick) fires once" checkable.
 *
 * @param everySeconds at least 1
 */
public record IntervalSchedule(long everySeconds) implements Schedule {

    /** The longest interval accepted: 366 days (longer ones are better written as cron). */
    public static final long MAX_SECONDS = 366L * 24 * 3600;

    public IntervalSchedule {
        if (everySeconds < 1 || everySeconds > MAX_SECONDS) {
            throw new IllegalArgumentException("everySeconds must be 1.." + MAX_SECONDS + ", got " + everySeconds);
        }
    }

    @Override
    public Optional<Instant> nextAfter(Instant after) {
        long k = Math.floorDiv(after.getEpochSecond(), everySeconds) + 1;
        return Optional.of(Instant.ofEpochSecond(k * everySeconds));
    }

    @Override
    public String describe() {
        return "every " + everySeconds + " s" + inLargerUnit();
    }

    private String inLargerUnit() {
        if (everySeconds % 86_400 == 0) {
            return " (" + everySeconds / 86_400 + " d)";
        }
        if (everySeconds % 3600 == 0) {
            return " (" + everySeconds / 3600 + " h)";
        }
        if (everySeconds % 60 == 0) {
            return " (" + everySeconds / 60 + " min)";
        }
        return "";
    }
}
