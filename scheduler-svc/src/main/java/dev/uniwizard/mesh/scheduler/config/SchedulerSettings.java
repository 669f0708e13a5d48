package dev.uniwizard.mesh.scheduler.config;

import java.time.Duration;

/**
 * The engine's settings as plain values, so the engine classes work outside CDI too (tests start several engines in
 * one JVM). See {@link SchedulerConfig} for what each means.
 */
public record SchedulerSettings(
        Duration pollInterval, int batchSize, Duration misfireThreshold, Duration lockTimeout, Duration sweepInterval) {

    public SchedulerSettings {
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("scheduler.poll-interval must be positive, was " + pollInterval);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("scheduler.batch-size must be at least 1, was " + batchSize);
        }
        if (misfireThreshold.isNegative()) {
            throw new IllegalArgumentException("scheduler.misfire-threshold must not be negative");
        }
        if (lockTimeout.toMillis() < 1000) {
            throw new IllegalArgumentException("scheduler.lock-timeout must be at least 1s, was " + lockTimeout);
        }
    }

    public static SchedulerSettings of(SchedulerConfig config) {
        return new SchedulerSettings(
                config.pollInterval(),
                config.batchSize(),
                config.misfireThreshold(),
                config.lockTimeout(),
                config.sweepInterval());
    }
}
