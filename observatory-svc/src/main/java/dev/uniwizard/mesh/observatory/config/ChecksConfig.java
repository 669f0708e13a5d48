package dev.uniwizard.mesh.observatory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How often the checks run and where their thresholds lie, under {@code observatory.checks.*}. A value at or above a
 * warn threshold is {@code warn}, at or above the critical one {@code critical}. Checked at start by
 * {@link dev.uniwizard.mesh.observatory.checks.Thresholds} (each warn below its critical).
 */
@ConfigMapping(prefix = "observatory.checks")
public interface ChecksConfig {

    /** How often the leader runs every check. */
    @WithDefault("30s")
    Duration interval();

    /** How long one collector may take before its result is an {@code error}; shorter than the interval. */
    @WithDefault("10s")
    Duration timeout();

    /** System CPU load of an instance's host, 0..1. */
    @WithDefault("0.85")
    double cpuWarn();

    @WithDefault("0.95")
    double cpuCritical();

    /** Physical memory in use on an instance's host, 0..1. */
    @WithDefault("0.85")
    double memoryWarn();

    @WithDefault("0.95")
    double memoryCritical();

    /** Disk in use on the file system of an instance's working directory, 0..1. */
    @WithDefault("0.80")
    double diskWarn();

    @WithDefault("0.90")
    double diskCritical();

    /** Tasks waiting for or being worked on by a house (its JetStream consumer's pending + unacknowledged). */
    @WithDefault("10")
    int inboxWarn();

    @WithDefault("50")
    int inboxCritical();

    /** Approval requests waiting for a decision. */
    @WithDefault("5")
    int approvalsWarn();

    @WithDefault("20")
    int approvalsCritical();

    /** JetStream file storage in use against the server's JetStream storage limit, 0..1. */
    @WithDefault("0.8")
    double jetstreamWarn();

    @WithDefault("0.9")
    double jetstreamCritical();

    /** Latency of an HTTP probe (each probe may override it). */
    @WithDefault("500ms")
    Duration probeLatencyWarn();

    @WithDefault("2s")
    Duration probeLatencyCritical();
}
