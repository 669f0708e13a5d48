package dev.uniwizard.mesh.observatory.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistogramsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final double INF = Double.POSITIVE_INFINITY;

    /** 10 at or below 0.1 s, 20 more up to 0.5 s, 8 more up to 1 s, 2 above. */
    private static final HistogramSample FORTY = Histograms.of(T0, Map.of(0.1, 10.0, 0.5, 30.0, 1.0, 38.0, INF, 40.0));

    @Test
    void quantilesInterpolateWithinTheirBucketLikePrometheus() {
        // p50: rank 20 lies in (0.1, 0.5], 10 of its 20 observations in: 0.1 + 0.4 * 10/20.
        assertThat(Histograms.quantile(0.5, FORTY)).isCloseTo(0.3, within(1e-12));
        // p95: rank 38 is the whole (0.5, 1] bucket: its upper bound.
        assertThat(Histograms.quantile(0.95, FORTY)).isCloseTo(1.0, within(1e-12));
        // p10: rank 4 in the first bucket, which starts at 0: 0.1 * 4/10.
        assertThat(Histograms.quantile(0.1, FORTY)).isCloseTo(0.04, within(1e-12));
        // p90: rank 36 in (0.5, 1]: 0.5 + 0.5 * 6/8.
        assertThat(Histograms.quantile(0.9, FORTY)).isCloseTo(0.875, within(1e-12));
    }

    @Test
    void aRankInTheInfBucketAnswersTheHighestFiniteBound() {
        assertThat(Histograms.quantile(0.99, FORTY)).isEqualTo(1.0);
    }

    @Test
    void withoutObservationsOrInfBucketThereIsNoQuantile() {
        assertThat(Histograms.quantile(0.5, Histograms.of(T0, Map.of(0.1, 0.0, INF, 0.0))))
                .isNaN();
        assertThat(Histograms.quantile(0.5, Histograms.of(T0, Map.of(0.1, 1.0, 1.0, 2.0))))
                .isNaN();
        assertThat(Histograms.quantile(0.5, new HistogramSample(T0, List.of(), List.of())))
                .isNaN();
        assertThat(Histograms.quantile(1.5, FORTY)).isEqualTo(INF);
        assertThat(Histograms.quantile(-0.1, FORTY)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void bucketsThatDisagreeSlightlyAreMadeMonotonic() {
        HistogramSample uneven = Histograms.of(T0, Map.of(0.1, 10.0, 0.5, 9.0, 1.0, 20.0, INF, 20.0));

        // counts become 10, 10, 20, 20: p50 (rank 10) is the first bucket's bound.
        assertThat(Histograms.quantile(0.5, uneven)).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void theIncreaseAddsTheSegmentsAroundARestart() {
        List<HistogramSample> samples = List.of(
                sample(0, 2, 5, 6),
                sample(60, 4, 9, 11),
                sample(120, 1, 1, 2), // restarted: counters began again
                sample(180, 3, 4, 5));

        HistogramSample increase = Histograms.increase(samples);

        // (4-2) + 1 + (3-1) = 5; (9-5) + 1 + (4-1) = 8; (11-6) + 2 + (5-2) = 10
        assertThat(increase.bounds()).containsExactly(0.1, 0.5, INF);
        assertThat(increase.counts()).containsExactly(5.0, 8.0, 10.0);
        assertThat(increase.total()).isEqualTo(10.0);
    }

    @Test
    void aHistogramThatAppearsCountsFromZero() {
        List<HistogramSample> samples =
                List.of(new HistogramSample(T0, List.of(), List.of()), sample(60, 1, 3, 3), sample(120, 1, 4, 5));

        HistogramSample increase = Histograms.increase(samples);

        assertThat(increase.counts()).containsExactly(1.0, 4.0, 5.0);
    }

    @Test
    void oneSampleHasNoIncrease() {
        assertThat(Histograms.increase(List.of(sample(0, 1, 2, 3))).total()).isZero();
        assertThat(Histograms.increase(List.of()).total()).isZero();
    }

    private static HistogramSample sample(long seconds, double le01, double le05, double inf) {
        return new HistogramSample(T0.plusSeconds(seconds), List.of(0.1, 0.5, INF), List.of(le01, le05, inf));
    }
}
