package dev.uniwizard.mesh.observatory.slo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Histogram arithmetic as Prometheus does it: the increase of cumulative bucket counters over a window, and quantiles
 * interpolated linearly within a bucket ({@code histogram_quantile}).
 */
public final class Histograms {

    private Histograms() {}

    /**
     * The observations between the first and the last sample, per bucket. When the total went down, or the buckets
     * changed, the service restarted (or the histogram appeared): the counts of that sample are all new, and the
     * segments before and after are added.
     *
     * @param samples in time order
     */
    public static HistogramSample increase(List<HistogramSample> samples) {
        TreeMap<Double, Double> sum = new TreeMap<>();
        for (int i = 1; i < samples.size(); i++) {
            HistogramSample previous = samples.get(i - 1);
            HistogramSample current = samples.get(i);
            boolean reset = !current.bounds().equals(previous.bounds()) || current.total() < previous.total();
            for (int b = 0; b < current.bounds().size(); b++) {
                double now = current.counts().get(b);
                double delta = reset ? now : Math.max(0, now - previous.counts().get(b));
                sum.merge(current.bounds().get(b), delta, Double::sum);
            }
        }
        Instant at = samples.isEmpty() ? Instant.EPOCH : samples.getLast().at();
        return new HistogramSample(at, new ArrayList<>(sum.keySet()), new ArrayList<>(sum.values()));
    }

    /**
     * The {@code q} quantile (0..1) of cumulative buckets, as Prometheus' {@code histogram_quantile}: NaN without
     * observations, without a {@code +Inf} bucket or with fewer than two buckets; the highest finite bound when the
     * rank falls into the {@code +Inf} bucket; linear interpolation within a bucket otherwise (the lowest from 0).
     */
    public static double quantile(double q, HistogramSample buckets) {
        if (Double.isNaN(q)) {
            return Double.NaN;
        }
        if (q < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (q > 1) {
            return Double.POSITIVE_INFINITY;
        }
        List<Double> bounds = buckets.bounds();
        int n = bounds.size();
        if (n < 2 || bounds.getLast() != Double.POSITIVE_INFINITY) {
            return Double.NaN;
        }
        double[] counts = new double[n];
        for (int i = 0; i < n; i++) {
            // Buckets scraped a moment apart can disagree slightly; counts never fall with a higher bound.
            counts[i] =
                    i == 0 ? buckets.counts().get(0) : Math.max(buckets.counts().get(i), counts[i - 1]);
        }
        double observations = counts[n - 1];
        if (observations <= 0) {
            return Double.NaN;
        }
        double rank = q * observations;
        int b = n - 1;
        for (int i = 0; i < n - 1; i++) {
            if (counts[i] >= rank) {
                b = i;
                break;
            }
        }
        if (b == n - 1) {
            return bounds.get(n - 2);
        }
        if (b == 0 && bounds.getFirst() <= 0) {
            return bounds.getFirst();
        }
        double start = 0;
        double end = bounds.get(b);
        double count = counts[b];
        if (b > 0) {
            start = bounds.get(b - 1);
            count -= counts[b - 1];
            rank -= counts[b - 1];
        }
        return start + (end - start) * (rank / count);
    }

    /** A map of bound to count as a sample (for tests and callers that build buckets by hand). */
    public static HistogramSample of(Instant at, Map<Double, Double> cumulative) {
        TreeMap<Double, Double> sorted = new TreeMap<>(cumulative);
        return new HistogramSample(at, new ArrayList<>(sorted.keySet()), new ArrayList<>(sorted.values()));
    }
}
