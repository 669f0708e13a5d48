package dev.uniwizard.mesh.service.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Arrays;

/**
 * Every timer of the mesh ({@code mesh.*}) is published as a Prometheus histogram with the same fixed buckets, so
 * {@code histogram_quantile} in Prometheus and Grafana and the observatory's SLO report can compute percentiles across
 * instances and over any window (client-side percentiles cannot be aggregated).
 */
public class MeshMeterFilters {

    /** The bucket bounds of every mesh timer, from 5 ms to 5 min. */
    public static final Duration[] BUCKETS = {
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(60),
        Duration.ofSeconds(120),
        Duration.ofSeconds(300)
    };

    private static final double[] BUCKET_NANOS =
            Arrays.stream(BUCKETS).mapToDouble(Duration::toNanos).toArray();

    @Produces
    @Singleton
    MeterFilter meshTimerHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getType() != Meter.Type.TIMER || !id.getName().startsWith("mesh.")) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(BUCKET_NANOS)
                        .build()
                        .merge(config);
            }
        };
    }
}
