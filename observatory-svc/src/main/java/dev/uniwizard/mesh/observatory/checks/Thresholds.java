package dev.uniwizard.mesh.observatory.checks;

import dev.uniwizard.mesh.observatory.config.ChecksConfig;
import java.time.Duration;

/**
 * The thresholds of {@code observatory.checks.*} as validated values: built at start, so a warn threshold at or above
 * its critical one (or a ratio over 1) stops the observatory with a message naming the keys.
 *
 * @param probeLatency in milliseconds
 */
public record Thresholds(
        Level cpu, Level memory, Level disk, Level inbox, Level approvals, Level jetstream, Level probeLatency) {

    private static final String PREFIX = "observatory.checks.";

    public static Thresholds of(ChecksConfig config) {
        return new Thresholds(
                Level.ratio(PREFIX + "cpu", config.cpuWarn(), config.cpuCritical()),
                Level.ratio(PREFIX + "memory", config.memoryWarn(), config.memoryCritical()),
                Level.ratio(PREFIX + "disk", config.diskWarn(), config.diskCritical()),
                new Level(PREFIX + "inbox", config.inboxWarn(), config.inboxCritical()),
                new Level(PREFIX + "approvals", config.approvalsWarn(), config.approvalsCritical()),
                Level.ratio(PREFIX + "jetstream", config.jetstreamWarn(), config.jetstreamCritical()),
                latency(PREFIX + "probe-latency", config.probeLatencyWarn(), config.probeLatencyCritical()));
    }

    /** A latency level in milliseconds. */
    public static Level latency(String name, Duration warn, Duration critical) {
        return new Level(name, warn.toMillis(), critical.toMillis());
    }

    /** Checks the evaluation's timing: a positive interval and a collector timeout shorter than it. */
    public static void validateTiming(Duration interval, Duration timeout) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(PREFIX + "interval must be positive, was " + interval);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(PREFIX + "timeout must be positive, was " + timeout);
        }
        if (timeout.compareTo(interval) >= 0) {
            throw new IllegalArgumentException(PREFIX + "timeout (" + timeout + ") must be shorter than " + PREFIX
                    + "interval (" + interval + ")");
        }
    }
}
