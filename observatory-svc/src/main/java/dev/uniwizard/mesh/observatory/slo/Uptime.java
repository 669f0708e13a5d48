package dev.uniwizard.mesh.observatory.slo;

import dev.uniwizard.mesh.core.observatory.UptimeSlo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Availability from a check's snapshots: the time from one snapshot to the next counts as down when the earlier one
 * was not ok, as up otherwise; a gap longer than {@code maxGap} (the observatory was not looking) counts as neither but
 * as unobserved, and so does the time after the last snapshot when it is older than {@code maxGap}.
 */
public final class Uptime {

    /** One snapshot of a {@code service:<name>} check: when, and whether it was ok. */
    public record Snapshot(Instant at, boolean ok) {}

    /**
     * Observed and down time in a window, in milliseconds.
     *
     * @param windowMillis length of the window
     * @param observedMillis covered by snapshots
     * @param downMillis of which not ok
     */
    public record Measured(long windowMillis, long observedMillis, long downMillis) {

        public long unobservedMillis() {
            return windowMillis - observedMillis;
        }
    }

    private Uptime() {}

    /**
     * Measures {@code [from, to)}.
     *
     * @param snapshots in time order; the last one before {@code from} should be included so the window's start is
     *     covered
     */
    public static Measured measure(List<Snapshot> snapshots, Instant from, Instant to, Duration maxGap) {
        long observed = 0;
        long down = 0;
        for (int i = 0; i < snapshots.size(); i++) {
            Snapshot snapshot = snapshots.get(i);
            Instant end = i + 1 < snapshots.size() ? snapshots.get(i + 1).at() : to;
            if (Duration.between(snapshot.at(), end).compareTo(maxGap) > 0) {
                continue;
            }
            Instant start = snapshot.at().isBefore(from) ? from : snapshot.at();
            Instant stop = end.isAfter(to) ? to : end;
            if (!stop.isAfter(start)) {
                continue;
            }
            long millis = Duration.between(start, stop).toMillis();
            observed += millis;
            if (!snapshot.ok()) {
                down += millis;
            }
        }
        return new Measured(Math.max(0, Duration.between(from, to).toMillis()), observed, down);
    }

    /** The SLO of {@code service} against {@code targetPercent} from what was measured. */
    public static UptimeSlo slo(String service, double targetPercent, Measured measured) {
        long observedSeconds = measured.observedMillis() / 1000;
        long downSeconds = measured.downMillis() / 1000;
        long unobservedSeconds = measured.windowMillis() / 1000 - observedSeconds;
        double budgetSeconds = measured.observedMillis() / 1000.0 * (100 - targetPercent) / 100;
        if (measured.observedMillis() == 0) {
            return new UptimeSlo(service, targetPercent, null, 0, 0, unobservedSeconds, budgetSeconds, null, null);
        }
        double percent = 100.0 * (measured.observedMillis() - measured.downMillis()) / measured.observedMillis();
        double remaining = 100 * (1 - measured.downMillis() / 1000.0 / budgetSeconds);
        return new UptimeSlo(
                service,
                targetPercent,
                percent,
                observedSeconds,
                downSeconds,
                unobservedSeconds,
                budgetSeconds,
                remaining,
                percent >= targetPercent);
    }
}
