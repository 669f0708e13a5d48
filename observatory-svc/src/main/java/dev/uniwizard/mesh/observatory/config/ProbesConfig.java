package dev.uniwizard.mesh.observatory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP endpoints the observatory probes, under {@code observatory.probes.<name>.*}: each becomes the check
 * {@code probe:<name>}, its value the latency in ms. None by default.
 */
@ConfigMapping(prefix = "observatory.probes")
public interface ProbesConfig {

    /** The probes by name (a check id token: lower-case letters, digits, '_' or '-'). */
    @WithParentName
    Map<String, Probe> probes();

    /** One probe. */
    interface Probe {

        /** The http(s) URL to GET. */
        String url();

        /** The status a healthy endpoint answers. */
        @WithDefault("200")
        int expectStatus();

        /** How long to wait for the answer; shorter than {@code observatory.checks.timeout}. */
        @WithDefault("5s")
        Duration timeout();

        /** Overrides {@code observatory.checks.probe-latency-warn} for this probe. */
        Optional<Duration> latencyWarn();

        /** Overrides {@code observatory.checks.probe-latency-critical} for this probe. */
        Optional<Duration> latencyCritical();
    }
}
