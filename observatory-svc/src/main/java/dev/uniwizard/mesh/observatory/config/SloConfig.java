package dev.uniwizard.mesh.observatory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Service level objectives, under {@code observatory.slo.*}. */
@ConfigMapping(prefix = "observatory.slo")
public interface SloConfig {

    /** The window of {@code GET /api/v1/slo} without {@code ?window=} and of the SLO gauges, e.g. {@code 30d}. */
    @WithDefault("30d")
    String window();

    /** Availability objectives, {@code service=percent} each (from the {@code service:<name>} checks). */
    @WithDefault("gateway=99.5")
    List<String> uptime();

    /**
     * Time between two snapshots longer than this counts as unobserved; by default 3 check intervals
     * ({@code observatory.checks.interval}).
     */
    Optional<Duration> maxGap();

    /** Latency objectives by name, e.g. {@code observatory.slo.latency.gateway-request.metric=...}. */
    Map<String, Latency> latency();

    /** How often (on the leader) the latency histograms are scraped, and the SLO gauges recomputed. */
    @WithDefault("1m")
    Duration scrapeInterval();

    /** Longest wait for a metrics endpoint. */
    @WithDefault("5s")
    Duration scrapeTimeout();

    /** Scraped histogram samples older than this are deleted. */
    @WithDefault("35d")
    Duration retention();

    /** One latency objective: a Prometheus histogram of a service. */
    interface Latency {

        /** The service's Prometheus endpoint, e.g. {@code http://127.0.0.1:8080/q/metrics}. */
        String url();

        /** The histogram's name without {@code _bucket}, e.g. {@code mesh_gateway_request_seconds}. */
        String metric();

        /** The p95 objective, e.g. {@code 1s}; without it the latency is reported but not judged. */
        Optional<Duration> objective();

        /**
         * Which series count, {@code label=value} or {@code label!=value} each (e.g. {@code outcome!=rejected}); the
         * matching series are summed.
         */
        Optional<List<String>> labels();
    }
}
