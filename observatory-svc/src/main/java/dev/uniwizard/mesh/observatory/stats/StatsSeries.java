package dev.uniwizard.mesh.observatory.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One house's activity per time bucket, answered by {@code GET /api/v1/stats/series}: arrays aligned on
 * {@code time}, ready for a uPlot chart ({@code [time, turns, failedTurns, toolCalls]}). Buckets are aligned to
 * multiples of the step since the epoch, so the first starts at or before {@code since} and the last holds
 * {@code until} (it is still filling).
 *
 * @param house the house
 * @param from start of the first bucket
 * @param until end of the period (now)
 * @param stepSeconds bucket width
 * @param time start of each bucket, epoch seconds
 * @param turns turns ended in each bucket
 * @param failedTurns of which failed
 * @param turnP95Millis 95th percentile turn duration per bucket, null for a bucket without turns
 * @param toolCalls tool calls finished in each bucket
 */
public record StatsSeries(
        String house,
        Instant from,
        Instant until,
        long stepSeconds,
        List<Long> time,
        List<Long> turns,
        List<Long> failedTurns,
        List<Double> turnP95Millis,
        List<Long> toolCalls) {

    /** Start of the first bucket: {@code since} rounded down to a multiple of the step. */
    static Instant start(StatsPeriod period, Duration step) {
        long width = step.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(period.since().getEpochSecond(), width) * width);
    }

    /** How many buckets cover the period. */
    static long buckets(StatsPeriod period, Duration step) {
        long width = step.toSeconds();
        return Math.floorDiv(
                        period.until().getEpochSecond() - start(period, step).getEpochSecond(), width)
                + 1;
    }
}
