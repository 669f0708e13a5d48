package dev.uniwizard.mesh.core.payload;

/**
 * The host an instance runs on, as sent in its heartbeat. Ratios are between 0 and 1; a value the JVM cannot read is
 * {@code null} (never a made-up 0).
 *
 * @param hostname the host's name
 * @param cpuLoad recent system-wide CPU load, 0..1
 * @param memoryUsedRatio physical memory in use, 0..1
 * @param memoryTotalBytes physical memory
 * @param diskUsedRatio space in use on the file system of the working directory, 0..1
 * @param diskTotalBytes size of that file system
 * @param heapUsedRatio this JVM's heap in use against its maximum, 0..1
 */
public record HostStats(
        String hostname,
        Double cpuLoad,
        Double memoryUsedRatio,
        Long memoryTotalBytes,
        Double diskUsedRatio,
        Long diskTotalBytes,
        Double heapUsedRatio) {}
