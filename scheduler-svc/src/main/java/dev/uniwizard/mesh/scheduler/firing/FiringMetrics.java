package dev.uniwizard.mesh.scheduler.firing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The firing metrics: {@code mesh_scheduler_firing_lag_seconds} (published − scheduled, a histogram) and
 * {@code mesh_scheduler_runs_total{outcome,trigger}} (every run recorded, by its outcome at firing time and by what
 * caused it: {@code tick}, {@code event}, {@code run_now}).
 */
@Singleton
public class FiringMetrics {

    private final MeterRegistry registry;
    private final Timer lag;

    public FiringMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.lag = Timer.builder("mesh.scheduler.firing.lag")
                .description("time from a job's tick to the publication of its task")
                .publishPercentileHistogram()
                .register(registry);
    }

    void fired(Duration lateness) {
        lag.record(lateness.isNegative() ? Duration.ZERO : lateness);
    }

    void run(String outcome, String trigger) {
        registry.counter("mesh.scheduler.runs", "outcome", outcome, "trigger", trigger)
                .increment();
    }

    void loopFailed() {
        registry.counter("mesh.scheduler.firing.failures").increment();
    }
}
