package dev.uniwizard.mesh.observatory.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    /** As Micrometer's Prometheus registry writes a mesh timer (shortened to three buckets). */
    static final String METRICS = """
            # HELP mesh_gateway_request_seconds POST /api/v1/messages, from receipt to answer
            # TYPE mesh_gateway_request_seconds histogram
            mesh_gateway_request_seconds_bucket{outcome="replied",le="0.1"} 3.0
            mesh_gateway_request_seconds_bucket{outcome="replied",le="1.0"} 7.0
            mesh_gateway_request_seconds_bucket{outcome="replied",le="+Inf"} 8.0
            mesh_gateway_request_seconds_count{outcome="replied"} 8.0
            mesh_gateway_request_seconds_sum{outcome="replied"} 4.2
            mesh_gateway_request_seconds_bucket{outcome="rejected",le="0.1"} 100.0
            mesh_gateway_request_seconds_bucket{outcome="rejected",le="1.0"} 100.0
            mesh_gateway_request_seconds_bucket{outcome="rejected",le="+Inf"} 100.0
            mesh_gateway_request_seconds_bucket{outcome="pending",le="0.1"} 0
            mesh_gateway_request_seconds_bucket{outcome="pending",le="1.0"} 1 1712345678000
            mesh_gateway_request_seconds_bucket{outcome="pending",le="+Inf"} 2e0
            # HELP mesh_gateway_request_seconds_max
            # TYPE mesh_gateway_request_seconds_max gauge
            mesh_gateway_request_seconds_max{outcome="replied"} 1.5
            mesh_gateway_request_seconds_bucketed_total{le="1.0"} 99
            """;

    @Test
    void readsTheProcessStartTimeWhenThereIsOne() {
        String withStart = METRICS + """
                # TYPE process_start_time_seconds gauge
                process_start_time_seconds_extra 5
                process_start_time_seconds 1.7724468E9
                """;

        assertThat(PrometheusText.processStart(withStart)).contains(Instant.ofEpochSecond(1_772_446_800L));
        assertThat(PrometheusText.processStart(METRICS)).isEmpty();
        assertThat(PrometheusText.processStart("process_start_time_seconds NaN\n"))
                .isEmpty();
    }

    @Test
    void sumsTheBucketsOfEverySeries() {
        HistogramSample sample = PrometheusText.histogram(METRICS, "mesh_gateway_request_seconds", List.of(), AT);

        assertThat(sample.at()).isEqualTo(AT);
        assertThat(sample.bounds()).containsExactly(0.1, 1.0, Double.POSITIVE_INFINITY);
        assertThat(sample.counts()).containsExactly(103.0, 108.0, 110.0);
    }

    @Test
    void keepsOnlyTheSeriesTheFiltersLetThrough() {
        HistogramSample notRejected = PrometheusText.histogram(
                METRICS, "mesh_gateway_request_seconds", List.of(LabelMatcher.parse("outcome!=rejected")), AT);
        HistogramSample replied = PrometheusText.histogram(
                METRICS, "mesh_gateway_request_seconds", List.of(LabelMatcher.parse("outcome=\"replied\"")), AT);

        assertThat(notRejected.counts()).containsExactly(3.0, 8.0, 10.0);
        assertThat(replied.counts()).containsExactly(3.0, 7.0, 8.0);
    }

    @Test
    void aMetricWithoutSeriesIsAnEmptySample() {
        HistogramSample sample = PrometheusText.histogram(METRICS, "mesh_gateway_webhook_seconds", List.of(), AT);

        assertThat(sample.bounds()).isEmpty();
        assertThat(sample.total()).isZero();
    }

    @Test
    void readsEscapedLabelValuesAndSeriesWithoutOtherLabels() {
        String text = """
                h_bucket{path="a\\"b,c}",le="1"} 2
                h_bucket{path="a\\"b,c}",le="+Inf"} 3
                h_bucket{ path="x\\\\y", le="1" } 4
                h_bucket{path="x\\\\y",le="+Inf",} 5
                """;

        HistogramSample all = PrometheusText.histogram(text, "h", List.of(), AT);
        HistogramSample quoted = PrometheusText.histogram(text, "h", List.of(LabelMatcher.parse("path=a\"b,c}")), AT);

        HistogramSample backslash = PrometheusText.histogram(text, "h", List.of(LabelMatcher.parse("path=x\\y")), AT);

        assertThat(all.counts()).containsExactly(6.0, 8.0);
        assertThat(quoted.counts()).containsExactly(2.0, 3.0);
        assertThat(backslash.counts()).containsExactly(4.0, 5.0);
    }

    @Test
    void unreadableLinesAreReportedWithTheirNumber() {
        assertThatThrownBy(() -> PrometheusText.histogram("h_bucket{le=\"1\"} many\n", "h", List.of(), AT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 1: 'many' is not a number");
        assertThatThrownBy(() -> PrometheusText.histogram("# x\nh_bucket{le=\"1\" 3\n", "h", List.of(), AT))
                .hasMessageStartingWith("line 2:");
        assertThatThrownBy(() -> PrometheusText.histogram("h_bucket{a=\"1\"} 3\n", "h", List.of(), AT))
                .hasMessage("line 1: a h_bucket series without le");
        assertThatThrownBy(() -> PrometheusText.histogram("h_bucket{le=\"1\"} 3\n", "h", List.of(), AT))
                .hasMessage("h_bucket has no le=\"+Inf\" bucket");
    }
}
