package dev.uniwizard.mesh.core.observatory;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Latency of one operation over the SLO window, from the histogram buckets of a real metric (scraped from the
 * service's {@code /q/metrics}), interpolated within a bucket as Prometheus' {@code histogram_quantile} does.
 *
 * @param name the objective's name, e.g. {@code gateway-request}
 * @param metric the Prometheus histogram, e.g. {@code mesh_gateway_request_seconds}
 * @param count observations in the window
 * @param p50Seconds median, null without observations
 * @param p95Seconds 95th percentile, null without observations
 * @param objectiveSeconds the p95 objective, null when none is set
 * @param met whether p95 is within the objective; null without objective or observations
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LatencySlo(
        String name,
        String metric,
        long count,
        Double p50Seconds,
        Double p95Seconds,
        Double objectiveSeconds,
        Boolean met) {}
