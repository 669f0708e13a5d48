package dev.uniwizard.mesh.bench.memory;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** Latencies of one phase (microseconds, 3 significant digits) and how long the phase took. */
final class Latencies {

    private final String phase;
    private final Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
    private long wallNanos;

    Latencies(String phase) {
        this.phase = phase;
    }

    void record(long nanos) {
        histogram.recordValue(Math.max(1, TimeUnit.NANOSECONDS.toMicros(nanos)));
    }

    void add(Latencies other) {
        histogram.add(other.histogram);
    }

    void wall(long nanos) {
        this.wallNanos = nanos;
    }

    long count() {
        return histogram.getTotalCount();
    }

    double perSecond() {
        return wallNanos == 0 ? 0 : count() * 1e9 / wallNanos;
    }

    double p50Millis() {
        return histogram.getValueAtPercentile(50) / 1000.0;
    }

    double p99Millis() {
        return histogram.getValueAtPercentile(99) / 1000.0;
    }

    String line() {
        return String.format(
                Locale.ROOT,
                "%-34s n=%7d  %9.1f/s  p50 %8.3f ms  p99 %8.3f ms  p99.9 %8.3f ms  max %8.3f ms",
                phase,
                count(),
                perSecond(),
                p50Millis(),
                p99Millis(),
                histogram.getValueAtPercentile(99.9) / 1000.0,
                histogram.getMaxValue() / 1000.0);
    }
}
