package dev.uniwizard.mesh.observatory.slo;

import java.time.Instant;
import java.util.List;

/**
 * Cumulative bucket counts of a histogram at one time, as Prometheus exposes them.
 *
 * @param at when it was scraped
 * @param bounds the buckets' upper bounds ({@code le}), ascending, the last {@code +Inf}; empty when the histogram had
 *     no series yet
 * @param counts observations at or below each bound (the last is the total)
 */
public record HistogramSample(Instant at, List<Double> bounds, List<Double> counts) {

    public HistogramSample {
        if (bounds.size() != counts.size()) {
            throw new IllegalArgumentException("a histogram sample needs one count per bound: " + bounds.size()
                    + " bounds, " + counts.size() + " counts");
        }
        bounds = List.copyOf(bounds);
        counts = List.copyOf(counts);
    }

    /** Observations in total (the {@code +Inf} bucket), 0 without buckets. */
    public double total() {
        return counts.isEmpty() ? 0 : counts.getLast();
    }
}
