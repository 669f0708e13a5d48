package dev.uniwizard.mesh.service.health;

import dev.uniwizard.mesh.core.payload.HostStats;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.net.InetAddress;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.jboss.logging.Logger;

/**
 * Reads the {@link HostStats} of a heartbeat: the host's name, system CPU load, physical memory, the file system of a
 * directory (the working directory) and this JVM's heap. What the JVM cannot read is {@code null}, never a made-up 0;
 * ratios are clamped to 0..1. Memory in use is total minus available: on Linux {@code MemAvailable} of
 * {@code /proc/meminfo} when the JVM sees the whole machine (page cache counts as available, as {@code free} shows it),
 * else the JVM's (container-aware) free memory. Cheap enough to call on every heartbeat; thread-safe.
 */
public final class HostStatsReader {

    private static final Logger LOG = Logger.getLogger(HostStatsReader.class);
    private static final Path MEMINFO = Path.of("/proc/meminfo");

    private final Path directory;
    private volatile String hostname;

    /** Reads the file system of {@code directory} (the service's working directory in production). */
    public HostStatsReader(Path directory) {
        this.directory = directory.toAbsolutePath();
    }

    /** The host now. */
    public HostStats read() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        Double cpu = null;
        Double memoryRatio = null;
        Long memoryTotal = null;
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            double load = sun.getCpuLoad();
            cpu = load < 0 || Double.isNaN(load) ? null : ratio(load);
            long total = sun.getTotalMemorySize();
            if (total > 0) {
                memoryTotal = total;
                long available = available(total).orElse(sun.getFreeMemorySize());
                memoryRatio = ratio((double) (total - available) / total);
            }
        }
        Double diskRatio = null;
        Long diskTotal = null;
        try {
            FileStore store = Files.getFileStore(directory);
            long total = store.getTotalSpace();
            if (total > 0) {
                diskTotal = total;
                diskRatio = ratio((double) (total - store.getUsableSpace()) / total);
            }
        } catch (IOException | SecurityException e) {
            LOG.debugf("cannot read the file system of %s: %s", directory, e);
        }
        return new HostStats(hostname(), cpu, memoryRatio, memoryTotal, diskRatio, diskTotal, heapRatio());
    }

    /** This JVM's heap in use against its maximum, or null when the maximum is undefined. */
    private static Double heapRatio() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getMax() > 0 ? ratio((double) heap.getUsed() / heap.getMax()) : null;
    }

    /** {@code MemAvailable} of /proc/meminfo when its {@code MemTotal} is the JVM's total (no container limit). */
    private static OptionalLong available(long jvmTotal) {
        if (!Files.isReadable(MEMINFO)) {
            return OptionalLong.empty();
        }
        try {
            return available(Files.readAllLines(MEMINFO), jvmTotal);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** The available bytes of {@code /proc/meminfo} lines, if their total is {@code jvmTotal} (within 1 MiB). */
    static OptionalLong available(List<String> meminfo, long jvmTotal) {
        OptionalLong total = kibibytes(meminfo, "MemTotal:");
        OptionalLong available = kibibytes(meminfo, "MemAvailable:");
        if (total.isEmpty() || available.isEmpty() || Math.abs(total.getAsLong() - jvmTotal) > 1024 * 1024) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.min(available.getAsLong(), jvmTotal));
    }

    private static OptionalLong kibibytes(List<String> meminfo, String key) {
        for (String line : meminfo) {
            if (line.startsWith(key)) {
                String[] parts = line.substring(key.length()).strip().split("\\s+");
                try {
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }

    /** The host's name, looked up once (a lookup may wait on DNS); null when it cannot be told. */
    private String hostname() {
        String name = hostname;
        if (name == null) {
            name = lookUpHostname();
            hostname = name;
        }
        return name.isEmpty() ? null : name;
    }

    private static String lookUpHostname() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException | SecurityException e) {
            LOG.debugf("cannot tell the host's name: %s", e);
            return "";
        }
    }

    private static double ratio(double value) {
        return Math.max(0.0, Math.min(1.0, value));
    }
}
